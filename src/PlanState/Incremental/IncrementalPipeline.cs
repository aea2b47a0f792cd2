using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Parsing.Files;
using PlanState.Rules;

namespace PlanState.Incremental;

/// <summary>
/// The analysis as a chain of cached steps, in the manner of Roslyn's incremental generators:
/// per-file parse → per-phase aggregate → project model → calculations → rules → edits. Every step's input and
/// output are value-equatable; a step whose input equals its cached input does not run (Cached), and a step that
/// runs but produces an output equal to its cached output hands the cached instance on (Unchanged), so the steps
/// after it compare references and stop. One pipeline serves one planning root at a time; not thread-safe (the
/// engine serialises calls).
/// </summary>
/// <remarks>
/// With <see cref="WatchForChanges"/>, a <see cref="PlanningChangeWatcher"/> runs from before the first read of a
/// root, and each later run first syncs it: the folders and files it reported are listed, stat'ed and read as
/// without it; everything else is reused without touching the disk. When the watcher cannot vouch for a run, the run
/// refreshes everything from disk by the stamps, exactly as without a watcher.
/// </remarks>
internal sealed class IncrementalPipeline : IDisposable
{
    private readonly DirectoryLister lister;
    private readonly WholeFileStep<StateDocument> state;
    private readonly WholeFileStep<RoadmapDocument> roadmap;
    private IncrementalScanner scanner;
    private string? root;

    private PlanningFolder? folder;
    private CalculationsInput? calculationsInput;
    private ProjectMetrics? metrics;
    private RulesInput? rulesInput;
    private RuleResults? rules;
    private EditsInput? editsInput;
    private PlanningAnalysis? analysis;

    // What the calculations and the rules keep from one run for the next, so a change to one phase redoes that phase's part.
    private ProjectMetrics.Memo metricsMemo = new();
    private RuleMemo ruleMemo = new();

    private PlanningChangeWatcher? watcher;
    private bool disposed;
    private DateTime? lockWrittenAtUtc;
    private bool lockKnown;

    public IncrementalPipeline(DirectoryLister? lister = null)
    {
        this.lister = lister ?? DirectoryLister.Default;
        scanner = new IncrementalScanner(this.lister);
        state = new WholeFileStep<StateDocument>(PlanningFolderReader.StateFile, PlanningFolderReader.ParseState, this.lister);
        roadmap = new WholeFileStep<RoadmapDocument>(PlanningFolderReader.RoadmapFile, PlanningFolderReader.ParseRoadmap, this.lister);
    }

    /// <summary>Watch the planning root for changes (see the remarks); set before the first run.</summary>
    public bool WatchForChanges { get; set; }

    /// <summary>
    /// False for a pipeline whose runs do not build on each other: every run starts afresh, and so lists folders
    /// without the stamps only a later run would compare (one stat per file saved). Set before the first run.
    /// </summary>
    public bool ReuseAcrossRuns { get; set; } = true;

    /// <summary>Whether each run's trace lists its step runs, not only counts them (see <see cref="PlanStateEngine.TrackIncrementalSteps"/>).</summary>
    public bool TrackSteps { get; set; }

    /// <summary>Called with each watcher this pipeline starts (tests shorten its timeout or make its cookie fail).</summary>
    internal Action<PlanningChangeWatcher>? ConfigureWatcher { get; set; }

    /// <summary>Whether the last run spread its per-phase steps over the cores (only when many were stale); for tests.</summary>
    internal bool SpreadPhaseSteps { get; private set; }

    /// <summary>The running watcher, if any.</summary>
    internal PlanningChangeWatcher? Watcher => watcher;

