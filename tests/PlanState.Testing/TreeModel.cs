namespace PlanState.Testing;

/// <summary>The facts of one generated tree, decided before any text is written, and the numbers derived from them.</summary>
internal sealed class TreeModel
{
    private TreeModel(SyntheticTreeOptions options, Random random)
    {
        Options = options;
        var projectWord = Vocabulary.Pick(random, Vocabulary.PhaseWords);
        ProjectName = projectWord + "ly";
        MilestoneName = Vocabulary.Pick(random, Vocabulary.PhaseWords) + " " + Vocabulary.Pick(random, Vocabulary.PhaseSuffixes);
        CoreValue = $"Teams can trust every number {ProjectName} shows them.";
    }

    public SyntheticTreeOptions Options { get; }

    public string ProjectName { get; }

    public string MilestoneName { get; }

    public string CoreValue { get; }

    public List<PhaseModel> Phases { get; } = [];

    public List<PhaseModel> Archived { get; } = [];

    /// <summary>The current milestone's phases: the milestone scope and the active scope of generated trees.</summary>
    public List<PhaseModel> Current { get; } = [];

    /// <summary>Completed plans in <see cref="Current"/>, in completion order (which is plan order).</summary>
    public List<PlanModel> CompletedInScope { get; } = [];

    public Dictionary<string, PlanModel> PlanById { get; } = new(StringComparer.Ordinal);

    public PlanModel? LastCompleted => CompletedInScope.Count == 0 ? null : CompletedInScope[^1];

    public DateTime RoadmapCreatedOn { get; private set; }

    public DateTime ShippedOn { get; private set; }

    public ExpectedNumbers Expected { get; private set; } = null!;

    public static TreeModel Build(SyntheticTreeOptions options)
    {
        var random = new Random(options.Seed);
        var model = new TreeModel(options, random);
        var totalPlans = options.Phases * options.PlansPerPhase;
        var completedCount = Math.Max(
            options.ArchivedPhases * options.PlansPerPhase,
            Oracle.Round(options.CompletedFraction * totalPlans));

        var index = 0;
        for (var number = 1; number <= options.Phases; number++)
        {
            var phase = new PhaseModel(number, number <= options.ArchivedPhases, random);
            model.Phases.Add(phase);
            (phase.Archived ? model.Archived : model.Current).Add(phase);
            for (var planNumber = 1; planNumber <= options.PlansPerPhase; planNumber++, index++)
            {
                var plan = new PlanModel(phase, planNumber, index, options.Seed, completed: index < completedCount);
                phase.Plans.Add(plan);
                model.PlanById.Add(plan.Id, plan);
                if (plan.Completed)
                {
                    plan.ChooseDuration(random);

                    // Strictly increasing completion times: a four-hour slot per plan plus up to an hour of jitter,
                    // longer than any duration written, so a plan never starts before the previous one completed.
                    // Date-only values then never order differently from plan ids.
                    plan.CompletedAt = FirstCompletion.AddMinutes((index * 240) + 180 + random.Next(60));
                    plan.DateOnly = random.Next(10) < 7;
                    if (!phase.Archived)
                    {
                        model.CompletedInScope.Add(plan);
                    }
                }
            }
        }

        model.RoadmapCreatedOn = FirstCompletion.AddDays(-1).Date;
        model.ShippedOn = model.Archived.Count == 0 ? default : model.Archived[^1].CompletedOn!.Value.Date.AddDays(1);
        model.AvoidRoundingMidpoints();
        model.Expected = model.Derive();
        return model;
    }

