using System.Globalization;
using PlanState.Model;

namespace PlanState.Rules;

/// <summary>STATE.md frontmatter <c>progress:</c> values (spec §2, §5). Only their values are rewritten, in place.</summary>
internal static class FrontmatterRules
{
    public static void Check(RuleContext context, bool stateOnly)
    {
        var frontmatter = context.Folder.State?.Frontmatter;
        if (frontmatter is null)
        {
            return;
        }

        var completedPlans = ReadInt(frontmatter.Find("progress.completed_plans"));
        var totalPlans = ReadInt(frontmatter.Find("progress.total_plans"));
        var completedPhases = ReadInt(frontmatter.Find("progress.completed_phases"));
        var totalPhases = ReadInt(frontmatter.Find("progress.total_phases"));
        // A completed count above its total is a contradiction a person must settle; neither value is rewritten.
        var plansOverflow = ReportOverflow(context, completedPlans, totalPlans, "plans");
        var phasesOverflow = ReportOverflow(context, completedPhases, totalPhases, "phases");
        if (stateOnly)
        {
            return;
        }

        var m = context.Metrics;
        if (!phasesOverflow)
        {
            Check(context, frontmatter.Find("progress.total_phases"), m.TotalPhases, $"the milestone has {m.TotalPhases} phases");
            Check(context, frontmatter.Find("progress.completed_phases"), m.CompletedPhases, $"{m.CompletedPhases} of its phases are complete");
        }

        if (!plansOverflow)
        {
            Check(context, frontmatter.Find("progress.total_plans"), m.TotalPlans, $"the milestone has {m.TotalPlans} plans");
            Check(context, frontmatter.Find("progress.completed_plans"), m.CompletedPlans, $"{m.CompletedPlans} of its plans are complete");
        }

        if (!plansOverflow && !phasesOverflow)
        {
            Check(context, frontmatter.Find("progress.percent"), m.FrontmatterPercent, $"the smaller of {m.CompletedPlans}/{m.TotalPlans} plans and {m.CompletedPhases}/{m.TotalPhases} phases gives {m.FrontmatterPercent}");
        }
    }

    /// <param name="why">Why <paramref name="expected"/> is right, quoted in the message.</param>
    private static void Check(RuleContext context, FrontmatterEntry? entry, int expected, string why)
    {
        if (entry is null || ReadInt(entry)?.Value is not { } current || current == expected)
        {
            return;
        }

        var text = expected.ToString(CultureInfo.InvariantCulture);
        var old = context.Folder.StateSource?.Slice(entry.ValueSpan) ?? entry.Value ?? string.Empty;

        // Keep quotes if the value was quoted.
        var replacement = old.Length >= 2 && (old[0] == '"' || old[0] == '\'') && old[old.Length - 1] == old[0] ? old[0] + text + old[0] : text;
        context.Stale(StaleValues.FrontmatterProgress, entry.ValueSpan, old, replacement, $"Frontmatter {entry.KeyPath} is {current} but {why}");
    }

    private static bool ReportOverflow(RuleContext context, (int Value, FrontmatterEntry Entry)? completed, (int Value, FrontmatterEntry Entry)? total, string what)
    {
        if (completed is { } c && total is { } t && c.Value > t.Value)
        {
            context.Report(Contradictions.FractionOverflow, c.Entry.ValueSpan, $"Frontmatter {c.Entry.KeyPath}: {c.Value} is greater than {t.Entry.KeyPath}: {t.Value} {what}");
            return true;
        }

        return false;
    }

    private static (int Value, FrontmatterEntry Entry)? ReadInt(FrontmatterEntry? entry) =>
        entry?.Value is { } value && int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n, entry) : null;
}