    public PlanningAnalysis Run(string planningRoot, out IncrementalRunTrace runTrace)
    {
        var fullRoot = Path.GetFullPath(planningRoot);
        PlanningChanges? changes = null;
        if (!ReuseAcrossRuns || !string.Equals(root, fullRoot, StringComparison.Ordinal))
        {
            Reset(fullRoot);
        }
        else if (watcher is not null)
        {
            // Null when the watcher cannot vouch for every change: then this run reads everything from disk.
            changes = watcher.Sync();
        }

        var trace = new IncrementalRunTrace.Builder(listsRuns: TrackSteps) { Watched = changes is not null };

        // ROADMAP.md is the largest single parse of a cold run: it overlaps the folder scan on another core, and
        // STATE.md is parsed after it by whichever thread is free first (that one, or this one once the scan is done),
        // not here before the scan. Both are Markdig's first use in a new process (loading and compiling its code),
        // which the two parses shared when they ran side by side, the scan waiting.
        var stateTrace = trace.Part();
        var roadmapTrace = trace.Part();
        ParsedFile<StateDocument>? stateRead = null;
        var stateClaimed = 0;
        void ParseStateUnlessClaimed()
        {
            if (Interlocked.Exchange(ref stateClaimed, 1) == 0)
            {
                stateRead = state.Refresh(fullRoot, stateTrace, changes);
            }
        }

        var documentsTask = Environment.ProcessorCount > 1 && roadmap.NeedsParse(fullRoot, changes)
            ? Task.Run(() =>
            {
                var roadmapParsed = roadmap.Refresh(fullRoot, roadmapTrace, changes);
                ParseStateUnlessClaimed();
                return roadmapParsed;
            })
            : null;
        var scanTrace = trace.Part();
        var scan = scanner.Scan(fullRoot, scanTrace, changes, out var steps);
        ParseStateUnlessClaimed();

        // Waiting for the task also makes its STATE.md result, when it took that, visible here.
        var roadmapRead = documentsTask?.GetAwaiter().GetResult() ?? roadmap.Refresh(fullRoot, roadmapTrace, changes);

        // The trace keeps the parses in the order they ran one after another before: STATE.md, the folders, ROADMAP.md.
        trace.Add(stateTrace);
        trace.Add(scanTrace);
        trace.Add(roadmapTrace);

        // The lock's age is computed anew every run; its write time is read again only when the watcher cannot vouch for it.
        if (changes is null || !lockKnown || changes.Touches(PlanningFolderReader.LockFile))
        {
            lockWrittenAtUtc = lister.LockWrittenAtUtc(fullRoot);
            lockKnown = true;
        }

        // Project model.
        var candidate = PlanningFolderReader.Assemble(fullRoot, stateRead!, roadmapRead, scan, lockWrittenAtUtc);
        folder = Step(IncrementalStep.ProjectModel, trace, folder, candidate);

        // Per-phase steps, in the folder's phase order: the aggregate (active folders only), then the folder's own rule
        // checks, kept per folder so one changed SUMMARY re-checks one folder. Folders are independent: when many are
        // stale (a cold run), they are spread over the cores, each with a trace of its own, merged in phase order.
        var stepsByPath = steps.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var phases = folder.Phases;
        var phaseAggregates = new PhaseAggregate?[phases.Count];
        var phaseFindings = new EquatableArray<Finding>[folder.IsStateOnly ? 0 : phases.Count];
        var phaseSteps = new PhaseFolderStep[phases.Count];
        var stalePhases = 0;
        for (var i = 0; i < phases.Count; i++)
        {
            phaseSteps[i] = stepsByPath[phases[i].Path];
            stalePhases += phaseSteps[i].PhaseStepsCurrent(phases[i].IsArchived) ? 0 : 1;
        }

        var phaseTraces = stalePhases >= ParallelWork.Threshold ? new IncrementalRunTrace.Builder[phases.Count] : null;
        SpreadPhaseSteps = phaseTraces is not null;
        IncrementalRunTrace.Builder PhaseTrace(int i) => phaseTraces is null ? trace : phaseTraces[i] ??= trace.Part();
        void RefreshAggregate(int i)
        {
            if (phases[i].IsArchived)
            {
                phaseSteps[i].ForgetAggregate(PhaseTrace(i));
            }
            else
            {
                phaseAggregates[i] = phaseSteps[i].RefreshAggregate(PhaseTrace(i));
            }
        }

        void RefreshRules(int i)
        {
            if (i < phaseFindings.Length)
            {
                phaseFindings[i] = phaseSteps[i].RefreshRules(PhaseTrace(i));
            }
        }

        void RefreshAllRules()
        {
            for (var i = 0; i < phases.Count; i++)
            {
                RefreshRules(i);
            }
        }

        if (phaseTraces is null)
        {
            for (var i = 0; i < phases.Count; i++)
            {
                RefreshAggregate(i);
                RefreshRules(i);
            }
        }
        else
        {
            ParallelWork.ForEachIndex(phases.Count, RefreshAggregate);
        }

        var aggregates = new List<PhaseAggregate>(phases.Count);
        foreach (var aggregate in phaseAggregates)
        {
            if (aggregate is not null)
            {
                aggregates.Add(aggregate);
            }
        }

        var aggregateArray = aggregates.ToEquatableArray();
        if (calculationsInput is { } lastCalculations && lastCalculations.Aggregates == aggregateArray)
        {
            // Same elements: keep the old array, so the steps below compare one reference.
            aggregateArray = lastCalculations.Aggregates;
        }

        // Calculations. When the per-phase steps were spread, their rule checks (which read the aggregates but not
        // the calculations) run on another core meanwhile: both take a few ms at 10,000 plans, serial otherwise.
        var milestone = folder.State?.Frontmatter?.Find("milestone")?.Value;
        var calculations = new CalculationsInput(aggregateArray, folder.Roadmap, milestone);
        ProjectMetrics Calculate() => Run(IncrementalStep.Calculations, trace, ref calculationsInput, calculations, metrics, () => ProjectMetrics.Compute(aggregateArray, folder.Roadmap, milestone, metricsMemo));
        if (phaseTraces is null)
        {
            metrics = Calculate();
        }
        else
        {
            metrics = ParallelWork.Alongside(RefreshAllRules, Calculate);
            foreach (var phaseTrace in phaseTraces)
            {
                trace.Add(phaseTrace);
            }
        }

        // Rules. A run no later one builds on keeps no memo: what a memo records per piece would never be replayed.
        var currentFolder = folder;
        var currentMetrics = metrics;
        var memo = ReuseAcrossRuns ? ruleMemo : null;
        var rulesRan = false;
        rules = Run(IncrementalStep.Rules, trace, ref rulesInput, new RulesInput(folder, aggregateArray, metrics), rules, () =>
        {
            rulesRan = true;
            return RuleRunner.Run(currentFolder, aggregateArray, currentMetrics, phaseFindings, memo);
        });
        if (rulesRan && memo is not null)
        {
            // The pieces of the rules that read one phase (or the folder layout): those of the changed phases ran again.
            trace.Record(IncrementalStep.RulePieces, ruleMemo.Counts);
        }

        // Edits: every finding in file order, and the edits.
        var currentRules = rules;
        analysis = Run(IncrementalStep.Edits, trace, ref editsInput, new EditsInput(folder, rules, metrics), analysis, () => Finish(currentFolder, currentRules, currentMetrics));
        runTrace = trace.Build();
        return analysis;
    }

