using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Rewriting;
using PlanState.Rules;

namespace PlanState;

public sealed partial class PlanStateEngine
{
    private PlanningAnalysis AnalyzeCore(string planningRoot)
    {
        var folder = PlanningFolderReader.Read(planningRoot);
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var milestone = folder.State?.Frontmatter?.Find("milestone")?.Value;
        var metrics = ProjectMetrics.Compute(aggregates, folder.Roadmap, milestone);
        var rules = RuleRunner.Run(folder, aggregates, metrics);

        var inputProblems = folder.Problems
            .Concat(folder.Phases.SelectMany(p => p.Problems.Concat(p.Plans.SelectMany(x => x.Problems)).Concat(p.Summaries.SelectMany(x => x.Problems))));
        var findings = inputProblems.Concat(rules.Findings)
            .Distinct()
            .OrderBy(f => f.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.Column)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToEquatableArray();
        return new PlanningAnalysis(folder.Root, folder, findings, rules.Edits);
    }
}
