namespace PlanState.Testing;

/// <summary>Line breaks used in every generated text file.</summary>
public enum LineEndingStyle
{
    Lf,
    CrLf,
}

/// <summary>What <see cref="SyntheticPlanningTree.Write"/> generates.</summary>
public sealed record SyntheticTreeOptions
{
    /// <summary>Integer phases 1..N, all listed in ROADMAP.md.</summary>
    public int Phases { get; init; } = 4;

    /// <summary>Plans per phase (M); plan ids are <c>NN-MM</c>.</summary>
    public int PlansPerPhase { get; init; } = 3;

    /// <summary>
    /// Share of all N·M plans that have a SUMMARY, taken in plan order (phase, then plan):
    /// round(fraction·N·M) plans, never fewer than the archived ones.
    /// </summary>
    public double CompletedFraction { get; init; } = 0.5;

    /// <summary>Seed for every random choice; the same options always give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// K: when greater than zero, phases 1..K form the shipped milestone v1.0, folded in a <c>&lt;details&gt;</c>
    /// block in ROADMAP.md and archived under <c>milestones/v1.0-phases/</c>; phases K+1..N form the current
    /// milestone v1.1 under <c>phases/</c>. Zero (the default) writes a single-milestone roadmap without milestone sections.
    /// </summary>
    public int ArchivedPhases { get; init; }

    public LineEndingStyle LineEndings { get; init; } = LineEndingStyle.Lf;

    /// <summary>Prefix every markdown file with a UTF-8 byte order mark.</summary>
    public bool Bom { get; init; }
}
