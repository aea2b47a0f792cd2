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

        Console.WriteLine("| Plans | Cold (ms) | Warm, one file changed (ms) | No change (ms) | Warm/Cold | No change/Cold |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var plans in sizes)
        {
            using var folder = new BenchmarkFolder(plans);
            var cold = Median(7, () => new PlanStateEngine().Analyze(folder.Root));
            var engine = new PlanStateEngine();
            engine.Analyze(folder.Root);
            var warm = Median(21, () => engine.Analyze(folder.Root), before: folder.EditOneSummary);
            var none = Median(21, () => engine.Analyze(folder.Root));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {plans:N0} | {cold:0.00} | {warm:0.00} | {none:0.00} | {warm / cold:P1} | {none / cold:P1} |"));
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