    /// <summary>True when <paramref name="planningRoot"/> is the root this pipeline caches.</summary>
    public bool Serves(string planningRoot) => string.Equals(root, Path.GetFullPath(planningRoot), StringComparison.Ordinal);

    /// <summary>The analysis of a folder: its input problems and the rules' findings in file order, and the rules' edits.</summary>
    internal static PlanningAnalysis Finish(PlanningFolder folder, RuleResults rules, ProjectMetrics metrics)
    {
        // Plain loops: a warm run walks every file's (nearly always empty) problems, 17,000 of them at 10,000 plans.
        var inputProblems = new List<Finding>();
        AddAll(inputProblems, folder.Problems);
        foreach (var phase in folder.Phases.AsSpan())
        {
            AddAll(inputProblems, phase.Problems);
            foreach (var plan in phase.Plans.AsSpan())
            {
                AddAll(inputProblems, plan.Problems);
            }

            foreach (var summary in phase.Summaries.AsSpan())
            {
                AddAll(inputProblems, summary.Problems);
            }
        }

        // The rules' findings are in file order already: the input problems are sorted and merged in.
        var findings = FindingOrder.MergeInFileOrder(inputProblems, rules.Findings);
        return new PlanningAnalysis(folder.Root, folder, findings, rules.Edits, metrics);
    }

