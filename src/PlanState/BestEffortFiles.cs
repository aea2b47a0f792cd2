using System.Diagnostics;

namespace PlanState;

/// <summary>The process id and the clean-up deletes shared by the writer, the lock and the change watcher.</summary>
internal static class BestEffortFiles
{
    /// <summary>This process's id (for temp, lock and cookie file names).</summary>
    public static int CurrentProcessId { get; } = ReadProcessId();

    /// <summary>
    /// Deletes <paramref name="path"/> if it can; a file that cannot be deleted is left behind. Callers say in a comment
    /// why that is harmless for their file (ignored by name, or going stale).
    /// </summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, as the summary says.
        }
    }

    private static int ReadProcessId()
    {
#if NET5_0_OR_GREATER
        return Environment.ProcessId;
#else
        using var process = Process.GetCurrentProcess();
        return process.Id;
#endif
    }
}
