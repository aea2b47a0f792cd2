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
    public bool DatesKnown
    {
        get
        {
            foreach (var plan in Plans.AsSpan())
            {
                if (plan.IsComplete && !plan.CompletedOn.HasValue)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public static PhaseAggregate From(PhaseFolder folder)
    {
        // Add throws on a repeated id, as ToDictionary did.
        var summaries = new Dictionary<PlanId, SummaryFile>(folder.Summaries.Count);
        foreach (var summary in folder.Summaries.AsSpan())
        {
            summaries.Add(summary.Id, summary);
        }

        var plans = new PlanStatus[folder.Plans.Count];
        var planIds = new HashSet<PlanId>();
        double total = 0;
        var durations = 0;
        var completedCount = 0;
        DateTime? latest = null;
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = folder.Plans[i];
            planIds.Add(plan.Id);
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

            plans[i] = new PlanStatus(plan.Id, plan.Path, summary, seconds, completed);
            completedCount += plans[i].IsComplete ? 1 : 0;
        }

        var orphans = new List<SummaryFile>();
        foreach (var summary in folder.Summaries.AsSpan())
        {
            if (!planIds.Contains(summary.Id))
            {
                orphans.Add(summary);
            }
        }

        return new PhaseAggregate(
            folder,
            EquatableArray<PlanStatus>.TakeOwnership(plans),
            orphans.Count == 0 ? EquatableArray<SummaryFile>.Empty : orphans.ToEquatableArray(),
            plans.Length,
            completedCount,
            total,
            durations,
            latest);
    }
}
