using PlanState.Incremental;
using PlanState.Testing;
using static PlanState.Tests.Incremental.IncrementalTestSupport;

namespace PlanState.Tests.Incremental;

/// <summary>
/// <see cref="PlanStateEngine.TrackIncrementalSteps"/>: off by default, the trace counts every step run by reason
/// without listing them; on, it lists every run that was not Cached, with the same counts, for any kind of engine.
/// </summary>
public class StepTrackingTests
{
    [Test]
    public void Without_tracking_the_trace_counts_what_a_tracking_engine_counts_but_lists_nothing()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 6, plansPerPhase: 3, completed: 0.5, archived: 1);
        using var plain = new PlanStateEngine();
        using var tracking = new PlanStateEngine { TrackIncrementalSteps = true };
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));

        // A cold run, then one with a changed SUMMARY: New runs, then Modified and Cached ones.
        for (var run = 0; run < 2; run++)
        {
            plain.Analyze(tree.Root).Should().Be(tracking.Analyze(tree.Root));
            var counted = plain.LastRunTrace!;
            var listed = tracking.LastRunTrace!;

            counted.ListsRuns.Should().BeFalse();
            counted.Runs.Should().BeEmpty();
            counted.Invoking(t => t.Of(IncrementalStep.FileParse)).Should().Throw<InvalidOperationException>()
                .WithMessage("*TrackIncrementalSteps*");
            listed.ListsRuns.Should().BeTrue();
            listed.Runs.Should().NotBeEmpty();
            counted.ToString().Should().Be(listed.ToString(), "the counts of every step and reason");
            counted.FilesRead.Should().Be(listed.FilesRead);
            counted.FilesParsed.Should().Be(listed.FilesParsed);

            tree.ReplaceOnce(summary, "\nduration: ", "\nduration: 1");
            File.SetLastWriteTimeUtc(tree.FullPath(summary), DateTime.UtcNow.AddMinutes(-30));
        }
    }

    [Test]
    public void A_tracking_one_off_engine_lists_each_run_it_counts()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 3, completed: 0.5);
        using var engine = new PlanStateEngine { ReuseAcrossAnalyses = false, TrackIncrementalSteps = true };
        engine.Analyze(tree.Root);

        var trace = engine.LastRunTrace!;
        var parses = trace.Count(IncrementalStep.FileParse, IncrementalStepReason.New);
        parses.Should().Be(2 + tree.Files.Count(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal) || f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)));
        trace.Of(IncrementalStep.FileParse).Should().HaveCount(parses).And.OnlyContain(r => r.Reason == IncrementalStepReason.New);
        trace.Of(IncrementalStep.FileParse).Select(r => r.Key).Should().Contain("ROADMAP.md").And.Contain("STATE.md").And.OnlyHaveUniqueItems();
    }
}
