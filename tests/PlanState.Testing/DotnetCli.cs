using System.Diagnostics;
using System.Text;

namespace PlanState.Testing;

/// <summary>What a <c>dotnet</c> command did: its exit code and its standard output and error, interleaved.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public IEnumerable<string> Lines => Output.Split('\n').Select(line => line.TrimEnd('\r'));

    public override string ToString() => $"> {CommandLine}\n(exit code {ExitCode})\n{Output}";
}

/// <summary>
/// Runs the .NET CLI as a user would, isolated from the test run: no CI variables (every test picks its mode), none of
/// the MSBuild variables that <c>dotnet test</c> sets for its own build, English messages, and no long-lived build
/// servers, whose inherited output handles would keep a finished command from returning.
/// </summary>
public static class DotnetCli
{
    private static readonly string[] RemovedVariables =
    [
        "CI", "ContinuousIntegrationBuild", "GITHUB_ACTIONS", "TF_BUILD", "BUILD_BUILDID", "TEAMCITY_VERSION", "APPVEYOR",
        "DOTNET_HOST_PATH", "NUGET_PACKAGES",
    ];

    private static readonly string[] RemovedPrefixes = ["MSBUILD", "_MSBUILD", "VSTEST", "TESTINGPLATFORM"];

    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (RemovedVariables.Contains(name, StringComparer.OrdinalIgnoreCase)
                || RemovedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        // The plain console logger, whose lines the tests read, even where the terminal logger would be chosen.
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish within {limit}:\n{output}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        lock (output)
        {
            return new CommandResult("dotnet " + string.Join(' ', arguments), process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
