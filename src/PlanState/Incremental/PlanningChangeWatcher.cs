using System.Globalization;

namespace PlanState.Incremental;

/// <summary>
/// Watches a planning root (a <see cref="FileSystemWatcher"/> over the whole tree) and collects the paths that change
/// between two analyses, so that an analysis lists, stats and reads only what changed. Whenever it cannot vouch for
/// having seen every change (buffer overflow, an error, a sync that times out, a cookie that cannot be created) it
/// says so (<see cref="Sync"/> returns null) and the pipeline refreshes everything from disk, as without a watcher.
/// </summary>
/// <remarks>
/// <para>
/// Events arrive asynchronously (on Linux: the kernel's inotify queue, read by a runtime thread, handed to the thread
/// pool), so "no event yet" does not mean "no change". <see cref="Sync"/> therefore uses a sync cookie, as Watchman
/// does: it creates a uniquely named, empty file in the planning root, waits until the watcher reports that file, then
/// deletes it. Events are queued and delivered in the order the changes happened, so once the cookie is reported,
/// every change completed before the cookie was created has been reported too.
/// </para>
/// <para>
/// The cookie is named <c>.planstate-sync-&lt;pid&gt;-&lt;n&gt;-&lt;random&gt;</c> (<see cref="CookiePrefix"/>): a hidden,
/// empty file that lives for the length of one sync (about a millisecond) in the planning root only. Nothing reads the
/// root's listing (the reader opens STATE.md, ROADMAP.md, STATE.md.lock, phases/ and milestones/ by name), the writer
/// and the lock protocol use other names, and the watcher drops every event of a cookie (other processes' included), so
/// no analysis, finding or write ever sees one. A cookie left behind by a killed process is an empty dotfile that
/// nothing reads.
/// </para>
/// <para>
/// Links: the runtime's watcher does not follow links to folders (and a change behind a link to a file outside the
/// root is reported nowhere), so the pipeline keeps reading linked folders and files from disk on every run.
/// </para>
/// </remarks>
internal sealed class PlanningChangeWatcher : IDisposable
{
    /// <summary>The name every sync cookie starts with (see the remarks).</summary>
    public const string CookiePrefix = ".planstate-sync-";

    /// <summary>After this many syncs in a row that fell back, the watcher stops for good: every analysis reads from disk.</summary>
    /// <remarks>
    /// Small, because a watcher that stopped delivering does not recover by restarting: on .NET 10 on Linux all the
    /// watchers of a process share one inotify thread, and moving a folder that holds three or more watched folders out
    /// of the tree stalls that thread (seen on 10.0.12), so each further try would only cost another timeout.
    /// </remarks>
    public const int MaxConsecutiveFailures = 2;

    private const NotifyFilters Changes =
        NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size
        | NotifyFilters.Attributes | NotifyFilters.CreationTime | NotifyFilters.Security;

    private static readonly string ProcessId = BestEffortFiles.CurrentProcessId.ToString(CultureInfo.InvariantCulture);

    private readonly object gate = new();
    private readonly string root;
    private readonly HashSet<string> changed = new(StringComparer.OrdinalIgnoreCase);
    private FileSystemWatcher? watcher;
    private string? eventsLost;
    private string? awaitedCookie;
    private bool cookieSeen;
    private int consecutiveFailures;
    private long cookies;
    private bool disposed;

    private PlanningChangeWatcher(string fullRoot)
    {
        root = fullRoot;
    }

    /// <summary>How long <see cref="Sync"/> waits for its cookie before it falls back to a full refresh.</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates the (empty) cookie file at a full path; throws when it cannot. A seam for tests.</summary>
    internal Action<string> CreateCookie { get; set; } = CreateEmptyFile;

    /// <summary>True while a watcher runs; false once the watcher gave up or was disposed.</summary>
    public bool IsWatching
    {
        get
        {
            lock (gate)
            {
                return watcher is not null;
            }
        }
    }

    /// <summary>Why the last <see cref="Sync"/> returned null, for diagnostics and tests; null after a good sync.</summary>
    public string? LastFallbackReason { get; private set; }

    /// <summary>Starts watching <paramref name="fullRoot"/>; null when no watcher can run there (then read from disk).</summary>
    public static PlanningChangeWatcher? TryStart(string fullRoot)
    {
        var watching = new PlanningChangeWatcher(fullRoot);
        if (watching.StartWatcher())
        {
            return watching;
        }

        watching.Dispose();
        return null;
    }

    /// <summary>True for the name of a sync cookie (any process's).</summary>
    public static bool IsCookie(string relativePath) => relativePath.StartsWith(CookiePrefix, StringComparison.Ordinal);

