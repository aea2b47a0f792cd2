using PlanState.Model;
using PlanState.Parsing.Roadmap;

namespace PlanState.Analysis;

/// <summary>A phase as the project sees it: its ROADMAP section (if any) and its active folder aggregate (if any).</summary>
public sealed record PhaseFacts(PhaseNumber Number, string? Name, RoadmapPhaseSection? Section, PhaseAggregate? Aggregate, bool InMilestoneScope)
{
    public int PlanCount => Aggregate?.PlanCount ?? 0;

    public int CompletedCount => Aggregate?.CompletedCount ?? 0;

    public bool IsComplete => Aggregate?.IsComplete ?? false;
}

/// <summary>A completed plan with its date, for Recent Trend ordering.</summary>
public sealed record CompletedPlan(PlanId Id, double? Seconds, DateTime? CompletedOn);

/// <summary>
/// Every derived number of a planning folder, computed once by <see cref="ProjectMetrics.Compute"/> from the
/// per-phase aggregates and ROADMAP.md. Rules compare the text against these; rewrites write these.
/// </summary>
/// <param name="Phases">Active phases (folders under <c>phases/</c>) and ROADMAP phases, in phase order.</param>
/// <param name="CurrentMilestone">The version of the current milestone, or null when ROADMAP.md has none.</param>
/// <param name="TotalPlans">P: plans in the milestone scope.</param>
/// <param name="CompletedPlans">S: completed plans in the milestone scope.</param>
/// <param name="TotalPhases">Phases in the milestone scope (ROADMAP headings ∪ folders).</param>
/// <param name="CompletedPhases">Complete phases in the milestone scope.</param>
/// <param name="ActiveCompletedPlans">Velocity: completed plans in the active scope.</param>
/// <param name="ActiveTotalSeconds">Velocity: the sum of the durations that could be read.</param>
/// <param name="ActiveDurationCount">Velocity: how many durations could be read.</param>
/// <param name="RecentPlans">The five most recently completed plans, oldest first.</param>
/// <param name="Trend">The trend word over <see cref="RecentPlans"/> against the earlier plans.</param>
/// <param name="IntegerPhaseCount">Y in <c>Phase: X of Y</c>: integer phases in ROADMAP.md; null without ROADMAP.md.</param>
public sealed record ProjectMetrics(
    EquatableArray<PhaseFacts> Phases,
    string? CurrentMilestone,
    int TotalPlans,
    int CompletedPlans,
    int TotalPhases,
    int CompletedPhases,
    int ActiveCompletedPlans,
    double ActiveTotalSeconds,
    int ActiveDurationCount,
    EquatableArray<CompletedPlan> RecentPlans,
    TrendWord Trend,
    int? IntegerPhaseCount)
{
    /// <summary>The body bar's percent over the milestone scope.</summary>
    public int Percent => Formulas.Percent(CompletedPlans, TotalPlans);

    public int FrontmatterPercent => Formulas.FrontmatterPercent(CompletedPlans, TotalPlans, CompletedPhases, TotalPhases);

    public double? AverageSeconds => Formulas.AverageSeconds(ActiveTotalSeconds, ActiveDurationCount);

    /// <summary>
    /// True when every completed plan's duration could be read. An unreadable duration is left out of sums (spec §2),
    /// which makes the totals uncertain, and an uncertain value is never rewritten (spec §7).
    /// </summary>
    public bool DurationsKnown => Phases.All(p => p.Aggregate is null || p.Aggregate.DurationsKnown);

    /// <summary>True when every completed plan has a readable date and duration, so Recent Trend is certain.</summary>
    public bool RecentTrendKnown => DurationsKnown && Phases.All(p => p.Aggregate is null || p.Aggregate.DatesKnown);

    public PhaseFacts? Find(PhaseNumber number) => Phases.FirstOrDefault(p => p.Number.Equals(number));

    public static ProjectMetrics Compute(EquatableArray<PhaseAggregate> activePhases, RoadmapDocument? roadmap, string? stateMilestone)
    {
        var sections = roadmap?.Sections ?? EquatableArray<RoadmapPhaseSection>.Empty;
        var currentMilestone = FindCurrentMilestone(roadmap, stateMilestone);
        var byNumber = new SortedDictionary<PhaseNumber, (RoadmapPhaseSection? Section, PhaseAggregate? Aggregate)>();
        foreach (var section in sections)
        {
            if (!byNumber.ContainsKey(section.Number))
            {
                byNumber[section.Number] = (section, null);
            }
        }

        foreach (var aggregate in activePhases)
        {
            byNumber.TryGetValue(aggregate.Number, out var entry);

            // Two folders with one number are a contradiction reported elsewhere; the first one counts here.
            if (entry.Aggregate is null)
            {
                byNumber[aggregate.Number] = (entry.Section, aggregate);
            }
        }

        var phases = byNumber.Select(kv => new PhaseFacts(
                kv.Key,
                kv.Value.Section?.Name,
                kv.Value.Section,
                kv.Value.Aggregate,
                InScope(kv.Value.Section, currentMilestone)))
            .ToEquatableArray();

        var scope = phases.Where(p => p.InMilestoneScope).ToList();
        var completed = activePhases
            .SelectMany(a => a.Plans)
            .Where(p => p.IsComplete)
            .Select(p => new CompletedPlan(p.Id, p.Seconds, p.CompletedOn))
            .OrderBy(p => p.CompletedOn ?? DateTime.MinValue)
            .ThenBy(p => p.Id)
            .ToList();
        var recent = completed.Skip(Math.Max(0, completed.Count - Formulas.RecentPlanCount)).ToList();
        var earlier = completed.Take(completed.Count - recent.Count).ToList();
        var trend = Formulas.Trend(
            recent.Where(p => p.Seconds.HasValue).Select(p => p.Seconds!.Value).ToList(),
            earlier.Where(p => p.Seconds.HasValue).Select(p => p.Seconds!.Value).ToList());

        int? integerPhases = roadmap is null
            ? null
            : sections.Select(s => s.Number).Concat(roadmap.PhaseChecklist.Select(c => c.Number)).Where(n => n.IsInteger).Distinct().Count();

        return new ProjectMetrics(
            phases,
            currentMilestone,
            scope.Sum(p => p.PlanCount),
            scope.Sum(p => p.CompletedCount),
            scope.Count,
            scope.Count(p => p.IsComplete),
            activePhases.Sum(a => a.CompletedCount),
            activePhases.Sum(a => a.TotalSeconds),
            activePhases.Sum(a => a.DurationCount),
            recent.ToEquatableArray(),
            trend,
            integerPhases);
    }

    /// <summary>
    /// The milestone STATE.md's frontmatter names, if ROADMAP.md has it; else the one ROADMAP marks in progress;
    /// else null, and every phase is in scope.
    /// </summary>
    private static string? FindCurrentMilestone(RoadmapDocument? roadmap, string? stateMilestone)
    {
        if (roadmap is null || !roadmap.Sections.Any(s => s.Milestone is not null))
        {
            return null;
        }

        if (stateMilestone is not null)
        {
            var named = roadmap.Sections.Select(s => s.Milestone).FirstOrDefault(m => m is not null && MilestoneVersion.Matches(m, stateMilestone));
            if (named is not null)
            {
                return named;
            }
        }

        var inProgress = roadmap.Milestones.FirstOrDefault(m => m.InProgress && roadmap.Sections.Any(s => s.Milestone is not null && MilestoneVersion.Matches(s.Milestone, m.Version)));
        return inProgress?.Version;
    }

    private static bool InScope(RoadmapPhaseSection? section, string? currentMilestone) =>
        currentMilestone is null
        || section is null
        || (section.Milestone is not null && MilestoneVersion.Matches(section.Milestone, currentMilestone));
}
