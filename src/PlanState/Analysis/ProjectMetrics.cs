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
    public bool DurationsKnown
    {
        get
        {
            foreach (var phase in Phases.AsSpan())
            {
                if (phase.Aggregate is { DurationsKnown: false })
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when every completed plan has a readable date and duration, so Recent Trend is certain.</summary>
    public bool RecentTrendKnown
    {
        get
        {
            if (!DurationsKnown)
            {
                return false;
            }

            foreach (var phase in Phases.AsSpan())
            {
                if (phase.Aggregate is { DatesKnown: false })
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The phase with this number, or null. <see cref="Phases"/> is in phase order, one entry per number: a binary search.</summary>
    public PhaseFacts? Find(PhaseNumber number)
    {
        var phases = Phases.AsSpan();
        var low = 0;
        var high = phases.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = phases[middle].Number.CompareTo(number);
            if (order == 0)
            {
                return phases[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    // Plain loops over arrays below, not LINQ: this runs on every analysis, and in a fresh process each LINQ
    // operator over a value type (OrderBy on a date, Sum, Average) is a generic instantiation to JIT first.
    public static ProjectMetrics Compute(EquatableArray<PhaseAggregate> activePhases, RoadmapDocument? roadmap, string? stateMilestone) =>
        Compute(activePhases, roadmap, stateMilestone, new Memo());

    /// <summary>
    /// The same numbers, reusing what <paramref name="memo"/> kept from the last computation: with the same ROADMAP.md,
    /// milestone and phase numbers, only the phases whose aggregate changed are merged again and only their completed
    /// plans are re-sorted into the others. The sums and the trend are still taken over every phase (plain loops, in
    /// the same order as a full computation, so every double is the same).
    /// </summary>
    internal static ProjectMetrics Compute(EquatableArray<PhaseAggregate> activePhases, RoadmapDocument? roadmap, string? stateMilestone, Memo memo)
    {
        memo.Update(activePhases, roadmap, stateMilestone);
        var phases = memo.Phases;

        int totalPlans = 0, completedPlans = 0, totalPhases = 0, completedPhases = 0;
        foreach (var phase in phases)
        {
            if (phase.InMilestoneScope)
            {
                totalPlans += phase.PlanCount;
                completedPlans += phase.CompletedCount;
                totalPhases++;
                completedPhases += phase.IsComplete ? 1 : 0;
            }
        }

        int activeCompleted = 0, activeDurations = 0;
        double activeSeconds = 0;
        foreach (var aggregate in activePhases.AsSpan())
        {
            activeCompleted += aggregate.CompletedCount;
            activeSeconds += aggregate.TotalSeconds;
            activeDurations += aggregate.DurationCount;
        }

        var completed = memo.Completed;
        var recentCount = Math.Min(Formulas.RecentPlanCount, completed.Length);
        var recent = new CompletedPlan[recentCount];
        for (var i = 0; i < recentCount; i++)
        {
            recent[i] = completed[completed.Length - recentCount + i].Plan;
        }

        var trend = Formulas.Trend(KnownSeconds(completed, completed.Length - recentCount, recentCount), KnownSeconds(completed, 0, completed.Length - recentCount));

        return new ProjectMetrics(
            EquatableArray<PhaseFacts>.TakeOwnership((PhaseFacts[])phases.Clone()),
            memo.CurrentMilestone,
            totalPlans,
            completedPlans,
            totalPhases,
            completedPhases,
            activeCompleted,
            activeSeconds,
            activeDurations,
            EquatableArray<CompletedPlan>.TakeOwnership(recent),
            trend,
            memo.IntegerPhaseCount);
    }

    /// <summary>
    /// What one computation kept for the next (the incremental pipeline holds one): the phase list merged from
    /// ROADMAP.md and the aggregates, and every completed plan in Recent Trend order, each with where it came from.
    /// </summary>
    internal sealed class Memo
    {
        private RoadmapDocument? roadmap;
        private string? stateMilestone;
        private PhaseAggregate[] aggregates = Array.Empty<PhaseAggregate>();

        /// <summary>For the aggregate at each position: the index of its phase in <see cref="Phases"/>, or -1 when an earlier folder of that number holds the phase.</summary>
        private int[] slotOf = Array.Empty<int>();

        private bool computed;

        public PhaseFacts[] Phases { get; private set; } = Array.Empty<PhaseFacts>();

        public OrderedPlan[] Completed { get; private set; } = Array.Empty<OrderedPlan>();

        public string? CurrentMilestone { get; private set; }

        public int? IntegerPhaseCount { get; private set; }

        public void Update(EquatableArray<PhaseAggregate> activePhases, RoadmapDocument? roadmap, string? stateMilestone)
        {
            var current = activePhases.AsSpan();
            if (!computed || !ReferenceEquals(roadmap, this.roadmap) || !string.Equals(stateMilestone, this.stateMilestone, StringComparison.Ordinal) || !SameNumbers(current))
            {
                Rebuild(current, roadmap, stateMilestone);
                return;
            }

            // Same ROADMAP.md, milestone and numbers: the same phases, the changed aggregates swapped in.
            List<int>? changed = null;
            for (var i = 0; i < current.Length; i++)
            {
                if (!ReferenceEquals(current[i], aggregates[i]))
                {
                    (changed ??= new List<int>()).Add(i);
                }
            }

            if (changed is null)
            {
                return;
            }

            var phases = (PhaseFacts[])Phases.Clone();
            var isChanged = new bool[current.Length];
            foreach (var i in changed)
            {
                isChanged[i] = true;
                aggregates[i] = current[i];
                if (slotOf[i] >= 0)
                {
                    var old = phases[slotOf[i]];
                    phases[slotOf[i]] = new PhaseFacts(old.Number, old.Name, old.Section, current[i], old.InMilestoneScope);
                }
            }

            Phases = phases;
            Completed = MergeCompleted(Completed, isChanged, changed, current);
        }

        private bool SameNumbers(ReadOnlySpan<PhaseAggregate> current)
        {
            if (current.Length != aggregates.Length)
            {
                return false;
            }

            for (var i = 0; i < current.Length; i++)
            {
                if (!ReferenceEquals(current[i], aggregates[i]) && !current[i].Number.Equals(aggregates[i].Number))
                {
                    return false;
                }
            }

            return true;
        }

        private void Rebuild(ReadOnlySpan<PhaseAggregate> current, RoadmapDocument? roadmap, string? stateMilestone)
        {
            var sections = roadmap?.Sections ?? EquatableArray<RoadmapPhaseSection>.Empty;
            var currentMilestone = FindCurrentMilestone(roadmap, stateMilestone);
            aggregates = current.ToArray();
            Phases = MergeByNumber(sections, aggregates, currentMilestone, out var slots);
            slotOf = slots;
            Completed = CompletedInOrder(aggregates);
            CurrentMilestone = currentMilestone;
            IntegerPhaseCount = roadmap is null ? null : CountIntegerPhases(roadmap);
            this.roadmap = roadmap;
            this.stateMilestone = stateMilestone;
            computed = true;
        }
    }

    /// <summary>
    /// One entry per phase number, in phase order: its first ROADMAP section and its first active folder. Two
    /// folders with one number are a contradiction reported elsewhere; the first one counts here.
    /// </summary>
    /// <param name="slotOf">For each aggregate, the index of the phase it is the folder of; -1 for a later folder of a number.</param>
    private static PhaseFacts[] MergeByNumber(EquatableArray<RoadmapPhaseSection> sections, PhaseAggregate[] activePhases, string? currentMilestone, out int[] slotOf)
    {
        var byNumber = new Dictionary<PhaseNumber, PhaseSlot>(sections.Count + activePhases.Length);
        var slots = new List<PhaseSlot>(sections.Count + activePhases.Length);
        foreach (var section in sections.AsSpan())
        {
            if (!byNumber.ContainsKey(section.Number))
            {
                var slot = new PhaseSlot(section.Number) { Section = section };
                byNumber.Add(section.Number, slot);
                slots.Add(slot);
            }
        }

        var owners = new PhaseSlot?[activePhases.Length];
        for (var i = 0; i < activePhases.Length; i++)
        {
            var aggregate = activePhases[i];
            if (!byNumber.TryGetValue(aggregate.Number, out var slot))
            {
                slot = new PhaseSlot(aggregate.Number);
                byNumber.Add(aggregate.Number, slot);
                slots.Add(slot);
            }

            if (slot.Aggregate is null)
            {
                slot.Aggregate = aggregate;
                owners[i] = slot;
            }
        }

        // The numbers are distinct, so any sort gives the one phase order.
        slots.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        var phases = new PhaseFacts[slots.Count];
        for (var i = 0; i < phases.Length; i++)
        {
            var slot = slots[i];
            slot.Index = i;
            phases[i] = new PhaseFacts(slot.Number, slot.Section?.Name, slot.Section, slot.Aggregate, InScope(slot.Section, currentMilestone));
        }

        slotOf = new int[activePhases.Length];
        for (var i = 0; i < slotOf.Length; i++)
        {
            slotOf[i] = owners[i]?.Index ?? -1;
        }

        return phases;
    }

    /// <summary>Every completed plan of the active phases, by completion date (unknown first), then plan, then as listed.</summary>
    private static OrderedPlan[] CompletedInOrder(PhaseAggregate[] activePhases)
    {
        var entries = new List<OrderedPlan>();
        for (var i = 0; i < activePhases.Length; i++)
        {
            AddCompleted(entries, activePhases[i], i);
        }

        entries.Sort(OrderedPlan.Compare);
        return entries.ToArray();
    }

    private static void AddCompleted(List<OrderedPlan> entries, PhaseAggregate aggregate, int aggregateIndex)
    {
        var plans = aggregate.Plans.AsSpan();
        for (var j = 0; j < plans.Length; j++)
        {
            var plan = plans[j];
            if (plan.IsComplete)
            {
                entries.Add(new OrderedPlan(new CompletedPlan(plan.Id, plan.Seconds, plan.CompletedOn), aggregateIndex, j));
            }
        }
    }

    /// <summary>
    /// <paramref name="previous"/> (in order) without the plans of the changed aggregates, merged with their plans now:
    /// the order a full sort gives, since the order is total.
    /// </summary>
    private static OrderedPlan[] MergeCompleted(OrderedPlan[] previous, bool[] isChanged, List<int> changed, ReadOnlySpan<PhaseAggregate> current)
    {
        var added = new List<OrderedPlan>();
        foreach (var i in changed)
        {
            AddCompleted(added, current[i], i);
        }

        added.Sort(OrderedPlan.Compare);
        var merged = new List<OrderedPlan>(previous.Length + added.Count);
        var next = 0;
        foreach (var entry in previous)
        {
            if (isChanged[entry.AggregateIndex])
            {
                continue;
            }

            while (next < added.Count && OrderedPlan.Compare(added[next], entry) < 0)
            {
                merged.Add(added[next++]);
            }

            merged.Add(entry);
        }

        while (next < added.Count)
        {
            merged.Add(added[next++]);
        }

        return merged.ToArray();
    }

    /// <summary>The durations that could be read among <paramref name="count"/> plans from <paramref name="start"/>.</summary>
    private static double[] KnownSeconds(OrderedPlan[] plans, int start, int count)
    {
        var known = 0;
        for (var i = start; i < start + count; i++)
        {
            known += plans[i].Plan.Seconds.HasValue ? 1 : 0;
        }

        var seconds = new double[known];
        var next = 0;
        for (var i = start; i < start + count; i++)
        {
            if (plans[i].Plan.Seconds is { } value)
            {
                seconds[next++] = value;
            }
        }

        return seconds;
    }

    /// <summary>Y in <c>Phase: X of Y</c>: the distinct integer phases among ROADMAP's sections and checklist.</summary>
    private static int CountIntegerPhases(RoadmapDocument roadmap)
    {
        var integers = new HashSet<PhaseNumber>();
        foreach (var section in roadmap.Sections.AsSpan())
        {
            if (section.Number.IsInteger)
            {
                integers.Add(section.Number);
            }
        }

        foreach (var item in roadmap.PhaseChecklist.AsSpan())
        {
            if (item.Number.IsInteger)
            {
                integers.Add(item.Number);
            }
        }

        return integers.Count;
    }

    private sealed class PhaseSlot
    {
        public PhaseSlot(PhaseNumber number) => Number = number;

        public PhaseNumber Number { get; }

        public RoadmapPhaseSection? Section { get; init; }

        public PhaseAggregate? Aggregate { get; set; }

        public int Index { get; set; }
    }

    /// <summary>A completed plan and where it is listed: the aggregate's position, then the plan's within it.</summary>
    internal sealed class OrderedPlan
    {
        public OrderedPlan(CompletedPlan plan, int aggregateIndex, int planIndex)
        {
            Plan = plan;
            AggregateIndex = aggregateIndex;
            PlanIndex = planIndex;
            DateTicks = (plan.CompletedOn ?? DateTime.MinValue).Ticks;
        }

        public CompletedPlan Plan { get; }

        public int AggregateIndex { get; }

        public int PlanIndex { get; }

        public long DateTicks { get; }

        /// <summary>By date (unknown first), then plan; equal plans in the order they are listed, as LINQ's stable OrderBy kept them.</summary>
        public static int Compare(OrderedPlan a, OrderedPlan b)
        {
            var byDate = a.DateTicks.CompareTo(b.DateTicks);
            if (byDate != 0)
            {
                return byDate;
            }

            var byId = a.Plan.Id.CompareTo(b.Plan.Id);
            if (byId != 0)
            {
                return byId;
            }

            var byAggregate = a.AggregateIndex.CompareTo(b.AggregateIndex);
            return byAggregate != 0 ? byAggregate : a.PlanIndex.CompareTo(b.PlanIndex);
        }
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
