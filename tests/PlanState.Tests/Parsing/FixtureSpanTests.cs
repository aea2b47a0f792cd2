using PlanState.Parsing;
using PlanState.Tests.Support;

namespace PlanState.Tests.Parsing;

/// <summary>For every fixture (the corpus, the sample, generated trees), every parsed value's span covers exactly its text.</summary>
public class FixtureSpanTests
{
    public static IEnumerable<TestCaseData> Folders()
    {
        yield return new TestCaseData(RepositoryLayout.SamplePlanningFolder).SetName("Spans: sample");
        foreach (var variant in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Corpus")).OrderBy(d => d, StringComparer.Ordinal))
        {
            yield return new TestCaseData(Path.Combine(variant, ".planning")).SetName("Spans: corpus " + Path.GetFileName(variant));
        }
    }

    [TestCaseSource(nameof(Folders))]
    public void Every_span_points_at_the_text_it_came_from(string planningRoot) => AssertSpans(planningRoot);

    [TestCase(LineEndingStyle.Lf, false)]
    [TestCase(LineEndingStyle.CrLf, true)]
    public void Every_span_of_a_generated_tree_points_at_its_text(LineEndingStyle endings, bool bom)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 6, PlansPerPhase = 4, CompletedFraction = 0.5, Seed = 3, ArchivedPhases = 2, LineEndings = endings, Bom = bom });

        AssertSpans(tree.Root);
    }

    private static void AssertSpans(string planningRoot)
    {
        var folder = PlanningFolderReader.Read(planningRoot);
        if (folder.State is { } state)
        {
            SpanRoundTrip.AssertAllSpansExact(folder.StateSource!, state);
            foreach (var entry in state.Frontmatter?.Entries ?? default)
            {
                folder.StateSource!.Slice(entry.ValueSpan).Trim('"', '\'').Should().Be(entry.Value ?? string.Empty);
            }
        }

        if (folder.Roadmap is { } roadmap)
        {
            SpanRoundTrip.AssertAllSpansExact(folder.RoadmapSource!, roadmap);
        }
    }
}