    private static void AddAll(List<Finding> findings, EquatableArray<Finding> more)
    {
        foreach (var finding in more.AsSpan())
        {
            findings.Add(finding);
        }
    }

    /// <summary>A step whose output is its input put together: Cached when equal to the last one (the old instance is kept).</summary>
    private static T Step<T>(IncrementalStep step, IncrementalRunTrace.Builder trace, T? cached, T candidate)
        where T : class
    {
        var reason = cached is null ? IncrementalStepReason.New
            : candidate.Equals(cached) ? IncrementalStepReason.Cached
            : IncrementalStepReason.Modified;
        trace.Record(step, string.Empty, reason);
        return reason == IncrementalStepReason.Cached ? cached! : candidate;
    }

    /// <summary>Runs <paramref name="compute"/> unless <paramref name="input"/> equals the cached input.</summary>
    private static TOutput Run<TInput, TOutput>(
        IncrementalStep step,
        IncrementalRunTrace.Builder trace,
        ref TInput? cachedInput,
        TInput input,
        TOutput? cachedOutput,
        Func<TOutput> compute)
        where TInput : class, IEquatable<TInput>
        where TOutput : class
    {
        if (cachedOutput is not null && cachedInput is not null && cachedInput.Equals(input))
        {
            trace.Record(step, string.Empty, IncrementalStepReason.Cached);
            return cachedOutput;
        }

        cachedInput = input;
        var output = compute();
        var reason = cachedOutput is null ? IncrementalStepReason.New
            : output.Equals(cachedOutput) ? IncrementalStepReason.Unchanged
            : IncrementalStepReason.Modified;
        trace.Record(step, string.Empty, reason);
        return reason == IncrementalStepReason.Unchanged ? cachedOutput! : output;
    }

    // The inputs of the whole-project steps. Records (classes) rather than value tuples: in a fresh process, generic
    // code over a value tuple of these types is JIT-compiled before the first analysis; over a class it is precompiled.
    private sealed record CalculationsInput(EquatableArray<PhaseAggregate> Aggregates, RoadmapDocument? Roadmap, string? Milestone);

    private sealed record RulesInput(PlanningFolder Folder, EquatableArray<PhaseAggregate> Aggregates, ProjectMetrics Metrics);

    private sealed record EditsInput(PlanningFolder Folder, RuleResults Rules, ProjectMetrics Metrics);

    /// <summary>Stops the watcher; later runs read from disk, and no watcher starts again (not for another root either).</summary>
    public void Dispose()
    {
        disposed = true;
        watcher?.Dispose();
        watcher = null;
    }

    private void Reset(string fullRoot)
    {
        // The watcher starts before anything of the new root is read, so every later change to what is read is reported.
        watcher?.Dispose();
        watcher = null;
        if (WatchForChanges && ReuseAcrossRuns && !disposed)
        {
            watcher = PlanningChangeWatcher.TryStart(fullRoot);
            if (watcher is not null)
            {
                ConfigureWatcher?.Invoke(watcher);
            }
        }

        lockWrittenAtUtc = null;
        lockKnown = false;
        root = fullRoot;
        scanner = new IncrementalScanner(lister, stamps: ReuseAcrossRuns);
        state.Reset();
        roadmap.Reset();
        folder = null;
        calculationsInput = null;
        metrics = null;
        rulesInput = null;
        rules = null;
        editsInput = null;
        analysis = null;
        metricsMemo = new ProjectMetrics.Memo();
        ruleMemo = new RuleMemo();
    }
}

