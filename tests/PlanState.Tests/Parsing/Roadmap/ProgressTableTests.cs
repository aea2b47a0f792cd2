using PlanState.Model;
using static PlanState.Tests.Parsing.Roadmap.RoadmapTestSupport;

namespace PlanState.Tests.Parsing.Roadmap;

public class ProgressTableTests
{
    private const string FiveColumnHeader = "| Phase | Milestone | Plans Complete | Status | Completed |\n|-------|-----------|----------------|--------|-----------|\n";
    private const string FourColumnHeader = "| Phase | Plans Complete | Status | Completed |\n|---|---|---|---|\n";

    [TestCase("| 1-64 | v1.0-v2.3 | 166/166 | Complete |")]
    [TestCase("| 1-4 | v1.0 | Complete | Complete | 2026-06-26 |")]
    [TestCase("| 9–15 | v2.0 | 20/20 | Complete | 2026-07-26 |")]
    [TestCase("| Phases 1-4 | v1.0 | 12/12 | Complete | - |")]
    public void Range_rows_are_roll_ups_and_are_left_alone(string row)
    {
        var roadmap = Parse($"## Progress\n\n{FiveColumnHeader}{row}\n");
        var parsed = roadmap.ProgressTable!.Rows.Should().ContainSingle().Subject;

        parsed.Kind.Should().Be(ProgressTableRowKind.RollUp);
        parsed.Phase.Should().BeNull();
        parsed.PhaseCell.Should().BeNull();
        roadmap.Problems.Should().BeEmpty("a roll-up row with four cells is not a shifted row");
    }

    [Test]
    public void A_row_without_its_milestone_cell_is_shifted_reported_and_not_read()
    {
        var text = Source($"{FiveColumnHeader}| 3. Sync | 1/2 | In Progress | - |\n");
        var roadmap = Parse(text.Text);
        var row = roadmap.ProgressTable!.Rows.Single();

        row.Kind.Should().Be(ProgressTableRowKind.Shifted);
        row.Phase!.ToString().Should().Be("3");
        row.PhaseCell.Should().BeNull();
        row.MilestoneCell.Should().BeNull();
        row.PlansCell.Should().BeNull();
        var problem = roadmap.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PLAN1005");
        problem.Span.ShouldCover(text, "| 3. Sync | 1/2 | In Progress | - |", 3, 1);
        problem.Message.Should().Be(
            "Progress table row \"| 3. Sync | 1/2 | In Progress | - |\" has 4 cells but its header " +
            "\"| Phase | Milestone | Plans Complete | Status | Completed |\" has 5 columns: the Milestone cell is missing, so the row is not read.");
    }

    [TestCase(FourColumnHeader, "| 3. Sync | 1/2 | In Progress |", "3 cells")]
    [TestCase(FiveColumnHeader, "| 3. Sync | v1.1 | 1/2 | In Progress | - | extra |", "6 cells")]
    [TestCase(FourColumnHeader, "| **Total** | 3/5 | | |", "\"**Total**\"")]
    [TestCase(FourColumnHeader, "| | 0/1 | Planned | - |", "\"\"")]
    public void Other_unreadable_rows_are_reported_and_left_out(string header, string row, string quoted)
    {
        var roadmap = Parse($"{header}| 1. Foundation | 1/1 | Complete | 2026-01-02 |\n{row}\n".Replace("| 1. Foundation | 1/1 |", header.StartsWith("| Phase | Milestone", StringComparison.Ordinal) ? "| 1. Foundation | v1.0 | 1/1 |" : "| 1. Foundation | 1/1 |"));

        roadmap.ProgressTable!.Rows.Select(r => r.Phase!.ToString()).Should().Equal("1");
        var problem = roadmap.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PLAN1021");
        problem.Span.Line.Should().Be(4);
        problem.Message.Should().Contain(row).And.Contain(quoted);
    }

    [TestCase("1. Foundation", "1")]
    [TestCase("02.1. Melhoria e organizacao", "2.1")]
    [TestCase("3.1. Bot Profiling (INSERTED)", "3.1")]
    [TestCase("12A. Export", "12A")]
    [TestCase("140.1.1. Deep", "140.1.1")]
    [TestCase("Phase 7: Named", "7")]
    [TestCase("8", "8")]
    public void The_first_cell_gives_the_phase_number(string cell, string number)
    {
        var text = Source($"{FourColumnHeader}| {cell} | 0/1 | Planned | - |\n");
        var row = Parse(text.Text).ProgressTable!.Rows.Single();

        row.Kind.Should().Be(ProgressTableRowKind.Phase);
        row.Phase!.ToString().Should().Be(number);
        row.PhaseCell.ShouldCover(text, cell, 3, 3);
    }

