namespace PlanState.Cli;

/// <summary>How <see cref="CliApp.Run(string[], TextWriter, TextWriter, CliOptions)"/> treats its output.</summary>
public sealed record CliOptions
{
    /// <summary>
    /// True when stdout is an interactive terminal: <c>status</c> then uses colour (as far as the terminal and
    /// <c>NO_COLOR</c> allow). False writes plain text with no escape sequences, as for redirected output.
    /// </summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>The width <c>status</c> lays its dashboard out to when stdout is not a terminal.</summary>
    public int PlainWidth { get; init; } = 100;

    /// <summary>The folder a missing PATH means; null for the process's current directory.</summary>
    public string? WorkingDirectory { get; init; }
}
