#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
#endif

namespace PlanState.Parsing.Files;

/// <summary>
/// The few file-system calls the loader and the scanner make. Production code uses <see cref="Default"/>; tests
/// subclass it to inject failures the machine cannot produce (a permission error while running as root).
/// </summary>
internal partial class FileSystemAccess
{
    public static FileSystemAccess Default { get; } = new OperatingSystemAccess();

    /// <summary>
    /// Opens a file for reading. Sharing allows an agent to write or replace the file meanwhile (we only read), and
    /// buffering is off because every read is a large block read.
    /// </summary>
    public virtual Stream OpenRead(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>Opens a file for the loader; throws like <see cref="OpenRead"/>. A subclass's <see cref="OpenRead"/> is honoured.</summary>
    public virtual FileSource Open(string fullPath) => new StreamSource(OpenRead(fullPath));

    /// <summary>
    /// <see cref="Open"/> for a file its folder listing has just shown to be a file, not a folder: the phase scanners'
    /// PLAN and SUMMARY files, given as the planning root and the path below it (forward slashes). Should it have
    /// become a folder since, reading it fails with an <see cref="IOException"/>.
    /// </summary>
    public virtual FileSource OpenListedFile(string planningRoot, string relativePath) =>
        Open(PlanningFileLoader.FullPath(planningRoot, relativePath));

    /// <summary>
    /// A folder whose listed files are about to be read, one after another, on this thread (see
    /// <see cref="OpenListedFile(ListedFolder, string)"/>); dispose it when they are read.
    /// </summary>
    /// <param name="relativePath">The folder below <paramref name="planningRoot"/>, with forward slashes.</param>
    public virtual ListedFolder OpenListedFolder(string planningRoot, string relativePath) => new(planningRoot, relativePath);

    /// <summary><see cref="OpenListedFile(string, string)"/> for the file <paramref name="name"/> of <paramref name="folder"/>.</summary>
    public virtual FileSource OpenListedFile(ListedFolder folder, string name) =>
        OpenListedFile(folder.PlanningRoot, folder.RelativePath + "/" + name);

    public virtual bool DirectoryExists(string fullPath) => Directory.Exists(fullPath);

    /// <summary>The entries of a folder; throws like <see cref="DirectoryInfo.EnumerateFileSystemInfos()"/> does.</summary>
    public virtual IReadOnlyList<FileSystemInfo> ListEntries(string fullPath) => new DirectoryInfo(fullPath).EnumerateFileSystemInfos().ToArray();

    /// <summary>
    /// The real file system. On net8.0 the loader reads through the bare OS handle (<c>File.OpenHandle</c> and
    /// <c>RandomAccess.Read</c>): a cold analysis opens 17,000 small files, and a <see cref="FileStream"/> per file
    /// (its strategy objects, its read-ahead advice) costs more than the reads themselves.
    /// </summary>
    private sealed class OperatingSystemAccess : FileSystemAccess
    {
#if NET8_0_OR_GREATER
        public override FileSource Open(string fullPath) =>
            new HandleSource(File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

        public override FileSource OpenListedFile(string planningRoot, string relativePath) =>
            DescriptorSource.TryOpen(planningRoot, relativePath) ?? base.OpenListedFile(planningRoot, relativePath);

        public override FileSource OpenListedFile(ListedFolder folder, string name) =>
            DescriptorSource.TryOpen(folder, name) ?? base.OpenListedFile(folder, name);
#endif
    }

    /// <summary>
    /// A folder whose listed files are read one after another by one thread (<see cref="OpenListedFolder"/>). On Linux
    /// it holds the folder's descriptor, opened with the first file read and closed on <see cref="Dispose"/>, so that
    /// each file is opened by its name within the folder; elsewhere, or when the folder cannot be opened, files are
    /// opened by their paths.
    /// </summary>
    internal sealed class ListedFolder : IDisposable
    {
        /// <summary>No file of the folder has been opened yet, nor the folder.</summary>
        public const int NotOpened = -1;

        /// <summary>The folder cannot be opened, or is disposed: its files are opened by their paths.</summary>
        public const int Unavailable = -2;

        public ListedFolder(string planningRoot, string relativePath)
        {
            PlanningRoot = planningRoot;
            RelativePath = relativePath;
        }

        public string PlanningRoot { get; }

        /// <summary>The folder below <see cref="PlanningRoot"/>, with forward slashes.</summary>
        public string RelativePath { get; }

        /// <summary>The folder's descriptor once opened; <see cref="NotOpened"/> or <see cref="Unavailable"/> otherwise.</summary>
        public int Descriptor { get; set; } = NotOpened;

#if NET8_0_OR_GREATER
        /// <summary>The source the last file was read through, reused for the next once disposed.</summary>
        internal DescriptorSource? Spare { get; set; }
#endif

        public void Dispose()
        {
#if NET8_0_OR_GREATER
            if (Descriptor >= 0)
            {
                Libc.Close(Descriptor);
            }
#endif
            Descriptor = Unavailable;
        }
    }

    private sealed class StreamSource : FileSource
    {
        private readonly Stream stream;

        public StreamSource(Stream stream)
        {
            this.stream = stream;
        }

        public override long Length => stream.Length;

        public override int Read(byte[] buffer, int offset, int count) => stream.Read(buffer, offset, count);

        public override void Dispose() => stream.Dispose();
    }

#if NET8_0_OR_GREATER
    private sealed class HandleSource : FileSource
    {
        private readonly SafeFileHandle handle;
        private long position;

        public HandleSource(SafeFileHandle handle)
        {
            this.handle = handle;
        }

        public override long Length => RandomAccess.GetLength(handle);

        /// <summary>
        /// A positional read (<c>pread</c>) of a regular file returns less than asked only at the end of the file: the
        /// read that would return 0 is one system call per file saved (most PLAN and SUMMARY files fit in one read).
        /// </summary>
        public override bool ShortReadIsEnd => true;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(offset, count), position);
            position += read;
            return read;
        }

        public override void Dispose() => handle.Dispose();
    }

