using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Text;

namespace PlanState.Incremental;

/// <summary>
/// The container level of the incremental scan: finds the phase folders in <c>phases/</c> and in the archives
/// <c>milestones/vX.Y-phases/</c> exactly as <see cref="PhaseFolderScanner"/> does, and keeps one
/// <see cref="PhaseFolderStep"/> per folder across runs. The folders are refreshed in parallel when there are many.
/// </summary>
internal sealed class IncrementalScanner
{
    private readonly DirectoryLister lister;

    /// <summary>False for a scan that no later one reuses: folders are listed without stamps (see <see cref="DirectoryLister.ListWithoutStamps"/>).</summary>
    private readonly bool stamps;
    private Dictionary<string, PhaseFolderStep> folders = new(StringComparer.Ordinal);

    /// <summary>The last listing of each container folder (<c>phases/</c>, <c>milestones/</c>, the archives), handed back to the lister.</summary>
    private Dictionary<string, ListedEntry[]> containerListings = new(StringComparer.Ordinal);
    private Dictionary<string, ListedEntry[]> nextContainerListings = new(StringComparer.Ordinal);

    // What a watched run may reuse without the disk: whether phases/ and milestones/ exist (and are links), whether
    // any container is or holds a link, and the last scan with its steps (kept only when it had no problem).
    private ContainerState phasesFolder;
    private ContainerState milestonesFolder;
    private bool containerLinks;
    private PhaseScanResult? lastScan;
    private List<PhaseFolderStep> lastSteps = new();

    public IncrementalScanner(DirectoryLister lister, bool stamps = true)
    {
        this.lister = lister;
        this.stamps = stamps;
    }

    /// <summary>Phases as <see cref="PhaseFolderScanner.Scan(string)"/> returns them; the steps of the active folders alongside.</summary>
    /// <param name="changes">What a synced watcher reported since the last scan; null to check everything on disk.</param>
    public PhaseScanResult Scan(string root, IncrementalRunTrace.Builder trace, PlanningChanges? changes, out List<PhaseFolderStep> steps)
    {
        if (changes is not null && lastScan is not null && !changes.TouchesTree(PhaseFolderScanner.PhasesFolder) && !changes.TouchesTree(PhaseFolderScanner.MilestonesFolder)
            && !containerLinks && folders.Values.All(f => !f.NeedsRefresh(changes)))
        {
            // The watcher saw nothing under phases/ or milestones/: the last scan, untouched, not even sorted again.
            foreach (var step in lastSteps)
            {
                trace.RecordCached(IncrementalStep.FileParse, step.FileCount);
            }

            steps = lastSteps;
            return lastScan;
        }

        var problems = new List<Finding>();
        var found = new List<PhaseFolderStep>();
        containerLinks = false;
        var hasPhasesFolder = Exists(root, PhaseFolderScanner.PhasesFolder, changes, ref phasesFolder);
        if (hasPhasesFolder)
        {
            ScanContainer(root, PhaseFolderScanner.PhasesFolder, null, phasesFolder.IsLink, found, problems, changes);
        }

        var milestonesPath = PhaseFolderScanner.MilestonesFolder;
        if (Exists(root, milestonesPath, changes, ref milestonesFolder) && TryList(root, milestonesPath, milestonesFolder.IsLink, problems, changes, out var milestones))
        {
            foreach (var entry in milestones)
            {
                if (entry.IsDirectory && PlanningFileNames.TryParseArchiveFolder(entry.Name, out var version))
                {
                    ScanContainer(root, milestonesPath + "/" + entry.Name, version, milestonesFolder.IsLink || entry.IsLink, found, problems, changes);
                }
            }
        }

        RefreshAll(root, found, trace, changes);
        (containerListings, nextContainerListings) = (nextContainerListings, containerListings);
        nextContainerListings.Clear();

        // Whatever was cached and not found this time is gone.
        var next = new Dictionary<string, PhaseFolderStep>(StringComparer.Ordinal);
        foreach (var step in found)
        {
            next[step.Path] = step;
        }

        foreach (var old in folders.Values.Where(f => !next.TryGetValue(f.Path, out var kept) || !ReferenceEquals(kept, f)))
        {
            old.RecordRemoved(trace);
        }

        folders = next;
        steps = found;
        // Sorted by List.Sort rather than OrderBy: LINQ's sorting over the phase number compiled by the JIT in every process.
        var phases = new List<PhaseFolder>(found.Count);
        foreach (var step in found)
        {
            phases.Add(step.Folder!);
        }

        phases.Sort(PhaseFolder.CompareInScanOrder);
        var scan = new PhaseScanResult(hasPhasesFolder, phases.ToEquatableArray(), problems.ToEquatableArray());

        // Kept for the next watched run only when a problem-free scan can be handed back whole.
        var reusable = problems.Count == 0;
        lastScan = reusable ? scan : null;
        lastSteps = reusable ? found : new List<PhaseFolderStep>();
        return scan;
    }

