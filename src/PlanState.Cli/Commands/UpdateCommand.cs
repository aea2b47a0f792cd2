using System.CommandLine;
using PlanState.Cli.Output;

namespace PlanState.Cli.Commands;

/// <summary>
/// <c>planstate update [PATH]</c>: rewrites every stale derived value and prints each change, then what remains.
/// Exit 1 when errors remain (contradictions, or files that could not be written), else 0.
/// </summary>
internal static class UpdateCommand
{
    public const string Arrow = "→";

    public static Command Create(CommandContext context) =>
        context.PlanningCommand("update", "Rewrites stale derived text (progress bars, percents, velocity, tables, checkboxes) and prints what changed.", (target, _) => Run(context, target));

    private static int Run(CommandContext context, PlanningTarget target)
    {
        using var engine = new PlanStateEngine();
        var result = engine.Update(target.PlanningRoot);
        foreach (var change in result.Changes)
        {
            context.Stdout.WriteLine(
                $"{target.Display(change.File)}({change.Line},{change.Column}): {FindingText.Quote(change.OldText)} {Arrow} {FindingText.Quote(change.NewText)} ({change.Code})");
        }

        // Write failures first: they explain why stale findings below are still there.
        var remaining = result.WriteFailures.Concat(result.Remaining).ToList();
        foreach (var finding in remaining)
        {
            context.Stdout.WriteLine(FindingText.Format(finding, target, hintUpdate: false));
        }

        var changed = result.Changes.Count == 0
            ? "nothing to update"
            : $"updated {FindingText.Plural(result.Changes.Count, "value")} in {string.Join(", ", result.WrittenFiles.Select(target.Display))}";
        context.Stderr.WriteLine($"{target.DisplayRoot()}: {changed}; remaining: {FindingText.Counts(remaining)}.");
        return result.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }
}
