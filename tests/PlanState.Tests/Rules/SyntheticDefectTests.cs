using PlanState.Diagnostics;
using PlanState.Testing;
using PlanState.Tests.Support;

namespace PlanState.Tests.Rules;

/// <summary>
/// Spec §6 contradictions on generated trees: each defect is seeded alone into a consistent synthetic tree and gives
/// exactly its finding, at the defect's line and column, and nothing else. The tree itself (4 phases × 3 plans, 7
/// complete: phases 1 and 2 done, phase 3 at 1 of 3) is clean, which is each rule's quiet case on generated data.
/// </summary>
public class SyntheticDefectTests
{
    private const string State = "STATE.md";
    private const string Roadmap = "ROADMAP.md";

    private static GeneratedTree Generate(TempDirectory temp) =>
        SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 4, PlansPerPhase = 3, CompletedFraction = 0.6, Seed = 7 });

    private static IReadOnlyList<Finding> ErrorsAndWarnings(GeneratedTree tree) =>
        new PlanStateEngine().Analyze(tree.Root).Findings.Where(f => f.Severity != Severity.Info).ToList();

    private static void ShouldFindOnly(GeneratedTree tree, string code, string file, (int Line, int Column) at)
    {
        var findings = ErrorsAndWarnings(tree);
        findings.Should().ContainSingle($"only {code} is expected, got:\n{string.Join("\n", findings)}");
        var finding = findings[0];
        (finding.Code, finding.Span.File, finding.Span.Line, finding.Span.Column).Should().Be((code, file, at.Line, at.Column));
        finding.Kind.Should().Be(code.StartsWith("PLAN2", StringComparison.Ordinal) ? FindingKind.Contradiction : FindingKind.InputProblem);
    }

    [TestCase(4, 3, 0.6, 7, 0, LineEndingStyle.Lf, false)]
    [TestCase(20, 10, 0.55, 3, 0, LineEndingStyle.CrLf, true)]
    [TestCase(12, 7, 0.3, 11, 4, LineEndingStyle.Lf, false)]
    [TestCase(30, 5, 1.0, 5, 10, LineEndingStyle.Lf, true)]
    [TestCase(5, 4, 0.0, 9, 0, LineEndingStyle.CrLf, false)]
    public void Generated_trees_are_clean(int phases, int plans, double completed, int seed, int archived, LineEndingStyle endings, bool bom)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = phases, PlansPerPhase = plans, CompletedFraction = completed, Seed = seed, ArchivedPhases = archived, LineEndings = endings, Bom = bom });

        var analysis = new PlanStateEngine().Analyze(tree.Root);

        analysis.Findings.Should().BeEmpty("the generator's independent oracle and the engine agree on every number");
        analysis.Edits.Should().BeEmpty();
    }

    [Test]
    public void Orphan_summary()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        tree.WriteFile("phases/04-sync-ui/04-07-SUMMARY.md", "---\nphase: 04-sync-ui\nplan: 07\nduration: 5 min\ncompleted: 2025-03-05\n---\n\n# Summary\n");

        ShouldFindOnly(tree, "PLAN2001", "phases/04-sync-ui/04-07-SUMMARY.md", (1, 1));
    }

    [Test]
    public void Two_phase_folders_with_the_same_number()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        tree.WriteFile("phases/04-sync-ui-v2/04-CONTEXT.md", "# Context\n");

        ShouldFindOnly(tree, "PLAN2002", "phases/04-sync-ui-v2", (1, 1));
    }

    [Test]
    public void Roadmap_phase_ticked_while_summaries_are_missing()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(Roadmap, "- [ ] **Phase 3: Reporting Rollout**", "- [x] **Phase 3: Reporting Rollout**");

        ShouldFindOnly(tree, "PLAN2003", Roadmap, (at.Line, at.Column + 3));
    }

    [Test]
    public void Roadmap_phase_without_a_folder_while_later_phases_have_one()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(Roadmap, "### Phase 3: Reporting Rollout", "### Phase 2.5: Audit Spike (INSERTED)\n**Goal**: Check the audit trail\n**Plans:** TBD\n\n### Phase 3: Reporting Rollout");

        // The phase counts in the milestone, so STATE's frontmatter is made to agree: the defect is the missing folder alone.
        tree.ReplaceOnce(State, "  total_phases: 4", "  total_phases: 5");
        tree.ReplaceOnce(State, "  percent: 50", "  percent: 40");

        ShouldFindOnly(tree, "PLAN2004", Roadmap, at);
    }

    [Test]
    public void Phase_folder_not_in_roadmap()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        tree.WriteFile("phases/05-hardening/05-CONTEXT.md", "# Context\n");
        tree.ReplaceOnce(State, "  total_phases: 4", "  total_phases: 5");
        tree.ReplaceOnce(State, "  percent: 50", "  percent: 40");

        ShouldFindOnly(tree, "PLAN2005", "phases/05-hardening", (1, 1));
    }

    [Test]
    public void Decimal_folder_is_not_its_integer_phase()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        tree.WriteFile("phases/02.1-hotfix/02.1-CONTEXT.md", "# Context\n");
        tree.ReplaceOnce(State, "  total_phases: 4", "  total_phases: 5");
        tree.ReplaceOnce(State, "  percent: 50", "  percent: 40");

        ShouldFindOnly(tree, "PLAN2005", "phases/02.1-hotfix", (1, 1));
    }

    [Test]
    public void State_points_at_a_phase_that_does_not_exist()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(State, "Phase: 3 of 4", "Phase: 9 of 4");
        tree.ReplaceOnce(State, "**Current focus:** Phase 3", "**Current focus:** Phase 9");

        ShouldFindOnly(tree, "PLAN2006", State, (at.Line, at.Column + 7));
    }

    [Test]
    public void Plan_position_past_the_phase_plan_count()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(State, "Plan: 1 of 3", "Plan: 4 of 3");

        ShouldFindOnly(tree, "PLAN2007", State, (at.Line, at.Column + 6));
    }

    [Test]
    public void Last_activity_names_a_plan_without_summary()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(State, "— Completed 03-01-PLAN.md", "— Completed 03-02-PLAN.md");
        tree.ReplaceOnce(State, "Stopped at: Completed 03-01-PLAN.md", "Stopped at: Completed 03-02-PLAN.md");

        ShouldFindOnly(tree, "PLAN2008", State, (at.Line, at.Column + 12));
    }

    [Test]
    public void Stopped_at_and_last_activity_name_different_plans()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(State, "Stopped at: Completed 03-01-PLAN.md", "Stopped at: Completed 02-03-PLAN.md");

        ShouldFindOnly(tree, "PLAN2009", State, (at.Line, at.Column + 22));
    }

    [Test]
    public void Summary_phase_disagrees_with_its_folder()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        const string file = "phases/01-export-integration/01-01-SUMMARY.md";
        var at = tree.ReplaceOnce(file, "phase: 01-export-integration", "phase: 02-sync-infrastructure");

        ShouldFindOnly(tree, "PLAN2010", file, (at.Line, at.Column + 7));
    }

    [Test]
    public void Completed_count_greater_than_its_total()
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp);
        var at = tree.ReplaceOnce(State, "  completed_plans: 7", "  completed_plans: 13");

        ShouldFindOnly(tree, "PLAN2011", State, (at.Line, at.Column + 19));
    }
}