    /// <summary>
    /// Whether a container folder exists (and is a link): asked from disk unless the watcher vouches that its entry did
    /// not change since it was last asked.
    /// </summary>
    private bool Exists(string root, string relativePath, PlanningChanges? changes, ref ContainerState state)
    {
        if (changes is not null && state.Known && !changes.Touches(relativePath))
        {
            return state.Exists;
        }

        var fullPath = System.IO.Path.Combine(root, relativePath);
        var exists = lister.DirectoryExists(fullPath);

        // The link check matters to watched runs only, but is kept from any run: a stat-based run precedes the first watched one.
        state = new ContainerState(true, exists, exists && lister.IsLink(fullPath));
        return exists;
    }

    private void ScanContainer(string root, string relativePath, string? archiveVersion, bool containerIsLink, List<PhaseFolderStep> found, List<Finding> problems, PlanningChanges? changes)
    {
        if (!TryList(root, relativePath, containerIsLink, problems, changes, out var entries))
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (!PlanningFileNames.TryParsePhaseFolder(entry.Name, out var number, out var slug))
            {
                continue;
            }

            var folderPath = relativePath + "/" + entry.Name;
            if (entry.IsLink && FolderLinks.LinkLoops(entry.Info, PlanningFileLoader.FullPath(root, relativePath), out var loop))
            {
                problems.Add(FolderLinks.LoopFinding(folderPath, loop));
                continue;
            }

            if (entry.IsDirectory)
            {
                // The path fixes number, slug and archive; a folder that is no longer a directory starts over.
                if (!folders.TryGetValue(folderPath, out var step))
                {
                    step = new PhaseFolderStep(folderPath, number, slug, archiveVersion);
                }

                step.IsLink = entry.IsLink;
                step.UnderLink = containerIsLink;
                found.Add(step);
            }
        }
    }

    /// <summary>
    /// Refreshes every folder that needs it (all of them without a watcher); each worker records into its own trace,
    /// merged in folder order. A folder the watcher vouches for is reused as it is, its files counted as Cached.
    /// </summary>
    private void RefreshAll(string root, List<PhaseFolderStep> found, IncrementalRunTrace.Builder trace, PlanningChanges? changes)
    {
        var stale = changes is null ? found : found.Where(f => f.NeedsRefresh(changes)).ToList();
        if (changes is not null)
        {
            foreach (var step in found)
            {
                if (!step.NeedsRefresh(changes))
                {
                    trace.RecordCached(IncrementalStep.FileParse, step.FileCount);
                }
            }
        }

        var traces = new IncrementalRunTrace.Builder[stale.Count];
        void Refresh(int i)
        {
            traces[i] = trace.Part();
            var step = stale[i];
            step.Refresh(root, lister, stamps, traces[i], step.IsWatchable ? changes : null);
        }

        ParallelWork.ForEachIndex(stale.Count, Refresh);

        foreach (var folderTrace in traces)
        {
            trace.Add(folderTrace);
        }
    }

    /// <summary>
    /// Lists a container folder, or hands back its last listing when the watcher vouches that it did not change (never
    /// for a linked container, nor for one holding links, whose targets' changes reach no watcher).
    /// </summary>
    private bool TryList(string root, string relativePath, bool isLink, List<Finding> problems, PlanningChanges? changes, out ListedEntry[] entries)
    {
        try
        {
            containerListings.TryGetValue(relativePath, out var previous);
            entries = previous is not null && changes is not null && !isLink && !HasLink(previous) && !changes.ListingChanged(relativePath)
                ? previous
                : stamps ? lister.List(PlanningFileLoader.FullPath(root, relativePath), previous)
                : lister.ListWithoutStamps(PlanningFileLoader.FullPath(root, relativePath));
            nextContainerListings[relativePath] = entries;
            containerLinks |= isLink || HasLink(entries);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            entries = Array.Empty<ListedEntry>();
            problems.Add(ListingProblem(relativePath, ex, folderIsLink: false));
            return false;
        }
    }

    private static bool HasLink(ListedEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.IsLink)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An unreadable folder is PLAN1014; a link that cannot be followed is PLAN1019 (as in <see cref="PhaseFolderScanner"/>).</summary>
    internal static Finding ListingProblem(string relativePath, Exception ex, bool folderIsLink) =>
        folderIsLink && ex is IOException and not DirectoryNotFoundException
            ? FolderLinks.LoopFinding(relativePath, ex.Message)
            : new Finding(InputProblems.UnreadableFile, SourceSpan.FileStart(relativePath), $"Folder '{relativePath}' cannot be read: {ex.Message}");
}

/// <summary>Whether a container folder (<c>phases/</c>, <c>milestones/</c>) was found, and found as a link; <see cref="Known"/> once asked.</summary>
internal readonly record struct ContainerState(bool Known, bool Exists, bool IsLink);
