using System.Diagnostics;
using PlanState.Rewriting.FileSafety;

namespace PlanState.Tests.Rewriting.FileSafety;

public class StateFileLockTests
{
    private static readonly LockOptions Quick = new()
    {
        RetryFor = TimeSpan.FromMilliseconds(300),
        RetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private TempDirectory folder = null!;

    private string LockPath => folder.File("STATE.md.lock");

    [SetUp]
    public void SetUp() => folder = new TempDirectory();

    [TearDown]
    public void TearDown() => folder.Dispose();

    /// <summary>A lock as GSD writes it: the PID as plain text, no newline.</summary>
    private void PlaceLock(string content, TimeSpan age)
    {
        folder.Write("STATE.md.lock", content);
        File.SetLastWriteTimeUtc(LockPath, DateTime.UtcNow - age);
    }

    [Test]
    public void Creates_the_lock_with_our_pid_as_plain_text_and_removes_it_on_dispose()
    {
        using (var acquisition = StateFileLock.TryAcquire(folder.Path, Quick))
        {
            acquisition.Acquired.Should().BeTrue();
            acquisition.FailureMessage.Should().BeNull();
            acquisition.TakenOverStaleLock.Should().BeNull();
            acquisition.Lock!.LockPath.Should().Be(LockPath);
            acquisition.Lock.ProcessId.Should().Be(Environment.ProcessId);
            File.ReadAllText(LockPath).Should().Be(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        File.Exists(LockPath).Should().BeFalse();
        folder.AllFiles().Should().BeEmpty();
    }

    [Test]
    public void Disposing_twice_is_harmless()
    {
        var acquisition = StateFileLock.TryAcquire(folder.Path, Quick);
        acquisition.Lock!.Dispose();
        var second = StateFileLock.TryAcquire(folder.Path, Quick);

        acquisition.Dispose();

        File.Exists(LockPath).Should().BeTrue("the first lock was already released, so disposing again must not touch the second holder's lock");
        second.Dispose();
        File.Exists(LockPath).Should().BeFalse();
    }

    [Test]
    public void A_fresh_lock_held_by_another_process_blocks_until_the_retry_ends()
    {
        PlaceLock("1234", TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        using var acquisition = StateFileLock.TryAcquire(folder.Path, Quick);

        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
        acquisition.Acquired.Should().BeFalse();
        acquisition.Lock.Should().BeNull();
        acquisition.FailureMessage.Should().MatchRegex(
            @"^STATE\.md\.lock is held by process 1234 \(created \d(\.\d)? s ago\); retried for 0\.3 s; nothing was written\.$");
        File.ReadAllText(LockPath).Should().Be("1234", "another writer's lock is never touched");
    }

    [Test]
    public void The_failure_message_quotes_the_holder_and_both_durations()
    {
        PlaceLock("1234", TimeSpan.Zero);
        var lockWritten = File.GetLastWriteTimeUtc(LockPath);
        var options = new LockOptions { RetryFor = TimeSpan.Zero, UtcNow = () => lockWritten.AddSeconds(3) };

        using var acquisition = StateFileLock.TryAcquire(folder.Path, options);

        acquisition.FailureMessage.Should().Be("STATE.md.lock is held by process 1234 (created 3 s ago); retried for 0 s; nothing was written.");
    }

    [Test]
    public void A_lock_that_does_not_hold_a_pid_is_described_as_it_is()
    {
        PlaceLock("agent-7\n", TimeSpan.Zero);
        using (var acquisition = StateFileLock.TryAcquire(folder.Path, Quick with { RetryFor = TimeSpan.Zero }))
        {
            acquisition.FailureMessage.Should().StartWith("STATE.md.lock is held by an unknown process (the lock file holds \"agent-7\")");
        }

        PlaceLock(string.Empty, TimeSpan.Zero);
        using (var acquisition = StateFileLock.TryAcquire(folder.Path, Quick with { RetryFor = TimeSpan.Zero }))
        {
            acquisition.FailureMessage.Should().StartWith("STATE.md.lock is held by an unknown process (the lock file is empty)");
        }
    }

    [Test]
    public void A_pid_with_a_trailing_newline_is_read_as_a_pid()
    {
        PlaceLock("4321\n", TimeSpan.Zero);

        using var acquisition = StateFileLock.TryAcquire(folder.Path, Quick with { RetryFor = TimeSpan.Zero });

        acquisition.FailureMessage.Should().StartWith("STATE.md.lock is held by process 4321 (");
    }

    [Test]
    public void A_lock_released_during_the_retry_is_then_acquired()
    {
        PlaceLock("1234", TimeSpan.Zero);
        var release = Task.Run(async () =>
        {
            await Task.Delay(150);
            File.Delete(LockPath);
        });

        using var acquisition = StateFileLock.TryAcquire(folder.Path, Quick with { RetryFor = TimeSpan.FromSeconds(5) });
        release.Wait();

        acquisition.Acquired.Should().BeTrue();
        acquisition.TakenOverStaleLock.Should().BeNull();
        File.ReadAllText(LockPath).Should().Be(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void A_stale_lock_is_taken_over_and_then_removed()
    {
        PlaceLock("1234", TimeSpan.FromSeconds(11));

        using (var acquisition = StateFileLock.TryAcquire(folder.Path, Quick))
        {
            acquisition.Acquired.Should().BeTrue();
            File.ReadAllText(LockPath).Should().Be(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var takeover = acquisition.TakenOverStaleLock!;
            takeover.HolderProcessId.Should().Be(1234);
            takeover.HolderContent.Should().Be("1234");
            takeover.Age.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(11));
            takeover.StaleAfter.Should().Be(TimeSpan.FromSeconds(10));
        }

        File.Exists(LockPath).Should().BeFalse();
    }

    [Test]
    public void The_takeover_message_quotes_the_holder_and_its_age()
    {
        PlaceLock("1234", TimeSpan.Zero);
        var lockWritten = File.GetLastWriteTimeUtc(LockPath);
        var options = Quick with { UtcNow = () => lockWritten.AddSeconds(42) };

        using var acquisition = StateFileLock.TryAcquire(folder.Path, options);

        acquisition.TakenOverStaleLock!.Message.Should().Be("STATE.md.lock held by process 1234 was 42 s old (stale after 10 s); it was taken over.");
    }

    [Test]
    public void A_lock_younger_than_the_stale_age_is_not_taken_over()
    {
        PlaceLock("1234", TimeSpan.Zero);
        var lockWritten = File.GetLastWriteTimeUtc(LockPath);
        var options = Quick with { RetryFor = TimeSpan.FromMilliseconds(50), UtcNow = () => lockWritten.AddSeconds(9.9) };

        using var acquisition = StateFileLock.TryAcquire(folder.Path, options);

        acquisition.Acquired.Should().BeFalse();
        acquisition.TakenOverStaleLock.Should().BeNull();
        File.ReadAllText(LockPath).Should().Be("1234");
    }

    [Test]
    public void The_stale_age_is_configurable()
    {
        PlaceLock("1234", TimeSpan.FromSeconds(3));

        using var acquisition = StateFileLock.TryAcquire(folder.Path, Quick with { StaleAfter = TimeSpan.FromSeconds(2) });

        acquisition.Acquired.Should().BeTrue();
        acquisition.TakenOverStaleLock!.Message.Should().Contain("(stale after 2 s)");
    }

    [Test]
    public void Dispose_leaves_a_lock_that_another_writer_now_holds()
    {
        var acquisition = StateFileLock.TryAcquire(folder.Path, Quick);
        acquisition.Acquired.Should().BeTrue();

        // Our lock went stale and another process took it over.
        File.Delete(LockPath);
        PlaceLock("999", TimeSpan.Zero);
        acquisition.Dispose();

        File.ReadAllText(LockPath).Should().Be("999");
    }

    [Test]
    public void Dispose_leaves_a_lock_re_created_by_another_thread_of_this_process()
    {
        var acquisition = StateFileLock.TryAcquire(folder.Path, Quick);
        var pid = File.ReadAllText(LockPath);

        File.Delete(LockPath);
        PlaceLock(pid, TimeSpan.FromSeconds(5));
        acquisition.Dispose();

        File.Exists(LockPath).Should().BeTrue("the lock now has another write time, so it is not the one we made");
    }

    [Test]
    public void A_missing_planning_folder_fails_with_a_clear_message()
    {
        using var acquisition = StateFileLock.TryAcquire(folder.File("nope"), Quick);

        acquisition.Acquired.Should().BeFalse();
        acquisition.FailureMessage.Should().Be($"Cannot create STATE.md.lock: the folder '{folder.File("nope")}' does not exist; nothing was written.");
    }

    [Test]
    public void Contending_threads_hold_the_lock_one_at_a_time()
    {
        var inside = 0;
        var overlaps = 0;
        var acquired = 0;
        var options = new LockOptions { RetryFor = TimeSpan.FromSeconds(20), RetryDelay = TimeSpan.FromMilliseconds(5) };

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var round = 0; round < 5; round++)
            {
                using var acquisition = StateFileLock.TryAcquire(folder.Path, options);
                if (!acquisition.Acquired)
                {
                    continue;
                }

                Interlocked.Increment(ref acquired);
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.Sleep(2);
                Interlocked.Decrement(ref inside);
            }
        });

        acquired.Should().Be(40);
        overlaps.Should().Be(0);
        folder.AllFiles().Should().BeEmpty();
    }
}
