using PlanState.Incremental;
using PlanState.Testing;

namespace PlanState.Tests.Engine;

/// <summary>
/// An engine that does not reuse analyses (<see cref="PlanStateEngine.ReuseAcrossAnalyses"/> off, as the CLI's
/// check and status run) lists folders without stamps. Its analysis must equal the default engine's, links and
/// link loops included, and a second analysis on it must read everything again rather than trust zero stamps.
/// </summary>
public class OneOffEngineTests
{
    [TestCase(0.0)]
    [TestCase(0.6)]
    [TestCase(1.0)]
    public void A_one_off_analysis_equals_the_reusing_engines(double completed)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 5, PlansPerPhase = 4, CompletedFraction = completed, Seed = 11 });

        var oneOff = new PlanStateEngine { ReuseAcrossAnalyses = false }.Analyze(tree.Root);
        var reusing = new PlanStateEngine().Analyze(tree.Root);

        oneOff.Should().Be(reusing);
        oneOff.Findings.Should().Equal(reusing.Findings);
    }

    [Test]
    public void A_one_off_analysis_keeps_no_rule_memo_and_finds_and_fixes_what_the_reusing_engine_does()
    {
        // 70 phases: ROADMAP.md's rules run on their own core; stale text in ROADMAP.md and STATE.md makes findings and edits.
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 70, PlansPerPhase = 3, CompletedFraction = 0.7, Seed = 17 });
        var roadmap = Path.Combine(tree.Root, "ROADMAP.md");
        var roadmapText = File.ReadAllText(roadmap);
        var ticked = roadmapText.IndexOf("- [x] ", StringComparison.Ordinal);
        File.WriteAllText(roadmap, roadmapText.Remove(ticked, 6).Insert(ticked, "- [ ] "));
        var state = Path.Combine(tree.Root, "STATE.md");
        File.WriteAllText(state, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(state), "Total plans completed: [0-9]+", "Total plans completed: 1"));

        using var oneOffEngine = new PlanStateEngine { ReuseAcrossAnalyses = false };
        var oneOff = oneOffEngine.Analyze(tree.Root);
        using var reusingEngine = new PlanStateEngine();
        var reusing = reusingEngine.Analyze(tree.Root);

        oneOff.Findings.Should().Equal(reusing.Findings);
        oneOff.Edits.Should().Equal(reusing.Edits);
        oneOff.Edits.Should().HaveCountGreaterThanOrEqualTo(2);
        oneOffEngine.LastRunTrace!.Count(IncrementalStep.RulePieces, IncrementalStepReason.New).Should().Be(0, "no memo records pieces");
        reusingEngine.LastRunTrace!.Count(IncrementalStep.RulePieces, IncrementalStepReason.New).Should().BeGreaterThan(200);
    }

    [Test]
    public void Links_and_link_loops_are_found_without_stamps_too()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 3, PlansPerPhase = 2, CompletedFraction = 0.5, Seed = 3 });
        var phases = Path.Combine(tree.Root, "phases");
        var first = Directory.GetDirectories(phases).Order(StringComparer.Ordinal).First();
        Directory.CreateSymbolicLink(Path.Combine(phases, "07-loop"), phases);
        Directory.CreateSymbolicLink(Path.Combine(first, "a"), Path.Combine(first, "b"));
        Directory.CreateSymbolicLink(Path.Combine(first, "b"), Path.Combine(first, "a"));
        var plan = Directory.GetFiles(first, "*-PLAN.md").Order(StringComparer.Ordinal).Last();
        var linkedPlan = Path.Combine(first, Path.GetFileName(plan).Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal));
        if (!File.Exists(linkedPlan))
        {
            File.CreateSymbolicLink(linkedPlan, plan);
        }

        var oneOff = new PlanStateEngine { ReuseAcrossAnalyses = false }.Analyze(tree.Root);
        var reusing = new PlanStateEngine().Analyze(tree.Root);

        oneOff.Findings.Should().Equal(reusing.Findings);
        oneOff.Findings.Where(f => f.Code == "PLAN1019").Should().NotBeEmpty();
        oneOff.Folder.Should().Be(reusing.Folder);
    }

    [Test]
    public void A_second_analysis_reads_everything_again()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 2, PlansPerPhase = 2, CompletedFraction = 1.0, Seed = 5 });
        using var engine = new PlanStateEngine { ReuseAcrossAnalyses = false };
        engine.Analyze(tree.Root);

        // A same-size edit with the old stamp: a reusing engine's stamps could not tell, and these are all zero.
        var summary = Directory.GetFiles(tree.Root, "*-SUMMARY.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var written = File.GetLastWriteTimeUtc(summary);
        var text = File.ReadAllText(summary);
        var edited = text.Replace("completed: 20", "completed: 19", StringComparison.Ordinal);
        edited.Should().NotBe(text).And.HaveLength(text.Length);
        File.WriteAllText(summary, edited);
        File.SetLastWriteTimeUtc(summary, written);

        var second = engine.Analyze(tree.Root);

        second.Should().Be(new PlanStateEngine().Analyze(tree.Root));
        var trace = engine.LastRunTrace!;
        trace.Count(IncrementalStep.FileParse, IncrementalStepReason.Cached).Should().Be(0);
        trace.Count(IncrementalStep.FileParse, IncrementalStepReason.New).Should().Be(2 + Directory.GetFiles(tree.Root, "*.md", SearchOption.AllDirectories).Count(f => f.Contains("-PLAN", StringComparison.Ordinal) || f.Contains("-SUMMARY", StringComparison.Ordinal)));
    }

    [Test]
    public void A_one_off_engine_starts_no_watcher()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 1, PlansPerPhase = 1, Seed = 1 });
        using var engine = new PlanStateEngine { ReuseAcrossAnalyses = false, WatchForChanges = true };

        engine.Analyze(tree.Root);

        engine.Pipeline.Watcher.Should().BeNull();
    }
}
