using PlanState.Analysis;

namespace PlanState.Cli.Output;

/// <summary>What the status dashboard shows: the analysis and the project's derived numbers.</summary>
internal sealed record StatusModel(PlanningAnalysis Analysis, ProjectMetrics Metrics)
{
    public static StatusModel From(PlanningAnalysis analysis) => new(analysis, analysis.Metrics);

    /// <summary>Phases of the current milestone (all phases when ROADMAP.md has no milestone sections).</summary>
    public IReadOnlyList<PhaseFacts> ScopePhases => Metrics.Phases.Where(p => p.InMilestoneScope).ToList();

    public static string PhaseStatus(PhaseFacts phase) =>
        phase.IsComplete ? "Complete"
        : phase.CompletedCount > 0 ? "In progress"
        : phase.PlanCount > 0 ? "Planned"
        : "Not started";

    public static string PhaseName(PhaseFacts phase) => phase.Name ?? phase.Aggregate?.Folder.Slug ?? string.Empty;
}
