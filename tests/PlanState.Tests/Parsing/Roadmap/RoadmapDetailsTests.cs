using PlanState.Parsing.Roadmap;
using static PlanState.Tests.Parsing.Roadmap.RoadmapTestSupport;

namespace PlanState.Tests.Parsing.Roadmap;

/// <summary>
/// Shipped milestones folded in <c>&lt;details&gt;</c>. Without blank lines Markdig reads the markdown after
/// <c>&lt;summary&gt;</c> as part of the HTML block; the parser must still find it, at the right offsets.
/// </summary>
[TestFixture("\n")]
[TestFixture("\r\n")]
public class RoadmapDetailsTests
{
    private readonly string newline;

    public RoadmapDetailsTests(string newline)
    {
        this.newline = newline;
    }

    [Test]
    public void Swallowed_markdown_after_a_one_line_summary_is_read_with_exact_spans()
    {
        var text = Source(
            "## Phases\n" +
            "<details><summary>✅ v1.0 MVP (Phases 1-2) — SHIPPED 2026-01-10</summary>\n" +
            "### Phase 1: Foundation\n" +
            "**Plans**: 2/2 plans complete\n" +
            "- [x] 01-01-PLAN.md — Skeleton\n" +
            "- [X] 01-02: Storage\n" +
            "#### Phase 2: Storage\n" +
            "**Plans:** 1 plan\n" +
            "- [x] **02-01**\n" +
            "</details>\n" +
            "### 🚧 v1.1 Sync (In Progress)\n" +
            "#### Phase 3: Sync\n" +
            "- [ ] 03-01: After the details block\n",
            newline);
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Sections.Select(s => (s.Number.ToString(), s.Milestone, s.PlanItems.Count)).Should().Equal(
            ("1", "v1.0", 2),
            ("2", "v1.0", 1),
            ("3", "v1.1", 1));

        var first = roadmap.Sections[0];
        first.HeadingSpan.ShouldCover(text, "### Phase 1: Foundation", 3, 1);
        first.PlansLine!.CompletedSpan!.Value.ShouldCover(text, "2", 4, 12);
        first.PlansLine.CountSpan!.Value.ShouldCover(text, "2", 4, 14);
        first.PlanItems[0].CheckboxSpan.ShouldCover(text, "x", 5, 4);
        first.PlanItems[1].CheckboxSpan.ShouldCover(text, "X", 6, 4);
        roadmap.Sections[1].PlansLine!.Value.ShouldCover(text, "1 plan", 8, 12);
        roadmap.Sections[1].PlanItems.Single().LineSpan.ShouldCover(text, "- [x] **02-01**", 9, 1);

        roadmap.Milestones.Select(m => (m.Version, m.Name, m.Shipped, m.InProgress)).Should().Equal(
            ("v1.0", "MVP", true, false),
            ("v1.1", "Sync", false, true));
        roadmap.Milestones[0].Span.ShouldCover(text, "✅ v1.0 MVP (Phases 1-2) — SHIPPED 2026-01-10", 2, 19);
    }

    [Test]
    public void Phase_checklist_swallowed_into_a_details_block_is_read()
    {
        var text = Source(
            "<details>\n<summary>✅ v1.0 MVP (Phases 1-2) — SHIPPED 2026-02-09</summary>\n" +
            "- [x] Phase 1: Foundation & Auth (7/7 plans) — completed 2026-02-08\n" +
            "- [x] Phase 2: Dashboard (5/5 plans) — completed 2026-02-09\n" +
            "Full details: `.planning/milestones/v1.0-ROADMAP.md`\n</details>\n",
            newline);
        var items = RoadmapParser.Parse(text).PhaseChecklist;

        items.Select(i => (i.Number.ToString(), i.Name)).Should().Equal(("1", "Foundation & Auth"), ("2", "Dashboard"));
        items[0].CheckboxSpan.ShouldCover(text, "x", 3, 4);
        items[1].CompletedDate.ShouldCover(text, "2026-02-09", 4, 50);
    }

    [Test]
    public void Details_block_with_blank_lines_is_plain_markdown_and_still_scopes_the_milestone()
    {
        var text = Source(
            "<details>\n<summary>✅ v1.0 MVP</summary>\n\n### Phase 1: A\n\n- [x] 01-01: a\n\n</details>\n\n### Phase 2: Outside\n\n- [ ] 02-01: b\n",
            newline);
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Sections.Select(s => (s.Number.ToString(), s.Milestone, s.PlanItems.Count)).Should().Equal(("1", "v1.0", 1), ("2", null, 1));
    }

    [Test]
    public void Closing_a_details_block_ends_the_phase_section_opened_inside_it()
    {
        var text = Source(
            "<details>\n<summary>v1.0</summary>\n\n### Phase 1: A\n**Plans**: 1 plan\n</details>\n\n- [ ] 01-02: Not inside phase 1 any more\n",
            newline);
        var section = RoadmapParser.Parse(text).Sections.Single();

        section.Milestone.Should().Be("v1.0");
        section.PlanItems.Should().BeEmpty();
    }

    [Test]
    public void Details_opened_inside_a_section_do_not_end_it()
    {
        var text = Source(
            "### Phase 1: A\n**Plans**: 2 plans\n\n<details>\n<summary>Plan list</summary>\n- [x] 01-01: a\n</details>\n\n- [ ] 01-02: b\n",
            newline);
        var section = RoadmapParser.Parse(text).Sections.Single();

        section.Milestone.Should().BeNull("a summary that names no version is not a milestone");
        section.PlanItems.Select(i => i.PlanId).Should().Equal("01-01", "01-02");
    }

    [Test]
    public void A_details_block_without_a_version_keeps_the_enclosing_milestone()
    {
        var text = Source(
            "## v1.1 Current\n\n<details>\n<summary>Archived notes</summary>\n### Phase 5: Inside\n</details>\n",
            newline);
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Sections.Single().Milestone.Should().Be("v1.1");
        roadmap.Milestones.Should().ContainSingle();
    }

    [Test]
    public void Nested_details_use_the_innermost_version()
    {
        var text = Source(
            "<details>\n<summary>✅ v1.0 MVP</summary>\n<details>\n<summary>✅ v1.0.1 Patch</summary>\n### Phase 1: A\n</details>\n### Phase 2: B\n</details>\n### Phase 3: C\n",
            newline);
        RoadmapParser.Parse(text).Sections.Select(s => (s.Number.ToString(), s.Milestone)).Should().Equal(
            ("1", "v1.0.1"),
            ("2", "v1.0"),
            ("3", null));
    }

    [Test]
    public void Unbalanced_details_tags_do_not_break_parsing()
    {
        var text = Source("</details>\n</details>\n### Phase 1: A\n<details>\n<summary>v1.0</summary>\n### Phase 2: B\n", newline);
        RoadmapParser.Parse(text).Sections.Select(s => (s.Number.ToString(), s.Milestone)).Should().Equal(("1", null), ("2", "v1.0"));
    }

    [Test]
    public void Other_html_around_markdown_is_seen_through()
    {
        var text = Source("<div align=\"center\">\n### Phase 1: In A Div\n</div>\n", newline);
        RoadmapParser.Parse(text).Sections.Single().HeadingSpan.ShouldCover(text, "### Phase 1: In A Div", 2, 1);
    }

    [Test]
    public void A_swallowed_segment_starting_with_a_rule_is_not_read_as_frontmatter()
    {
        var text = Source("<details>\n<summary>v1.0</summary>\n---\n### Phase 1: A\n---\n</details>\n", newline);
        RoadmapParser.Parse(text).Sections.Should().ContainSingle();
    }
}
