namespace PlanState.Incremental;

/// <summary>
/// The entries under a planning root that changed between two synced points of a <see cref="PlanningChangeWatcher"/>,
/// as paths relative to the root with forward slashes. Whatever is not reported here is unchanged on disk (outside
/// linked folders, which the pipeline always reads from disk).
/// </summary>
/// <remarks>
/// Paths compare ignoring case: on a case-insensitive file system an event may spell a name differently from the
/// constant the reader opens (<c>state.md</c> for <c>STATE.md</c>); on a case-sensitive one that only costs a re-read.
/// </remarks>
internal sealed class PlanningChanges
{
    private readonly HashSet<string> entries;
    private readonly HashSet<string> folders;

    public PlanningChanges(IEnumerable<string> changedEntries)
    {
        entries = new HashSet<string>(changedEntries, StringComparer.OrdinalIgnoreCase);
        folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            folders.Add(Parent(entry));
        }
    }

    /// <summary>Nothing changed.</summary>
    public static PlanningChanges None { get; } = new(Array.Empty<string>());

    /// <summary>
    /// True when the entry at <paramref name="relativePath"/> may have changed: it was created, deleted, renamed,
    /// written or its attributes changed, or a folder above it was (a folder renamed into place brings files the
    /// watcher never reported one by one).
    /// </summary>
    public bool Touches(string relativePath)
    {
        var path = relativePath;
        while (path.Length > 0)
        {
            if (entries.Contains(path))
            {
                return true;
            }

            path = Parent(path);
        }

        return false;
    }

    /// <summary>True when anything at or below <paramref name="relativeFolder"/> changed, or a folder above it.</summary>
    public bool TouchesTree(string relativeFolder)
    {
        if (Touches(relativeFolder))
        {
            return true;
        }

        var prefix = relativeFolder + "/";
        foreach (var entry in entries)
        {
            if (entry.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the listing of the folder <paramref name="relativeFolder"/> may differ from the last one.</summary>
    public bool ListingChanged(string relativeFolder) => folders.Contains(relativeFolder) || Touches(relativeFolder);

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }
}