/// <summary>
/// The per-file parse step of STATE.md or ROADMAP.md, read whole: keyed by the file's stamp, then its content hash.
/// </summary>
internal sealed class WholeFileStep<TDocument>
    where TDocument : class
{
    private readonly string file;
    private readonly Func<FileLoadResult, ParsedFile<TDocument>> parse;
    private readonly DirectoryLister lister;
    private FileStamp? stamp;
    private bool settled;
    private ParsedFile<TDocument>? output;

    /// <summary>What the last refresh returned (a missing file's result too), and whether the file then existed and was a link.</summary>
    private ParsedFile<TDocument>? last;
    private bool existed;
    private bool isLink;

    public WholeFileStep(string file, Func<FileLoadResult, ParsedFile<TDocument>> parse, DirectoryLister lister)
    {
        this.file = file;
        this.parse = parse;
        this.lister = lister;
    }

    public void Reset()
    {
        stamp = null;
        settled = false;
        output = null;
        last = null;
        existed = false;
        isLink = false;
    }

    /// <summary>False when the file's stamp is the cached one (checked again, cheaply, by <see cref="Refresh"/>), or the watcher vouches for it.</summary>
    public bool NeedsParse(string root, PlanningChanges? changes) =>
        !Vouched(changes) && (output is null || !settled || changes?.Touches(file) == true || Stamp(root, out _) is not { } current || current != stamp);

    /// <param name="changes">What a synced watcher reported; null to decide by the file's stamp.</param>
    public ParsedFile<TDocument> Refresh(string root, IncrementalRunTrace.Builder trace, PlanningChanges? changes)
    {
        if (Vouched(changes))
        {
            if (existed)
            {
                trace.RecordCached(IncrementalStep.FileParse, 1);
            }

            return last!;
        }

        last = Load(root, trace, changes);
        return last;
    }

    /// <summary>True when the watcher reported nothing for this file since it was last refreshed (never for a link, whose target it cannot see).</summary>
    private bool Vouched(PlanningChanges? changes) => changes is not null && last is not null && !isLink && !changes.Touches(file);

    private ParsedFile<TDocument> Load(string root, IncrementalRunTrace.Builder trace, PlanningChanges? changes)
    {
        var current = Stamp(root, out isLink);
        existed = current is not null;
        if (current is null)
        {
            // Missing, or not a plain file: load it anyway, which tells a missing file (no problem) from a folder
            // or an unreadable entry (a problem). Nothing to cache.
            var missing = parse(PlanningFileLoader.Load(root, file));
            if (output?.Source is not null)
            {
                trace.Record(IncrementalStep.FileParse, file, IncrementalStepReason.Removed);
            }

            stamp = null;
            output = missing.Source is null ? missing : null;
            return missing;
        }

        // A file the watcher reported is read whatever its stamp says (a same-size write in the same clock tick too).
        var reported = changes is not null && !isLink && changes.Touches(file);
        if (output is not null && settled && stamp == current && !reported)
        {
            trace.RecordCached(IncrementalStep.FileParse, 1);
            return output;
        }

        // Taken before the read: a write after this stat changes the stamp again, so the next run sees it.
        trace.FilesRead++;
        var load = PlanningFileLoader.Load(root, file);
        if (output?.Source is { } cachedSource && load.Text is { } text && text.ContentHash == cachedSource.ContentHash && text.Equals(cachedSource))
        {
            stamp = current;
            settled = current.GetValueOrDefault().IsSettledAt(DateTime.UtcNow.Ticks);
            trace.RecordCached(IncrementalStep.FileParse, 1);
            return output;
        }

        trace.FilesParsed++;
        var parsed = parse(load);
        var reason = output?.Source is null ? IncrementalStepReason.New
            : parsed.Equals(output) ? IncrementalStepReason.Unchanged
            : IncrementalStepReason.Modified;
        trace.Record(IncrementalStep.FileParse, file, reason);
        stamp = load.Text is null ? null : current;
        // Not current.Value: Nullable<T>.Value over this assembly's struct is JIT-compiled in every new process.
        settled = current.GetValueOrDefault().IsSettledAt(DateTime.UtcNow.Ticks);
        output = reason == IncrementalStepReason.Unchanged ? output : parsed;
        return output!;
    }

    private FileStamp? Stamp(string root, out bool link) => lister.Stamp(PlanningFileLoader.FullPath(root, file), out link);
}
