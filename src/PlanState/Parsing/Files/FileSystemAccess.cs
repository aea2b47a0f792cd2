namespace PlanState.Parsing.Files;

/// <summary>
/// The few file-system calls the loader and the scanner make. Production code uses <see cref="Default"/>; tests
/// subclass it to inject failures the machine cannot produce (a permission error while running as root).
/// </summary>
internal class FileSystemAccess
{
    public static FileSystemAccess Default { get; } = new();

    /// <summary>
    /// Opens a file for reading. Sharing allows an agent to write or replace the file meanwhile (we only read), and
    /// buffering is off because every read is a large block read.
    /// </summary>
    public virtual Stream OpenRead(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);

    public virtual bool DirectoryExists(string fullPath) => Directory.Exists(fullPath);

    /// <summary>The entries of a folder; throws like <see cref="DirectoryInfo.EnumerateFileSystemInfos()"/> does.</summary>
    public virtual IReadOnlyList<FileSystemInfo> ListEntries(string fullPath) => new DirectoryInfo(fullPath).EnumerateFileSystemInfos().ToArray();
}
