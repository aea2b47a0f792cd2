using PlanState.Diagnostics;
using PlanState.Incremental;
using PlanState.Model;
using PlanState.Rewriting;

namespace PlanState;

public sealed partial class PlanStateEngine : IDisposable
{
    // One engine may be called by concurrent builds in one MSBuild node: the pipeline's caches are guarded by this.
    private readonly object gate = new();
    private readonly IncrementalPipeline pipeline;
    private IncrementalRunTrace? lastRunTrace;

    public PlanStateEngine()
        : this(DirectoryLister.Default)
    {
    }

    /// <summary>An engine whose folder listings go through <paramref name="lister"/> (tests count them).</summary>
    internal PlanStateEngine(DirectoryLister lister)
    {
        pipeline = new IncrementalPipeline(lister);
    }

    /// <summary>
    /// Watch the planning root for changes between analyses (a <see cref="FileSystemWatcher"/>), so that an analysis
    /// after no change touches no file and one after a few changes reads only those. Off by default: it pays only for
    /// an engine kept across many analyses (the MSBuild task turns it on); dispose the engine to stop the watcher. The
    /// results are the same either way; when the watcher cannot vouch for a run (buffer overflow, an error, a folder
    /// where it cannot create its sync file), that run reads from disk as an engine without a watcher does.
    /// </summary>
    public bool WatchForChanges
    {
        get => pipeline.WatchForChanges;
        init => pipeline.WatchForChanges = value;
    }

    /// <summary>
    /// Whether an analysis builds on the ones before it (on by default). Off, every analysis reads the folder afresh,
    /// and none keeps what only a later one would use: folders are listed without a stat of each file (about 8% of a
    /// one-off <c>planstate check</c> of 10,000 plans). For an engine that analyses once; it also turns off
    /// <see cref="WatchForChanges"/>. The results are the same either way.
    /// </summary>
    public bool ReuseAcrossAnalyses
    {
        get => pipeline.ReuseAcrossRuns;
        init => pipeline.ReuseAcrossRuns = value;
    }

    /// <summary>
    /// Whether <see cref="LastRunTrace"/> lists each step run that was not Cached, with its key (off by default, as
    /// Roslyn's <c>trackIncrementalGeneratorSteps</c> is). The counts of every step and reason are kept either way.
    /// For tests and diagnostics: a cold analysis of 10,000 plans lists a run per file, 17,000 records whose arrays
    /// are large enough for the large object heap, which on its own brought on a full, blocking collection.
    /// </summary>
    public bool TrackIncrementalSteps
    {
        get => pipeline.TrackSteps;
        init => pipeline.TrackSteps = value;
    }

    /// <summary>The pipeline, for tests (its watcher).</summary>
    internal IncrementalPipeline Pipeline => pipeline;

    /// <summary>Stops the change watcher, if any. The engine stays usable: later analyses read from disk.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            pipeline.Dispose();
        }
    }

    /// <summary>
    /// Why each step of the most recent analysis ran (New, Modified, Cached, Unchanged or Removed), as Roslyn's
    /// incremental step tracking reports it; null before the first analysis. It counts the runs of each step by
    /// reason; with <see cref="TrackIncrementalSteps"/> on, it also lists them. <see cref="Update"/> analyses more
    /// than once: this is its last analysis.
    /// </summary>
    public IncrementalRunTrace? LastRunTrace
    {
        get
        {
            lock (gate)
            {
                return lastRunTrace;
            }
        }
    }

    private PlanningAnalysis AnalyzeCore(string planningRoot)
    {
        lock (gate)
        {
            var analysis = pipeline.Run(planningRoot, out var trace);
            lastRunTrace = trace;
            return analysis;
        }
    }
}

public sealed partial class PlanStateEngine
{
    // Another writer (an agent, or a concurrent build) may change a file between our analysis and our write; the
    // writer then refuses that file, and we analyse again. Bounded, so a file that keeps changing fails clearly.
    private const int MaxWriteAttempts = 3;

    /// <summary>How long to wait for <c>STATE.md.lock</c> and when to treat it as stale.</summary>
    public Rewriting.FileSafety.LockOptions LockOptions { get; init; } = Rewriting.FileSafety.LockOptions.Default;

    private UpdateResult UpdateCore(string planningRoot)
    {
        // Analyse, write and analyse again as one unit: a concurrent build on this engine waits for all of it.
        lock (gate)
        {
            return UpdateLocked(planningRoot);
        }
    }

    private UpdateResult UpdateLocked(string planningRoot)
    {
        var first = AnalyzeCore(planningRoot);
        var analysis = first;
        var changes = new List<AppliedChange>();
        var written = new List<string>();
        var failures = new List<Rewriting.FileSafety.WriteFailure>();
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var rewrites = Rewrites(analysis);
            if (rewrites.Count == 0)
            {
                failures.Clear();
                break;
            }

            var outcome = Rewriting.FileSafety.PlanningFileWriter.WriteAll(analysis.PlanningRoot, rewrites, LockOptions);
            changes.AddRange(outcome.Changes);
            written.AddRange(outcome.WrittenFiles);
            failures = outcome.Failures.ToList();
            analysis = AnalyzeCore(planningRoot);
            if (failures.Count == 0 || !failures.Any(f => ChangedSince(first, f.File)))
            {
                break;
            }
        }

        var writeFailures = failures
            .Select(f => new Finding(WriteProblems.WriteFailed, Text.SourceSpan.FileStart(f.File), f.Message))
            .ToEquatableArray();
        return new UpdateResult(first, changes.ToEquatableArray(), written.Distinct().ToEquatableArray(), analysis.Findings, writeFailures);
    }

    private static List<Rewriting.FileSafety.FileRewrite> Rewrites(PlanningAnalysis analysis)
    {
        return analysis.Edits
            .GroupBy(e => e.Span.File)
            .Select(g => (Source: analysis.Folder.SourceOf(g.Key), Edits: g))
            .Where(g => g.Source is { IsValidUtf8: true })
            .Select(g => new Rewriting.FileSafety.FileRewrite(g.Source!, g.Edits.ToEquatableArray()))
            .ToList();
    }

    private static bool ChangedSince(PlanningAnalysis analysis, string file)
    {
        var original = analysis.Folder.SourceOf(file);
        try
        {
            var path = Path.Combine(analysis.PlanningRoot, file);
            return original is not null && File.Exists(path) && Text.SourceText.Fnv1a(File.ReadAllBytes(path)) != original.ContentHash;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
