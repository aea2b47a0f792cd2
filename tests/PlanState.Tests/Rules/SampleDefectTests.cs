using PlanState.Diagnostics;
using PlanState.Tests.Support;

namespace PlanState.Tests.Rules;

/// <summary>
/// Each case seeds one defect into a copy of the clean sample folder: exactly the expected finding appears, at the
/// defect's line and column, and nothing else does. The clean sample itself is every rule's quiet case.
/// </summary>
public class SampleDefectTests
{
    private const string State = "STATE.md";
    private const string Roadmap = "ROADMAP.md";
    private const string Summary0301 = "phases/03-offline-photo-queue/03-01-SUMMARY.md";

    public static IEnumerable<TestCaseData> StaleCases()
    {
        TestCaseData Case(string code, string file, string oldText, string newText, string? marker = null) =>
            new TestCaseData(code, file, oldText, newText, marker).SetName($"{code} fires: {file} '{oldText}' -> '{newText}'");

        yield return Case("PLAN3001", State, "[██████░░░░] 64%", "[███░░░░░░░] 64%", "███░");
        yield return Case("PLAN3002", State, "64% (7/11 plans)", "60% (7/11 plans)", "60");
        yield return Case("PLAN3003", State, "(7/11 plans)", "(6/11 plans)", "6");
        yield return Case("PLAN3004", State, "  total_plans: 11", "  total_plans: 12", "12");
        yield return Case("PLAN3005", State, "Total plans completed: 7", "Total plans completed: 8", "8");
        yield return Case("PLAN3006", State, "Average duration: 18 min", "Average duration: 25 min", "25 min");
        yield return Case("PLAN3007", State, "2.10 hours", "2.50 hours");
        yield return Case("PLAN3008", State, "| 2 | 3/3 | 66 min |", "| 2 | 3/3 | 60 min |", "60 min");
        yield return Case("PLAN3010", State, "Last 5 plans: 02-03 (19 min), 02.1-01 (12 min), 02.1-02 (14 min), 03-01 (18 min), 03-02 (16 min)", "Last 5 plans: 02-03 (19 min), 02.1-01 (12 min), 02.1-02 (14 min), 03-01 (18 min), 03-02 (26 min)", "02-03");
        yield return Case("PLAN3011", State, "Trend: Improving", "Trend: Degrading", "Degrading");
        yield return Case("PLAN3012", State, "Phase: 3 of 4", "Phase: 3 of 5", "5");
        yield return Case("PLAN3013", State, "Plan: 2 of 3", "Plan: 2 of 4", "4");
        yield return Case("PLAN3014", Roadmap, "| v1.1 | 2/3 | In Progress |", "| v1.1 | 1/3 | In Progress |", "1/3");
        yield return Case("PLAN3015", Roadmap, "| 2/3 | In Progress |", "| 2/3 | Not started |", "Not started");
        yield return Case("PLAN3016", Roadmap, "| Complete | 2026-02-09 |", "| Complete | 2026-02-01 |", "2026-02-01");
        yield return Case("PLAN3017", Roadmap, "- [x] 02-01-PLAN.md", "- [ ] 02-01-PLAN.md", " ] 02");
        yield return Case("PLAN3020", Roadmap, "- [x] **Phase 2: Sync Engine**", "- [ ] **Phase 2: Sync Engine**", " ] **");
    }

    [TestCaseSource(nameof(StaleCases))]
    public void One_stale_value_gives_one_fixable_finding_at_its_text(string code, string file, string oldText, string newText, string? marker)
    {
        var (finding, analysis) = SeedOneDefect(code, file, oldText, newText, marker);

        finding.Fixable.Should().BeTrue();
        analysis.Edits.Should().ContainSingle();
    }

    [Test]
    public void The_sample_is_clean()
    {
        var analysis = new PlanStateEngine().Analyze(RepositoryLayout.SamplePlanningFolder);

        analysis.Findings.Should().BeEmpty();
        analysis.Edits.Should().BeEmpty();
    }

    [Test]
    public void Plans_line_count_is_stale()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var text = File.ReadAllText(copy.PathOf(Roadmap));
        var section = text.IndexOf("Phase 3: Offline Photo Queue", StringComparison.Ordinal);
        var plansLine = text.IndexOf("**Plans:** 3 plans", section, StringComparison.Ordinal);
        File.WriteAllText(copy.PathOf(Roadmap), text.Substring(0, plansLine) + "**Plans:** 4 plans" + text.Substring(plansLine + 18));

