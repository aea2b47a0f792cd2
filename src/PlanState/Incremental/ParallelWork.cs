namespace PlanState.Incremental;

/// <summary>The pipeline's one way of spreading independent pieces (phase folders) over the cores.</summary>
internal static class ParallelWork
{
    /// <summary>Below this many pieces the work stays on the calling thread: handing it out costs more than it saves.</summary>
    public const int Threshold = 8;

    /// <summary>
    /// Runs <paramref name="work"/> for each index in <c>[0, count)</c>: on this thread and on one pool thread per
    /// other core, each taking the next index as it finishes one, or on this thread alone when there are fewer than
    /// <see cref="Threshold"/> or only one core. Not <see cref="Parallel.For(int, int, Action{int})"/>: its generic
    /// worker is compiled by the JIT in every new process, about 20 ms at the start of a one-off check.
    /// </summary>
    public static void ForEachIndex(int count, Action<int> work)
    {
        if (count < Threshold || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                work(i);
            }

            return;
        }

        var next = -1;
        void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                work(index);
            }
        }

        var helpers = new Task[Math.Min(Environment.ProcessorCount, count) - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(Work);
        }

        try
        {
            Work();
        }
        finally
        {
            // Should this thread fail, the helpers take no further index; either way, all of them are done on return.
            Interlocked.Exchange(ref next, count);
            Task.WaitAll(helpers);
        }
    }

    /// <summary>
    /// Runs <paramref name="background"/> on a pool thread while <paramref name="foreground"/> runs on this one (both
    /// here, one after the other, on a single core), and returns <paramref name="foreground"/>'s result once both are
    /// done. A failure of either is rethrown as it was; when both fail, the foreground's.
    /// </summary>
    public static T Alongside<T>(Action background, Func<T> foreground)
    {
        if (Environment.ProcessorCount == 1)
        {
            background();
            return foreground();
        }

        var task = Task.Run(background);
        T result;
        try
        {
            result = foreground();
        }
        catch
        {
            WaitIgnoringFailure(task);
            throw;
        }

        task.GetAwaiter().GetResult();
        return result;
    }

    private static void WaitIgnoringFailure(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The foreground's failure is the one reported.
        }
    }
}
