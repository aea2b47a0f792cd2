using PlanState.Analysis;
using PlanState.Incremental;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Rules;
using PlanState.Testing;

namespace PlanState.Tests.Incremental;

/// <summary>Shared pieces of the incremental tests: generated trees, the from-scratch reference analysis, edits on disk.</summary>
internal static class IncrementalTestSupport
{
    /// <summary>Writes a tree in <paramref name="temp"/>: <paramref name="phases"/> × <paramref name="plansPerPhase"/> plans.</summary>
    /// <remarks>
    /// Every file gets a last write time an hour ago, as in a folder nobody is editing: a file written within the last
    /// seconds is read again on every run until its stamp settles (see the engine's racy-stamp rule), which would blur
    /// the counts these tests assert.
    /// </remarks>
    public static GeneratedTree Tree(TempDirectory temp, int phases, int plansPerPhase, double completed = 1.0, int archived = 0)
    {
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
        {
            Phases = phases,
            PlansPerPhase = plansPerPhase,
            CompletedFraction = completed,
            ArchivedPhases = archived,
            Seed = 11,
        });
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in tree.Files)
        {
            File.SetLastWriteTimeUtc(tree.FullPath(file), anHourAgo);
        }

        return tree;
    }

    /// <summary>
    /// An engine as the CLI keeps it (<paramref name="watch"/> false) or as the MSBuild task keeps it (watching the root
    /// for changes), with its trace listing each step run.
    /// </summary>
    public static PlanStateEngine NewEngine(bool watch) => new() { WatchForChanges = watch, TrackIncrementalSteps = true };

    /// <summary>
    /// The analysis without any cache, as the engine computed it before the pipeline existed: read everything, then
    /// aggregate, compute and run the rules, with no step cached. The incremental engine must always equal this.
    /// </summary>
    public static PlanningAnalysis FromScratch(string planningRoot)
    {
        var folder = PlanningFolderReader.Read(planningRoot);
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var metrics = ProjectMetrics.Compute(aggregates, folder.Roadmap, folder.State?.Frontmatter?.Find("milestone")?.Value);
        var rules = RuleRunner.Run(folder, aggregates, metrics);
        return IncrementalPipeline.Finish(folder, rules, metrics);
    }

    /// <summary>Rewrites a file with new content and a last write time that surely differs from the cached stamp.</summary>
    public static void Write(string path, string content)
    {
        var before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        File.WriteAllText(path, content);
        Bump(path, before);
    }

    /// <summary>Sets the last write time one second later than <paramref name="before"/>, so coarse file system clocks cannot hide the change.</summary>
    public static void Bump(string path, DateTime before)
    {
        var after = File.GetLastWriteTimeUtc(path);
        if (after <= before)
        {
            File.SetLastWriteTimeUtc(path, before.AddSeconds(1));
        }
    }

    /// <summary>Marks a file as touched (a new last write time) without changing a byte.</summary>
    public static void Touch(string path) => File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

    public static IEnumerable<(PlanFile Plan, SummaryFile? Summary)> PlanResults(PlanningAnalysis analysis) =>
        analysis.Folder.Phases.SelectMany(phase => phase.Plans.Select(plan => (plan, phase.Summaries.FirstOrDefault(s => s.Id.Equals(plan.Id)))));
}
