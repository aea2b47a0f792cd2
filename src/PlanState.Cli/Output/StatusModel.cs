using PlanState.Analysis;
using PlanState.Model;

namespace PlanState.Cli.Output;

/// <summary>What the status dashboard shows: the analysis and the project's derived numbers.</summary>
internal sealed record StatusModel(PlanningAnalysis Analysis, ProjectMetrics Metrics)
{
    /// <summary>Computes the metrics the way the engine does: active phases only, scoped by STATE.md's milestone.</summary>
    public static StatusModel From(PlanningAnalysis analysis)
    {
        var folder = analysis.Folder;
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var metrics = ProjectMetrics.Compute(aggregates, folder.Roadmap, folder.State?.Frontmatter?.Find("milestone")?.Value);
        return new StatusModel(analysis, metrics);
    }

    /// <summary>Phases of the current milestone (all phases when ROADMAP.md has no milestone sections).</summary>
    public IReadOnlyList<PhaseFacts> ScopePhases => Metrics.Phases.Where(p => p.InMilestoneScope).ToList();

    public static string PhaseStatus(PhaseFacts phase) =>
        phase.IsComplete ? "Complete"
        : phase.CompletedCount > 0 ? "In progress"
        : phase.PlanCount > 0 ? "Planned"
        : "Not started";

    public static string PhaseName(PhaseFacts phase) => phase.Name ?? phase.Aggregate?.Folder.Slug ?? string.Empty;
}