    /// <summary>
    /// The changes since the last sync, once every change made before this call has been reported; null when that
    /// cannot be vouched for, and then the caller must refresh everything from disk. A watcher that is restarted for
    /// that reason is running again before this returns, so the full refresh is covered by it.
    /// </summary>
    public PlanningChanges? Sync()
    {
        if (!IsWatching)
        {
            LastFallbackReason = disposed ? "the watcher was disposed" : "the watcher gave up";
            return null;
        }

        var cookieProblem = AwaitCookie();

        // Events that arrive from here on belong to the next sync: this run reads after this point, so it sees at
        // least what they report (a file reported again is only read once more).
        PlanningChanges changes;
        string? lost;
        lock (gate)
        {
            changes = changed.Count == 0 ? PlanningChanges.None : new PlanningChanges(changed);
            changed.Clear();
            lost = eventsLost;
            eventsLost = null;
        }

        var problem = cookieProblem ?? lost;
        if (problem is not null)
        {
            return Fail(problem);
        }

        consecutiveFailures = 0;
        LastFallbackReason = null;
        return changes;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Monitor.PulseAll(gate);
        }

        StopWatcher();
    }

    /// <summary>Records that events may have been lost, as the watcher's Error event does (buffer overflow, a watch that could not be added).</summary>
    internal void ReportLostEvents(Exception exception)
    {
        lock (gate)
        {
            eventsLost = "events may have been lost: " + exception.Message;
        }
    }

    /// <summary>Creates a cookie, waits for its event and deletes it; the reason it failed, or null.</summary>
    private string? AwaitCookie()
    {
        var name = CookiePrefix + string.Join(
            "-",
            ProcessId,
            Interlocked.Increment(ref cookies).ToString(CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("N").Substring(0, 8));
        var path = Path.Combine(root, name);
        lock (gate)
        {
            awaitedCookie = name;
            cookieSeen = false;
        }

        try
        {
            try
            {
                CreateCookie(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
            {
                return $"the sync cookie '{name}' could not be created: {ex.Message}";
            }

            var deadline = DateTime.UtcNow + SyncTimeout;
            lock (gate)
            {
                while (!cookieSeen && !disposed)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(gate, left))
                    {
                        break;
                    }
                }

                return cookieSeen ? null : $"the watcher did not report the sync cookie '{name}' within {SyncTimeout.TotalMilliseconds:0} ms";
            }
        }
        finally
        {
            lock (gate)
            {
                awaitedCookie = null;
            }

            BestEffortFiles.TryDelete(path); // left behind: an empty dotfile that nothing reads; the watcher ignores its events
        }
    }

    private PlanningChanges? Fail(string reason)
    {
        LastFallbackReason = reason;
        consecutiveFailures++;
        StopWatcher();
        if (consecutiveFailures < MaxConsecutiveFailures && !disposed)
        {
            StartWatcher();
        }

        return null;
    }

    private bool StartWatcher()
    {
        FileSystemWatcher? started = null;
        try
        {
            started = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = Changes,
                InternalBufferSize = 64 * 1024,
            };
            started.Created += OnChanged;
            started.Deleted += OnChanged;
            started.Changed += OnChanged;
            started.Renamed += OnRenamed;
            started.Error += OnError;
            lock (gate)
            {
                changed.Clear();
                eventsLost = null;
                watcher = started;
            }

            // Adds the watches of the whole tree before it returns (on Linux, one inotify watch per folder), so
            // every change after this line is reported.
            started.EnableRaisingEvents = true;
            return true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException or System.Security.SecurityException)
        {
            // No watcher here (inotify limits, a file system without notification, a missing root): read from disk.
            lock (gate)
            {
                watcher = null;
            }

            started?.Dispose();
            return false;
        }
    }

    private void StopWatcher()
    {
        FileSystemWatcher? stopped;
        lock (gate)
        {
            stopped = watcher;
            watcher = null;
        }

        if (stopped is not null)
        {
            stopped.EnableRaisingEvents = false;
            stopped.Dispose();
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Record(sender, e.Name);

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        Record(sender, e.OldName);
        Record(sender, e.Name);
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        lock (gate)
        {
            if (ReferenceEquals(sender, watcher))
            {
                eventsLost = "events may have been lost: " + e.GetException().Message;
            }
        }
    }

    private void Record(object sender, string? name)
    {
        lock (gate)
        {
            if (!ReferenceEquals(sender, watcher))
            {
                // A watcher already stopped: the full refresh that followed it covers its events.
                return;
            }

            if (string.IsNullOrEmpty(name))
            {
                eventsLost = "an event without a path";
                return;
            }

            var path = name!.Replace('\\', '/');
            if (IsCookie(path))
            {
                if (string.Equals(path, awaitedCookie, StringComparison.Ordinal))
                {
                    cookieSeen = true;
                    Monitor.PulseAll(gate);
                }

                return;
            }

            changed.Add(path);
        }
    }

    private static void CreateEmptyFile(string path)
    {
        using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
        }
    }
}