    [TestCase("2/3")]
    [TestCase("0/TBD")]
    [TestCase("3/?")]
    [TestCase("—")]
    public void Plans_cells_keep_every_written_form(string plans)
    {
        var text = Source($"{FourColumnHeader}| 1. A | {plans} | Not started | - |\n");
        Parse(text.Text).ProgressTable!.Rows.Single().PlansCell.ShouldCover(text, plans, 3, 10);
    }

    [Test]
    public void Cells_are_trimmed_and_tolerate_missing_outer_pipes_and_escaped_pipes()
    {
        // Without a leading pipe a "1. A" row would be an ordered list item, which ends the table.
        var text = Source("Phase | Plans Complete | Status | Completed\n--- | --- | --- | ---\n| 1. A \\| B   |   2/3|In Progress | 2026-01-02\n");
        var row = Parse(text.Text).ProgressTable!.Rows.Single();

        row.PhaseCell.ShouldCover(text, "1. A \\| B", 3, 3);
        row.PlansCell.ShouldCover(text, "2/3", 3, 19);
        row.StatusCell.ShouldCover(text, "In Progress", 3, 23);
        row.CompletedCell.ShouldCover(text, "2026-01-02", 3, 37);
    }

    [Test]
    public void Header_names_match_case_insensitively_with_extra_spaces()
    {
        var roadmap = Parse("|  PHASE  |  milestone | Plans   Complete | status | COMPLETED |\n|:--|:-:|--:|---|---|\n| 1. A | v1.0 | 1/1 | Complete | 2026-01-02 |\n");
        roadmap.ProgressTable!.HasMilestoneColumn.Should().BeTrue();
        roadmap.ProgressTable.Rows.Single().MilestoneCell!.Value.Should().Be("v1.0");
    }

    [TestCase("| Phase | Plans | Total | Avg/Plan |\n|---|---|---|---|\n| 1. Foundation | 2/4 | 5.2 min | 2.6 min |\n")]
    [TestCase("| Phase | Plans Complete | Status |\n|---|---|---|\n| 1. A | 1/1 | Complete |\n")]
    [TestCase("| Phase | Plans Complete | Status | Completed |\n| 1. A | 1/1 | Complete | - |\n")]
    public void Other_tables_are_not_the_progress_table(string markdown)
    {
        Parse(markdown).ProgressTable.Should().BeNull();
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public void A_new_row_goes_after_the_last_row_line_break(string newline)
    {
        var text = Source($"## Progress\n\n{FourColumnHeader}| 1. A | 1/1 | Complete | - |\n\n---\n*Updated*\n", newline);
        var table = Parse(text.Text).ProgressTable!;

        table.InsertAfter.Should().Be(text.LineStart(6));
        text.Text.Substring(0, table.InsertAfter).Should().EndWith($"| 1. A | 1/1 | Complete | - |{newline}");
    }

    [Test]
    public void A_table_with_no_rows_takes_new_rows_after_its_delimiter()
    {
        var text = Source($"{FourColumnHeader}\nAfter.\n");
        var table = Parse(text.Text).ProgressTable!;

        table.Rows.Should().BeEmpty();
        table.InsertAfter.Should().Be(text.LineStart(3));
    }

    [Test]
    public void An_archived_table_in_a_details_block_gives_way_to_the_live_table()
    {
        var text = Source(
            "<details>\n<summary>✅ v1.0</summary>\n\n" + FourColumnHeader + "| 1. Old | 1/1 | Complete | - |\n| 2. Bad |\n\n</details>\n\n" +
            "## Progress\n\n" + FiveColumnHeader + "| 3. Live | v1.1 | 0/2 | Not started | - |\n");
        var roadmap = Parse(text.Text);

        roadmap.ProgressTable!.HasMilestoneColumn.Should().BeTrue();
        roadmap.ProgressTable.Rows.Single().Phase!.ToString().Should().Be("3");
        roadmap.Problems.Should().BeEmpty("problems of a table that is not used are not reported");
    }

    [Test]
    public void The_first_live_table_is_kept()
    {
        var roadmap = Parse(FourColumnHeader + "| 1. First | 1/1 | Complete | - |\n\n" + FourColumnHeader + "| 2. Second | 0/1 | Planned | - |\n");
        roadmap.ProgressTable!.Rows.Single().Phase!.ToString().Should().Be("1");
    }

    [Test]
    public void A_table_swallowed_into_a_details_block_is_found()
    {
        var text = Source("<details>\n<summary>✅ v1.0</summary>\n" + FourColumnHeader + "| 1. Old | 1/1 | Complete | 2026-01-02 |\n</details>\n");
        var table = Parse(text.Text).ProgressTable!;

        table.HeaderSpan.ShouldCover(text, "| Phase | Plans Complete | Status | Completed |", 3, 1);
        table.Rows.Single().CompletedCell.ShouldCover(text, "2026-01-02", 5, 29);
        table.InsertAfter.Should().Be(text.LineStart(6));
    }
}
