using PlanState.Diagnostics;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>The two modes against the seeds: local builds rewrite stale text, CI builds fail on it and write nothing.</summary>
[TestFixture]
public sealed class UpdateAndVerifyTests
{
    [Test]
    public void A_local_build_rewrites_the_stale_bar_and_nothing_else()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarOnly);
        var edits = new PlanStateEngine().Analyze(project.PlanningRoot).Edits;
        edits.Should().ContainSingle("only the bar is stale")
            .Which.Span.Line.Should().Be(Seeds.LineOf(project.ReadState(), "Progress:"));

        var result = project.Build(ConsumerProject.UpdateMode);

        result.ExitCode.Should().Be(0, result.ToString());
        project.ReadState().Should().Equal(Seeds.StaleBarOnlyFixed(), "only the bar's fill changes, every other byte stays");
        var edit = edits[0];
        result.Output.Should().Contain(
            $"PlanState: STATE.md({edit.Span.Line},{edit.Span.Column}): {edit.OldText} \u2192 {edit.NewText}",
            "each change is logged with its place and both texts");
        result.Output.Should().Contain("PlanState: checked").And.Contain("in Update mode");
        ConsumerProject.Diagnostics(result).Where(d => d.Severity == "error").Should().BeEmpty();
    }

    [Test]
    public void A_CI_build_fails_on_the_stale_bar_with_canonical_errors_and_leaves_the_file_untouched()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarOnly);
        var before = project.ReadState();
        var modified = File.GetLastWriteTimeUtc(project.StatePath);
        var expected = StaleAndContradictions(project);
        expected.Should().Contain(f => f.Kind == FindingKind.Stale && f.Span.Line == Seeds.LineOf(before, "Progress:"), "the engine finds the stale bar");

        var result = project.Build(ConsumerProject.CiBuild);

        result.ExitCode.Should().NotBe(0, result.ToString());
        AssertReportedAsErrors(result, project, expected);
        ConsumerProject.Diagnostics(result).Where(d => d.Code.StartsWith("PLAN3", StringComparison.Ordinal))
            .Should().OnlyContain(d => d.Message.Contains("planstate update"), "a stale value tells the user how to fix it");
        project.ReadState().Should().Equal(before, "Verify mode writes nothing");
        File.GetLastWriteTimeUtc(project.StatePath).Should().Be(modified);
    }

    [Test]
    public void The_CI_environment_variable_selects_Verify_mode()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarOnly);
        var before = project.ReadState();

        var result = project.BuildWith(new Dictionary<string, string> { ["CI"] = "true" });

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("in Verify mode");
        project.ReadState().Should().Equal(before);
    }

    [Test]
    public void A_contradiction_fails_a_local_build_after_the_stale_bar_is_rewritten()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarAndContradiction);
        var contradictions = StaleAndContradictions(project).Where(f => f.Kind == FindingKind.Contradiction).ToList();
        contradictions.Should().NotBeEmpty("Last activity (01-03) and Stopped at (01-02) disagree");

        var result = project.Build(ConsumerProject.UpdateMode);

        result.ExitCode.Should().NotBe(0, result.ToString());
        AssertReportedAsErrors(result, project, contradictions);
        ConsumerProject.Diagnostics(result).Should().NotContain(d => d.Code.StartsWith("PLAN3", StringComparison.Ordinal), "Update mode rewrote the stale bar");
        project.ReadState().Should().Equal(Seeds.StaleBarAndContradictionFixed());
    }

    [Test]
    public void A_contradiction_fails_a_CI_build_too()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarAndContradiction);
        var before = project.ReadState();
        var expected = StaleAndContradictions(project);
        expected.Should().Contain(f => f.Kind == FindingKind.Contradiction).And.Contain(f => f.Kind == FindingKind.Stale);

        var result = project.Build(ConsumerProject.CiBuild);

        result.ExitCode.Should().NotBe(0, result.ToString());
        AssertReportedAsErrors(result, project, expected);
        project.ReadState().Should().Equal(before);
    }

    [Test]
    public void ErrorsAsWarnings_reports_everything_as_warnings_and_keeps_the_build_green()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarAndContradiction);
        var expected = StaleAndContradictions(project);

        var result = project.Build(ConsumerProject.CiBuild, "-p:PlanStateErrorsAsWarnings=true");

        result.ExitCode.Should().Be(0, result.ToString());
        var diagnostics = ConsumerProject.Diagnostics(result);
        diagnostics.Should().NotContain(d => d.Severity == "error");
        foreach (var finding in expected)
        {
            diagnostics.Should().Contain(d => d.Severity == "warning" && d.Code == finding.Code && d.Line == finding.Span.Line, result.ToString());
        }
    }

    /// <summary>What the engine itself reports for the project's folder, before any build touches it.</summary>
    private static List<Finding> StaleAndContradictions(ConsumerProject project) =>
        new PlanStateEngine().Analyze(project.PlanningRoot).Findings
            .Where(f => f.Kind is FindingKind.Stale or FindingKind.Contradiction)
            .ToList();

    private static void AssertReportedAsErrors(CommandResult result, ConsumerProject project, IEnumerable<Finding> findings)
    {
        var diagnostics = ConsumerProject.Diagnostics(result);
        foreach (var finding in findings)
        {
            var file = Path.GetFullPath(Path.Combine(project.PlanningRoot, finding.Span.File));
            diagnostics.Should().Contain(
                d => d.Severity == "error" && d.Code == finding.Code && d.File == file && d.Line == finding.Span.Line && d.Column == finding.Span.Column,
                $"'{finding}' should be a canonical error line at its full path\n{result}");
        }
    }
}
