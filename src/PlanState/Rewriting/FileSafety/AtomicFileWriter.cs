using System.Globalization;
using System.Runtime.InteropServices;

namespace PlanState.Rewriting.FileSafety;

/// <summary>
/// Replaces a file's content so that readers see either the old bytes or the new ones, never a half-written file:
/// the new bytes go to a temp file in the same folder (<c>&lt;file&gt;.tmp.&lt;pid&gt;.&lt;random&gt;</c>, which the
/// planning reader ignores as <c>*.tmp.*</c>), are flushed to disk, and the temp file is then renamed over the original.
/// </summary>
public static class AtomicFileWriter
{
    private const int WindowsReplaceAttempts = 3;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, creating the file if it does not exist.</summary>
    /// <exception cref="IOException">
    /// The file could not be written. The original is unchanged and no temp file is left behind.
    /// </exception>
    public static void Write(string path, byte[] content) => Write(path, content, wrapTempStream: null);

    /// <summary>
    /// The writer with a seam for tests: <paramref name="wrapTempStream"/> wraps the temp file's stream, so a test can
    /// make a write fail part way and check that the original survives.
    /// </summary>
    internal static void Write(string path, byte[] content, Func<Stream, Stream>? wrapTempStream)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var target = ResolveTarget(Path.GetFullPath(path));
        var tempPath = TempPathFor(target);
        try
        {
            WriteTemp(tempPath, content, wrapTempStream);
            CopyPermissions(target, tempPath);
            Replace(tempPath, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            BestEffortFiles.TryDelete(tempPath); // a temp file left behind is ignored by the reader (*.tmp.*)
            throw new IOException($"Could not write '{target}': {ex.Message} The original file was left unchanged.", ex);
        }
        catch
        {
            BestEffortFiles.TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>The temp file's name: <c>&lt;file&gt;.tmp.&lt;pid&gt;.&lt;random&gt;</c> in the target's folder, so the rename never crosses a volume.</summary>
    internal static string TempPathFor(string target)
    {
        var random = Guid.NewGuid().ToString("N").Substring(0, 12);
        return $"{target}.tmp.{BestEffortFiles.CurrentProcessId.ToString(CultureInfo.InvariantCulture)}.{random}";
    }

    private static void WriteTemp(string tempPath, byte[] content, Func<Stream, Stream>? wrapTempStream)
    {
        using var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096);
        var stream = wrapTempStream?.Invoke(file) ?? file;
        stream.Write(content, 0, content.Length);
        stream.Flush();

        // Force the bytes to the disk before the rename publishes them, so a crash cannot leave an empty file in
        // place of the original.
        file.Flush(flushToDisk: true);
    }

    /// <summary>When the target is a symbolic link, writes through to the file it points at, so the link survives.</summary>
    private static string ResolveTarget(string path)
    {
#if NET6_0_OR_GREATER
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final)
        {
            return final.FullName;
        }
#endif
        return path;
    }

    /// <summary>Gives the temp file the original's Unix permissions; the temp file was created with the default mode.</summary>
    private static void CopyPermissions(string target, string tempPath)
    {
#if NET7_0_OR_GREATER
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(tempPath, File.GetUnixFileMode(target));
        }
#endif
    }

    private static void Replace(string tempPath, string target)
    {
        if (!File.Exists(target))
        {
            File.Move(tempPath, target);
            return;
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // rename(2) replaces the target atomically.
#if NETCOREAPP3_0_OR_GREATER
            File.Move(tempPath, target, overwrite: true);
#else
            File.Replace(tempPath, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
#endif
            return;
        }

        // On Windows, File.Replace keeps the original's attributes and ACLs. A virus scanner or indexer that briefly
        // opens the file makes it fail with a sharing violation, so retry a couple of times, as GSD does.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                File.Replace(tempPath, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
                return;
            }
            catch (Exception ex) when (attempt < WindowsReplaceAttempts && ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
