using PlanState.Model;

namespace PlanState.Analysis;

/// <summary>One plan's state: complete when its SUMMARY exists (spec §1).</summary>
/// <param name="Seconds">The SUMMARY's duration when it could be read.</param>
/// <param name="CompletedOn">The SUMMARY's <c>completed</c> date when it could be read.</param>
public sealed record PlanStatus(PlanId Id, string? PlanPath, SummaryFile? Summary, double? Seconds, DateTime? CompletedOn)
{
    public bool IsComplete => Summary is not null && PlanPath is not null;
}

/// <summary>
/// The numbers of one phase folder. This is the per-phase step of the pipeline: it depends on that folder's files
/// only, so editing one SUMMARY re-aggregates one phase.
/// </summary>
/// <param name="OrphanSummaries">SUMMARY files with no matching PLAN.</param>
/// <param name="DurationCount">Completed plans whose duration could be read.</param>
/// <param name="LatestCompleted">The latest SUMMARY <c>completed</c> date of the phase's plans.</param>
public sealed record PhaseAggregate(
    PhaseFolder Folder,
    EquatableArray<PlanStatus> Plans,
    EquatableArray<SummaryFile> OrphanSummaries,
    int PlanCount,
    int CompletedCount,
    double TotalSeconds,
    int DurationCount,
    DateTime? LatestCompleted)
{
    public PhaseNumber Number => Folder.Number;

    /// <summary>A phase is complete when it has at least one plan and every plan is complete.</summary>
    public bool IsComplete => PlanCount > 0 && CompletedCount == PlanCount;

    /// <summary>True when every completed plan's duration could be read, so sums and averages are certain.</summary>
    public bool DurationsKnown => DurationCount == CompletedCount;

    /// <summary>True when every completed plan's <c>completed</c> date could be read.</summary>
    public bool DatesKnown => Plans.All(p => !p.IsComplete || p.CompletedOn.HasValue);

    public static PhaseAggregate From(PhaseFolder folder)
    {
        var summaries = folder.Summaries.ToDictionary(s => s.Id);
        var plans = new List<PlanStatus>();
        double total = 0;
        var durations = 0;
        DateTime? latest = null;
        foreach (var plan in folder.Plans)
        {
            summaries.TryGetValue(plan.Id, out var summary);
            var seconds = summary?.Duration?.Value.TotalSeconds;
            var completed = summary?.Completed?.Value;
            if (summary is not null)
            {
                if (seconds.HasValue)
                {
                    total += seconds.Value;
                    durations++;
                }

                if (completed.HasValue && (latest is null || completed > latest))
                {
                    latest = completed;
                }
            }

            plans.Add(new PlanStatus(plan.Id, plan.Path, summary, seconds, completed));
        }

        var planIds = new HashSet<PlanId>(folder.Plans.Select(p => p.Id));
        var orphans = folder.Summaries.Where(s => !planIds.Contains(s.Id)).ToEquatableArray();
        var completedCount = plans.Count(p => p.IsComplete);
        return new PhaseAggregate(folder, plans.ToEquatableArray(), orphans, plans.Count, completedCount, total, durations, latest);
    }
}
