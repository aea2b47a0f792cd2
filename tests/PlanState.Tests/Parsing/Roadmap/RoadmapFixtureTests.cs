using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Roadmap;
using static PlanState.Tests.Parsing.Roadmap.RoadmapTestSupport;

namespace PlanState.Tests.Parsing.Roadmap;

/// <summary>
/// Two realistic ROADMAP.md files, each read with LF and with CRLF line breaks: the spans must cover the same
/// text at the same lines and columns either way.
/// </summary>
[TestFixture("\n")]
[TestFixture("\r\n")]
public class RoadmapFixtureTests
{
    private readonly string newline;

    public RoadmapFixtureTests(string newline)
    {
        this.newline = newline;
    }

    [Test]
    public void Milestone_roadmap_sections_include_those_folded_in_details_blocks()
    {
        var text = Fixture("milestones-roadmap.md", newline);
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Path.Should().Be("ROADMAP.md");
        roadmap.Sections.Select(s => (s.Number.ToString(), s.Name, s.Milestone)).Should().Equal(
            ("1", "Foundation", "v1.0"),
            ("2", "Ingest", "v1.0"),
            ("2.1", "Feed Hotfix (INSERTED)", "v1.0"),
            ("6", "Tide Model", "v1.10"),
            ("6.1", "Model Hotfix (INSERTED)", "v1.10"),
            ("7", "Forecast API", "v1.10"),
            ("9", "Public Gateway", "v2.0"));

        // Phase 1 sits in the lines Markdig swallowed into the <details> HTML block (no blank line after <summary>).
        var foundation = roadmap.Sections[0];
        foundation.HeadingSpan.ShouldCover(text, "### Phase 1: Foundation", 22, 1);
        foundation.PlansLine!.Value.ShouldCover(text, "2 plans", 24, 12);
        foundation.PlansLine.Count.Should().Be(2);
        foundation.PlansLine.CountSpan!.Value.ShouldCover(text, "2", 24, 12);
        foundation.PlansLine.Completed.Should().BeNull();
        foundation.PlansLine.CompletedSpan.Should().BeNull();
        foundation.PlanItems.Select(i => (i.PlanId, i.Checked)).Should().Equal(("01-01", true), ("01-02", true));
        foundation.PlanItems[0].CheckboxSpan.ShouldCover(text, "x", 26, 4);
        foundation.PlanItems[0].LineSpan.ShouldCover(text, "- [x] 01-01-PLAN.md — Repository layout", 26, 1);
        foundation.PlanItems[1].CheckboxSpan.ShouldCover(text, "x", 27, 4);

        var ingest = roadmap.Sections[1];
        ingest.HeadingSpan.ShouldCover(text, "### Phase 2: Ingest", 29, 1);
        ingest.PlansLine!.Value.ShouldCover(text, "2/2 plans complete", 31, 12);
        ingest.PlansLine.Completed.Should().Be(2);
        ingest.PlansLine.CompletedSpan!.Value.ShouldCover(text, "2", 31, 12);
        ingest.PlansLine.Count.Should().Be(2);
        ingest.PlansLine.CountSpan!.Value.ShouldCover(text, "2", 31, 14);
        ingest.PlanItems.Select(i => (i.PlanId, i.Checked)).Should().Equal(("02-01", true), ("02-02", true));
        ingest.PlanItems[1].CheckboxSpan.ShouldCover(text, "X", 35, 4);

        var hotfix = roadmap.Sections[2];
        hotfix.PlansLine!.Value.ShouldCover(text, "1 plan", 38, 12);
        hotfix.PlansLine.Count.Should().Be(1);
        hotfix.PlanItems.Should().ContainSingle().Which.PlanId.Should().Be("02.1-01");
        hotfix.PlanItems[0].LineSpan.ShouldCover(text, "- [x] **02.1-01**", 41, 1);

        var tideModel = roadmap.Sections[3];
        tideModel.HeadingSpan.ShouldCover(text, "#### Phase 6: Tide Model", 60, 1);
        tideModel.PlanItems.Select(i => (i.PlanId, i.Checked)).Should().Equal(("06-01", true), ("06-02", true), ("06-03", false));
        tideModel.PlanItems[2].CheckboxSpan.ShouldCover(text, " ", 67, 4);

        var modelHotfix = roadmap.Sections[4];
        modelHotfix.PlansLine!.Value.ShouldCover(text, "TBD", 70, 12);
        modelHotfix.PlansLine.Count.Should().BeNull();
        modelHotfix.PlansLine.CountSpan.Should().BeNull();
        modelHotfix.PlanItems.Should().BeEmpty();

        var forecast = roadmap.Sections[5];
        forecast.PlansLine!.Completed.Should().Be(1);
        forecast.PlansLine.CompletedSpan!.Value.ShouldCover(text, "1", 73, 12);
        forecast.PlansLine.CountSpan!.Value.ShouldCover(text, "3", 73, 14);
        forecast.PlanItems.Select(i => (i.PlanId, i.Checked)).Should().Equal(("07-01", true), ("07-02", false), ("07-03", false));

        var gateway = roadmap.Sections[6];
        gateway.HeadingSpan.ShouldCover(text, "#### Phase 9 - Public Gateway", 81, 1);
        gateway.PlansLine!.Value.ShouldCover(text, "2 plans", 82, 12);
        gateway.PlanItems.Should().BeEmpty("the list in the code fence is an example, not a checklist");
    }

