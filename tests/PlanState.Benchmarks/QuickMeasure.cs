using System.Diagnostics;
using System.Globalization;

namespace PlanState.Benchmarks;

/// <summary>A fast Stopwatch run of the benchmark scenarios, for a quick look while working (the README quotes BenchmarkDotNet).</summary>
internal static class QuickMeasure
{
    public static void Run(int[] sizes)
    {
        if (sizes.Length == 0)
        {
            sizes = [100, 1000, 10000];
        }

        // Two kept engines: one that checks every stamp on disk (the CLI's kind, and the fallback), and one that
        // watches the root for changes (the MSBuild task's kind).
        Console.WriteLine("| Plans | Cold (ms) | Warm, stamps (ms) | No change, stamps (ms) | Warm, watching (ms) | No change, watching (ms) | Warm/Cold stamps, watching | No change/Cold stamps, watching |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var plans in sizes)
        {
            using var folder = new BenchmarkFolder(plans);
            var cold = Median(7, () => new PlanStateEngine().Analyze(folder.Root));
            var (warm, none) = WarmAndNoChange(folder, new PlanStateEngine());
            var (warmWatching, noneWatching) = WarmAndNoChange(folder, new PlanStateEngine { WatchForChanges = true });
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {plans:N0} | {cold:0.00} | {warm:0.00} | {none:0.00} | {warmWatching:0.00} | {noneWatching:0.00} | {warm / cold:P1}, {warmWatching / cold:P1} | {none / cold:P1}, {noneWatching / cold:P1} |"));
        }
    }

    private static (double Warm, double NoChange) WarmAndNoChange(BenchmarkFolder folder, PlanStateEngine engine)
    {
        using (engine)
        {
            engine.Analyze(folder.Root);
            var warm = Median(21, () => engine.Analyze(folder.Root), before: folder.EditOneSummary);
            var none = Median(21, () => engine.Analyze(folder.Root));
            return (warm, none);
        }
    }

    public static void Peak(int plans)
    {
        using var folder = new BenchmarkFolder(plans);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var analysis = new PlanStateEngine().Analyze(folder.Root);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"plans={plans} findings={analysis.Findings.Count} first-run={watch.Elapsed.TotalMilliseconds:0} ms allocated={allocated / 1048576.0:0.0} MB peak-working-set={process.PeakWorkingSet64 / 1048576.0:0.0} MB"));
    }

    private static double Median(int runs, Action action, Action? before = null)
    {
        before?.Invoke();
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            before?.Invoke();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