        var finding = ErrorsAndWarnings(new PlanStateEngine().Analyze(copy.Root)).Should().ContainSingle().Subject;
        finding.Code.Should().Be("PLAN3018");
        finding.Message.Should().Contain("4").And.Contain("3");
    }

    /// <summary>
    /// A count is read as a number, so "08" is 8; the edit must replace the digits as written. It used to expect "8"
    /// there, and the update refused its own edit (found by <c>ParserProperties</c> with a mutated STATE.md).
    /// </summary>
    [TestCase(State, "Total plans completed: 7", "Total plans completed: 08", "PLAN3005")]
    [TestCase(Roadmap, "**Plans:** 3 plans", "**Plans:** 04 plans", "PLAN3018")]
    public void A_stale_count_written_with_a_leading_zero_is_rewritten(string file, string clean, string stale, string code)
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var original = File.ReadAllText(copy.PathOf(file));
        var at = file == Roadmap ? original.IndexOf(clean, original.IndexOf("Phase 3: Offline Photo Queue", StringComparison.Ordinal), StringComparison.Ordinal) : original.IndexOf(clean, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        File.WriteAllText(copy.PathOf(file), original.Substring(0, at) + stale + original.Substring(at + clean.Length));

        var result = new PlanStateEngine().Update(copy.Root);

        result.Before.Findings.Should().ContainSingle(f => f.Severity != Severity.Info).Which.Code.Should().Be(code);
        result.WriteFailures.Should().BeEmpty();
        result.Changes.Should().ContainSingle();
        File.ReadAllText(copy.PathOf(file)).Should().Be(original);
    }

    [Test]
    public void A_phase_missing_from_the_by_phase_table_gets_a_row_in_phase_order()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var (line, _) = copy.Replace(State, "| 2.1 | 2/2 | 26 min | 13 min |\n", string.Empty);

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        var finding = ErrorsAndWarnings(analysis).Should().ContainSingle().Subject;
        finding.Code.Should().Be("PLAN3009");
        finding.Span.Line.Should().Be(line, "the row goes where phase 2.1 belongs, before phase 3");
        analysis.Edits.Single().NewText.Should().Be("| 2.1 | 2/2 | 26 min | 13 min |\n");
    }

    [Test]
    public void A_phase_missing_from_the_roadmap_table_gets_a_row_in_the_style_of_the_others()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        copy.Replace(Roadmap, "| 2.1. Conflict Resolution Hotfix | v1.1 | 2/2 | Complete | 2026-02-11 |\n", string.Empty);

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        ErrorsAndWarnings(analysis).Should().ContainSingle().Which.Code.Should().Be("PLAN3019");
        analysis.Edits.Single().NewText.Should().Be("| 2.1. Conflict Resolution Hotfix | v1.1 | 2/2 | Complete | 2026-02-11 |\n");
    }

    [Test]
    public void A_missing_phase_after_the_last_row_is_appended_after_it_in_progress()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        copy.Replace(Roadmap, "| 3. Offline Photo Queue | v1.1 | 2/3 | In Progress | - |\n| 4. Sync Status UI | v1.1 | 0/3 | Not started | - |\n", string.Empty);

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        var finding = ErrorsAndWarnings(analysis).Should().ContainSingle().Subject;
        finding.Code.Should().Be("PLAN3019");
        finding.Span.Line.Should().Be(113, "after the last row (2.1), since phase 4 has no completed plan and gets no row");
        analysis.Edits.Single().NewText.Should().Be("| 3. Offline Photo Queue | v1.1 | 2/3 | In Progress | - |\n");
    }

    public static IEnumerable<TestCaseData> ContradictionCases()
    {
        TestCaseData Case(string code, string file, string oldText, string newText, string? marker = null) =>
            new TestCaseData(code, file, oldText, newText, marker).SetName($"{code} fires: {file} '{oldText}' -> '{newText}'");

        yield return Case("PLAN2003", Roadmap, "- [ ] **Phase 3: Offline Photo Queue**", "- [x] **Phase 3: Offline Photo Queue**", "x]");
        yield return Case("PLAN2007", State, "Plan: 2 of 3", "Plan: 4 of 3", "4 of 3");
        yield return Case("PLAN2009", State, "Stopped at: Completed 03-02-PLAN.md", "Stopped at: Completed 03-01-PLAN.md", "03-01");
        yield return Case("PLAN2010", Summary0301, "phase: 03-offline-photo-queue", "phase: 04-sync-status-ui", "04-sync");
        yield return Case("PLAN2012", State, "**Current focus:** Phase 3 - Offline", "**Current focus:** Phase 2 - Offline", "2 - Offline");
    }

    [TestCaseSource(nameof(ContradictionCases))]
    public void One_contradiction_gives_one_error_that_is_not_fixable(string code, string file, string oldText, string newText, string? marker)
    {
        var (finding, analysis) = SeedOneDefect(code, file, oldText, newText, marker);

        finding.Severity.Should().Be(Severity.Error);
        finding.Fixable.Should().BeFalse();
        analysis.Edits.Should().BeEmpty();
    }

    [Test]
    public void Last_activity_naming_a_plan_without_summary_is_a_contradiction()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var (line, column) = copy.Replace(State, "Last activity: 2026-02-17 — Completed 03-02-PLAN.md", "Last activity: 2026-02-17 — Completed 03-03-PLAN.md", "03-03");
        copy.Replace(State, "Stopped at: Completed 03-02-PLAN.md", "Stopped at: Completed 03-03-PLAN.md");

        var finding = ErrorsAndWarnings(new PlanStateEngine().Analyze(copy.Root)).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line, finding.Span.Column).Should().Be(("PLAN2008", line, column));
    }

    [Test]
    public void An_orphan_summary_is_a_contradiction_at_its_file()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        copy.Write("phases/04-sync-status-ui/04-07-SUMMARY.md", "---\nphase: 04-sync-status-ui\nplan: 07\nduration: 5 min\ncompleted: 2026-02-18\n---\n\n# Summary\n");

        var finding = ErrorsAndWarnings(new PlanStateEngine().Analyze(copy.Root)).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.File).Should().Be(("PLAN2001", "phases/04-sync-status-ui/04-07-SUMMARY.md"));
    }

    [Test]
    public void An_unknown_current_phase_is_a_contradiction()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var (line, column) = copy.Replace(State, "Phase: 3 of 4", "Phase: 9 of 4", "9");
        copy.Replace(State, "**Current focus:** Phase 3", "**Current focus:** Phase 9");

        var finding = ErrorsAndWarnings(new PlanStateEngine().Analyze(copy.Root)).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line, finding.Span.Column).Should().Be(("PLAN2006", line, column));
    }

    [Test]
    public void A_gap_in_plan_numbering_is_a_warning()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        File.Move(copy.PathOf("phases/04-sync-status-ui/04-03-PLAN.md"), copy.PathOf("phases/04-sync-status-ui/04-05-PLAN.md"));
        copy.Replace(Roadmap, "- [ ] 04-03-PLAN.md", "- [ ] 04-05-PLAN.md");

        var finding = ErrorsAndWarnings(new PlanStateEngine().Analyze(copy.Root)).Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Span.File).Should().Be(("PLAN1008", Severity.Warning, "phases/04-sync-status-ui/04-05-PLAN.md"));
    }

    [Test]
    public void An_unreadable_summary_duration_is_reported_and_nothing_it_makes_uncertain_is_rewritten()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var text = File.ReadAllText(copy.PathOf(Summary0301));
        var start = text.IndexOf("duration:", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        File.WriteAllText(copy.PathOf(Summary0301), text.Substring(0, start) + "duration: about an hour" + text.Substring(end));

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        ErrorsAndWarnings(analysis).Select(f => f.Code).Should().Equal("PLAN1001");
        analysis.Edits.Should().BeEmpty();
    }

    [Test]
    public void A_bare_number_duration_is_read_as_minutes_with_a_warning()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var text = File.ReadAllText(copy.PathOf(Summary0301));
        var start = text.IndexOf("duration:", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        var minutes = text.Substring(start, end - start).Replace("duration:", string.Empty).Replace("min", string.Empty).Trim();
        File.WriteAllText(copy.PathOf(Summary0301), text.Substring(0, start) + "duration: " + minutes + text.Substring(end));

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        ErrorsAndWarnings(analysis).Select(f => f.Code).Should().Equal("PLAN1002");
    }

    [Test]
    public void An_unrecognised_progress_line_is_a_warning_and_is_left_alone()
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var (line, column) = copy.Replace(State, "Progress: [██████░░░░] 64% (7/11 plans)", "Progress: about two thirds", "about");

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        var finding = ErrorsAndWarnings(analysis).Should().ContainSingle().Subject;
        (finding.Code, finding.Span.Line, finding.Span.Column).Should().Be(("PLAN1006", line, column));
        analysis.Edits.Should().BeEmpty();
    }

    /// <summary>Seeds one defect into a copy of the sample; exactly one finding, with <paramref name="code"/>, at the defect.</summary>
    private static (Finding Finding, PlanningAnalysis Analysis) SeedOneDefect(string code, string file, string oldText, string newText, string? marker)
    {
        using var copy = new PlanningCopy(RepositoryLayout.SamplePlanningFolder);
        var (line, column) = copy.Replace(file, oldText, newText, marker);

        var analysis = new PlanStateEngine().Analyze(copy.Root);

        var finding = ErrorsAndWarnings(analysis).Should().ContainSingle().Subject;
        finding.Code.Should().Be(code);
        (finding.Span.File, finding.Span.Line, finding.Span.Column).Should().Be((file, line, column));
        return (finding, analysis);
    }

    private static IReadOnlyList<Finding> ErrorsAndWarnings(PlanningAnalysis analysis) =>
        analysis.Findings.Where(f => f.Severity != Severity.Info).ToList();
}
