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
    private const int ParallelFolderThreshold = 8;

    private readonly DirectoryLister lister;
    private Dictionary<string, PhaseFolderStep> folders = new(StringComparer.Ordinal);

    /// <summary>The last listing of each container folder (<c>phases/</c>, <c>milestones/</c>, the archives), handed back to the lister.</summary>
    private Dictionary<string, ListedEntry[]> containerListings = new(StringComparer.Ordinal);
    private Dictionary<string, ListedEntry[]> nextContainerListings = new(StringComparer.Ordinal);

    public IncrementalScanner(DirectoryLister lister)
    {
        this.lister = lister;
    }

    /// <summary>Phases as <see cref="PhaseFolderScanner.Scan(string)"/> returns them; the steps of the active folders alongside.</summary>
    public PhaseScanResult Scan(string root, IncrementalRunTrace.Builder trace, out List<PhaseFolderStep> steps)
    {
        var problems = new List<Finding>();
        var found = new List<PhaseFolderStep>();
        var hasPhasesFolder = lister.DirectoryExists(System.IO.Path.Combine(root, PhaseFolderScanner.PhasesFolder));
        if (hasPhasesFolder)
        {
            ScanContainer(root, PhaseFolderScanner.PhasesFolder, null, found, problems);
        }

        var milestonesPath = PhaseFolderScanner.MilestonesFolder;
        if (lister.DirectoryExists(System.IO.Path.Combine(root, milestonesPath)) && TryList(root, milestonesPath, problems, out var milestones))
        {
            foreach (var entry in milestones)
            {
                if (entry.IsDirectory && PlanningFileNames.TryParseArchiveFolder(entry.Name, out var version))
                {
                    ScanContainer(root, milestonesPath + "/" + entry.Name, version, found, problems);
                }
            }
        }

        RefreshAll(root, found, trace);
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
        var phases = found
            .Select(f => f.Folder!)
            .OrderBy(p => p.Number)
            .ThenBy(p => p.ArchiveVersion is null ? 0 : 1)
            .ThenBy(p => p.ArchiveVersion, StringComparer.Ordinal)
            .ThenBy(p => p.Path, StringComparer.Ordinal);
        return new PhaseScanResult(hasPhasesFolder, phases.ToEquatableArray(), problems.ToEquatableArray());
    }

    private void ScanContainer(string root, string relativePath, string? archiveVersion, List<PhaseFolderStep> found, List<Finding> problems)
    {
        if (!TryList(root, relativePath, problems, out var entries))
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
                found.Add(step);
            }
        }
    }

    /// <summary>Refreshes every folder; each worker records into its own trace, merged in folder order.</summary>
    private void RefreshAll(string root, List<PhaseFolderStep> found, IncrementalRunTrace.Builder trace)
    {
        var traces = new IncrementalRunTrace.Builder[found.Count];
        void Refresh(int i)
        {
            traces[i] = new IncrementalRunTrace.Builder();
            found[i].Refresh(root, lister, traces[i]);
        }

        if (found.Count >= ParallelFolderThreshold && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, found.Count, Refresh);
        }
        else
        {
            for (var i = 0; i < found.Count; i++)
            {
                Refresh(i);
            }
        }

        foreach (var folderTrace in traces)
        {
            trace.Add(folderTrace);
        }
    }

    private bool TryList(string root, string relativePath, List<Finding> problems, out ListedEntry[] entries)
    {
        try
        {
            containerListings.TryGetValue(relativePath, out var previous);
            entries = lister.List(PlanningFileLoader.FullPath(root, relativePath), previous);
            nextContainerListings[relativePath] = entries;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            entries = Array.Empty<ListedEntry>();
            problems.Add(ListingProblem(relativePath, ex, folderIsLink: false));
            return false;
        }
    }

    /// <summary>An unreadable folder is PLAN1014; a link that cannot be followed is PLAN1019 (as in <see cref="PhaseFolderScanner"/>).</summary>
    internal static Finding ListingProblem(string relativePath, Exception ex, bool folderIsLink) =>
        folderIsLink && ex is IOException and not DirectoryNotFoundException
            ? FolderLinks.LoopFinding(relativePath, ex.Message)
            : new Finding(InputProblems.UnreadableFile, SourceSpan.FileStart(relativePath), $"Folder '{relativePath}' cannot be read: {ex.Message}");
}
