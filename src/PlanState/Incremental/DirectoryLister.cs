#if NET
using System.IO.Enumeration;
#endif

namespace PlanState.Incremental;

/// <summary>
/// The first-level change key of a file: its length and last write time (UTC ticks), both taken from the folder
/// listing. Equal stamps mean the file is not read again.
/// </summary>
/// <remarks>
/// The trade-off: a stamp cannot see an edit that keeps the length and lands in the same timestamp tick as the write
/// before it. Ticks are coarser than they look: Linux stamps files from a clock that advances once per scheduler tick
/// (1-10 ms, whatever ext4's nanosecond field suggests), FAT keeps 2 s, some network shares 1 s. Like git's "racily
/// clean" index entries, a stamp is therefore trusted only once the content was verified at least
/// <see cref="RacyWindowTicks"/> after the file's last write: a file written just before (or while) it was read is read
/// and hashed again on the next run, until it has been quiet for that long. What is left unseen is a same-size edit
/// that a clock set backwards stamps with an old time. Reading and hashing every file instead would cost a no-change
/// analysis as much as a cold one. When the stamp differs, the content hash decides, so a touched but unchanged file
/// is read but not parsed again.
/// <para>
/// A watched engine (<see cref="PlanningChangeWatcher"/>) does not need the racy window for the files it watches: the
/// watcher was running (and synced) before such a file was read, so any later write, however fast and whatever stamp
/// it leaves, produces an event, and the file is read again on the next run. That holds only where the watcher sees:
/// never behind a link, and not across a watcher that lost events (whose run falls back to the stamps, this rule
/// included). So the stamp and the rule stay on every file, and decide wherever the watcher cannot.
/// </para>
/// </remarks>
internal readonly record struct FileStamp(long Length, long LastWriteUtcTicks)
{
    /// <summary>3 s: more than FAT's 2 s resolution and any kernel clock tick.</summary>
    public const long RacyWindowTicks = 3 * TimeSpan.TicksPerSecond;

    /// <summary>True when content verified at <paramref name="verifiedAtUtcTicks"/> still matches a file with this stamp.</summary>
    public bool IsSettledAt(long verifiedAtUtcTicks) => verifiedAtUtcTicks - LastWriteUtcTicks >= RacyWindowTicks;
}

/// <summary>One entry of a folder listing. <see cref="Info"/> is kept for links only, which the loop check resolves.</summary>
/// <remarks>
/// A class, not a struct: the listing's generic code (the enumerator, the list, the sort) is then the shared code
/// for reference types that the runtime ships precompiled, instead of code the JIT compiles in every new process.
/// A no-change run hands the earlier entries back, so it allocates none.
/// </remarks>
internal sealed class ListedEntry
{
    public ListedEntry(string name, bool isDirectory, bool isLink, FileStamp stamp, FileSystemInfo? info)
    {
        Name = name;
        IsDirectory = isDirectory;
        IsLink = isLink;
        Stamp = stamp;
        Info = info;
    }

    public string Name { get; }

    public bool IsDirectory { get; }

    public bool IsLink { get; }

    public FileStamp Stamp { get; }

    public FileSystemInfo? Info { get; }

    /// <summary>Same name, kind and stamp: nothing in the file changed that the listing can see.</summary>
    public bool SameAs(ListedEntry other) =>
        IsDirectory == other.IsDirectory && IsLink == other.IsLink && Stamp == other.Stamp && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <summary>Puts a listing in the one order every listing has: by name, ordinal (the earlier listing is searched by it).</summary>
    public static void SortByName(List<ListedEntry> entries) => entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

    /// <summary>
    /// The entry of a plain (not linked) file or folder listed again: the earlier listing's own entry when its kind and
    /// stamp are unchanged (<paramref name="unchanged"/>), else a new one, with the earlier name string when the name
    /// was listed before.
    /// </summary>
    public static ListedEntry Relisted(ListedEntry[]? previous, ReadOnlySpan<char> name, bool isDirectory, FileStamp stamp, out bool unchanged)
    {
        var index = previous is null ? -1 : IndexOf(previous, name);
        if (index < 0)
        {
            unchanged = false;
            return new ListedEntry(name.ToString(), isDirectory, isLink: false, stamp, info: null);
        }

        var before = previous![index];
        unchanged = before.IsDirectory == isDirectory && !before.IsLink && before.Stamp == stamp;
        return unchanged ? before : new ListedEntry(before.Name, isDirectory, isLink: false, stamp, info: null);
    }

