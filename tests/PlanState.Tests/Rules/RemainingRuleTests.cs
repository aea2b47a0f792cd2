using PlanState.Diagnostics;
using PlanState.Testing;
using PlanState.Tests.Support;

namespace PlanState.Tests.Rules;

/// <summary>Rules the sample, corpus and generated-tree suites do not reach: each fires once here, and stays quiet on the same input without the defect.</summary>
public class RemainingRuleTests
{
    private static IReadOnlyList<Finding> Findings(string root) =>
        new PlanStateEngine().Analyze(root).Findings.Where(f => f.Severity != Severity.Info).ToList();

    /// <summary>Seed 002 alone is clean apart from its stale bar; these tests change one more thing in it.</summary>
    private static string Seed002With(TempDirectory temp, string oldText, string newText)
    {
        var root = temp.WithSeed("002");
        var path = Path.Combine(root, "STATE.md");
        var text = File.ReadAllText(path).Replace("[==                  ]", "[====                ]");
        text.Should().Contain(oldText);
        File.WriteAllText(path, text.Replace(oldText, newText));
        return root;
    }

    [Test]
    public void State_only_plan_total_against_the_by_phase_row()
    {
        using var temp = new TempDirectory();
        var root = Seed002With(temp, "Plan: 2 of 3 in current phase", "Plan: 2 of 4 in current phase");

        var finding = Findings(root).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line, finding.Span.Column).Should().Be(("PLAN2013", 13, 12));
        finding.Message.Should().Contain("2 of 4").And.Contain("2/3");

        using var quiet = new TempDirectory();
        Findings(Seed002With(quiet, "Plan: 2 of 3 in current phase", "Plan: 2 of 3 in current phase")).Should().BeEmpty();
    }

    [Test]
    public void State_only_recent_trend_sum_against_the_by_phase_totals()
    {
        using var temp = new TempDirectory();
        var root = Seed002With(temp, "07-02 (2m)", "07-02 (4m)");

        var finding = Findings(root).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line).Should().Be(("PLAN2014", 36));
        finding.Message.Should().Contain("9m").And.Contain("7m");
    }

    [Test]
    public void State_only_total_plans_completed_against_the_by_phase_counts()
    {
        using var temp = new TempDirectory();
        var root = Seed002With(temp, "Total plans completed: 2 (v1.1)", "Total plans completed: 3 (v1.1)");

        var finding = Findings(root).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line, finding.Span.Column, finding.Span.Length).Should().Be(("PLAN3005", 22, 26, 1));
    }

    [Test]
    public void Plan_file_in_the_folder_of_another_phase()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 4, PlansPerPhase = 3, CompletedFraction = 0.6, Seed = 7 });
        File.Move(tree.FullPath("phases/04-sync-ui/04-03-PLAN.md"), tree.FullPath("phases/04-sync-ui/03-09-PLAN.md"));

        Findings(tree.Root).Select(f => (f.Code, f.Span.File)).Should().Contain(("PLAN2015", "phases/04-sync-ui/03-09-PLAN.md"));
    }

    [Test]
    public void Plan_frontmatter_phase_against_its_folder()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 4, PlansPerPhase = 3, CompletedFraction = 0.6, Seed = 7 });
        const string file = "phases/04-sync-ui/04-01-PLAN.md";
        var at = tree.ReplaceOnce(file, "phase: 04-sync-ui", "phase: 03-reporting-rollout");

        var finding = Findings(tree.Root).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.File, finding.Span.Line, finding.Span.Column).Should().Be(("PLAN2016", file, at.Line, at.Column + 7));
    }

    [Test]
    public void A_stale_lock_is_reported_by_check_and_a_fresh_one_is_not()
    {
        using var temp = new TempDirectory();
        var root = temp.WithSeed("001");
        var lockPath = Path.Combine(root, "STATE.md.lock");
        File.WriteAllText(lockPath, "4242");
        Findings(root).Should().BeEmpty("a fresh lock is someone at work, not a problem");

        File.SetLastWriteTimeUtc(lockPath, DateTime.UtcNow.AddSeconds(-60));
        var finding = Findings(root).Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Span.File).Should().Be(("PLAN1007", Severity.Warning, "STATE.md.lock"));
    }

    [Test]
    public void Without_phases_folder_state_is_checked_against_itself_and_nothing_is_guessed()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        Directory.Delete(copy.PathOf("phases"), recursive: true);

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        analysis.Findings.Select(f => (f.Code, f.Severity)).Should().Equal(("PLAN1013", Severity.Info));
        analysis.Edits.Should().BeEmpty("with no plan files, a percent of 0 would be a guess, not a fix");
    }
}