    private static readonly DateTime FirstCompletion = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Nudges durations until no written value sits on a rounding midpoint (x.x5 minutes, x.xx5 hours) or on a trend
    /// threshold, where two correct implementations could legitimately disagree in the last digit.
    /// </summary>
    private void AvoidRoundingMidpoints()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var bad = Current.Where(p => p.CompletedCount > 0)
                .FirstOrDefault(p => Oracle.NearMidpoint(p.CompletedSeconds / 60.0, 1)
                                     || Oracle.NearMidpoint(p.CompletedSeconds / 60.0 / p.CompletedCount, 1));
            if (bad is not null)
            {
                bad.Plans.Last(p => p.Completed).Nudge();
                continue;
            }

            if (CompletedInScope.Count == 0)
            {
                return;
            }

            var totalMinutes = CompletedInScope.Sum(p => p.Seconds) / 60.0;
            var durations = CompletedInScope.Select(p => (double)p.Seconds).ToList();
            var ratio = durations.Count >= 7 ? Oracle.TrendRatio(durations) : 1.0;
            if (Oracle.NearMidpoint(totalMinutes / CompletedInScope.Count, 1)
                || Oracle.NearMidpoint(totalMinutes / 60, 2)
                || Math.Abs(ratio - 0.9) < 1e-6
                || Math.Abs(ratio - 1.1) < 1e-6)
            {
                CompletedInScope[^1].Nudge();
                continue;
            }

            return;
        }

        throw new InvalidOperationException("Could not choose durations away from rounding midpoints.");
    }

    private ExpectedNumbers Derive()
    {
        var totalPlans = Current.Sum(p => p.Plans.Count);
        var completedPlans = CompletedInScope.Count;
        var completedPhases = Current.Count(p => p.IsComplete);
        var percent = Oracle.Percent(completedPlans, totalPlans);
        var last = LastCompleted;
        var currentPhase = last?.Phase ?? Current[0];
        var totalMinutes = CompletedInScope.Sum(p => p.Seconds) / 60.0;
        var lastFive = CompletedInScope.Skip(Math.Max(0, completedPlans - 5)).Select(p => p.Id).ToList();
        var trend = completedPlans == 0 ? "Not enough data" : Oracle.TrendWord(CompletedInScope.Select(p => (double)p.Seconds).ToList());

        return new ExpectedNumbers(
            TotalPhases: Current.Count,
            CompletedPhases: completedPhases,
            TotalPlans: totalPlans,
            CompletedPlans: completedPlans,
            Percent: percent,
            BarWidth: 10,
            BarFilled: Oracle.BarFilled(percent, 10),
            FrontmatterPercent: Oracle.FrontmatterPercent(completedPlans, totalPlans, completedPhases, Current.Count),
            IntegerPhasesInRoadmap: Phases.Count,
            CurrentPhase: currentPhase.Number,
            CurrentPlan: currentPhase.CompletedCount,
            CurrentPhasePlans: currentPhase.Plans.Count,
            LastCompletedPlanId: last?.Id,
            TotalMinutes: totalMinutes,
            AverageMinutes: completedPlans == 0 ? 0 : totalMinutes / completedPlans,
            LastFivePlanIds: lastFive,
            TrendWord: trend,
            PlansIncludingArchive: Phases.Sum(p => p.Plans.Count),
            CompletedIncludingArchive: Phases.Sum(p => p.CompletedCount));
    }
}

internal sealed class PhaseModel
{
    public PhaseModel(int number, bool archived, Random random)
    {
        Number = number;
        Archived = archived;
        Area = Vocabulary.Pick(random, Vocabulary.Areas);
        Name = Vocabulary.Pick(random, Vocabulary.PhaseWords) + " " + Vocabulary.Pick(random, Vocabulary.PhaseSuffixes);
        Slug = $"{number:00}-{Name.ToLowerInvariant().Replace(' ', '-')}";
        Folder = (archived ? "milestones/v1.0-phases/" : "phases/") + Slug;
        Goal = $"{Vocabulary.Pick(random, Vocabulary.Verbs)} {Vocabulary.Pick(random, Vocabulary.Things)} for {Area}";
        var prefix = Area.ToUpperInvariant()[..Math.Min(4, Area.Length)];
        Requirements = [$"{prefix}-{number:000}A", $"{prefix}-{number:000}B"];
    }

