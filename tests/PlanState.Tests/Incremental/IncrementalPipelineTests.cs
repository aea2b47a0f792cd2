using PlanState.Incremental;
using PlanState.Testing;
using static PlanState.Tests.Incremental.IncrementalTestSupport;

namespace PlanState.Tests.Incremental;

/// <summary>
/// Issue #7: a change to one file recomputes only that file's parse and the steps downstream of it whose inputs
/// actually changed. Proven by the step reasons and by counting reads and parses, never by time.
/// </summary>
public class IncrementalPipelineTests
{
    private const IncrementalStepReason New = IncrementalStepReason.New;
    private const IncrementalStepReason Modified = IncrementalStepReason.Modified;
    private const IncrementalStepReason Cached = IncrementalStepReason.Cached;
    private const IncrementalStepReason Unchanged = IncrementalStepReason.Unchanged;
    private const IncrementalStepReason Removed = IncrementalStepReason.Removed;

    [TestCase(false)]
    [TestCase(true)]
    public void Changing_one_summary_in_a_500_plan_tree_reparses_one_file_reaggregates_one_phase_and_reuses_the_other_499_plans(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 50, plansPerPhase: 10);
        using var engine = NewEngine(watch);
        var before = engine.Analyze(tree.Root);
        var planFiles = tree.Files.Count(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal));
        var summaryFiles = tree.Files.Count(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        planFiles.Should().Be(500);
        summaryFiles.Should().Be(500);

        var first = engine.LastRunTrace!;
        first.Count(IncrementalStep.FileParse, New).Should().Be(1002, "500 PLAN, 500 SUMMARY, STATE.md and ROADMAP.md");
        first.Count(IncrementalStep.PhaseAggregate, New).Should().Be(50);
        first.FilesParsed.Should().Be(1002);

        // The 50 folders' steps ran spread over the cores; the trace still lists them in phase order.
        var phasePaths = before.Folder.Phases.Select(p => p.Path).ToList();
        first.Of(IncrementalStep.PhaseAggregate).Select(r => r.Key).Should().Equal(phasePaths);
        first.Of(IncrementalStep.PhaseRules).Select(r => r.Key).Should().Equal(phasePaths);

        const string edited = "phases/23-";
        var summary = tree.Files.Single(f => f.StartsWith(edited, StringComparison.Ordinal) && f.EndsWith("-04-SUMMARY.md", StringComparison.Ordinal));
        var text = tree.ReadFile(summary);
        Write(tree.FullPath(summary), text.Replace("\nduration: ", "\nduration: 1", StringComparison.Ordinal));

        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.Watched.Should().Be(watch, "a watching engine trusts its synced watcher from the second run on");
        trace.FilesRead.Should().Be(1, "only the edited file's stamp changed");
        trace.FilesParsed.Should().Be(1);
        trace.Of(IncrementalStep.FileParse).Should().Equal(new IncrementalStepRun(IncrementalStep.FileParse, summary, Modified));
        trace.Count(IncrementalStep.FileParse, Cached).Should().Be(1001);
        trace.Of(IncrementalStep.PhaseAggregate).Should().ContainSingle()
            .Which.Should().Be(new IncrementalStepRun(IncrementalStep.PhaseAggregate, summary.Substring(0, summary.LastIndexOf('/')), Modified));
        trace.Count(IncrementalStep.PhaseAggregate, Cached).Should().Be(49);
        trace.ReasonOf(IncrementalStep.ProjectModel).Should().Be(Modified);
        trace.ReasonOf(IncrementalStep.Calculations).Should().Be(Modified, "the total execution time changed");

        // The other 499 plans' results are the very objects of the first run: reused, not recomputed.
        var old = PlanResults(before).ToDictionary(p => p.Plan.Path);
        var reused = PlanResults(after).Count(p => ReferenceEquals(old[p.Plan.Path].Plan, p.Plan) && ReferenceEquals(old[p.Plan.Path].Summary, p.Summary));
        reused.Should().Be(499);
        after.Should().Be(FromScratch(tree.Root));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Only_a_run_with_many_stale_folders_spreads_the_per_phase_steps_over_the_cores(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 40, plansPerPhase: 2, completed: 0.6, archived: 10);
        using var engine = NewEngine(watch);

        engine.Analyze(tree.Root).Should().Be(FromScratch(tree.Root), "spread or not, the analysis is the same");
        engine.Pipeline.SpreadPhaseSteps.Should().BeTrue("a cold run has 40 stale folders");

        // Archived folders have no aggregate: that is their current state, not a stale one.
        engine.Analyze(tree.Root);
        engine.Pipeline.SpreadPhaseSteps.Should().BeFalse("nothing changed");
    }

    [Test]
    public void The_trace_counts_every_step_and_reason_the_enums_name()
    {
        IncrementalRunTrace.Steps.Should().Be(Enum.GetValues(typeof(IncrementalStep)).Length);
        IncrementalRunTrace.Reasons.Should().Be(Enum.GetValues(typeof(IncrementalStepReason)).Length);
        Enum.GetValues(typeof(IncrementalStep)).Cast<int>().Should().Equal(Enumerable.Range(0, IncrementalRunTrace.Steps), "the trace indexes its counts by the value");
        Enum.GetValues(typeof(IncrementalStepReason)).Cast<int>().Should().Equal(Enumerable.Range(0, IncrementalRunTrace.Reasons));
    }

    [Test]
    public void A_cold_runs_trace_lists_the_steps_in_pipeline_order_and_the_parses_state_first_and_roadmap_last()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 10, plansPerPhase: 3, completed: 0.5, archived: 2);
        using var engine = NewEngine(watch: false);

        var analysis = engine.Analyze(tree.Root);
        var runs = engine.LastRunTrace!.Runs;

        runs.Select(r => (int)r.Step).Should().BeInAscendingOrder();
        var parses = runs.Where(r => r.Step == IncrementalStep.FileParse).Select(r => r.Key).ToList();
        parses.First().Should().Be("STATE.md");
        parses.Last().Should().Be("ROADMAP.md");
        parses.Should().HaveCount(2 + tree.Files.Count(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal) || f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)));
        runs.Where(r => r.Step == IncrementalStep.PhaseAggregate).Select(r => r.Key)
            .Should().Equal(analysis.Folder.Phases.Where(p => !p.IsArchived).Select(p => p.Path), "the active folders, in phase order");

        // Spread over the cores (ten stale folders), the folders' own checks ran beside the calculations: still listed in phase order.
        engine.Pipeline.SpreadPhaseSteps.Should().BeTrue();
        runs.Where(r => r.Step == IncrementalStep.PhaseRules).Select(r => r.Key).Should().Equal(analysis.Folder.Phases.Select(p => p.Path));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_second_analysis_with_no_change_reads_no_file_and_returns_the_cached_analysis(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 6, plansPerPhase: 4, completed: 0.6, archived: 2);
        using var engine = NewEngine(watch);
        var first = engine.Analyze(tree.Root);

        var second = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        ReferenceEquals(first, second).Should().BeTrue();
        trace.Watched.Should().Be(watch);
        trace.FilesRead.Should().Be(0);
        trace.FilesParsed.Should().Be(0);
        trace.Runs.Should().BeEmpty("every step is Cached");
        trace.Count(IncrementalStep.FileParse, Cached).Should().Be(first.Folder.Phases.Sum(p => p.Plans.Count + p.Summaries.Count) + 2);
        trace.Count(IncrementalStep.PhaseAggregate, Cached).Should().Be(4, "archived phases have no aggregate");
        foreach (var step in new[] { IncrementalStep.ProjectModel, IncrementalStep.Calculations, IncrementalStep.Rules, IncrementalStep.Edits })
        {
            trace.ReasonOf(step).Should().Be(Cached, step.ToString());
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_touched_file_with_the_same_bytes_is_read_but_not_parsed(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 3);
        using var engine = NewEngine(watch);
        var first = engine.Analyze(tree.Root);
        Touch(tree.FullPath("phases/02-" + Slug(tree, 2) + "/02-02-PLAN.md"));
        Touch(tree.FullPath("ROADMAP.md"));

        var second = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.FilesRead.Should().Be(2);
        trace.FilesParsed.Should().Be(0, "the content hashes equal the cached ones");
        trace.Runs.Should().BeEmpty();
        ReferenceEquals(first, second).Should().BeTrue();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_change_that_leaves_the_parse_equal_is_Unchanged_and_stops_there(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 3);
        var plan = tree.Files.First(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal));
        using var engine = NewEngine(watch);
        var first = engine.Analyze(tree.Root);

        // The first line after the frontmatter is part of the head that is read and hashed, but says nothing a parse keeps.
        Write(tree.FullPath(plan), tree.ReadFile(plan).Replace("<objective>\n", "<objective> \n", StringComparison.Ordinal));
        var second = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.FilesParsed.Should().Be(1);
        trace.Runs.Should().Equal(new IncrementalStepRun(IncrementalStep.FileParse, plan, Unchanged));
        trace.Count(IncrementalStep.PhaseAggregate, Cached).Should().Be(3);
        ReferenceEquals(first, second).Should().BeTrue();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void An_edit_past_the_frontmatter_of_a_long_plan_is_not_parsed_again(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 2, plansPerPhase: 2);
        var plan = tree.Files.First(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal));
        using var engine = NewEngine(watch);
        engine.Analyze(tree.Root);

        Write(tree.FullPath(plan), tree.ReadFile(plan).Replace("</output>", "</output>\n\nA note added at the end.", StringComparison.Ordinal));
        engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.FilesRead.Should().Be(1, "the stamp changed, so the head is read and hashed");
        trace.FilesParsed.Should().Be(0, "only the frontmatter head is read, and it did not change");
        trace.Runs.Should().BeEmpty();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_legacy_summary_whose_facts_sit_past_the_head_is_compared_on_its_whole_text(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 2, plansPerPhase: 2);
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        var padding = string.Concat(Enumerable.Repeat("Notes that push the performance section past the first 4 KB.\n", 100));
        Write(tree.FullPath(summary), "# Summary\n\n" + padding + "\n## Performance\n\n- **Duration:** 5 min\n- **Completed:** 2026-01-02\n");
        using var engine = NewEngine(watch);
        var first = engine.Analyze(tree.Root);
        first.Folder.Phases.SelectMany(p => p.Summaries).Single(s => s.Path == summary).Duration!.Value.Text.Should().Be("5 min");

        Write(tree.FullPath(summary), "# Summary\n\n" + padding + "\n## Performance\n\n- **Duration:** 7 min\n- **Completed:** 2026-01-02\n");
        var second = engine.Analyze(tree.Root);

        engine.LastRunTrace!.Of(IncrementalStep.FileParse).Should().Equal(new IncrementalStepRun(IncrementalStep.FileParse, summary, Modified));
        second.Folder.Phases.SelectMany(p => p.Summaries).Single(s => s.Path == summary).Duration!.Value.Text.Should().Be("7 min");
        second.Should().Be(FromScratch(tree.Root));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Added_and_deleted_files_and_folders_are_New_and_Removed(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 2, completed: 0.5);
        using var engine = NewEngine(watch);
        engine.Analyze(tree.Root);
        var phase3 = "phases/03-" + Slug(tree, 3);
        var phase4 = "phases/04-" + Slug(tree, 4);
        var deleted = tree.Files.First(f => f.StartsWith("phases/01-", StringComparison.Ordinal) && f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));

        tree.WriteFile(phase3 + "/03-01-SUMMARY.md", "---\nphase: 03\nplan: 01\nduration: 4 min\ncompleted: 2026-03-01\n---\n");
        tree.Delete(deleted);
        Directory.Delete(tree.FullPath(phase4), recursive: true);
        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.Of(IncrementalStep.FileParse).Should().BeEquivalentTo(new[]
        {
            new IncrementalStepRun(IncrementalStep.FileParse, phase3 + "/03-01-SUMMARY.md", New),
            new IncrementalStepRun(IncrementalStep.FileParse, deleted, Removed),
            new IncrementalStepRun(IncrementalStep.FileParse, phase4 + "/04-01-PLAN.md", Removed),
            new IncrementalStepRun(IncrementalStep.FileParse, phase4 + "/04-02-PLAN.md", Removed),
        });
        trace.Of(IncrementalStep.PhaseAggregate).Should().BeEquivalentTo(new[]
        {
            new IncrementalStepRun(IncrementalStep.PhaseAggregate, deleted.Substring(0, deleted.LastIndexOf('/')), Modified),
            new IncrementalStepRun(IncrementalStep.PhaseAggregate, phase3, Modified),
            new IncrementalStepRun(IncrementalStep.PhaseAggregate, phase4, Removed),
        });
        trace.Count(IncrementalStep.PhaseAggregate, Cached).Should().Be(1);
        trace.FilesParsed.Should().Be(1);
        after.Should().Be(FromScratch(tree.Root));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_state_edit_reparses_state_only_and_reuses_every_phase_and_the_calculations(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 3, completed: 0.5);
        using var engine = NewEngine(watch);
        engine.Analyze(tree.Root);

        Write(tree.FullPath("STATE.md"), tree.ReadFile("STATE.md").Replace("## Session Continuity", "## Session Continuity\n\nA note.", StringComparison.Ordinal));
        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;

        trace.Of(IncrementalStep.FileParse).Should().Equal(new IncrementalStepRun(IncrementalStep.FileParse, "STATE.md", Modified));
        trace.Count(IncrementalStep.PhaseAggregate, Cached).Should().Be(4);
        trace.ReasonOf(IncrementalStep.ProjectModel).Should().Be(Modified);
        trace.ReasonOf(IncrementalStep.Calculations).Should().Be(Cached, "no aggregate, ROADMAP.md or milestone changed");
        trace.ReasonOf(IncrementalStep.Rules).Should().Be(Unchanged, "a narrative note changes no finding");
        trace.ReasonOf(IncrementalStep.Edits).Should().Be(Modified, "the analysis carries the new STATE.md text, which Update edits");
        after.Should().Be(FromScratch(tree.Root));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_stale_state_is_rewritten_by_update_and_the_next_analysis_sees_the_written_file(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 2, completed: 0.5);
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        using var engine = NewEngine(watch);
        engine.Analyze(tree.Root).Findings.Should().BeEmpty();
        tree.Delete(summary);

        var update = engine.Update(tree.Root);
        update.Changes.Should().NotBeEmpty();
        var after = engine.Analyze(tree.Root);

        after.Findings.Where(f => f.Fixable).Should().BeEmpty();
        after.Should().Be(FromScratch(tree.Root));
        engine.LastRunTrace!.FilesRead.Should().Be(
            watch ? 0 : update.WrittenFiles.Count,
            watch
                ? "Update's last analysis read the written files after the watcher reported the writes, and nothing was written since"
                : "a file written seconds ago is hashed again until its stamp settles");
        engine.LastRunTrace!.FilesParsed.Should().Be(0, "Update's own last analysis already parsed what it wrote");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_same_size_edit_in_the_same_timestamp_tick_as_the_previous_write_is_seen(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 2, plansPerPhase: 2);
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        var path = tree.FullPath(summary);
        var original = tree.ReadFile(summary);
        using var engine = NewEngine(watch);
        File.WriteAllText(path, original.Replace("\ncompleted: ", "\ncompleted: 1", StringComparison.Ordinal).Replace("\nphase: ", "\nphase:", StringComparison.Ordinal));
        var written = File.GetLastWriteTimeUtc(path);
        var first = engine.Analyze(tree.Root);

        // Same length, same last write time: only the racy-stamp rule can tell that the bytes changed.
        File.WriteAllText(path, original.Replace("\ncompleted: ", "\ncompleted: 2", StringComparison.Ordinal).Replace("\nphase: ", "\nphase:", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
        var second = engine.Analyze(tree.Root);

        engine.LastRunTrace!.Of(IncrementalStep.FileParse).Should().Equal(new IncrementalStepRun(IncrementalStep.FileParse, summary, Modified));
        second.Should().NotBe(first).And.Be(FromScratch(tree.Root));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_engine_equals_a_from_scratch_analysis_after_every_edit_of_a_sequence(bool watch)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 8, plansPerPhase: 3, completed: 0.7, archived: 2);
        using var engine = NewEngine(watch);
        var plans = tree.Files.Where(f => f.StartsWith("phases/", StringComparison.Ordinal) && f.EndsWith("-PLAN.md", StringComparison.Ordinal)).ToList();
        var edits = new List<Action>
        {
            () => Write(tree.FullPath(plans[0]), tree.ReadFile(plans[0]).Replace("\nphase: ", "\nphase: 9", StringComparison.Ordinal)),
            () => tree.WriteFile(plans[1].Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal), "---\nduration: 3 min\ncompleted: 2026-05-05\n---\n"),
            () => Write(tree.FullPath("ROADMAP.md"), tree.ReadFile("ROADMAP.md") + "\nTrailing note.\n"),
            () => tree.WriteFile(plans[2].Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal), "---\nduration: [unclosed\n---\n"),
            () => tree.WriteBytes(plans[3], [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]),
            () => tree.Delete("ROADMAP.md"),
            () => tree.WriteFile("ROADMAP.md", "# Roadmap\n\n### Phase 1: Only\n"),
            () => Directory.Move(tree.FullPath("phases"), tree.FullPath("phases-moved")),
            () => Directory.Move(tree.FullPath("phases-moved"), tree.FullPath("phases")),
            () => tree.Delete("STATE.md"),
        };

        engine.Analyze(tree.Root).Should().Be(FromScratch(tree.Root));
        for (var i = 0; i < edits.Count; i++)
        {
            edits[i]();
            engine.Analyze(tree.Root).Should().Be(FromScratch(tree.Root), $"after edit {i}");
            engine.Analyze(tree.Root).Should().Be(FromScratch(tree.Root), $"again after edit {i}");
            engine.LastRunTrace!.FilesParsed.Should().Be(0, $"nothing changed between the two analyses after edit {i}");
        }
    }

    [Test]
    public void The_sample_and_every_corpus_folder_analyse_as_from_scratch_cold_and_warm()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var roots = Directory.GetDirectories(corpus)
            .Select(d => Path.Combine(d, ".planning"))
            .Where(Directory.Exists)
            .Append(RepositoryLayout.SamplePlanningFolder)
            .ToList();
        roots.Should().HaveCountGreaterThan(10);

        foreach (var root in roots)
        {
            var engine = new PlanStateEngine();
            var expected = FromScratch(root);
            engine.Analyze(root).Should().Be(expected, root);
            engine.Analyze(root).Should().Be(expected, root + " (warm)");
        }
    }

    [Test]
    public void One_engine_serves_concurrent_analyses_and_switches_roots()
    {
        using var temp1 = new TempDirectory();
        using var temp2 = new TempDirectory();
        var tree1 = Tree(temp1, phases: 5, plansPerPhase: 3, completed: 0.5);
        var tree2 = Tree(temp2, phases: 3, plansPerPhase: 2, completed: 1.0);
        var expected1 = FromScratch(tree1.Root);
        var expected2 = FromScratch(tree2.Root);
        var engine = new PlanStateEngine();

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => (i, Analysis: engine.Analyze(i % 2 == 0 ? tree1.Root : tree2.Root)))
            .ToList();

        foreach (var (i, analysis) in results)
        {
            analysis.Should().Be(i % 2 == 0 ? expected1 : expected2);
        }
    }

    private static string Slug(PlanState.Testing.GeneratedTree tree, int phase)
    {
        var prefix = $"phases/{phase:00}-";
        var file = tree.Files.First(f => f.StartsWith(prefix, StringComparison.Ordinal));
        return file.Substring(prefix.Length, file.IndexOf('/', prefix.Length) - prefix.Length);
    }
}
