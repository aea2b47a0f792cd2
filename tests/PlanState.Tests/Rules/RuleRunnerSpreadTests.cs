using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Rules;
using PlanState.Testing;

namespace PlanState.Tests.Rules;

/// <summary>
/// With many phases ROADMAP.md's rules run on another core into a context of their own (<see cref="RuleRunner"/>); the
/// findings, the edits and their order must be exactly those of running them in line, with and without a memo.
/// </summary>
[TestFixture]
public sealed class RuleRunnerSpreadTests
{
    [Test]
    public void Roadmap_rules_on_another_core_find_and_edit_exactly_as_in_line()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = RuleRunner.SpreadThreshold + 6, PlansPerPhase = 3, CompletedFraction = 0.7, Seed = 13, ArchivedPhases = 4 });

        // Plans done on disk that neither ROADMAP.md nor STATE.md counts yet: stale text for both kinds of rule.
        var pending = tree.Files
            .Where(f => f.StartsWith("phases/", StringComparison.Ordinal) && f.EndsWith("-PLAN.md", StringComparison.Ordinal))
            .Where(f => !tree.Files.Contains(f.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Take(15)
            .ToList();
        pending.Should().HaveCount(15);
        foreach (var plan in pending)
        {
            tree.WriteFile(plan.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal), "---\nduration: 4 min\ncompleted: 2026-05-05\n---\n");
        }

        var folder = PlanningFolderReader.Read(tree.Root);
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var metrics = ProjectMetrics.Compute(aggregates, folder.Roadmap, folder.State?.Frontmatter?.Find("milestone")?.Value);
        var phaseFindings = Array.Empty<EquatableArray<Finding>>();

        var inLine = RuleRunner.Run(folder, aggregates, metrics, phaseFindings, memo: null, spread: false);
        var spread = RuleRunner.Run(folder, aggregates, metrics, phaseFindings, memo: null, spread: true);

        spread.Should().Be(inLine);
        inLine.Edits.Select(e => e.Span.File).Distinct().Should().BeEquivalentTo(new[] { "ROADMAP.md", "STATE.md" }, "both kinds of rule have stale text to fix");

        // With a memo: the first run checks every piece, the second replays them, on another core as in line.
        var memo = new RuleMemo();
        RuleRunner.Run(folder, aggregates, metrics, phaseFindings, memo, spread: true).Should().Be(inLine);
        RuleRunner.Run(folder, aggregates, metrics, phaseFindings, memo, spread: true).Should().Be(inLine);
        memo.Counts[(int)PlanState.Incremental.IncrementalStepReason.Cached].Should().BeGreaterThan(RuleRunner.SpreadThreshold, "the pieces were replayed");
        memo.Counts[(int)PlanState.Incremental.IncrementalStepReason.New].Should().Be(0);
    }
}
