using PlanState.Analysis;
using PlanState.Model;
using PlanState.Parsing;
using PlanState.Parsing.Roadmap;
using PlanState.Testing;

namespace PlanState.Tests.Performance;

/// <summary>
/// <see cref="ProjectMetrics.Compute"/> and <see cref="ProjectMetrics.Find"/> are plain loops and a binary search for
/// speed; they must give exactly what the straightforward LINQ formulation below gives (the one they replaced), over
/// generated trees and over the awkward inputs: repeated phase numbers, unknown dates, plans completed on one day.
/// </summary>
public class ProjectMetricsReferenceTests
{
    [TestCase(1, 1, 1.0, 0, 5)]
    [TestCase(12, 7, 0.6, 3, 17)]
    [TestCase(30, 4, 0.35, 10, 23)]
    [TestCase(8, 9, 0.0, 0, 29)]
    public void Compute_equals_the_linq_reference_on_generated_trees(int phases, int plans, double completed, int archived, int seed)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
        {
            Phases = phases,
            PlansPerPhase = plans,
            CompletedFraction = completed,
            ArchivedPhases = archived,
            Seed = seed,
        });
        var folder = PlanningFolderReader.Read(tree.Root);
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var milestone = folder.State?.Frontmatter?.Find("milestone")?.Value;

        AssertSame(aggregates, folder.Roadmap, milestone);
        AssertSame(aggregates, null, milestone);
        AssertSame(aggregates, folder.Roadmap, "v9.9");

        // Repeated numbers (two folders of one phase), every date unknown or equal, plans out of order.
        var doubled = aggregates.Concat(aggregates.Reverse()).ToEquatableArray();
        AssertSame(doubled, folder.Roadmap, milestone);
        var undated = aggregates.Select(a => a with { Plans = a.Plans.Select(p => p with { CompletedOn = null }).ToEquatableArray() }).ToEquatableArray();
        AssertSame(undated, folder.Roadmap, milestone);
        var oneDay = aggregates.Select(a => a with { Plans = a.Plans.Reverse().Select(p => p with { CompletedOn = new DateTime(2025, 1, 1), Seconds = p.Seconds is null ? null : p.Seconds + 0.1 }).ToEquatableArray() }).ToEquatableArray();
        AssertSame(oneDay, folder.Roadmap, milestone);
    }

    [Test]
    public void Find_finds_every_phase_and_nothing_else()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 25, PlansPerPhase = 2, Seed = 3 });
        var folder = PlanningFolderReader.Read(tree.Root);
        var aggregates = folder.Phases.Where(p => !p.IsArchived).Select(PhaseAggregate.From).ToEquatableArray();
        var metrics = ProjectMetrics.Compute(aggregates, folder.Roadmap, null);

        foreach (var phase in metrics.Phases)
        {
            metrics.Find(phase.Number).Should().BeSameAs(metrics.Phases.First(p => p.Number.Equals(phase.Number)));
        }

        foreach (var text in new[] { "0", "0.5", "3.1", "3A", "26", "999", "12.1.1" })
        {
            var number = PhaseNumber.Parse(text);
            metrics.Find(number).Should().BeSameAs(metrics.Phases.FirstOrDefault(p => p.Number.Equals(number)), text);
        }
    }

    private static void AssertSame(EquatableArray<PhaseAggregate> aggregates, RoadmapDocument? roadmap, string? milestone)
    {
        var actual = ProjectMetrics.Compute(aggregates, roadmap, milestone);
        var expected = Reference(aggregates, roadmap, milestone, actual.CurrentMilestone);
        actual.Should().Be(expected);
        actual.DurationsKnown.Should().Be(expected.Phases.All(p => p.Aggregate is null || p.Aggregate.DurationCount == p.Aggregate.CompletedCount));
    }

    /// <summary>The LINQ formulation <see cref="ProjectMetrics.Compute"/> replaced (the milestone is found the same way in both).</summary>
    private static ProjectMetrics Reference(EquatableArray<PhaseAggregate> activePhases, RoadmapDocument? roadmap, string? stateMilestone, string? currentMilestone)
    {
        _ = stateMilestone;
        var sections = roadmap?.Sections ?? EquatableArray<RoadmapPhaseSection>.Empty;
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
            if (entry.Aggregate is null)
            {
                byNumber[aggregate.Number] = (entry.Section, aggregate);
            }
        }

        var phases = byNumber.Select(kv => new PhaseFacts(kv.Key, kv.Value.Section?.Name, kv.Value.Section, kv.Value.Aggregate, InScope(kv.Value.Section, currentMilestone))).ToEquatableArray();
        var scope = phases.Where(p => p.InMilestoneScope).ToList();
        var completed = activePhases.SelectMany(a => a.Plans).Where(p => p.IsComplete)
            .Select(p => new CompletedPlan(p.Id, p.Seconds, p.CompletedOn))
            .OrderBy(p => p.CompletedOn ?? DateTime.MinValue).ThenBy(p => p.Id).ToList();
        var recent = completed.Skip(Math.Max(0, completed.Count - Formulas.RecentPlanCount)).ToList();
        var earlier = completed.Take(completed.Count - recent.Count).ToList();
        var trend = Trend(
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

    /// <summary>The trend formula with LINQ's Average, as it was written before.</summary>
    private static TrendWord Trend(List<double> lastFive, List<double> earlier)
    {
        if (earlier.Count < 2 || lastFive.Count == 0 || earlier.Average() <= 0)
        {
            return TrendWord.NotEnoughData;
        }

        var ratio = lastFive.Average() / earlier.Average();
        return ratio < 0.9 ? TrendWord.Improving : ratio > 1.1 ? TrendWord.Degrading : TrendWord.Stable;
    }

    private static bool InScope(RoadmapPhaseSection? section, string? currentMilestone) =>
        currentMilestone is null || section is null || (section.Milestone is not null && MilestoneVersion.Matches(section.Milestone, currentMilestone));
}
