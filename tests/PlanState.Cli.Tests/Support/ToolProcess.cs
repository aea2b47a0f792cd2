using System.Diagnostics;

namespace PlanState.Cli.Tests.Support;

/// <summary>What one run of the tool as a process produced.</summary>
public sealed record ToolRun(int Exit, string Stdout, string Stderr);

/// <summary>
/// Runs a build of the tool as a real process: <c>dotnet PlanState.Cli.dll …</c> for a managed build, the executable
/// itself for a native (AOT) one.
/// </summary>
public static class ToolProcess
{
    /// <summary>The tool as built next to the tests (a referenced executable brings its runtimeconfig along), else in its own bin folder.</summary>
    public static string BuiltTool
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "PlanState.Cli.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "PlanState.Cli.runtimeconfig.json")))
            {
                return beside;
            }

            var built = RepositoryLayout.BuiltCliAssembly();
            File.Exists(built).Should().BeTrue($"the CLI must be built at {built}");
            return built;
        }
    }

    public static ToolRun Run(string tool, params string[] args) => Run(tool, args, environment: null);

    /// <param name="tool">The tool's managed assembly (<c>.dll</c>), run by the dotnet host, or a native executable.</param>
    public static ToolRun Run(string tool, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var managed = tool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? DotnetHost() : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (managed)
        {
            start.ArgumentList.Add(tool);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Colour must not depend on the test runner's environment.
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("planstate did not exit within 60 s");
        }

        return new ToolRun(process.ExitCode, stdout, stderr.Result);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
