using PlanState.Incremental;
using PlanState.Testing;
using static PlanState.Tests.Incremental.IncrementalTestSupport;

namespace PlanState.Tests.Incremental;

/// <summary>
/// The per-phase rule step: each folder's own checks (its files against its number, orphan SUMMARYs, numbering gaps)
/// are kept per folder, so a change in one folder re-checks that folder only; the result always equals a from-scratch
/// analysis.
/// </summary>
public class PhaseRuleStepTests
{
    private const IncrementalStepReason New = IncrementalStepReason.New;
    private const IncrementalStepReason Modified = IncrementalStepReason.Modified;
    private const IncrementalStepReason Cached = IncrementalStepReason.Cached;
    private const IncrementalStepReason Unchanged = IncrementalStepReason.Unchanged;
    private const IncrementalStepReason Removed = IncrementalStepReason.Removed;

    [Test]
    public void Changing_one_summary_reruns_only_that_phases_rule_step()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 20, plansPerPhase: 5, archived: 3);
        var engine = new PlanStateEngine { TrackIncrementalSteps = true };
        engine.Analyze(tree.Root);
        engine.LastRunTrace!.Count(IncrementalStep.PhaseRules, New).Should().Be(20, "every folder, archived or not, is checked once");

        var summary = tree.Files.First(f => f.StartsWith("phases/12-", StringComparison.Ordinal) && f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        Write(tree.FullPath(summary), tree.ReadFile(summary).Replace("\nduration: ", "\nduration: 1", StringComparison.Ordinal));

        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;
        var folder = summary.Substring(0, summary.LastIndexOf('/'));
        trace.Of(IncrementalStep.PhaseRules).Should().Equal(
            new[] { new IncrementalStepRun(IncrementalStep.PhaseRules, folder, Unchanged) },
            "the folder changed, so its checks ran, and found what they found before");
        trace.Count(IncrementalStep.PhaseRules, Cached).Should().Be(19);
        trace.ReasonOf(IncrementalStep.Rules).Should().NotBe(Cached, "the project-wide checks run again over the new totals");
        after.Should().Be(FromScratch(tree.Root));

        // Nothing changed: every phase's rule step is cached.
        engine.Analyze(tree.Root);
        engine.LastRunTrace!.Count(IncrementalStep.PhaseRules, Cached).Should().Be(20);
        engine.LastRunTrace!.Of(IncrementalStep.PhaseRules).Should().BeEmpty();
    }

    [Test]
    public void A_new_finding_of_one_folder_comes_from_that_folders_rule_step_alone()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 6, plansPerPhase: 4);
        var engine = new PlanStateEngine { TrackIncrementalSteps = true };
        engine.Analyze(tree.Root);

        // The PLAN goes, its SUMMARY stays: an orphan SUMMARY and a gap in numbering, both in phase 3's folder.
        var plan = tree.Files.Single(f => f.StartsWith("phases/03-", StringComparison.Ordinal) && f.EndsWith("-02-PLAN.md", StringComparison.Ordinal));
        tree.Delete(plan);

        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;
        var folder = plan.Substring(0, plan.LastIndexOf('/'));
        trace.Of(IncrementalStep.PhaseRules).Should().Equal(new IncrementalStepRun(IncrementalStep.PhaseRules, folder, Modified));
        trace.Count(IncrementalStep.PhaseRules, Cached).Should().Be(5);
        after.Findings.Where(f => f.Span.File.StartsWith(folder + "/", StringComparison.Ordinal)).Select(f => f.Code)
            .Should().Contain(new[] { "PLAN2001", "PLAN1008" }, "the SUMMARY has no PLAN, and plan 01 jumps to plan 03");
        after.Should().Be(FromScratch(tree.Root));

        // The PLAN comes back: the folder's findings go, again from its own step.
        Write(tree.FullPath(plan), "---\nphase: 03\nplan: 02\n---\n");
        var restored = engine.Analyze(tree.Root);
        engine.LastRunTrace!.Of(IncrementalStep.PhaseRules).Should().Equal(new IncrementalStepRun(IncrementalStep.PhaseRules, folder, Modified));
        restored.Should().Be(FromScratch(tree.Root));
    }

    [Test]
    public void A_removed_folder_records_its_rule_step_as_removed()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 2);
        var engine = new PlanStateEngine { TrackIncrementalSteps = true };
        engine.Analyze(tree.Root);

        var folder = tree.Files.First(f => f.StartsWith("phases/04-", StringComparison.Ordinal));
        folder = folder.Substring(0, folder.LastIndexOf('/'));
        Directory.Delete(tree.FullPath(folder), recursive: true);

        var after = engine.Analyze(tree.Root);
        engine.LastRunTrace!.Of(IncrementalStep.PhaseRules).Should().Equal(new IncrementalStepRun(IncrementalStep.PhaseRules, folder, Removed));
        after.Should().Be(FromScratch(tree.Root));
    }
}