    /// <summary>
    /// Linux: a listed file read through its bare descriptor (<c>open</c>, <c>pread</c>, <c>close</c>). On top of those
    /// three calls <c>File.OpenHandle</c> normalises the path, makes an <c>fstat</c> (to refuse a folder, which the
    /// listing has already ruled out), takes and drops an advisory <c>flock</c>, and allocates a finalizable handle:
    /// measured over the 17,007 files of the 10,000-plan tree, 108 ms of CPU against 65 ms this way. Whenever the
    /// descriptor cannot be had (the file is gone or unreadable, or libc cannot be called) the managed open runs
    /// instead, so errors surface exactly as they always did.
    /// </summary>
    internal sealed class DescriptorSource : FileSource
    {
        private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
        private const int SeekEnd = 2;
        private const int Interrupted = 4; // EINTR

        private static bool unavailable = !OperatingSystem.IsLinux();
        private int descriptor;
        private long position;

        private DescriptorSource(int descriptor)
        {
            this.descriptor = descriptor;
        }

        public override long Length
        {
            get
            {
                var end = Libc.Seek(descriptor, 0, SeekEnd);
                return end >= 0 ? end : throw LastError();
            }
        }

        /// <inheritdoc cref="HandleSource.ShortReadIsEnd"/>
        public override bool ShortReadIsEnd => true;

        /// <summary>The open file, or null when the managed open must decide.</summary>
        public static FileSource? TryOpen(string planningRoot, string relativePath)
        {
            if (Volatile.Read(ref unavailable) || PathBytes(planningRoot, relativePath) is not { } path)
            {
                return null;
            }

            try
            {
                var descriptor = Libc.Open(ref path[0], ReadOnlyCloseOnExec);
                return descriptor >= 0 ? new DescriptorSource(descriptor) : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref unavailable, true);
                return null;
            }
        }

        /// <summary>
        /// The file <paramref name="name"/> opened relative to its folder's descriptor (<c>openat</c>), so the kernel
        /// looks up one name instead of walking the whole path again: the walk was over a third of the cost of each
        /// <c>open</c> in a 10,000-plan check (a profile of the kernel's side). Null when the managed open must decide.
        /// </summary>
        public static FileSource? TryOpen(ListedFolder folder, string name)
        {
            if (Volatile.Read(ref unavailable))
            {
                return null;
            }

            try
            {
                // The folder first: its path and the name are built in the same per-thread buffer.
                if (folder.Descriptor == ListedFolder.NotOpened)
                {
                    var opened = PathBytes(folder.PlanningRoot, folder.RelativePath) is { } folderPath ? Libc.Open(ref folderPath[0], ReadOnlyCloseOnExec) : -1;
                    folder.Descriptor = opened >= 0 ? opened : ListedFolder.Unavailable;
                }

                if (folder.Descriptor < 0 || NameBytes(name) is not { } path)
                {
                    return null;
                }

                var descriptor = Libc.OpenAt(folder.Descriptor, ref path[0], ReadOnlyCloseOnExec);
                if (descriptor < 0)
                {
                    return null;
                }

                // One source object per folder, file after file (the loader disposes each before it opens the next): not
                // an object per file, 17,000 of them at 10,000 plans. One still open gets a fresh one beside it.
                if (folder.Spare is not { descriptor: < 0 } spare)
                {
                    return folder.Spare = new DescriptorSource(descriptor);
                }

                spare.descriptor = descriptor;
                spare.position = 0;
                return spare;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref unavailable, true);
                return null;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return 0;
            }