    [Test]
    public void Milestone_roadmap_phase_checklist_reads_bold_and_folded_forms_but_not_frontmatter()
    {
        var text = Fixture("milestones-roadmap.md", newline);
        var items = RoadmapParser.Parse(text).PhaseChecklist;

        items.Select(i => (i.Number.ToString(), i.Name, i.Checked)).Should().Equal(
            ("4", "Mesh Protocol", true),
            ("5", "Mesh Dashboard", true),
            ("6", "Tide Model", true),
            ("6.1", "Model Hotfix (INSERTED)", false),
            ("7", "Forecast API", false));

        items[0].CheckboxSpan.ShouldCover(text, "x", 47, 4);
        items[0].LineSpan.ShouldCover(text, "- [x] Phase 4: Mesh Protocol (2/2 plans) — completed 2026-01-20", 47, 1);
        items[0].CompletedDate.ShouldCover(text, "2026-01-20", 47, 54);
        items[1].CompletedDate.ShouldCover(text, "2026-02-01", 48, 54);
        items[2].CompletedDate.ShouldCover(text, "2026-02-10", 56, 64);
        items[2].LineSpan.ShouldCover(text, "- [x] **Phase 6: Tide Model** - Harmonic tide model (completed 2026-02-10)", 56, 1);
        items[3].CheckboxSpan.ShouldCover(text, " ", 57, 4);
        items[3].CompletedDate.Should().BeNull();
    }

    [Test]
    public void Milestone_roadmap_milestones_come_from_list_items_summaries_and_headings()
    {
        var text = Fixture("milestones-roadmap.md", newline);
        var milestones = RoadmapParser.Parse(text).Milestones;

        milestones.Select(m => (m.Version, m.Name, m.FirstPhase?.ToString(), m.LastPhase?.ToString(), m.Shipped, m.InProgress, m.FromHeading))
            .Should().Equal(
                ("v1.0", "MVP", "1", "3", true, false, false),
                ("v1.1", "Sensor Mesh", "4", "5", true, false, false),
                ("v1.10", "Forecast Engine", "6", "8", false, true, false),
                ("v2.0", "Public API", "9", "10", false, false, false),
                ("v1.0", "MVP", "1", "3", true, false, true),
                ("v1.1", "Sensor Mesh", "4", "5", true, false, true),
                ("v1.10", "Forecast Engine", null, null, false, true, true),
                ("v2.0", "Public API", null, null, false, false, true));

        milestones[0].Span.ShouldCover(text, "- ✅ **v1.0 MVP** - Phases 1-3 (shipped 2026-01-10)", 13, 1);
        milestones[4].Span.ShouldCover(text, "✅ v1.0 MVP (Phases 1-3) - SHIPPED 2026-01-10", 21, 10);
        milestones[6].Span.ShouldCover(text, "### 🚧 v1.10 Forecast Engine (In Progress)", 52, 1);

        milestones.Where(m => MilestoneVersion.Matches(m.Version, "v1.1")).Select(m => m.Name).Should().Equal("Sensor Mesh", "Sensor Mesh");
    }

