namespace PlanState.Rewriting.FileSafety;

/// <summary>How <see cref="StateFileLock"/> waits for <c>STATE.md.lock</c>.</summary>
public sealed record LockOptions
{
    /// <summary>The defaults: stale after 10 s (as GSD), retry for 5 s, 50–100 ms between attempts.</summary>
    public static LockOptions Default { get; } = new();

    /// <summary>A lock whose file was last written longer ago than this is stale and is taken over. GSD uses 10 s.</summary>
    public TimeSpan StaleAfter { get; init; } = Parsing.PlanningFolderReader.LockStaleAfter;

    /// <summary>How long to keep retrying while a fresh lock is held before giving up without writing.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest wait between attempts. Each wait adds up to this much again of random jitter (so 50–100 ms by
    /// default), so that contenders do not retry in lockstep; GSD does the same with 200 ms + 0–50 ms.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The current UTC time, compared with the lock file's last-write time to judge its age. A seam for tests; the
    /// retry budget is measured with a monotonic stopwatch instead, so a fake clock cannot make the retry loop endless.
    /// </summary>
    public Func<DateTime> UtcNow { get; init; } = static () => DateTime.UtcNow;
}