            nint read;
            do
            {
                read = Libc.PRead(descriptor, ref buffer[offset], count, position);
            }
            while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);

            if (read < 0)
            {
                throw LastError();
            }

            position += read;
            return (int)read;
        }

        public override void Dispose()
        {
            if (descriptor >= 0)
            {
                Libc.Close(descriptor);
                descriptor = -1;
            }
        }

        private static IOException LastError() => new(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));

        /// <summary>
        /// The full path as <c>open</c> takes it (UTF-8, NUL-terminated), joined as <see cref="Path.Combine(string, string)"/>
        /// joins it, in a buffer this thread reuses: no path string per file (3.4 MB over the 17,007 files of a
        /// 10,000-plan tree). Null when it does not fit in <see cref="MaxPathBytes"/>; the managed open then decides.
        /// </summary>
        private static byte[]? PathBytes(string planningRoot, string relativePath)
        {
            var separator = planningRoot.Length > 0 && planningRoot[planningRoot.Length - 1] != '/' ? 1 : 0;
            if ((planningRoot.Length + relativePath.Length) * 3 + separator + 1 > MaxPathBytes
                && Encoding.UTF8.GetByteCount(planningRoot) + Encoding.UTF8.GetByteCount(relativePath) + separator + 1 > MaxPathBytes)
            {
                return null;
            }

            var path = pathBuffer ??= new byte[MaxPathBytes];
            var length = Encoding.UTF8.GetBytes(planningRoot, 0, planningRoot.Length, path, 0);
            if (separator == 1)
            {
                path[length++] = (byte)'/';
            }

            length += Encoding.UTF8.GetBytes(relativePath, 0, relativePath.Length, path, length);
            path[length] = 0;
            return path;
        }

        /// <summary>A file name as <c>openat</c> takes it (<see cref="PathBytes"/> with nothing before it); null when it is no plain name.</summary>
        private static byte[]? NameBytes(string name) =>
            name.Length == 0 || name.Contains('/') ? null : PathBytes(string.Empty, name);

        /// <summary>Linux's <c>PATH_MAX</c>, NUL included.</summary>
        private const int MaxPathBytes = 4096;

        [ThreadStatic]
        private static byte[]? pathBuffer;
    }

    /// <summary>The four libc calls, marshalled by generated code (precompiled with the rest, no stub JIT-compiled at run time).</summary>
    private static partial class Libc
    {
        /// <param name="path">The first byte of a NUL-terminated UTF-8 path.</param>
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
        public static partial int Open(ref byte path, int flags);

        /// <param name="path">The first byte of a NUL-terminated UTF-8 name, looked up in the folder <paramref name="directory"/>.</param>
        [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
        public static partial int OpenAt(int directory, ref byte path, int flags);

        [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
        public static partial nint PRead(int descriptor, ref byte buffer, nint count, long offset);

        [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
        public static partial long Seek(int descriptor, long offset, int whence);

        [LibraryImport("libc", EntryPoint = "close")]
        public static partial int Close(int descriptor);
    }
#endif
}

/// <summary>An open file, read from its start to its end.</summary>
internal abstract class FileSource : IDisposable
{
    /// <summary>The file's length now (it may change while it is read).</summary>
    public abstract long Length { get; }

    /// <summary>Reads the next bytes, as <see cref="Stream.Read(byte[], int, int)"/> does; 0 at the end.</summary>
    public abstract int Read(byte[] buffer, int offset, int count);

    /// <summary>
    /// True when a read that returns fewer bytes than asked has reached the end, so no further read is needed to
    /// see the 0 that says so. A stream may return less at any time; a regular file read by offset only at its end.
    /// </summary>
    public virtual bool ShortReadIsEnd => false;

    public abstract void Dispose();
}