    [Test]
    public void Milestone_roadmap_progress_table_reads_cells_and_reports_shifted_and_unreadable_rows()
    {
        var text = Fixture("milestones-roadmap.md", newline);
        var roadmap = RoadmapParser.Parse(text);
        var table = roadmap.ProgressTable!;

        table.HasMilestoneColumn.Should().BeTrue();
        table.HeaderSpan.ShouldCover(text, "| Phase | Milestone | Plans Complete | Status | Completed |", 91, 1);
        table.Rows.Select(r => (r.Kind, r.Phase?.ToString())).Should().Equal(
            (ProgressTableRowKind.RollUp, null),
            (ProgressTableRowKind.Phase, "4"),
            (ProgressTableRowKind.Phase, "5"),
            (ProgressTableRowKind.Phase, "6"),
            (ProgressTableRowKind.Shifted, "6.1"),
            (ProgressTableRowKind.Phase, "7"),
            (ProgressTableRowKind.Phase, "9"));

        var rollUp = table.Rows[0];
        rollUp.RowSpan.ShouldCover(text, "| 1-2.1 | v1.0 | 5/5 | Complete | 2026-01-10 |", 93, 1);
        rollUp.PlansCell.Should().BeNull();

        var mesh = table.Rows[1];
        mesh.PhaseCell.ShouldCover(text, "4. Mesh Protocol", 94, 3);
        mesh.MilestoneCell.ShouldCover(text, "v1.1", 94, 22);
        mesh.PlansCell.ShouldCover(text, "2/2", 94, 29);
        mesh.StatusCell.ShouldCover(text, "✅ Complete", 94, 35);
        mesh.CompletedCell.ShouldCover(text, "2026-01-20", 94, 48);

        table.Rows[2].StatusCell.ShouldCover(text, "Complete", 95, 36);
        table.Rows[2].CompletedCell.ShouldCover(text, "2026-02-01", 95, 50);

        var tide = table.Rows[3];
        tide.MilestoneCell.ShouldCover(text, "v1.10", 96, 19);
        tide.PlansCell.ShouldCover(text, "2/3", 96, 27);
        tide.StatusCell.ShouldCover(text, "In Progress", 96, 33);
        tide.CompletedCell.ShouldCover(text, "-", 96, 47);

        var shifted = table.Rows[4];
        shifted.PhaseCell.Should().BeNull();
        shifted.PlansCell.Should().BeNull();
        shifted.StatusCell.Should().BeNull();
        shifted.CompletedCell.Should().BeNull();

        // An empty Completed cell: an empty span one space after the pipe, where a date would go.
        var forecast = table.Rows[5];
        forecast.PlansCell.ShouldCover(text, "1/3", 98, 29);
        forecast.CompletedCell.ShouldCover(text, string.Empty, 98, 49);

        table.Rows[6].PlansCell.ShouldCover(text, "0/?", 99, 30);
        table.Rows[6].CompletedCell.ShouldCover(text, "—", 99, 50);

        // The table ends where the footer line starts: Markdig reads the whole block as a paragraph there.
        table.InsertAfter.Should().Be(text.LineStart(101));

        roadmap.Problems.Select(p => (p.Code, p.Span.Line)).Should().Equal(("PLAN1005", 97), ("PLAN1021", 100));
        roadmap.Problems[0].Severity.Should().Be(Severity.Warning);
        roadmap.Problems[0].Span.ShouldCover(text, "| 6.1. Model Hotfix (INSERTED) | 0/TBD | Not started | - |", 97, 1);
        roadmap.Problems[0].Message.Should().Contain("\"| 6.1. Model Hotfix (INSERTED) | 0/TBD | Not started | - |\"").And.Contain("5 columns");
        roadmap.Problems[1].Message.Should().Contain("\"TBD\"");
    }

