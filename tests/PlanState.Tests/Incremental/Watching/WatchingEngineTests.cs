using PlanState.Incremental;
using PlanState.Testing;
using static PlanState.Tests.Incremental.IncrementalTestSupport;

namespace PlanState.Tests.Incremental.Watching;

/// <summary>
/// The engine with <see cref="PlanStateEngine.WatchForChanges"/>: a run after no change touches no file, a run after
/// any change equals a fresh engine's analysis, and whenever the watcher cannot vouch for a run the run reads from
/// disk. Every test changes the tree and analyses at once, with no pause: waiting for the events is the engine's job
/// (its sync cookie), and that race is what these tests exercise.
/// </summary>
public class WatchingEngineTests
{
    [Test]
    public void A_run_with_no_change_lists_stats_and_reads_nothing_and_returns_the_cached_analysis()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 8, plansPerPhase: 3, completed: 0.6, archived: 2);
        var lister = new CountingLister();
        using var engine = new PlanStateEngine(lister) { WatchForChanges = true, TrackIncrementalSteps = true };
        var first = engine.Analyze(tree.Root);
        lister.Calls.Should().BeGreaterThan(0, "the first run reads everything");

        for (var run = 0; run < 5; run++)
        {
            lister.Reset();
            var again = engine.Analyze(tree.Root);
            var trace = engine.LastRunTrace!;

            trace.Watched.Should().BeTrue(engine.Pipeline.Watcher?.LastFallbackReason);
            lister.Calls.Should().Be(0, "no folder listed, no file or folder stat'ed, not even STATE.md.lock");
            trace.FilesRead.Should().Be(0);
            trace.Runs.Should().BeEmpty("every step is Cached");
            trace.Count(IncrementalStep.FileParse, IncrementalStepReason.Cached).Should().Be(first.Folder.Phases.Sum(p => p.Plans.Count + p.Summaries.Count) + 2);
            trace.Count(IncrementalStep.PhaseAggregate, IncrementalStepReason.Cached).Should().Be(6);
            ReferenceEquals(again, first).Should().BeTrue();
        }

        NoCookieLeft(tree.Root);
    }

    [Test]
    public void A_warm_run_lists_only_the_folder_that_changed_and_reads_only_the_changed_file()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 8, plansPerPhase: 3);
        var lister = new CountingLister();
        using var engine = new PlanStateEngine(lister) { WatchForChanges = true };
        engine.Analyze(tree.Root);
        var summary = tree.Files.First(f => f.StartsWith("phases/03-", StringComparison.Ordinal) && f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));

        lister.Reset();
        Write(tree.FullPath(summary), tree.ReadFile(summary).Replace("\nduration: ", "\nduration: 1", StringComparison.Ordinal));
        var after = engine.Analyze(tree.Root);

        engine.LastRunTrace!.Watched.Should().BeTrue();
        lister.Listed.Should().Equal(summary.Substring(0, summary.LastIndexOf('/')));
        lister.Calls.Should().Be(1, "one listing; no stat of phases/, milestones/, STATE.md, ROADMAP.md or the lock");
        engine.LastRunTrace!.FilesRead.Should().Be(1);
        after.Should().Be(Fresh(tree.Root));
    }

    [TestCase("edit-summary-same-size-same-stamp")]
    [TestCase("edit-plan")]
    [TestCase("add-summary")]
    [TestCase("delete-file")]
    [TestCase("rename-file")]
    [TestCase("touch")]
    [TestCase("new-folder")]
    [TestCase("move-in-folder")]
    [TestCase("delete-folder")]
    [TestCase("rename-folder")]
    [TestCase("archive", "unarchive")]
    [TestCase("toggle-phases", "toggle-phases")]
    [TestCase("toggle-milestones", "toggle-milestones", "archive")]
    [TestCase("toggle-milestones", "archive", "unarchive")]
    [TestCase("edit-state")]
    [TestCase("edit-roadmap")]
    [TestCase("toggle-state", "toggle-state")]
    [TestCase("atomic-roadmap")]
    [TestCase("toggle-lock", "toggle-lock")]
    [TestCase("replace-folder-same-stamps")]
    [TestCase("file-to-directory")]
    [TestCase("link-folder", "edit-behind-link", "edit-behind-link", "rename-folder")]
    [TestCase("link-file", "edit-behind-link", "edit-behind-link")]
    [TestCase("link-state", "edit-behind-link", "edit-state")]
    public void After_each_kind_of_change_the_watching_engine_equals_a_fresh_one(params string[] changes)
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var tree = Tree(temp, phases: 6, plansPerPhase: 3, completed: 0.6, archived: 2);
        var mutations = new PlanningMutations(tree, outside.Path, seed: 5);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Analyze(tree.Root);
        engine.Analyze(tree.Root);

        foreach (var change in changes)
        {
            mutations.All[change]().Should().BeTrue($"'{change}' found something to change");
            AssertSameAsFresh(engine, tree.Root, change);
            AssertSameAsFresh(engine, tree.Root, change + " (again, no change)");
            engine.LastRunTrace!.FilesParsed.Should().Be(0, $"nothing changed since the analysis after '{change}'");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_random_sequence_of_changes_keeps_the_watching_engine_equal_to_a_fresh_one(int seed)
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 10, PlansPerPhase = 3, CompletedFraction = 0.5, ArchivedPhases = 2, Seed = seed });
        var mutations = new PlanningMutations(tree, outside.Path, seed);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Analyze(tree.Root).Should().Be(Fresh(tree.Root));

        var applied = new List<string>();
        for (var step = 0; step < 40; step++)
        {
            applied.Add(mutations.ApplyRandom());
            AssertSameAsFresh(engine, tree.Root, string.Join(", ", applied));
        }
    }

    [Test]
    public void A_change_analysed_at_once_is_always_seen()
    {
        // The race the sync cookie closes: the write's event may not have been delivered when Analyze starts.
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 3);
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        var path = tree.FullPath(summary);
        var original = tree.ReadFile(summary);
        var stamp = File.GetLastWriteTimeUtc(path);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Analyze(tree.Root);

        for (var i = 0; i < 40; i++)
        {
            // Same size, same stamp, each time: no stamp can tell; only the event can.
            var minutes = 10 + (i % 80);
            File.WriteAllText(path, original.Replace("\nduration: ", $"\nduration: {minutes}", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(path, stamp);
            var analysis = engine.Analyze(tree.Root);

            engine.LastRunTrace!.Watched.Should().BeTrue(engine.Pipeline.Watcher?.LastFallbackReason);
            var duration = analysis.Folder.Phases.SelectMany(p => p.Summaries).Single(s => s.Path == summary).Duration!.Value.Text;
            duration.Should().StartWith(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), $"iteration {i}");
        }

        NoCookieLeft(tree.Root);
    }

    [Test]
    public void Lost_events_make_the_next_run_refresh_everything_from_disk_then_watching_resumes()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 5, plansPerPhase: 2, completed: 0.5);
        var lister = new CountingLister();
        using var engine = new PlanStateEngine(lister) { WatchForChanges = true };
        engine.Analyze(tree.Root);
        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));

        // As the watcher's Error event reports a buffer overflow: the change below has no event of its own.
        engine.Pipeline.Watcher!.ReportLostEvents(new InternalBufferOverflowException("Too many changes at once in directory:" + tree.Root));
        Write(tree.FullPath(summary), tree.ReadFile(summary).Replace("\nduration: ", "\nduration: 1", StringComparison.Ordinal));
        lister.Reset();
        var refreshed = engine.Analyze(tree.Root);

        engine.LastRunTrace!.Watched.Should().BeFalse();
        engine.Pipeline.Watcher!.LastFallbackReason.Should().Contain("Too many changes");
        lister.Listed.Should().Contain("phases").And.Contain(tree.Files.Where(f => f.StartsWith("phases/", StringComparison.Ordinal)).Select(f => f.Substring(0, f.LastIndexOf('/'))).Distinct(), "every phase folder is listed again");
        refreshed.Should().Be(Fresh(tree.Root));

        engine.Pipeline.Watcher!.IsWatching.Should().BeTrue("a new watcher started before the full refresh read anything");
        tree.Delete(summary);
        engine.Analyze(tree.Root).Should().Be(Fresh(tree.Root));
        engine.LastRunTrace!.Watched.Should().BeTrue();
    }

    [Test]
    public void A_cookie_that_cannot_be_created_refreshes_from_disk_with_the_same_results_and_the_watcher_gives_up_after_two()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 4, plansPerPhase: 2, completed: 0.5);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Pipeline.ConfigureWatcher = watcher => watcher.CreateCookie = _ => throw new UnauthorizedAccessException("Access to the path is denied (read-only folder).");
        engine.Analyze(tree.Root);
        var plans = tree.Files.Where(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal)).ToList();

        for (var run = 0; run < PlanningChangeWatcher.MaxConsecutiveFailures + 1; run++)
        {
            Write(tree.FullPath(plans[run]), tree.ReadFile(plans[run]).Replace("\nphase: ", "\nphase: 7", StringComparison.Ordinal));
            engine.Analyze(tree.Root).Should().Be(Fresh(tree.Root), $"run {run}");
            engine.LastRunTrace!.Watched.Should().BeFalse();
        }

        engine.Pipeline.Watcher!.IsWatching.Should().BeFalse("two syncs in a row failed");
        engine.Pipeline.Watcher!.LastFallbackReason.Should().Be("the watcher gave up");
    }

    [Test]
    public void A_cookie_the_watcher_never_reports_times_out_into_a_full_refresh()
    {
        using var temp = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 2);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Pipeline.ConfigureWatcher = watcher =>
        {
            watcher.SyncTimeout = TimeSpan.FromMilliseconds(50);
            watcher.CreateCookie = path => File.WriteAllText(Path.Combine(elsewhere.Path, Path.GetFileName(path)), string.Empty);
        };
        engine.Analyze(tree.Root);
        tree.Delete(tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)));

        engine.Analyze(tree.Root).Should().Be(Fresh(tree.Root));
        engine.LastRunTrace!.Watched.Should().BeFalse();
        engine.Pipeline.Watcher!.LastFallbackReason.Should().Contain("did not report the sync cookie");
    }

    [Test]
    public void A_cookie_left_behind_by_another_process_is_seen_by_nothing()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 2, completed: 0.5);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        var first = engine.Analyze(tree.Root);

        File.WriteAllText(Path.Combine(tree.Root, PlanningChangeWatcher.CookiePrefix + "4242-1-deadbeef"), string.Empty);
        var second = engine.Analyze(tree.Root);

        ReferenceEquals(first, second).Should().BeTrue();
        engine.LastRunTrace!.Watched.Should().BeTrue();
        engine.LastRunTrace!.FilesRead.Should().Be(0, "a cookie is no planning file, and its events are dropped");
        second.Should().Be(Fresh(tree.Root));
    }

    [Test]
    public void Dispose_stops_the_watcher_and_the_engine_then_reads_from_disk()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 3, plansPerPhase: 2, completed: 0.5);
        var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Analyze(tree.Root);
        var watcher = engine.Pipeline.Watcher!;
        watcher.IsWatching.Should().BeTrue();

        engine.Dispose();

        watcher.IsWatching.Should().BeFalse();
        engine.Pipeline.Watcher.Should().BeNull();
        tree.Delete(tree.Files.First(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal)));
        engine.Analyze(tree.Root).Should().Be(Fresh(tree.Root));
        engine.LastRunTrace!.Watched.Should().BeFalse();
        NoCookieLeft(tree.Root);

        using var other = new TempDirectory();
        var otherTree = Tree(other, phases: 2, plansPerPhase: 2);
        engine.Analyze(otherTree.Root).Should().Be(Fresh(otherTree.Root));
        engine.Pipeline.Watcher.Should().BeNull("a disposed engine starts no watcher, not for another root either");
        engine.Dispose();
    }

    [Test]
    public void Update_through_a_watching_engine_writes_the_same_bytes_and_the_next_run_sees_its_own_writes()
    {
        using var watchedTemp = new TempDirectory();
        using var plainTemp = new TempDirectory();
        var watchedTree = Tree(watchedTemp, phases: 4, plansPerPhase: 3, completed: 0.5);
        var plainTree = Tree(plainTemp, phases: 4, plansPerPhase: 3, completed: 0.5);
        var summary = watchedTree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        using var watching = new PlanStateEngine { WatchForChanges = true };
        using var plain = new PlanStateEngine();
        watching.Analyze(watchedTree.Root);
        plain.Analyze(plainTree.Root);
        watchedTree.Delete(summary);
        plainTree.Delete(summary);

        var update = watching.Update(watchedTree.Root);
        var plainUpdate = plain.Update(plainTree.Root);

        update.Changes.Should().NotBeEmpty();
        update.WrittenFiles.Should().Equal(plainUpdate.WrittenFiles);
        foreach (var file in update.WrittenFiles)
        {
            File.ReadAllBytes(watchedTree.FullPath(file)).Should().Equal(File.ReadAllBytes(plainTree.FullPath(file)), file);
        }

        var after = watching.Analyze(watchedTree.Root);
        watching.LastRunTrace!.Watched.Should().BeTrue();
        after.Findings.Where(f => f.Fixable).Should().BeEmpty();
        after.Should().Be(Fresh(watchedTree.Root));

        // An edit right after the write is seen too.
        Write(watchedTree.FullPath("STATE.md"), watchedTree.ReadFile("STATE.md").Replace("## Session Continuity", "## Session Continuity\n\nA note.", StringComparison.Ordinal));
        watching.Analyze(watchedTree.Root).Should().Be(Fresh(watchedTree.Root));
        NoCookieLeft(watchedTree.Root);
    }

    [Test]
    public void A_watching_engine_that_switches_roots_watches_the_new_one()
    {
        using var temp1 = new TempDirectory();
        using var temp2 = new TempDirectory();
        var tree1 = Tree(temp1, phases: 3, plansPerPhase: 2, completed: 0.5);
        var tree2 = Tree(temp2, phases: 2, plansPerPhase: 2, completed: 1.0);
        using var engine = new PlanStateEngine { WatchForChanges = true };
        engine.Analyze(tree1.Root);
        engine.Analyze(tree2.Root).Should().Be(Fresh(tree2.Root));
        engine.LastRunTrace!.Watched.Should().BeFalse("the first run of a root reads everything");

        tree2.Delete(tree2.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)));
        engine.Analyze(tree2.Root).Should().Be(Fresh(tree2.Root));
        engine.LastRunTrace!.Watched.Should().BeTrue();
    }

    private static PlanningAnalysis Fresh(string root)
    {
        using var fresh = new PlanStateEngine();
        return fresh.Analyze(root);
    }

    /// <summary>The watching engine's analysis equals a fresh engine's, and the run trusted the watcher.</summary>
    private static void AssertSameAsFresh(PlanStateEngine engine, string root, string because)
    {
        var analysis = engine.Analyze(root);
        var trace = engine.LastRunTrace!;
        var expected = Fresh(root);
        trace.Watched.Should().BeTrue($"the watcher vouched for the run after {because} ({engine.Pipeline.Watcher?.LastFallbackReason})");
        analysis.Findings.Should().Equal(expected.Findings, because);
        analysis.Edits.Should().Equal(expected.Edits, because);
        analysis.Metrics.Should().Be(expected.Metrics, because);
        analysis.Should().Be(expected, because);
    }

    private static void NoCookieLeft(string root) =>
        Directory.GetFiles(root).Select(Path.GetFileName).Should().NotContain(name => name!.StartsWith(PlanningChangeWatcher.CookiePrefix, StringComparison.Ordinal));

    /// <summary>Counts every listing and stat the engine asks for (all of them go through the lister).</summary>
    private sealed class CountingLister : DirectoryLister
    {
        private readonly object gate = new();
        private readonly List<string> listed = new();
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public IReadOnlyList<string> Listed
        {
            get
            {
                lock (gate)
                {
                    return listed.ToList();
                }
            }
        }

        public string? Root { get; private set; }

        public void Reset()
        {
            lock (gate)
            {
                listed.Clear();
                calls = 0;
            }
        }

        public override ListedEntry[] List(string fullPath, ListedEntry[]? previous = null)
        {
            lock (gate)
            {
                calls++;
                listed.Add(Relative(fullPath));
            }

            return base.List(fullPath, previous);
        }

        public override bool DirectoryExists(string fullPath)
        {
            Interlocked.Increment(ref calls);
            return base.DirectoryExists(fullPath);
        }

        public override bool IsLink(string fullPath)
        {
            Interlocked.Increment(ref calls);
            return base.IsLink(fullPath);
        }

        public override FileStamp? Stamp(string fullPath, out bool isLink)
        {
            Interlocked.Increment(ref calls);
            return base.Stamp(fullPath, out isLink);
        }

        public override DateTime? LockWrittenAtUtc(string root)
        {
            Root ??= root;
            Interlocked.Increment(ref calls);
            return base.LockWrittenAtUtc(root);
        }

        private string Relative(string fullPath)
        {
            var root = Root ?? string.Empty;
            var relative = fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar) : fullPath;
            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
