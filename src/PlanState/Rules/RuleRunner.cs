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
        var phaseFindings = new EquatableArray<Finding>[folder.IsStateOnly ? 0 : aggregates.Count + folder.Phases.Count];
        if (!folder.IsStateOnly)
        {
            var next = 0;
            foreach (var aggregate in aggregates.AsSpan())
            {
                phaseFindings[next++] = FolderRules.CheckAggregate(aggregate);
            }

            foreach (var phase in folder.Phases.AsSpan())
            {
                phaseFindings[next++] = FolderRules.CheckFolder(phase);
            }
        }

        return Run(folder, aggregates, metrics, phaseFindings);
    }

    /// <summary>The checks of one phase folder alone (see <see cref="FolderRules"/>); <paramref name="aggregate"/> is null for an archived folder.</summary>
    internal static EquatableArray<Finding> RunPhase(PhaseFolder folder, PhaseAggregate? aggregate)
    {
        var folderFindings = FolderRules.CheckFolder(folder);
        if (aggregate is null)
        {
            return folderFindings;
        }

        var aggregateFindings = FolderRules.CheckAggregate(aggregate);
        return aggregateFindings.IsEmpty ? folderFindings
            : folderFindings.IsEmpty ? aggregateFindings
            : aggregateFindings.Concat(folderFindings).ToEquatableArray();
    }

    /// <summary>
    /// Every rule, given the findings of the per-phase checks (<see cref="RunPhase"/>), which the incremental pipeline
    /// keeps per folder. They are ignored in STATE-only mode, where the folder rules do not run.
    /// </summary>
    /// <param name="memo">What the last run kept (see <see cref="RuleMemo"/>); null to check everything.</param>
    /// <param name="spread">Whether ROADMAP.md's rules run on another core; null decides by the folder's size (tests set it).</param>
    internal static RuleResults Run(PlanningFolder folder, EquatableArray<PhaseAggregate> aggregates, ProjectMetrics metrics, EquatableArray<Finding>[] phaseFindings, RuleMemo? memo = null, bool? spread = null)
    {
        memo?.Begin();
        var context = new RuleContext(folder, aggregates, metrics, memo);

        // ROADMAP.md's rules read nothing the other rules make, and use memo caches of their own: with many phases they
        // run on another core beside the STATE.md rules, into a context of their own, whose findings and edits then
        // follow the others' in the order the rules always ran (the first of two overlapping edits wins).
        RuleContext? roadmapContext = null;
        Task? roadmapRules = null;
        if (!folder.IsStateOnly)
        {
            roadmapContext = new RuleContext(folder, aggregates, metrics, memo);
            if (spread ?? (Environment.ProcessorCount > 1 && folder.Phases.Count >= SpreadThreshold))
            {
                roadmapRules = Task.Run(() => RoadmapRules.Check(roadmapContext));
            }
            else
            {
                RoadmapRules.Check(roadmapContext);
            }
        }

        // Without phases/ there are no plan files to count, so STATE.md's numbers can only be checked against each
        // other (spec §5); a ROADMAP.md alone does not make plan counts certain.
        var stateAgainstItself = !folder.HasPhasesFolder;
        ProgressRules.Check(context, stateAgainstItself);
        FrontmatterRules.Check(context, stateAgainstItself);
        MetricsRules.Check(context, stateAgainstItself);
        PositionRules.Check(context, stateAgainstItself);
        if (roadmapContext is not null)
        {
            roadmapRules?.GetAwaiter().GetResult();
            context.Replay(roadmapContext.Findings, roadmapContext.Edits);
            for (var i = 0; i < phaseFindings.Length; i++)
            {
                context.Report(phaseFindings[i]);
            }

            context.CheckAcrossFolders(static memo => memo.Duplicates, FolderRules.CheckDuplicates);
        }

        return new RuleResults(context.Findings.InFileOrder(), DropOverlapping(context.Edits));
    }

    /// <summary>
    /// From this many phases ROADMAP.md's rules run on another core (about 8 ms of a 10,000-plan check's otherwise
    /// serial tail); below it, handing them over costs more than it saves.
    /// </summary>
    internal const int SpreadThreshold = 64;

    /// <summary>Two rules never edit the same text; if they did, the first edit wins and the other waits for the next run.</summary>
    private static EquatableArray<TextEdit> DropOverlapping(IReadOnlyList<TextEdit> edits)
    {
        if (edits.Count == 0)
        {
            return EquatableArray<TextEdit>.Empty;
        }

        // Grouped by file in the order the files first appear, each file's edits in the order they were made.
        var files = new List<string>();
        var byFile = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            if (!byFile.TryGetValue(edit.Span.File, out var taken))
            {
                taken = new List<TextEdit>();
                byFile.Add(edit.Span.File, taken);
                files.Add(edit.Span.File);
            }

            if (!Overlaps(taken, edit))
            {
                taken.Add(edit);
            }
        }

        var kept = new List<TextEdit>(edits.Count);
        foreach (var file in files)
        {
            kept.AddRange(byFile[file]);
        }

        return kept.ToEquatableArray();
    }

    private static bool Overlaps(List<TextEdit> taken, TextEdit edit)
    {
        foreach (var t in taken)
        {
            if ((t.Span.Start < edit.Span.End && edit.Span.Start < t.Span.End)
                || (t.Span.Length == 0 && edit.Span.Length == 0 && t.Span.Start == edit.Span.Start))
            {
                return true;
            }
        }

        return false;
    }
}
