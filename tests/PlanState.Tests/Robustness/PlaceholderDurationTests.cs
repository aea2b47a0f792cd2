namespace PlanState.Tests.Robustness;

/// <summary>
/// A new project has no durations yet, and its STATE.md says so with a placeholder: GSD agents write
/// <c>- Average duration: -</c> until the first plan completes, and the synthetic generator writes the same. A
/// placeholder is not an unreadable duration, so it must not warn (PLAN1001) on every build of every new project.
/// </summary>
[TestFixture]
public sealed class PlaceholderDurationTests
{
    private const string NewProject =
        "# Project State\n\n## Current Position\n\nPhase: 1 of 2 (Foundation)\nPlan: 0 of 3 in current phase\nStatus: Ready to plan\n\n" +
        "Progress: [░░░░░░░░░░] 0%\n\n## Performance Metrics\n\n**Velocity:**\n- Total plans completed: 0\n- Average duration: -\n- Total execution time: 0 hours\n";

    [Test]
    public void A_dash_placeholder_with_no_completed_plans_is_not_an_unreadable_duration()
    {
        using var temp = new TempDirectory();
        var root = Write(temp, NewProject);

        var analysis = new PlanStateEngine().Analyze(root);

        analysis.Findings.Where(f => f.Code == "PLAN1001").Should().BeEmpty("'-' means 'no data yet', not a duration someone failed to write");
    }

    [Test]
    public void A_dash_placeholder_does_not_stop_a_stale_total_execution_time_from_being_rewritten()
    {
        // Found by RewriterProperties: in a folder with no completed plan, a changed '0.00 hours' stayed stale.
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 3, PlansPerPhase = 2, CompletedFraction = 0 });
        tree.ReadFile("STATE.md").Should().Contain("- Average duration: -");
        tree.ReplaceOnce("STATE.md", "- Total execution time: 0.00 hours", "- Total execution time: 7.00 hours");

        var result = new PlanStateEngine().Update(tree.Root);

        tree.ReadFile("STATE.md").Should().Contain("- Total execution time: 0.00 hours", "no plan has run, so no time was spent");
        result.Remaining.Where(f => f.Kind == Diagnostics.FindingKind.Stale).Should().BeEmpty();
    }

    private static string Write(TempDirectory temp, string state)
    {
        var root = temp.Combine(".planning");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "STATE.md"), state);
        return root;
    }
}