    /// <summary>A binary search of the earlier listing, which is sorted by name (ordinal).</summary>
    public static int IndexOf(ListedEntry[] sorted, ReadOnlySpan<char> name)
    {
        var low = 0;
        var high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = sorted[middle].Name.AsSpan().SequenceCompareTo(name);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    public static bool SameListing(ListedEntry[]? left, ListedEntry[] right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i].SameAs(right[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Lists a folder once, with the stamp of every file, sorted by name (ordinal). Throws as
/// <see cref="DirectoryInfo.EnumerateFileSystemInfos()"/> does; tests subclass it to inject failures.
/// </summary>
internal class DirectoryLister
{
    public static DirectoryLister Default { get; } = new();

    public virtual bool DirectoryExists(string fullPath) => Directory.Exists(fullPath);

    /// <summary>The stamp of a plain file (null when it does not exist or cannot be stat'ed), and whether it is a link.</summary>
    public virtual FileStamp? Stamp(string fullPath, out bool isLink)
    {
        isLink = false;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                return null;
            }

            isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
            return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>When <c>STATE.md.lock</c> in <paramref name="root"/> was last written (null: no lock).</summary>
    public virtual DateTime? LockWrittenAtUtc(string root) => Parsing.PlanningFolderReader.LockWrittenAtUtc(root);

    /// <summary>True when the entry itself is a link (a symbolic link or a junction), whatever it points to.</summary>
    public virtual bool IsLink(string fullPath)
    {
        try
        {
            return (File.GetAttributes(fullPath) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }
    }

    /// <summary>
    /// Lists a folder. When it lists exactly as <paramref name="previous"/> (an earlier result of this method) did
    /// (same names, kinds and stamps), returns <paramref name="previous"/> itself; on .NET 8 it then allocates no
    /// name strings and sorts nothing, which is most of the cost of a no-change analysis besides the stats.
    /// </summary>
    public virtual ListedEntry[] List(string fullPath, ListedEntry[]? previous = null) =>
#if NET
        DirectoryStream.TryListWithStamps(fullPath, previous) ?? ListByEnumeration(fullPath, previous);
#else
        ListByEnumeration(fullPath, previous);
#endif

    /// <summary><see cref="List"/> through .NET's enumeration: wherever <see cref="DirectoryStream"/> cannot list.</summary>
    internal static ListedEntry[] ListByEnumeration(string fullPath, ListedEntry[]? previous = null)
    {
#if NET
        // The entry's own data: no FileInfo and no full path string per file, only the one stat the stamp needs.
        using var enumerator = new ListingEnumerator(fullPath, previous);
        var entries = new List<ListedEntry>(previous?.Length ?? 16);
        while (enumerator.MoveNext())
        {
            entries.Add(enumerator.Current);
        }

        if (previous is not null && enumerator.AllAsBefore && entries.Count == previous.Length)
        {
            // Names are unique within a folder: as many entries, each found as before, is the same listing.
            return previous;
        }
#else
        var entries = new List<ListedEntry>();
        foreach (var info in new DirectoryInfo(fullPath).EnumerateFileSystemInfos())
        {
            var isDirectory = info is DirectoryInfo || (info.Attributes & FileAttributes.Directory) != 0;
            var isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
            var stamp = info is FileInfo file && !isDirectory ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks) : default;
            entries.Add(new ListedEntry(info.Name, isDirectory, isLink, stamp, isLink ? info : null));
        }
#endif
        ListedEntry.SortByName(entries);
        return entries.ToArray();
    }

    /// <summary>
    /// Lists a folder as <see cref="List"/> does, but without the stamps (every <see cref="ListedEntry.Stamp"/> is
    /// zero), for an analysis that no later one reuses. On .NET 8 no regular entry is stat'ed then: its kind comes
    /// with its name (<c>d_type</c> on Linux).
    /// </summary>
    public virtual ListedEntry[] ListWithoutStamps(string fullPath) =>
#if NET
        DirectoryStream.TryList(fullPath) ?? ListWithoutStampsByEnumeration(fullPath);
#else
        List(fullPath);
#endif

#if NET
    /// <summary>
    /// <see cref="ListWithoutStamps"/> through .NET's enumeration (where <see cref="DirectoryStream"/> cannot list): it
    /// exposes each entry's kind but not whether it is a link, so links are told apart by what an enumeration that skips
    /// them (by that kind alone, with no stat) leaves out of a full one (or an entry that appeared meanwhile, which one
    /// stat settles).
    /// </summary>
    internal static ListedEntry[] ListWithoutStampsByEnumeration(string fullPath)
    {
        var entries = new List<ListedEntry>();
        using (var plain = new UnstampedEnumerator(fullPath, SkipLinks, null))
        {
            while (plain.MoveNext())
            {
                entries.Add(plain.Current!);
            }
        }

        ListedEntry.SortByName(entries);
        var withoutLinks = entries.ToArray();
        using (var all = new UnstampedEnumerator(fullPath, Everything, withoutLinks))
        {
            while (all.MoveNext())
            {
                if (all.Current is { } link)
                {
                    entries.Add(link);
                }
            }
        }

        if (entries.Count == withoutLinks.Length)
        {
            return withoutLinks;
        }

        ListedEntry.SortByName(entries);
        return entries.ToArray();
    }

    private static readonly EnumerationOptions SkipLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false, RecurseSubdirectories = false };
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    /// <summary>
    /// Without <c>known</c>, each entry without its stamp; with it (the same folder listed without links, sorted), only
    /// the entries it lacks, and null for the others.
    /// </summary>
    private sealed class UnstampedEnumerator : FileSystemEnumerator<ListedEntry?>
    {
        private readonly ListedEntry[]? known;

        public UnstampedEnumerator(string fullPath, EnumerationOptions options, ListedEntry[]? known)
            : base(fullPath, options)
        {
            this.known = known;
        }

        protected override ListedEntry? TransformEntry(ref FileSystemEntry entry)
        {
            if (known is null)
            {
                return new ListedEntry(entry.FileName.ToString(), entry.IsDirectory, isLink: false, stamp: default, info: null);
            }

            if (ListedEntry.IndexOf(known, entry.FileName) >= 0)
            {
                return null;
            }

            var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            return new ListedEntry(entry.FileName.ToString(), entry.IsDirectory, isLink, stamp: default, isLink ? entry.ToFileSystemInfo() : null);
        }
    }

    /// <summary>
    /// Reads each entry and compares it with the earlier listing as it goes: an entry found there with the same kind and
    /// stamp is that entry again (its name string reused), and a link is read as a new entry (its info is fresh).
    /// </summary>
    private sealed class ListingEnumerator : FileSystemEnumerator<ListedEntry>
    {
        private static readonly EnumerationOptions Options = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        private readonly ListedEntry[]? previous;

        public ListingEnumerator(string fullPath, ListedEntry[]? previous)
            : base(fullPath, Options)
        {
            this.previous = previous;
            AllAsBefore = previous is not null;
        }

        /// <summary>True while every entry read so far is an entry of the earlier listing, unchanged.</summary>
        public bool AllAsBefore { get; private set; }

        protected override ListedEntry TransformEntry(ref FileSystemEntry entry)
        {
            var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            var isDirectory = entry.IsDirectory;
            var stamp = isDirectory ? default : new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks);
            if (isLink)
            {
                // A link is always read as a new entry: its info is fresh.
                AllAsBefore = false;
                return new ListedEntry(entry.FileName.ToString(), isDirectory, isLink, stamp, entry.ToFileSystemInfo());
            }

            var relisted = ListedEntry.Relisted(previous, entry.FileName, isDirectory, stamp, out var unchanged);
            AllAsBefore &= unchanged;
            return relisted;
        }
    }
#endif
}
