using System.CommandLine;
using PlanState.Cli.Output;
using Spectre.Console;

namespace PlanState.Cli.Commands;

/// <summary>
/// <c>planstate status [PATH]</c>: a dashboard of the milestone's progress, its phases, velocity and findings.
/// Exit codes as <c>check</c>: 0 without errors, 1 with errors, 2 when PATH is not a planning folder.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CommandContext context) =>
        context.PlanningCommand("status", "Shows the milestone's progress, each phase, velocity and the findings.", (target, _) => Run(context, target));

    private static int Run(CommandContext context, PlanningTarget target)
    {
        // One analysis, then the process ends: nothing is kept for a later one.
        using var engine = new PlanStateEngine { ReuseAcrossAnalyses = false };
        var analysis = engine.Analyze(target.PlanningRoot);
        var console = CreateConsole(context.Stdout, context.Options);
        StatusDashboard.Render(console, StatusModel.From(analysis), target);
        return analysis.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    /// <summary>
    /// Colour only on a terminal (and as far as it and <c>NO_COLOR</c> allow); redirected output is plain text
    /// with no escape sequences at a fixed width, so that it diffs and greps cleanly.
    /// </summary>
    internal static IAnsiConsole CreateConsole(TextWriter stdout, CliOptions options)
    {
        var terminal = options.StdoutIsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        if (!terminal)
        {
            console.Profile.Width = options.PlainWidth;
        }

        return console;
    }
}
