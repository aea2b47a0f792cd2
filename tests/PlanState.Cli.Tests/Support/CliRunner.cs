using System.Text.Json;

namespace PlanState.Cli.Tests.Support;

/// <summary>What one in-process run of the command line produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs <see cref="CliApp"/> in-process with captured output.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs as if the current folder were <paramref name="workingDirectory"/>, without changing the process's.</summary>
    public static CliResult RunIn(string? workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, new CliOptions { WorkingDirectory = workingDirectory });
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
