#if NET
using System.Runtime.InteropServices;
using System.Text;

namespace PlanState.Incremental;

/// <summary>
/// Linux: a folder listed in one pass of <c>readdir</c>, each entry's kind (folder, file, link) taken from its
/// <c>d_type</c>, for <see cref="DirectoryLister.ListWithoutStamps"/>. .NET's enumeration reports the kind but not
/// whether an entry is a link, which took it a second pass; this reads each name once, as the bytes it is stored as.
/// Null wherever it cannot answer as the enumeration would (not Linux, libc not callable, a folder that cannot be
/// opened or read, a file system that leaves <c>d_type</c> unknown): the enumeration then lists, and throws as it does.
/// </summary>
internal static partial class DirectoryStream
{
    // struct dirent as readdir returns it on 64-bit Linux (glibc and musl alike): d_ino (8), d_off (8), d_reclen (2),
    // d_type (1), d_name.
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    private const byte UnknownType = 0;
    private const byte DirectoryType = 4;
    private const byte LinkType = 10;

    private static bool unavailable = !OperatingSystem.IsLinux() || IntPtr.Size != 8;

    public static ListedEntry[]? TryList(string fullPath)
    {
        if (Volatile.Read(ref unavailable))
        {
            return null;
        }

        try
        {
            return Read(fullPath);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref unavailable, true);
            return null;
        }
    }

    private static unsafe ListedEntry[]? Read(string fullPath)
    {
        var directory = Libc.OpenDirectory(fullPath);
        if (directory == 0)
        {
            return null;
        }

        try
        {
            var entries = new List<ListedEntry>();
            while (true)
            {
                var entry = (byte*)Libc.ReadDirectory(directory);
                if (entry == null)
                {
                    // The end, or (with errno set) an error: then the enumeration lists, and reports it.
                    if (Marshal.GetLastPInvokeError() != 0)
                    {
                        return null;
                    }

                    break;
                }

                var type = entry[TypeOffset];
                var name = entry + NameOffset;
                var length = 0;
                while (name[length] != 0)
                {
                    length++;
                }

                if ((length == 1 && name[0] == '.') || (length == 2 && name[0] == '.' && name[1] == '.'))
                {
                    continue;
                }

                if (type == UnknownType)
                {
                    return null;
                }

                entries.Add(Entry(fullPath, Encoding.UTF8.GetString(name, length), type));
            }

            ListedEntry.SortByName(entries);
            return entries.ToArray();
        }
        finally
        {
            Libc.CloseDirectory(directory);
        }
    }

    private static ListedEntry Entry(string folder, string name, byte type)
    {
        if (type != LinkType)
        {
            return new ListedEntry(name, type == DirectoryType, isLink: false, stamp: default, info: null);
        }

        // A link is a folder when what it points to is one (as the enumeration decides); a dangling one is a file.
        var path = Path.Combine(folder, name);
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return new ListedEntry(name, info is DirectoryInfo, isLink: true, stamp: default, info);
    }

    /// <summary>The three libc calls, marshalled by generated code.</summary>
    private static partial class Libc
    {
        [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial nint OpenDirectory(string path);

        [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
        public static partial nint ReadDirectory(nint directory);

        [LibraryImport("libc", EntryPoint = "closedir")]
        public static partial int CloseDirectory(nint directory);
    }
}
#endif
