using PlanState.Testing;

namespace PlanState.Benchmarks;

/// <summary>
/// The generated trees every benchmark and the I/O-floor script use. Ten plans per phase, 70 % of them executed and
/// the first quarter of the phases archived as a shipped milestone: a 10,000-plan tree has 1,000 phase folders and
/// about 17,000 PLAN and SUMMARY files of realistic size (PLAN 2-5 KB, SUMMARY 1.5-4 KB).
/// </summary>
public static class BenchmarkTrees
{
    public const int PlansPerPhase = 10;

    public static SyntheticTreeOptions Options(int plans) => new()
    {
        Phases = Math.Max(1, plans / PlansPerPhase),
        PlansPerPhase = PlansPerPhase,
        CompletedFraction = 0.7,
        ArchivedPhases = Math.Max(1, plans / PlansPerPhase) / 4,
        Seed = 7,
    };

    /// <summary>Writes the tree for <paramref name="plans"/> plans under <paramref name="directory"/> (its <c>.planning</c> folder).</summary>
    public static GeneratedTree Write(string directory, int plans) => SyntheticPlanningTree.Write(directory, Options(plans));

    /// <summary>A SUMMARY of the current milestone that the warm benchmarks edit: the first one of the last phase that has one.</summary>
    public static string EditableSummary(GeneratedTree tree) =>
        tree.Files.Last(f => f.StartsWith("phases/", StringComparison.Ordinal) && f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
}
