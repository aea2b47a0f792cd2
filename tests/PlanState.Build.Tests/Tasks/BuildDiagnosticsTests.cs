using PlanState.Build.Tasks;
using PlanState.Diagnostics;
using PlanState.Rewriting;
using PlanState.Text;

namespace PlanState.Build.Tests.Tasks;

/// <summary>How each kind of finding appears in a build, per mode (format reference §6).</summary>
[TestFixture]
public sealed class BuildDiagnosticsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo", ".planning");

    private static readonly Finding Contradiction = Make("PLAN2009", FindingKind.Contradiction, Severity.Error);
    private static readonly Finding Stale = Make("PLAN3001", FindingKind.Stale, Severity.Error);
    private static readonly Finding InputWarning = Make("PLAN1002", FindingKind.InputProblem, Severity.Warning);
    private static readonly Finding InputInfo = Make("PLAN1012", FindingKind.InputProblem, Severity.Info);

    [TestCase("Update")]
    [TestCase("Verify")]
    public void Contradictions_are_errors_in_both_modes(string mode) =>
        BuildDiagnostics.FromFinding(Contradiction, Root, Mode(mode), errorsAsWarnings: false).Level.Should().Be(BuildDiagnosticLevel.Error);

    [Test]
    public void Stale_text_is_an_error_in_Verify_mode_that_says_how_to_fix_it()
    {
        var d = BuildDiagnostics.FromFinding(Stale, Root, PlanStateMode.Verify, errorsAsWarnings: false);

        d.Level.Should().Be(BuildDiagnosticLevel.Error);
        d.Message.Should().StartWith(Stale.Message).And.Contain("local build").And.Contain("'planstate update'");
    }

    [Test]
    public void Stale_text_left_after_an_update_is_a_warning()
    {
        var d = BuildDiagnostics.FromFinding(Stale, Root, PlanStateMode.Update, errorsAsWarnings: false);

        d.Level.Should().Be(BuildDiagnosticLevel.Warning);
        d.Message.Should().Be(Stale.Message);
    }

    [TestCase("Update")]
    [TestCase("Verify")]
    public void Input_problems_keep_their_severity_and_info_becomes_a_message(string mode)
    {
        BuildDiagnostics.FromFinding(InputWarning, Root, Mode(mode), errorsAsWarnings: false).Level.Should().Be(BuildDiagnosticLevel.Warning);
        BuildDiagnostics.FromFinding(InputInfo, Root, Mode(mode), errorsAsWarnings: false).Level.Should().Be(BuildDiagnosticLevel.Message);
    }

    [Test]
    public void ErrorsAsWarnings_downgrades_errors_and_leaves_the_rest()
    {
        BuildDiagnostics.FromFinding(Contradiction, Root, PlanStateMode.Verify, errorsAsWarnings: true).Level.Should().Be(BuildDiagnosticLevel.Warning);
        BuildDiagnostics.FromFinding(Stale, Root, PlanStateMode.Verify, errorsAsWarnings: true).Level.Should().Be(BuildDiagnosticLevel.Warning);
        BuildDiagnostics.FromFinding(InputInfo, Root, PlanStateMode.Verify, errorsAsWarnings: true).Level.Should().Be(BuildDiagnosticLevel.Message);
        BuildDiagnostics.FromWriteFailure(Make("PLAN4001", FindingKind.InputProblem, Severity.Error), Root, errorsAsWarnings: true).Level.Should().Be(BuildDiagnosticLevel.Warning);
    }

    [Test]
    public void Write_failures_are_errors()
    {
        var failure = new Finding(new DiagnosticDescriptor("PLAN4001", "Write failed", FindingKind.InputProblem, Severity.Error), SourceSpan.FileStart("STATE.md"), "STATE.md.lock is held by process 42");

        var d = BuildDiagnostics.FromWriteFailure(failure, Root, errorsAsWarnings: false);

        d.Level.Should().Be(BuildDiagnosticLevel.Error);
        d.File.Should().Be(Path.Combine(Root, "STATE.md"));
        (d.Line, d.Column, d.EndLine, d.EndColumn).Should().Be((1, 1, 0, 0));
    }

    [Test]
    public void The_file_is_a_full_path_and_the_span_is_kept()
    {
        var finding = new Finding(Stale.Descriptor, new SourceSpan("phases/01-x/01-01-SUMMARY.md", 120, 12, 19, 11, 19, 23), "bar");

        var d = BuildDiagnostics.FromFinding(finding, Root, PlanStateMode.Verify, errorsAsWarnings: false);

        d.File.Should().Be(Path.Combine(Root, "phases", "01-x", "01-01-SUMMARY.md"));
        (d.Line, d.Column, d.EndLine, d.EndColumn).Should().Be((19, 11, 19, 23));
        d.Code.Should().Be("PLAN3001");
    }

    [Test]
    public void An_empty_span_has_no_end_so_MSBuild_prints_line_and_column_only()
    {
        var finding = new Finding(Stale.Descriptor, new SourceSpan("STATE.md", 40, 0, 3, 5, 3, 5), "insert");

        var d = BuildDiagnostics.FromFinding(finding, Root, PlanStateMode.Verify, errorsAsWarnings: false);

        (d.Line, d.Column, d.EndLine, d.EndColumn).Should().Be((3, 5, 0, 0));
    }

    [Test]
    public void A_change_is_described_with_its_place_and_both_texts()
    {
        var change = new AppliedChange("STATE.md", 17, 11, "[██░░░░░░░░]", "[█████░░░░░]", "PLAN3001");

        BuildDiagnostics.DescribeChange(change).Should().Be("PlanState: STATE.md(17,11): [██░░░░░░░░] \u2192 [█████░░░░░]");
    }

    [TestCase("Update", "Update")]
    [TestCase("verify", "Verify")]
    [TestCase(" VERIFY ", "Verify")]
    public void Modes_parse_case_insensitively(string text, string expected)
    {
        PlanStateModes.TryParse(text, out var mode).Should().BeTrue();
        mode.ToString().Should().Be(expected);
    }

    [TestCase("")]
    [TestCase("Check")]
    [TestCase(null)]
    public void Other_modes_do_not_parse(string? text) => PlanStateModes.TryParse(text, out _).Should().BeFalse();

    private static PlanStateMode Mode(string text) => PlanStateModes.TryParse(text, out var mode) ? mode : throw new ArgumentException(text);

    private static Finding Make(string code, FindingKind kind, Severity severity) =>
        new(new DiagnosticDescriptor(code, "title", kind, severity), new SourceSpan("STATE.md", 0, 12, 17, 11, 17, 23), $"{code} message quoting '[██]'");
}
