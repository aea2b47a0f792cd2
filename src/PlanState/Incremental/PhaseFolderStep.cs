using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Rules;
using PlanState.Text;

namespace PlanState.Incremental;

/// <summary>
/// The cached state of one phase folder: its last listing, the parse of each PLAN and SUMMARY in it, the
/// <see cref="PhaseFolder"/> built from them and its <see cref="PhaseAggregate"/>. One instance is only ever touched
/// by one thread at a time (the pipeline hands each folder to one worker).
/// </summary>
/// <remarks>
/// It mirrors <see cref="PhaseFolderScanner"/> (whose output it must equal, and the tests check that it does), but
/// keeps every result and redoes only what a changed listing calls for:
/// <list type="bullet">
/// <item>the listing (names, kinds, stamps) equals the last one and every stamp is settled: the folder is reused whole, no file is opened;</item>
/// <item>else each file whose stamp changed or is not settled yet is read (its head), and parsed again only if the bytes hash differently.</item>
/// </list>
/// With a synced <see cref="PlanningChangeWatcher"/> (a <see cref="PlanningChanges"/> is passed), a folder the watcher
/// reported nothing in is not even listed (<see cref="NeedsRefresh"/>), and in a listed one a file is read when the
/// watcher reported it, whatever its stamp says (a same-size write in the same clock tick included), and is reused
/// otherwise, settled or not: the watcher ran before the file was last read, so any later write produced an event.
/// </remarks>
internal sealed class PhaseFolderStep
{
    /// <summary>The first read of a PLAN or SUMMARY file, as in <see cref="PhaseFolderScanner"/>.</summary>
    private const int HeadBytes = 4096;

    private Dictionary<string, FileParse> files = new(StringComparer.Ordinal);
    private ListedEntry[]? listing;

    /// <summary>True when every cached file's stamp can be trusted (see <see cref="FileStamp"/>): only then is an equal listing enough.</summary>
    private bool allSettled;

    /// <summary>True when the last listing held a link: a change behind it reaches no watcher, so the folder is listed every run.</summary>
    private bool hasLinks;

    public PhaseFolderStep(string path, PhaseNumber number, string slug, string? archiveVersion)
    {
        Path = path;
        Number = number;
        Slug = slug;
        ArchiveVersion = archiveVersion;
    }

    /// <summary>Relative to the planning root: <c>phases/01-foundation</c>.</summary>
    public string Path { get; }

    public PhaseNumber Number { get; }

    public string Slug { get; }

    public string? ArchiveVersion { get; }

    public bool IsLink { get; set; }

    /// <summary>True when a folder above this one (an archive folder) is a link: the watcher cannot see into it.</summary>
    public bool UnderLink { get; set; }

    /// <summary>How many PLAN and SUMMARY parses this folder caches.</summary>
    public int FileCount => files.Count;

    public PhaseFolder? Folder { get; private set; }

    public PhaseAggregate? Aggregate { get; private set; }

    /// <summary>The folder whose aggregate <see cref="Aggregate"/> is.</summary>
    private PhaseFolder? aggregatedFolder;

    /// <summary>The findings of this folder's own checks, for <see cref="ruledFolder"/> and <see cref="ruledAggregate"/>.</summary>
    private EquatableArray<Finding> ruleFindings;

    private PhaseFolder? ruledFolder;

    private PhaseAggregate? ruledAggregate;

    /// <summary>
    /// False when the watcher vouches that nothing in this folder changed since it was last listed: then neither the
    /// folder nor its files need the disk. A linked folder, one holding links, or one whose last listing failed or
    /// missed a file is always listed.
    /// </summary>
    public bool NeedsRefresh(PlanningChanges changes) =>
        Folder is null || listing is null || !IsWatchable || hasLinks || changes.ListingChanged(Path);

    /// <summary>Whether the watcher may be trusted inside this folder: never behind a link.</summary>
    public bool IsWatchable => !IsLink && !UnderLink;