    [Test]
    public void Flat_roadmap_reads_sections_checklist_and_four_column_table()
    {
        var text = Fixture("flat-roadmap.md", newline);
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Milestones.Should().BeEmpty();
        roadmap.Problems.Should().BeEmpty();
        roadmap.Sections.Select(s => (s.Number.ToString(), s.Name, s.Milestone, s.PlansLine?.Value.Value, s.PlansLine?.Count)).Should().Equal(
            ("1", "Foundation", null, "3 plans", 3),
            ("2", "Editor", null, "TBD", null),
            ("2.1", "Sync Hotfix (INSERTED)", null, "1/2 plans complete", 2),
            ("12A", "Export", null, "1 plan", 1),
            ("140.1.1", "Deep Insert", null, "0 plans", 0));

        var foundation = roadmap.Sections[0];
        foundation.Number.Should().Be(PhaseNumber.Parse("1"), "\"01\" and \"1\" are the same phase");
        foundation.HeadingSpan.ShouldCover(text, "### Phase 01: Foundation", 16, 1);
        foundation.PlanItems.Select(i => (i.PlanId, i.Checked)).Should().Equal(("01-01", true), ("01-02", true), ("01-03", false));
        foundation.PlanItems[2].CheckboxSpan.ShouldCover(text, " ", 25, 4);
        foundation.PlanItems[2].LineSpan.ShouldCover(text, "- [ ] **01-03**", 25, 1);

        var hotfix = roadmap.Sections[2];
        hotfix.PlansLine!.CompletedSpan!.Value.ShouldCover(text, "1", 32, 12);
        hotfix.PlansLine.CountSpan!.Value.ShouldCover(text, "2", 32, 14);
        hotfix.PlanItems.Select(i => i.PlanId).Should().Equal("02.1-01", "02.1-02");

        roadmap.PhaseChecklist.Select(i => (i.Number.ToString(), i.Name, i.Checked)).Should().Equal(
            ("1", "Foundation", true),
            ("2", "Editor", false),
            ("2.1", "Sync Hotfix (INSERTED)", false),
            ("12A", "Export", false));
        roadmap.PhaseChecklist[0].CompletedDate.ShouldCover(text, "2026-01-02", 9, 65);

        var table = roadmap.ProgressTable!;
        table.HasMilestoneColumn.Should().BeFalse();
        table.HeaderSpan.ShouldCover(text, "|  Phase | Plans  Complete | STATUS | Completed |", 46, 1);
        table.Rows.Should().OnlyContain(r => r.Kind == ProgressTableRowKind.Phase && r.MilestoneCell == null);
        table.Rows.Select(r => r.Phase!.ToString()).Should().Equal("1", "2", "2.1", "12A", "140.1.1");
        table.Rows[0].PlansCell.ShouldCover(text, "2/3", 48, 19);
        table.Rows[0].StatusCell.ShouldCover(text, "In Progress", 48, 25);
        table.Rows[0].CompletedCell.ShouldCover(text, "-", 48, 39);
        table.Rows[1].PlansCell.ShouldCover(text, "0/TBD", 49, 15);
        table.Rows[3].PhaseCell.ShouldCover(text, "12A. Export", 51, 3);
        table.Rows[3].StatusCell.ShouldCover(text, "✓ Planned", 51, 23);
        table.Rows[4].PlansCell.ShouldCover(text, "0/0", 52, 26);

        // The last row ends the file without a line break: a new row goes at the very end.
        table.InsertAfter.Should().Be(text.Text.Length);
    }

    [Test]
    public void Spans_never_include_line_breaks()
    {
        foreach (var name in new[] { "milestones-roadmap.md", "flat-roadmap.md" })
        {
            var text = Fixture(name, newline);
            foreach (var span in AllSpans(RoadmapParser.Parse(text)))
            {
                text.Slice(span).Should().NotContain("\n").And.NotContain("\r");
            }
        }
    }
}
