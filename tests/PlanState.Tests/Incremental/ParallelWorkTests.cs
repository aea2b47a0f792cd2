using PlanState.Incremental;

namespace PlanState.Tests.Incremental;

public sealed class ParallelWorkTests
{
    [Test]
    public void Alongside_returns_the_foregrounds_result_once_the_background_is_done()
    {
        var backgroundDone = false;

        var result = ParallelWork.Alongside(
            () =>
            {
                Thread.Sleep(50);
                backgroundDone = true;
            },
            () => 42);

        result.Should().Be(42);
        backgroundDone.Should().BeTrue("it returns only after both");
    }

    [Test]
    public void Alongside_runs_the_background_on_another_thread_when_there_is_another_core()
    {
        var foregroundThread = Environment.CurrentManagedThreadId;
        var backgroundThread = 0;

        ParallelWork.Alongside(() => backgroundThread = Environment.CurrentManagedThreadId, () => 0);

        if (Environment.ProcessorCount > 1)
        {
            backgroundThread.Should().NotBe(foregroundThread);
        }
        else
        {
            backgroundThread.Should().Be(foregroundThread);
        }
    }

    [Test]
    public void A_failing_background_is_rethrown_as_it_was()
    {
        var act = () => ParallelWork.Alongside(() => throw new IOException("background"), () => 1);

        act.Should().Throw<IOException>().WithMessage("background");
    }

    [Test]
    public void When_both_fail_the_foregrounds_failure_is_reported_after_the_background_is_done()
    {
        var backgroundDone = false;

        var act = () => ParallelWork.Alongside(
            () =>
            {
                Thread.Sleep(50);
                backgroundDone = true;
                throw new IOException("background");
            },
            int () => throw new InvalidOperationException("foreground"));

        act.Should().Throw<InvalidOperationException>().WithMessage("foreground");
        backgroundDone.Should().BeTrue("nothing is left running on failure");
    }
}
