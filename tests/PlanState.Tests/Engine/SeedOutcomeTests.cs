using PlanState.Diagnostics;
using PlanState.Tests.Support;

namespace PlanState.Tests.Engine;

/// <summary>Spec §8: each seed alone in .planning/STATE.md.</summary>
public class SeedOutcomeTests
{
    private static IReadOnlyList<Finding> ErrorsAndWarnings(PlanningAnalysis analysis) =>
        analysis.Findings.Where(f => f.Severity != Severity.Info).ToList();

    [TestCase("001")]
    [TestCase("004")]
    public void Consistent_seeds_have_no_error_or_warning_and_no_edit(string seed)
    {
        using var temp = new TempDirectory();
        var analysis = new PlanStateEngine().Analyze(temp.WithSeed(seed));

        ErrorsAndWarnings(analysis).Should().BeEmpty();
        analysis.Edits.Should().BeEmpty();
        analysis.Folder.IsStateOnly.Should().BeTrue();
    }

    [TestCase("000", "██░░░░░░░░", "█████░░░░░", "Progress bar shows 2 of 10 cells but 50% needs 5")]
    [TestCase("002", "==                  ", "====                ", "Progress bar shows 2 of 20 cells but 18% needs 4")]
    [TestCase("003", "##--------", "#---------", "Progress bar shows 2 of 10 cells but 12% needs 1")]
    public void Stale_bar_is_reported_at_the_bar_with_its_fix(string seed, string oldGlyphs, string newGlyphs, string message)
    {
        using var temp = new TempDirectory();
        var analysis = new PlanStateEngine().Analyze(temp.WithSeed(seed));

        var bar = analysis.Findings.Should().ContainSingle(f => f.Code == "PLAN3001").Subject;
        (bar.Span.File, bar.Span.Line, bar.Span.Column, bar.Span.Length).Should().Be(("STATE.md", 17, 12, oldGlyphs.Length));
        bar.Message.Should().Be(message);
        bar.Fixable.Should().BeTrue();
        analysis.Edits.Should().ContainSingle().Which.Should().Match<PlanState.Rewriting.TextEdit>(e => e.OldText == oldGlyphs && e.NewText == newGlyphs);
    }

    [Test]
    public void Seed_000_also_has_the_last_activity_and_stopped_at_contradiction()
    {
        using var temp = new TempDirectory();
        var analysis = new PlanStateEngine().Analyze(temp.WithSeed("000"));

        ErrorsAndWarnings(analysis).Select(f => f.Code).Should().BeEquivalentTo(new[] { "PLAN2009", "PLAN3001" });
        var contradiction = analysis.Findings.Single(f => f.Code == "PLAN2009");
        (contradiction.Span.Line, contradiction.Span.Column).Should().Be((70, 23));
        contradiction.Message.Should().Contain("01-02").And.Contain("01-03");
        contradiction.Fixable.Should().BeFalse();
    }

    [TestCase("002")]
    [TestCase("003")]
    public void Seeds_with_only_a_stale_bar_have_nothing_else(string seed)
    {
        using var temp = new TempDirectory();
        var analysis = new PlanStateEngine().Analyze(temp.WithSeed(seed));

        ErrorsAndWarnings(analysis).Select(f => f.Code).Should().Equal("PLAN3001");
    }
}
