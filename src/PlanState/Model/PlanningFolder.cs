using PlanState.Diagnostics;

namespace PlanState.Model;

/// <summary>
/// Everything read from one <c>.planning/</c> folder. ROADMAP and STATE are null when the file is missing;
/// <see cref="Phases"/> holds active phases (under <c>phases/</c>) and archived ones (under <c>milestones/</c>).
/// </summary>
/// <param name="Root">The absolute path of the <c>.planning/</c> folder.</param>
/// <param name="HasPhasesFolder">False when <c>phases/</c> is missing: STATE-only mode if ROADMAP.md is missing too.</param>
/// <param name="StateSource">The text STATE.md was read from; rewrites edit it.</param>
/// <param name="RoadmapSource">The text ROADMAP.md was read from.</param>
/// <param name="Problems">Problems of the folder itself: unreadable entries, loops, a stale lock.</param>
public sealed record PlanningFolder(
    string Root,
    Text.SourceText? StateSource,
    StateDocument? State,
    Text.SourceText? RoadmapSource,
    RoadmapDocument? Roadmap,
    bool HasPhasesFolder,
    EquatableArray<PhaseFolder> Phases,
    EquatableArray<Finding> Problems)
{
    /// <summary>True when there is no disk truth to check STATE.md against (spec §5, "When only STATE.md exists").</summary>
    public bool IsStateOnly => Roadmap is null && !HasPhasesFolder;

    /// <summary>The text of a file that rewrites edit (STATE.md or ROADMAP.md), by its relative path; null for any other file.</summary>
    internal Text.SourceText? SourceOf(string file) =>
        StateSource is { } state && string.Equals(state.File, file, StringComparison.Ordinal) ? state
        : RoadmapSource is { } roadmap && string.Equals(roadmap.File, file, StringComparison.Ordinal) ? roadmap
        : null;
}
