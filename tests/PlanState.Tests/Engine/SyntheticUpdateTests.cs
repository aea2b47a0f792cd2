using PlanState.Testing;
using PlanState.Tests.Support;

namespace PlanState.Tests.Engine;

/// <summary>
/// Issue #4 on generated trees: with stale tables, checkboxes, velocity and frontmatter all at once, one update writes
/// exactly the text the generator wrote (the generator's oracle is independent of the engine), touches no other
/// byte, and leaves a folder that checks clean and that a second update does not write.
/// </summary>
public class SyntheticUpdateTests
{
    private const string State = "STATE.md";
    private const string Roadmap = "ROADMAP.md";

    [TestCase(LineEndingStyle.Lf, false)]
    [TestCase(LineEndingStyle.CrLf, true)]
    [TestCase(LineEndingStyle.CrLf, false)]
    public void Update_restores_every_derived_value_and_nothing_else(LineEndingStyle endings, bool bom)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 4, PlansPerPhase = 3, CompletedFraction = 0.6, Seed = 7, LineEndings = endings, Bom = bom });
        var expectedState = File.ReadAllBytes(tree.FullPath(State));
        var expectedRoadmap = File.ReadAllBytes(tree.FullPath(Roadmap));

        // STATE.md: frontmatter, bar, percent, fraction, position, velocity, By Phase, Recent Trend.
        tree.ReplaceOnce(State, "  total_plans: 12", "  total_plans: 10");
        tree.ReplaceOnce(State, "  percent: 50", "  percent: 45");
        tree.ReplaceOnce(State, "[██████░░░░] 58% (7/12 plans)", "[████░░░░░░] 40% (5/12 plans)");
        tree.ReplaceOnce(State, "Phase: 3 of 4", "Phase: 3 of 6");
        tree.ReplaceOnce(State, "Plan: 1 of 3", "Plan: 1 of 5");
        tree.ReplaceOnce(State, "Total plans completed: 7", "Total plans completed: 5");
        tree.ReplaceOnce(State, "Average duration: 35.8 min", "Average duration: 30.0 min");
        tree.ReplaceOnce(State, "Total execution time: 4.17 hours", "Total execution time: 3.00 hours");
        tree.ReplaceOnce(State, "| 2. Sync Infrastructure | 3/3 | 97.9 min | 32.6 min |", "| 2. Sync Infrastructure | 2/3 | 60.0 min | 30.0 min |");
        tree.ReplaceOnce(State, "| 3. Reporting Rollout | 1/3 | 6.0 min | 6.0 min |\n", string.Empty);
        tree.ReplaceOnce(State, "03-01 (6min)", "03-01 (9min)");
        tree.ReplaceOnce(State, "Trend: Improving", "Trend: Degrading");

        // ROADMAP.md: plan and phase checkboxes, a Plans: count, table cells and a missing table row.
        tree.ReplaceOnce(Roadmap, "- [x] 02-02-PLAN.md", "- [ ] 02-02-PLAN.md");
        tree.ReplaceOnce(Roadmap, "- [ ] 04-01-PLAN.md", "- [x] 04-01-PLAN.md");
        tree.ReplaceOnce(Roadmap, "- [x] **Phase 2: Sync Infrastructure**", "- [ ] **Phase 2: Sync Infrastructure**");
        tree.ReplaceOnce(Roadmap, "**Requirements**: WEBH-004A, WEBH-004B\n**Plans:** 3 plans", "**Requirements**: WEBH-004A, WEBH-004B\n**Plans:** 2 plans");
        tree.ReplaceOnce(Roadmap, "| 2. Sync Infrastructure | 3/3 | Complete | 2025-03-04 |", "| 2. Sync Infrastructure | 2/3 | In Progress | - |");
        tree.ReplaceOnce(Roadmap, "| 3. Reporting Rollout | 1/3 | In Progress | - |", "| 3. Reporting Rollout | 0/3 | Not started | - |");
        tree.ReplaceOnce(Roadmap, "| 1. Export Integration | 3/3 | Complete | 2025-03-03 |\n", string.Empty);

        var engine = new PlanStateEngine();
        engine.Analyze(tree.Root).Findings.Where(f => f.Kind == Diagnostics.FindingKind.Stale).Should().HaveCountGreaterThanOrEqualTo(19);

        var result = engine.Update(tree.Root);

        result.WriteFailures.Should().BeEmpty();
        result.WrittenFiles.Should().BeEquivalentTo(new[] { State, Roadmap });
        File.ReadAllBytes(tree.FullPath(State)).Should().Equal(expectedState, "update writes back exactly the consistent text");
        File.ReadAllBytes(tree.FullPath(Roadmap)).Should().Equal(expectedRoadmap, "update writes back exactly the consistent text");
        result.Remaining.Should().BeEmpty();

        var stamp = File.GetLastWriteTimeUtc(tree.FullPath(State));
        new PlanStateEngine().Analyze(tree.Root).Findings.Should().BeEmpty("check is clean after update");
        new PlanStateEngine().Update(tree.Root).WrittenFiles.Should().BeEmpty("a second update writes nothing");
        File.GetLastWriteTimeUtc(tree.FullPath(State)).Should().Be(stamp);
    }
}
