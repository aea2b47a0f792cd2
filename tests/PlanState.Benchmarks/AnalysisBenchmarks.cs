using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace PlanState.Benchmarks;

/// <summary>
/// Issue #7's in-process scenarios over generated trees of 100, 1,000 and 10,000 plans (see <see cref="BenchmarkTrees"/>):
/// a cold full analysis (a new engine, so nothing cached; the OS file cache is warm), a warm re-analysis after one
/// SUMMARY changed, and a re-analysis with no change. <see cref="EditOnly"/> times the file write that
/// <see cref="WarmOneFileChanged"/> includes, so it can be subtracted. The cold run is measured twice: with an engine
/// that keeps stamps for later analyses (the MSBuild task's first analysis), and with one that analyses once
/// (<see cref="PlanStateEngine.ReuseAcrossAnalyses"/> off, as <c>planstate check</c> runs). The warm and no-change runs
/// are measured twice too: with an engine that checks every stamp on disk (<c>planstate update</c>'s kind, and the
/// watcher's fallback), and with one that watches the root for changes (<see cref="PlanStateEngine.WatchForChanges"/>,
/// as the MSBuild task keeps it).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class AnalysisBenchmarks
{
    private BenchmarkFolder folder = null!;
    private PlanStateEngine warm = null!;
    private PlanStateEngine watching = null!;

    [Params(100, 1_000, 10_000)]
    public int Plans { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = new BenchmarkFolder(Plans);
        warm = new PlanStateEngine();
        warm.Analyze(folder.Root);
        watching = new PlanStateEngine { WatchForChanges = true };
        watching.Analyze(folder.Root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        watching.Dispose();
        folder.Dispose();
    }

    [Benchmark(Baseline = true)]
    public PlanningAnalysis Cold() => new PlanStateEngine().Analyze(folder.Root);

    [Benchmark]
    public PlanningAnalysis ColdOneOff() => new PlanStateEngine { ReuseAcrossAnalyses = false }.Analyze(folder.Root);

    [Benchmark]
    public PlanningAnalysis WarmOneFileChanged()
    {
        folder.EditOneSummary();
        return warm.Analyze(folder.Root);
    }

    [Benchmark]
    public PlanningAnalysis NoChange() => warm.Analyze(folder.Root);

    [Benchmark]
    public PlanningAnalysis WarmOneFileChangedWatching()
    {
        folder.EditOneSummary();
        return watching.Analyze(folder.Root);
    }

    [Benchmark]
    public PlanningAnalysis NoChangeWatching() => watching.Analyze(folder.Root);

    [Benchmark]
    public void EditOnly() => folder.EditOneSummary();
}
