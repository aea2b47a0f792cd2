#if NET8_0_OR_GREATER
using Microsoft.Win32.SafeHandles;
#endif

namespace PlanState.Parsing.Files;

/// <summary>
/// The few file-system calls the loader and the scanner make. Production code uses <see cref="Default"/>; tests
/// subclass it to inject failures the machine cannot produce (a permission error while running as root).
/// </summary>
internal class FileSystemAccess
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
#endif
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