    /// <summary>
    /// Lists the folder and brings <see cref="Folder"/> up to date. <paramref name="changes"/> is what the synced
    /// watcher reported (null: trust the stamps alone).
    /// </summary>
    public void Refresh(string root, DirectoryLister lister, bool stamps, IncrementalRunTrace.Builder trace, PlanningChanges? changes = null)
    {
        var problems = new List<Finding>();
        ListedEntry[] entries;
        try
        {
            entries = stamps ? lister.List(PlanningFileLoader.FullPath(root, Path), listing) : lister.ListWithoutStamps(PlanningFileLoader.FullPath(root, Path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems.Add(IncrementalScanner.ListingProblem(Path, ex, IsLink));
            RemoveFiles(files.Keys.ToList(), trace);
            listing = null;
            Keep(Build(problems, Array.Empty<PlanFile>(), Array.Empty<SummaryFile>()));
            return;
        }

        if (changes is null && Folder is not null && allSettled && ListedEntry.SameListing(listing, entries))
        {
            trace.RecordCached(IncrementalStep.FileParse, files.Count);
            return;
        }

        // The files are opened within the folder (see FileSystemAccess.ListedFolder), which opens with the first one read.
        using var folder = FileSystemAccess.Default.OpenListedFolder(root, Path);

        // Taken once, before any file is read: a file's content is at least as new as this, which is all that deciding
        // whether it has settled needs (see FileStamp.IsSettledAt). The clock per file was 17,000 calls at 10,000 plans.
        var readFromUtcTicks = DateTime.UtcNow.Ticks;
        var plans = new List<PlanFile>(entries.Length);
        var summaries = new List<SummaryFile>(entries.Length);
        // Without stamps no later run builds on this one (see IncrementalScanner), so no file's parse is kept for it.
        var next = stamps ? new Dictionary<string, FileParse>(entries.Length, StringComparer.Ordinal) : null;
        var vanished = false;
        var links = false;
        foreach (var entry in entries)
        {
            var name = entry.Name;
            links |= entry.IsLink;
            if (PlanningFileNames.IsIgnored(name))
            {
                continue;
            }

            var filePath = Path + "/" + name;
            if (PlanningFileNames.TryParsePlanFile(name, Number, out var id, out var kind))
            {
                if (entry.IsDirectory)
                {
                    problems.Add(PlanningFileLoader.NotAFile(filePath));
                    continue;
                }

                files.TryGetValue(name, out var cached);
                var output = ParseFile(folder, name, filePath, id, kind, entry.Stamp, cached, trace, Watched(changes, filePath, entry), readFromUtcTicks, keep: next is not null, out var parse);
                if (output is null)
                {
                    // Gone since the listing (an agent renamed it): left out, as the scanner does; list again next run.
                    vanished = true;
                    continue;
                }

                if (next is not null)
                {
                    next[name] = parse!;
                }

                if (output is PlanFile plan)
                {
                    plans.Add(plan);
                }
                else
                {
                    summaries.Add((SummaryFile)output);
                }
            }
            else if (entry.IsDirectory && entry.IsLink && FolderLinks.LinkLoops(entry.Info, PlanningFileLoader.FullPath(root, Path), out var loop))
            {
                problems.Add(FolderLinks.LoopFinding(filePath, loop));
            }
        }

        if (next is not null)
        {
            RemoveFiles(files.Keys.Where(name => !next.ContainsKey(name)).ToList(), trace);
            files = next;
        }

        listing = vanished || next is null ? null : entries;
        allSettled = next is not null && next.Values.All(f => f.IsSettled);
        hasLinks = links;

        // By id, then path (a total order, so the unstable sort is deterministic); usually the listing's order already.
        plans.Sort(static (a, b) => a.Id.CompareTo(b.Id) is var byId && byId != 0 ? byId : string.CompareOrdinal(a.Path, b.Path));
        summaries.Sort(static (a, b) => a.Id.CompareTo(b.Id) is var byId && byId != 0 ? byId : string.CompareOrdinal(a.Path, b.Path));
        Keep(Build(problems, plans, summaries));
    }

    /// <summary>An equal folder keeps the old instance, so every later step sees the same reference and stops there.</summary>
    private void Keep(PhaseFolder folder)
    {
        if (!folder.Equals(Folder))
        {
            Folder = folder;
        }
    }

    /// <summary>
    /// True when the aggregate (none, for an archived folder) and the folder's own rule checks are those of its
    /// current folder: the per-phase steps have nothing to do.
    /// </summary>
    public bool PhaseStepsCurrent(bool archived) =>
        (archived ? Aggregate is null : Aggregate is not null && ReferenceEquals(aggregatedFolder, Folder))
        && ReferenceEquals(ruledFolder, Folder) && ReferenceEquals(ruledAggregate, Aggregate);

    /// <summary>The per-phase aggregate step (active folders only): runs when the folder changed.</summary>
    public PhaseAggregate RefreshAggregate(IncrementalRunTrace.Builder trace)
    {
        var folder = Folder!;
        if (Aggregate is not null && ReferenceEquals(aggregatedFolder, folder))
        {
            trace.Record(IncrementalStep.PhaseAggregate, Path, IncrementalStepReason.Cached);
            return Aggregate;
        }

        var aggregate = PhaseAggregate.From(folder);
        var reason = Aggregate is null ? IncrementalStepReason.New
            : aggregate.Equals(Aggregate) ? IncrementalStepReason.Unchanged
            : IncrementalStepReason.Modified;
        trace.Record(IncrementalStep.PhaseAggregate, Path, reason);
        if (reason != IncrementalStepReason.Unchanged)
        {
            Aggregate = aggregate;
        }

        aggregatedFolder = folder;
        return Aggregate!;
    }

    /// <summary>
    /// The per-phase rule step: the checks of this folder alone (<see cref="RuleRunner.RunPhase"/>), run again only
    /// when the folder or its aggregate changed. Call after the aggregate step.
    /// </summary>
    public EquatableArray<Finding> RefreshRules(IncrementalRunTrace.Builder trace)
    {
        var folder = Folder!;
        if (ReferenceEquals(ruledFolder, folder) && ReferenceEquals(ruledAggregate, Aggregate))
        {
            trace.Record(IncrementalStep.PhaseRules, Path, IncrementalStepReason.Cached);
            return ruleFindings;
        }

        var findings = RuleRunner.RunPhase(folder, Aggregate);
        var reason = ruledFolder is null ? IncrementalStepReason.New
            : findings == ruleFindings ? IncrementalStepReason.Unchanged
            : IncrementalStepReason.Modified;
        trace.Record(IncrementalStep.PhaseRules, Path, reason);
        if (reason != IncrementalStepReason.Unchanged)
        {
            ruleFindings = findings;
        }

        ruledFolder = folder;
        ruledAggregate = Aggregate;
        return ruleFindings;
    }

    /// <summary>Records the removal of everything this folder cached (the folder is gone, or no longer a phase folder).</summary>
    public void RecordRemoved(IncrementalRunTrace.Builder trace)
    {
        RemoveFiles(files.Keys.ToList(), trace);
        if (Aggregate is not null)
        {
            trace.Record(IncrementalStep.PhaseAggregate, Path, IncrementalStepReason.Removed);
        }

        if (ruledFolder is not null)
        {
            trace.Record(IncrementalStep.PhaseRules, Path, IncrementalStepReason.Removed);
        }
    }

    /// <summary>Drops the aggregate of a folder that is now archived (it has none then).</summary>
    public void ForgetAggregate(IncrementalRunTrace.Builder trace)
    {
        if (Aggregate is not null)
        {
            trace.Record(IncrementalStep.PhaseAggregate, Path, IncrementalStepReason.Removed);
            Aggregate = null;
            aggregatedFolder = null;
        }
    }

    private PhaseFolder Build(List<Finding> problems, IEnumerable<PlanFile> plans, IEnumerable<SummaryFile> summaries) =>
        new(Number, Slug, Path, ArchiveVersion, plans.ToEquatableArray(), summaries.ToEquatableArray(), problems.ToEquatableArray());

    private void RemoveFiles(List<string> names, IncrementalRunTrace.Builder trace)
    {
        foreach (var name in names)
        {
            trace.Record(IncrementalStep.FileParse, Path + "/" + name, IncrementalStepReason.Removed);
            files.Remove(name);
        }
    }

    /// <summary>What the watcher says about one listed file: nothing (no watcher, or a link), changed, or unchanged.</summary>
    private static WatchedFile Watched(PlanningChanges? changes, string filePath, ListedEntry entry) =>
        changes is null || entry.IsLink ? WatchedFile.Unwatched
        : changes.Touches(filePath) ? WatchedFile.Changed
        : WatchedFile.Unchanged;

    /// <summary>The per-file parse step: keyed by the path (fixed per cache entry) and the stamp, then the content hash.</summary>
    /// <param name="keep">Whether a later run may reuse the parse: then <paramref name="entry"/> is what to cache.</param>
    /// <returns>The <see cref="PlanFile"/> or <see cref="SummaryFile"/>; null when the file vanished since the folder was listed.</returns>
    private static object? ParseFile(FileSystemAccess.ListedFolder folder, string name, string filePath, PlanId id, PlanFileKind kind, FileStamp stamp, FileParse? cached, IncrementalRunTrace.Builder trace, WatchedFile watched, long readFromUtcTicks, bool keep, out FileParse? entry)
    {
        entry = null;
        var root = folder.PlanningRoot;
        // A changed name kind (a PLAN renamed over a SUMMARY) never happens under one name, but the id may: PLAN.md's id follows the folder.
        if (cached is not null && cached.Kind == kind && cached.Id.Equals(id) && cached.Id.Text == id.Text)
        {
            // Unwatched, an equal stamp proves the content only once settled (see FileStamp). Watched, the watcher
            // decides: a reported file is read whatever its stamp, an unreported one with its cached stamp is reused.
            var reuse = watched switch
            {
                WatchedFile.Changed => false,
                WatchedFile.Unchanged => cached.Stamp == stamp,
                _ => cached.Stamp == stamp && cached.IsSettled,
            };
            if (reuse)
            {
                trace.RecordCached(IncrementalStep.FileParse, 1);
                entry = cached;
                return cached.Output;
            }
        }
        else
        {
            cached = null;
        }

        trace.FilesRead++;

        // A SUMMARY parsed from its whole text (its facts sit in the body) is compared on its whole text.
        var load = cached is { UsedWholeFile: true }
            ? PlanningFileLoader.Load(root, filePath, FileSystemAccess.Default)
            : PlanningFileLoader.LoadFrontmatterHead(folder, name, filePath, HeadBytes, FileSystemAccess.Default);
        if (load.IsMissing)
        {
            return null;
        }

        if (cached is not null && load.Text is not null && cached.ContentHash == load.Text.ContentHash && cached.Length == load.Text.Length)
        {
            trace.RecordCached(IncrementalStep.FileParse, 1);
            entry = cached.Verified(stamp, readFromUtcTicks);
            return cached.Output;
        }

        trace.FilesParsed++;
        bool usedWholeFile;
        ulong? hash;
        var output = kind == PlanFileKind.Plan ? ParsePlan(id, filePath, load, out usedWholeFile, out hash) : ParseSummary(root, id, filePath, load, out usedWholeFile, out hash);
        var reason = cached is null ? IncrementalStepReason.New
            : output.Equals(cached.Output) ? IncrementalStepReason.Unchanged
            : IncrementalStepReason.Modified;
        trace.Record(IncrementalStep.FileParse, filePath, reason);
        if (reason == IncrementalStepReason.Unchanged)
        {
            output = cached!.Output;
        }

        if (keep)
        {
            entry = new FileParse(id, kind, stamp, readFromUtcTicks, hash, load.Text?.Length ?? -1, usedWholeFile, output);
        }

        return output;
    }

    // The same parses as PhaseFolderScanner's, given the text already loaded, with what the cache keys on. Out
    // parameters, not a tuple: the tuple's generic code over these types was JIT-compiled in every new process.
    private static object ParsePlan(PlanId id, string filePath, FileLoadResult head, out bool usedWholeFile, out ulong? hash)
    {
        usedWholeFile = false;
        hash = head.Text?.ContentHash;
        return PhaseFolderScanner.PlanFrom(id, filePath, head);
    }

    private static object ParseSummary(string root, PlanId id, string filePath, FileLoadResult head, out bool usedWholeFile, out ulong? hash)
    {
        var summary = PhaseFolderScanner.SummaryFrom(root, id, filePath, head, FileSystemAccess.Default, out var parsed);
        usedWholeFile = !ReferenceEquals(parsed, head) && parsed.Text is not null;
        hash = parsed.Text?.ContentHash;
        return summary;
    }

    /// <summary>
    /// One file's cached parse. <see cref="ContentHash"/> is null when the file could not be read, which is never
    /// reused by hash (only by an unchanged stamp, like any other file).
    /// </summary>
    private sealed class FileParse
    {
        public FileParse(PlanId id, PlanFileKind kind, FileStamp stamp, long verifiedAtUtcTicks, ulong? contentHash, int length, bool usedWholeFile, object output)
        {
            Id = id;
            Kind = kind;
            Stamp = stamp;
            IsSettled = stamp.IsSettledAt(verifiedAtUtcTicks);
            ContentHash = contentHash;
            Length = length;
            UsedWholeFile = usedWholeFile;
            Output = output;
        }

        public PlanId Id { get; }

        public PlanFileKind Kind { get; }

        public FileStamp Stamp { get; }

        /// <summary>True when the content was read long enough after the last write for an equal stamp to prove it unchanged.</summary>
        public bool IsSettled { get; }

        public ulong? ContentHash { get; }

        /// <summary>Chars of the text parsed, a second check beside the hash.</summary>
        public int Length { get; }

        /// <summary>True for a long SUMMARY whose facts sit in its body: it was parsed from the whole file, so it is compared on the whole file.</summary>
        public bool UsedWholeFile { get; }

        /// <summary>A <see cref="PlanFile"/> or a <see cref="SummaryFile"/>.</summary>
        public object Output { get; }

        /// <summary>The same parse, its content found unchanged at <paramref name="verifiedAtUtcTicks"/> under a new stamp.</summary>
        public FileParse Verified(FileStamp stamp, long verifiedAtUtcTicks) => new(Id, Kind, stamp, verifiedAtUtcTicks, ContentHash, Length, UsedWholeFile, Output);
    }

    private enum WatchedFile
    {
        /// <summary>No watcher vouches for this file: its stamp decides.</summary>
        Unwatched,

        /// <summary>The watcher reported the file (or a folder above it): read it.</summary>
        Changed,

        /// <summary>The watcher reported nothing for it since it was read.</summary>
        Unchanged,
    }
}
