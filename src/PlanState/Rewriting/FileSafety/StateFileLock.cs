using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PlanState.Rewriting.FileSafety;

/// <summary>
/// GSD's <c>STATE.md.lock</c>, held while planning files are written so that a build never collides with an agent
/// writing STATE.md. The protocol matches GSD's <c>acquireStateLock</c> (<c>get-shit-done/bin/lib/state.cjs</c>):
/// the lock is <c>.planning/STATE.md.lock</c>, created exclusively (<c>O_CREAT|O_EXCL</c>) and holding the writer's
/// PID as plain decimal text with no newline; a lock whose file was last written more than 10 s ago is stale and is
/// deleted and re-created; releasing deletes it. Unlike GSD, which takes the lock by force once its retries run out,
/// this gives up after <see cref="LockOptions.RetryFor"/> and writes nothing.
/// </summary>
public sealed class StateFileLock : IDisposable
{
    /// <summary>The lock's file name inside the planning root.</summary>
    public const string FileName = Parsing.PlanningFolderReader.LockFile;

    private readonly DateTime createdWriteTimeUtc;
    private int disposed;

    private StateFileLock(string lockPath, int processId, DateTime createdWriteTimeUtc)
    {
        LockPath = lockPath;
        ProcessId = processId;
        this.createdWriteTimeUtc = createdWriteTimeUtc;
    }

    /// <summary>Full path of the lock file.</summary>
    public string LockPath { get; }

    /// <summary>The PID written into the lock (this process).</summary>
    public int ProcessId { get; }

    /// <summary>
    /// Tries to create <c>STATE.md.lock</c> in <paramref name="planningRoot"/>, retrying while another writer holds a
    /// fresh lock and taking over a stale one. Never throws for I/O problems: they become a failed acquisition.
    /// </summary>
    public static LockAcquisition TryAcquire(string planningRoot, LockOptions options)
    {
        if (planningRoot is null)
        {
            throw new ArgumentNullException(nameof(planningRoot));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var lockPath = Path.Combine(planningRoot, FileName);
        var processId = BestEffortFiles.CurrentProcessId;
        var pidBytes = Encoding.ASCII.GetBytes(processId.ToString(CultureInfo.InvariantCulture));
        var random = new Random(Guid.NewGuid().GetHashCode());
        var stopwatch = Stopwatch.StartNew();
        StaleLockTakeover? takeover = null;

        while (true)
        {
            LockHolder? holder = null;
            string? createError = null;
            FileStream? stream = null;
            try
            {
                stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
            }
            catch (DirectoryNotFoundException)
            {
                return LockAcquisition.Failure($"Cannot create {FileName}: the folder '{planningRoot}' does not exist; nothing was written.", takeover);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Usually the lock exists. Windows reports a lock file that is being deleted as access denied, so
                // any failure to create is treated as contention until the retry budget runs out.
                holder = LockHolder.TryRead(lockPath);
                createError = ex.Message;
            }

            if (stream is not null)
            {
                return WritePid(stream, lockPath, processId, pidBytes, takeover);
            }

            if (holder is not null)
            {
                var age = options.UtcNow() - holder.LastWriteTimeUtc;
                if (age > options.StaleAfter && holder.DeleteIfUnchanged(lockPath))
                {
                    // Create it again at once; if another process wins that race, its fresh lock is honoured.
                    takeover = new StaleLockTakeover(holder.ProcessId, holder.Content, age, options.StaleAfter);
                    continue;
                }

                // A fresh lock, or a stale one that someone else replaced first (the next attempt sees the new lock)
                // or that cannot be deleted: wait, so an undeletable lock cannot make this loop spin.
            }

            var elapsed = stopwatch.Elapsed;
            if (elapsed >= options.RetryFor)
            {
                return LockAcquisition.Failure(DescribeFailure(holder, createError, options), takeover);
            }

            var baseDelay = options.RetryDelay > TimeSpan.Zero ? options.RetryDelay : TimeSpan.Zero;
            var delay = baseDelay + TimeSpan.FromTicks((long)(random.NextDouble() * baseDelay.Ticks));
            var remaining = options.RetryFor - elapsed;
            Thread.Sleep(delay < remaining ? delay : remaining);
        }
    }

    private static LockAcquisition WritePid(FileStream stream, string lockPath, int processId, byte[] pidBytes, StaleLockTakeover? takeover)
    {
        try
        {
            using (stream)
            {
                stream.Write(pidBytes, 0, pidBytes.Length);
            }

            var writeTime = File.GetLastWriteTimeUtc(lockPath);
            return LockAcquisition.Success(new StateFileLock(lockPath, processId, writeTime), takeover);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The lock was created but holds no PID; remove it rather than leave a lock nobody owns.
            BestEffortFiles.TryDelete(lockPath); // a lock left behind goes stale after StaleAfter
            return LockAcquisition.Failure($"Cannot write {FileName}: {ex.Message}; nothing was written.", takeover);
        }
    }

    /// <summary>
    /// Deletes the lock file if it is still ours: it holds our PID and was not re-created since we made it (a lock
    /// held past <see cref="LockOptions.StaleAfter"/> may have been taken over, possibly by another thread of this
    /// process). Never throws.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        var holder = LockHolder.TryRead(LockPath);
        if (holder is null || holder.ProcessId != ProcessId || holder.LastWriteTimeUtc != createdWriteTimeUtc)
        {
            return;
        }

        holder.DeleteIfUnchanged(LockPath);
    }

