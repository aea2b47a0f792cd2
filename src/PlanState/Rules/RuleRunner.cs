using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Rewriting;

namespace PlanState.Rules;

/// <summary>The findings and fixing edits of one analysis.</summary>
public sealed record RuleResults(EquatableArray<Finding> Findings, EquatableArray<TextEdit> Edits);

/// <summary>Runs every rule over a planning folder and its metrics.</summary>
public static class RuleRunner
{
    public static RuleResults Run(PlanningFolder folder, EquatableArray<PhaseAggregate> aggregates, ProjectMetrics metrics)
    {
        var context = new RuleContext(folder, aggregates, metrics);

        // Without phases/ there are no plan files to count, so STATE.md's numbers can only be checked against each
        // other (spec §5); a ROADMAP.md alone does not make plan counts certain.
        var stateAgainstItself = !folder.HasPhasesFolder;
        ProgressRules.Check(context, stateAgainstItself);
        FrontmatterRules.Check(context, stateAgainstItself);
        MetricsRules.Check(context, stateAgainstItself);
        PositionRules.Check(context, stateAgainstItself);
        if (!folder.IsStateOnly)
        {
            RoadmapRules.Check(context);
            FolderRules.Check(context);
        }

        return new RuleResults(context.Findings.InFileOrder(), DropOverlapping(context.Edits).ToEquatableArray());
    }

    /// <summary>Two rules never edit the same text; if they did, the first edit wins and the other waits for the next run.</summary>
    private static IEnumerable<TextEdit> DropOverlapping(IReadOnlyList<TextEdit> edits)
    {
        foreach (var byFile in edits.GroupBy(e => e.Span.File))
        {
            var taken = new List<TextEdit>();
            foreach (var edit in byFile)
            {
                var overlaps = taken.Any(t =>
                    (t.Span.Start < edit.Span.End && edit.Span.Start < t.Span.End)
                    || (t.Span.Length == 0 && edit.Span.Length == 0 && t.Span.Start == edit.Span.Start));
                if (!overlaps)
                {
                    taken.Add(edit);
                }
            }

            foreach (var edit in taken)
            {
                yield return edit;
            }
        }
    }
}
