namespace PlanState.Incremental;

/// <summary>The steps of the incremental pipeline, in the order data flows through them.</summary>
public enum IncrementalStep
{
    /// <summary>One file's parse, keyed by its path and content: STATE.md, ROADMAP.md, each PLAN and SUMMARY (frontmatter only).</summary>
    FileParse,

    /// <summary>One active phase folder's numbers (<see cref="Analysis.PhaseAggregate"/>), keyed by the folder's path.</summary>
    PhaseAggregate,

    /// <summary>The whole <see cref="Model.PlanningFolder"/>, put together from the parses and the folder's own problems.</summary>
    ProjectModel,

    /// <summary><see cref="Analysis.ProjectMetrics"/>: every derived number.</summary>
    Calculations,

    /// <summary>The checks of one phase folder alone (its files against its number, orphans, numbering gaps), keyed by the folder's path.</summary>
    PhaseRules,

    /// <summary>
    /// A piece of the project-wide rules that reads one phase: a ROADMAP.md section, phase checklist item or
    /// progress-table row, or a STATE.md By Phase row, checked against that phase's aggregate; and the two checks across
    /// folders (duplicate numbers, ROADMAP coverage), against each folder's number and path. Runs inside
    /// <see cref="Rules"/>, which replays the cached ones; counted only (the runs carry no key). Not counted in a run
    /// no later one builds on (<see cref="PlanStateEngine.ReuseAcrossAnalyses"/> off): it keeps no pieces.
    /// </summary>
    RulePieces,

    /// <summary>Every rule: findings and the edits that fix stale text (the per-phase findings included).</summary>
    Rules,

    /// <summary>The final, ordered findings (input problems and rule findings) and edits.</summary>
    Edits,
}

/// <summary>
/// Why a step ran or did not, as Roslyn's incremental generator step tracking reports it.
/// </summary>
public enum IncrementalStepReason
{
    /// <summary>The step had no cached result for this key: it ran for the first time.</summary>
    New,

    /// <summary>Its input changed, it ran, and its output differs from the cached one.</summary>
    Modified,

    /// <summary>Its input equals the cached input: it did not run, the cached output was reused.</summary>
    Cached,

    /// <summary>Its input changed, it ran, and produced an output equal to the cached one, so nothing downstream runs for it.</summary>
    Unchanged,

    /// <summary>The key is gone (a deleted file or folder): its cached result was dropped.</summary>
    Removed,
}