    public int Number { get; }

    public bool Archived { get; }

    public string Area { get; }

    public string Name { get; }

    public string Slug { get; }

    /// <summary>Relative to the planning root.</summary>
    public string Folder { get; }

    public string Goal { get; }

    public IReadOnlyList<string> Requirements { get; }

    public List<PlanModel> Plans { get; } = [];

    public int CompletedCount => Plans.Count(p => p.Completed);

    public int CompletedSeconds => Plans.Where(p => p.Completed).Sum(p => p.Seconds);

    public bool IsComplete => Plans.Count > 0 && Plans.All(p => p.Completed);

    /// <summary>Latest SUMMARY <c>completed</c> of a complete phase.</summary>
    public DateTime? CompletedOn => IsComplete ? Plans.Max(p => p.CompletedAt) : null;

    public string PlanId(int plan) => $"{Number:00}-{plan:00}";
}

internal sealed class PlanModel
{
    private readonly int seed;

    public PlanModel(PhaseModel phase, int number, int index, int seed, bool completed)
    {
        Phase = phase;
        Number = number;
        Index = index;
        this.seed = seed;
        Completed = completed;
        Id = phase.PlanId(number);
        var random = NewRandom(salt: 0);
        Title = $"{Vocabulary.Pick(random, Vocabulary.Verbs)} {Vocabulary.Pick(random, Vocabulary.Things)}";
        Decision = $"{Vocabulary.Pick(random, Vocabulary.Verbs)} {Vocabulary.Pick(random, Vocabulary.Things)} {Vocabulary.Pick(random, Vocabulary.Reasons)}";
    }

    public PhaseModel Phase { get; }

    public int Number { get; }

    /// <summary>Position in plan order over the whole tree.</summary>
    public int Index { get; }

    public string Id { get; }

    public string Title { get; }

    public string Decision { get; }

    public bool Completed { get; }

    public int Seconds { get; private set; }

    public DurationStyle Style { get; private set; } = DurationStyle.All[0];

    public DateTime CompletedAt { get; set; }

    /// <summary>True when SUMMARY <c>completed</c> is written as a date; otherwise as an ISO datetime.</summary>
    public bool DateOnly { get; set; }

    /// <summary>A Random for this plan's prose, independent of generation order so files can be written in parallel.</summary>
    public Random NewRandom(int salt) => new(unchecked((seed * 1_000_003) + (Index * 31) + salt));

    public void ChooseDuration(Random random)
    {
        Style = DurationStyle.All[random.Next(DurationStyle.All.Count)];
        var span = (Style.MaxSeconds - Style.MinSeconds) / Style.StepSeconds;
        Seconds = Style.MinSeconds + (random.Next(span + 1) * Style.StepSeconds);
        while (!Style.Fits(Seconds))
        {
            Seconds += Style.StepSeconds;
            if (Seconds > Style.MaxSeconds)
            {
                Seconds = Style.MinSeconds;
            }
        }
    }

    /// <summary>
    /// Moves the duration by one second, switching to the first style that can print the new value when the
    /// current one cannot (a one-second step is what moves a sum off a rounding midpoint). A value no style prints
    /// (2 h exactly) is stepped over; at the longest printable duration the plan turns and moves down from then on,
    /// so repeated nudges never undo each other.
    /// </summary>
    public void Nudge()
    {
        do
        {
            if (Seconds + nudgeStep > DurationStyle.LongestSeconds)
            {
                nudgeStep = -1;
            }

            Seconds += nudgeStep;
        }
        while (!DurationStyle.All.Any(s => s.Fits(Seconds)));

        if (!Style.Fits(Seconds))
        {
            Style = DurationStyle.All.First(s => s.Fits(Seconds));
        }
    }

    private int nudgeStep = 1;
}