    internal static string FormatDuration(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);
        var text = seconds < 10
            ? seconds.ToString("0.#", CultureInfo.InvariantCulture)
            : Math.Round(seconds).ToString("0", CultureInfo.InvariantCulture);
        return text + " s";
    }

    internal static string DescribeHolder(int? processId, string content) =>
        processId is { } pid
            ? $"process {pid.ToString(CultureInfo.InvariantCulture)}"
            : content.Length == 0
                ? "an unknown process (the lock file is empty)"
                : $"an unknown process (the lock file holds \"{Truncate(content)}\")";

    private static string DescribeFailure(LockHolder? holder, string? createError, LockOptions options)
    {
        // The configured budget, not the measured time: the message stays the same from run to run.
        var retried = $"retried for {FormatDuration(options.RetryFor)}; nothing was written";
        if (holder is not null)
        {
            var age = options.UtcNow() - holder.LastWriteTimeUtc;
            var stale = age > options.StaleAfter ? ", stale but it could not be deleted" : string.Empty;
            return $"{FileName} is held by {DescribeHolder(holder.ProcessId, holder.Content)} (created {FormatDuration(age)} ago{stale}); {retried}.";
        }

        return $"Cannot create {FileName}: {createError}; {retried}.";
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    /// <summary>What an existing lock file says: its content (a PID when GSD or we wrote it) and last-write time.</summary>
    private sealed class LockHolder
    {
        private LockHolder(string content, DateTime lastWriteTimeUtc)
        {
            Content = content;
            LastWriteTimeUtc = lastWriteTimeUtc;
            ProcessId = int.TryParse(content, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }

        public string Content { get; }

        public DateTime LastWriteTimeUtc { get; }

        public int? ProcessId { get; }

        /// <summary>Reads the lock file, or returns null when it does not exist (any more) or cannot be read.</summary>
        public static LockHolder? TryRead(string lockPath)
        {
            try
            {
                var info = new FileInfo(lockPath);
                if (!info.Exists)
                {
                    return null;
                }

                var lastWrite = info.LastWriteTimeUtc;
                string content;
                using (var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    var buffer = new char[64];
                    var read = reader.ReadBlock(buffer, 0, buffer.Length);
                    content = new string(buffer, 0, read).Trim();
                }

                return new LockHolder(content, lastWrite);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>
        /// Deletes the lock file if it still looks exactly as when it was read (same content, same last-write time),
        /// which narrows the window in which a lock re-created by another process could be deleted by mistake.
        /// </summary>
        public bool DeleteIfUnchanged(string lockPath)
        {
            var current = TryRead(lockPath);
            if (current is null || current.Content != Content || current.LastWriteTimeUtc != LastWriteTimeUtc)
            {
                return false;
            }

            try
            {
                File.Delete(lockPath);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}

/// <summary>
/// The outcome of <see cref="StateFileLock.TryAcquire"/>: the held lock, or a message saying why it could not be
/// taken. Disposing it releases a held lock, so <c>using var acquisition = StateFileLock.TryAcquire(...)</c> works.
/// </summary>
public sealed class LockAcquisition : IDisposable
{
    private LockAcquisition(StateFileLock? heldLock, string? failureMessage, StaleLockTakeover? takenOverStaleLock)
    {
        Lock = heldLock;
        FailureMessage = failureMessage;
        TakenOverStaleLock = takenOverStaleLock;
    }

    /// <summary>The held lock; null when the lock could not be acquired.</summary>
    public StateFileLock? Lock { get; }

    public bool Acquired => Lock is not null;

    /// <summary>Why the lock could not be acquired, for example <c>STATE.md.lock is held by process 1234 (created 3 s ago); retried for 5 s; nothing was written.</c></summary>
    public string? FailureMessage { get; }

    /// <summary>The stale lock that was deleted on the way, if any (reported as PLAN1007).</summary>
    public StaleLockTakeover? TakenOverStaleLock { get; }

    public void Dispose() => Lock?.Dispose();

    internal static LockAcquisition Success(StateFileLock heldLock, StaleLockTakeover? takeover) => new(heldLock, null, takeover);

    internal static LockAcquisition Failure(string message, StaleLockTakeover? takeover) => new(null, message, takeover);
}

/// <summary>A stale <c>STATE.md.lock</c> that was deleted and taken over.</summary>
/// <param name="HolderProcessId">The PID the stale lock held, when it held one.</param>
/// <param name="HolderContent">The stale lock's text, trimmed.</param>
/// <param name="Age">How long ago the stale lock file was last written.</param>
/// <param name="StaleAfter">The age past which a lock counts as stale.</param>
public sealed record StaleLockTakeover(int? HolderProcessId, string HolderContent, TimeSpan Age, TimeSpan StaleAfter)
{
    /// <summary>For example <c>STATE.md.lock held by process 1234 was 42 s old (stale after 10 s); it was taken over.</c></summary>
    public string Message =>
        $"{StateFileLock.FileName} held by {StateFileLock.DescribeHolder(HolderProcessId, HolderContent)} was {StateFileLock.FormatDuration(Age)} old (stale after {StateFileLock.FormatDuration(StaleAfter)}); it was taken over.";
}
