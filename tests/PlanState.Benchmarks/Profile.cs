using System.Diagnostics;
using PlanState.Analysis;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.Roadmap;
using PlanState.Rules;

namespace PlanState.Benchmarks;

internal static class Profile
{
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    public static void Run(int plans)
    {
        using var folder = new BenchmarkFolder(plans);
        var files = folder.Tree.Files.Where(f => f.EndsWith("PLAN.md") || f.EndsWith("SUMMARY.md")).ToList();
        for (var round = 0; round < 3; round++)
        {
            var c = Cpu();
            var heads = files.Select(f => PlanningFileLoader.LoadHead(folder.Root, f, 4096)).ToList();
            var tLoad = Cpu() - c; c = Cpu();
            foreach (var h in heads) { FrontmatterReader.Read(h.Text!); }
            var tFront = Cpu() - c; c = Cpu();
            var scan = PhaseFolderScanner.Scan(folder.Root);
            var tScan = Cpu() - c; c = Cpu();
            var roadmap = RoadmapParser.Parse(PlanningFileLoader.Load(folder.Root, "ROADMAP.md").Text!);
            var tRoad = Cpu() - c; c = Cpu();
            var f = PlanningFolderReader.Read(folder.Root);
            var tRead = Cpu() - c; c = Cpu();
            var aggregates = f.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
            var tAgg = Cpu() - c; c = Cpu();
            var metrics = ProjectMetrics.Compute(aggregates, f.Roadmap, f.State?.Frontmatter?.Find("milestone")?.Value);
            var tMet = Cpu() - c; c = Cpu();
            var rules = RuleRunner.Run(f, aggregates, metrics);
            var tRules = Cpu() - c; c = Cpu();
            Console.WriteLine($"cpu ms: loadHeads={tLoad:0} frontmatter={tFront:0} scan={tScan:0} roadmap={tRoad:0} read={tRead:0} agg={tAgg:0} metrics={tMet:0} rules={tRules:0} findings={rules.Findings.Count}");
        }
    }
}
