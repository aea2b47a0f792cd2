using PlanState.Parsing.Roadmap;
using static PlanState.Tests.Parsing.Roadmap.RoadmapTestSupport;

namespace PlanState.Tests.Parsing.Roadmap;

public class RoadmapVariantTests
{
    [TestCase("## Phase 3: Sync", "3", "Sync")]
    [TestCase("### Phase 03: Sync", "3", "Sync")]
    [TestCase("#### Phase 2.1: Hotfix (INSERTED)", "2.1", "Hotfix (INSERTED)")]
    [TestCase("### Phase 140.1.1: Deep Insert", "140.1.1", "Deep Insert")]
    [TestCase("### Phase 12a: Letter Suffix", "12A", "Letter Suffix")]
    [TestCase("### Phase 4 - Dashed Name", "4", "Dashed Name")]
    [TestCase("### Phase 4 — Em Dashed", "4", "Em Dashed")]
    [TestCase("### ✅ Phase 5: Done Already", "5", "Done Already")]
    [TestCase("### Phase 6: Closing Hashes ###", "6", "Closing Hashes")]
    [TestCase("### Phase 7: C#", "7", "C#")]
    public void Phase_headings_are_read_in_every_written_form(string heading, string number, string name)
    {
        var text = Source($"# Roadmap\n\n{heading}\n**Plans**: 1 plan\n");
        var section = RoadmapParser.Parse(text).Sections.Should().ContainSingle().Subject;

        section.Number.ToString().Should().Be(number);
        section.Name.Should().Be(name);
        section.HeadingSpan.ShouldCover(text, heading, 3, 1);
        section.PlansLine!.Count.Should().Be(1);
    }

    [TestCase("# Phase 1: Top Level")]
    [TestCase("##### Phase 1: Too Deep")]
    [TestCase("### Phase Details")]
    [TestCase("### Phase one: Words")]
    [TestCase("### Phase 1 Without Separator")]
    [TestCase("Phase 1: Plain Paragraph")]
    [TestCase("    ### Phase 1: Indented Code")]
    public void Other_lines_are_not_phase_headings(string line)
    {
        Parse($"# Roadmap\n\n{line}\n").Sections.Should().BeEmpty();
    }

    [TestCase("**Plans**: 3 plans", "3 plans", 3, "3", null, null)]
    [TestCase("**Plans:** 3 plans", "3 plans", 3, "3", null, null)]
    [TestCase("**Plans**: TBD", "TBD", null, null, null, null)]
    [TestCase("**Plans:** 2/3 plans complete", "2/3 plans complete", 3, "3", 2, "2")]
    [TestCase("**Plans:** 12/14 plans complete", "12/14 plans complete", 14, "14", 12, "12")]
    [TestCase("**Plans**: 1 plan", "1 plan", 1, "1", null, null)]
    [TestCase("**Plans**: TBD (estimated 2 plans)", "TBD (estimated 2 plans)", null, null, null, null)]
    [TestCase("**Plans** : 4 plans   ", "4 plans", 4, "4", null, null)]
    [TestCase("**Plans**: 4 (2 completed, 2 remaining)", "4 (2 completed, 2 remaining)", 4, "4", null, null)]
    [TestCase("**Plans**: 8 plans (8/8 complete) ✅", "8 plans (8/8 complete) ✅", 8, "8", null, null)]
    public void Plans_lines_give_the_value_and_the_exact_digits(string line, string value, int? count, string? countText, int? completed, string? completedText)
    {
        var text = Source($"### Phase 1: A\n**Goal**: Something\n{line}\n");
        var plans = RoadmapParser.Parse(text).Sections.Single().PlansLine!;
        var valueColumn = line.IndexOf(value, StringComparison.Ordinal) + 1;

        plans.Value.ShouldCover(text, value, 3, valueColumn);
        plans.Count.Should().Be(count);
        plans.Completed.Should().Be(completed);
        if (countText is null)
        {
            plans.CountSpan.Should().BeNull();
        }
        else
        {
            var offset = completedText is null ? 0 : completedText.Length + 1;
            plans.CountSpan!.Value.ShouldCover(text, countText, 3, valueColumn + offset);
        }

        if (completedText is null)
        {
            plans.CompletedSpan.Should().BeNull();
        }
        else
        {
            plans.CompletedSpan!.Value.ShouldCover(text, completedText, 3, valueColumn);
        }
    }

    [Test]
    public void A_plans_label_without_a_value_is_not_a_plans_line()
    {
        Parse("### Phase 1: A\nPlans:\n- [ ] 01-01: a\n").Sections.Single().PlansLine.Should().BeNull();
    }

    [TestCase("- [ ] 01-02-PLAN.md — Write the parser", "01-02", false)]
    [TestCase("- [x] 01-02: Write the parser", "01-02", true)]
    [TestCase("- [ ] **01-02**", "01-02", false)]
    [TestCase("- [X] 01-02-PLAN.md", "01-02", true)]
    [TestCase("- [x] **01-02**: Bold id with text", "01-02", true)]
    [TestCase("* [x] 02.1-03: Star bullet, decimal phase", "02.1-03", true)]
    [TestCase("1. [ ] 01-04: Ordered list", "01-04", false)]
    [TestCase("- [ ] `01-05-PLAN.md` — backticked", "01-05", false)]
    [TestCase("- [x] 12A-01: Letter phase", "12A-01", true)]
    [TestCase("- [x] 3.2-01: Unpadded decimal phase", "3.2-01", true)]
    [TestCase("- [x] ✅ **03-08: Refactor the order flow** (COMPLETE)", "03-08", true)]
    [TestCase("- [ ] Plan 04-02: Named with a prefix", "04-02", false)]
    public void Plan_checklist_items_give_the_plan_id_and_the_checkbox_char(string line, string planId, bool isChecked)
    {
        var text = Source($"### Phase 1: A\n\nPlans:\n{line}\n");
        var item = RoadmapParser.Parse(text).Sections.Single().PlanItems.Should().ContainSingle().Subject;

        item.PlanId.Should().Be(planId);
        item.Checked.Should().Be(isChecked);
        var boxColumn = line.IndexOf('[') + 2;
        item.CheckboxSpan.ShouldCover(text, line.Substring(boxColumn - 1, 1), 4, boxColumn);
        item.LineSpan.ShouldCover(text, line, 4, 1);
    }

    [TestCase("- [ ] Write the docs")]
    [TestCase("- [~] 01-02: Odd checkbox")]
    [TestCase("- 01-02: No checkbox")]
    [TestCase("- [x] 01-02x: Not an id")]
    [TestCase("- [x] (01-02) parenthesised")]
    [TestCase("- [ ] Review 01-02 later")]
    public void Other_list_items_are_not_plan_items(string line)
    {
        Parse($"### Phase 1: A\n\n{line}\n").Sections.Single().PlanItems.Should().BeEmpty();
    }

    [Test]
    public void Plan_items_belong_to_the_section_they_are_in_and_a_section_ends_at_a_shallower_heading()
    {
        var roadmap = Parse(
            "- [ ] 00-01: Before any phase\n\n" +
            "### Phase 1: A\n**Plans**: 2 plans\n\n#### Notes\n\n- [x] 01-01: Under a deeper heading\n\n" +
            "### Phase 2: B\n- [ ] 02-01: Second\n\n" +
            "## Backlog\n\n- [ ] 03-01: After a shallower heading\n");

        roadmap.Sections.Select(s => (s.Number.ToString(), string.Join(",", s.PlanItems.Select(i => i.PlanId)))).Should().Equal(
            ("1", "01-01"),
            ("2", "02-01"));
    }

    [Test]
    public void A_second_plans_line_does_not_replace_the_first()
    {
        var text = Source("### Phase 1: A\n**Plans**: 3 plans\n\n**Plans**: 5 plans\n");
        RoadmapParser.Parse(text).Sections.Single().PlansLine!.Value.ShouldCover(text, "3 plans", 2, 12);
    }

    [Test]
    public void A_plans_line_followed_by_a_rule_is_still_read()
    {
        // "text\n---" is a setext heading to Markdig; in a roadmap it is a field line and a rule.
        var text = Source("### Phase 1: A\n**Plans**: TBD\n---\n\n- [ ] 01-01: a\n");
        var section = RoadmapParser.Parse(text).Sections.Single();

        section.PlansLine!.Value.ShouldCover(text, "TBD", 2, 12);
        section.PlanItems.Select(i => i.PlanId).Should().Equal("01-01");
    }

    [Test]
    public void Plans_line_and_plan_items_inside_a_quote_keep_exact_spans()
    {
        var text = Source("### Phase 1: A\n> **Goal**: g\n> **Plans**: 2 plans\n>\n> - [x] 01-01: a\n");
        var section = RoadmapParser.Parse(text).Sections.Single();

        section.PlansLine!.Value.ShouldCover(text, "2 plans", 3, 14);
        section.PlanItems.Single().CheckboxSpan.ShouldCover(text, "x", 5, 6);
    }

    [TestCase("- [x] **Phase 1: Foundation** - Skeleton (completed 2026-01-02)", "1", "Foundation", true, "2026-01-02")]
    [TestCase("- [ ] **Phase 2.1: Hotfix (INSERTED)** - Urgent fix", "2.1", "Hotfix (INSERTED)", false, null)]
    [TestCase("* [X] **Phase 140.1.1: Deep** (completed 2026-03-01)", "140.1.1", "Deep", true, "2026-03-01")]
    [TestCase("- [x] Phase 3: Folded (2/2 plans) — completed 2026-02-08", "3", "Folded", true, "2026-02-08")]
    [TestCase("- [x] Phase 4: Folded Desc — Email + API (completed 2026-03-24)", "4", "Folded Desc", true, "2026-03-24")]
    [TestCase("- [ ] Phase 5: Plain (INSERTED) — later", "5", "Plain (INSERTED)", false, null)]
    [TestCase("- [ ] **Phase 12A: Export**", "12A", "Export", false, null)]
    public void Phase_checklist_items_give_number_name_checkbox_and_date(string line, string number, string name, bool isChecked, string? date)
    {
        var text = Source($"## Phases\n\n{line}\n");
        var item = RoadmapParser.Parse(text).PhaseChecklist.Should().ContainSingle().Subject;

        item.Number.ToString().Should().Be(number);
        item.Name.Should().Be(name);
        item.Checked.Should().Be(isChecked);
        item.CheckboxSpan.ShouldCover(text, line.Substring(3, 1), 3, 4);
        item.LineSpan.ShouldCover(text, line, 3, 1);
        if (date is null)
        {
            item.CompletedDate.Should().BeNull();
        }
        else
        {
            item.CompletedDate.ShouldCover(text, date, 3, line.IndexOf(date, StringComparison.Ordinal) + 1);
        }
    }

    [Test]
    public void A_completed_date_on_a_wrapped_line_is_found()
    {
        var text = Source("- [x] **Phase 1: Foundation** - A long description that\n  wraps onto a second line (completed 2026-01-02)\n");
        RoadmapParser.Parse(text).PhaseChecklist.Single().CompletedDate.ShouldCover(text, "2026-01-02", 2, 39);
    }

    [Test]
    public void Milestone_headings_give_version_state_and_scope()
    {
        var text = Source(
            "## ✅ v1.0 MVP (Shipped 2026-01-10)\n\n### Phase 1: A\n\n" +
            "## v1.1 Name\n\n### Phase 2: B\n\n" +
            "### 🚧 v1.2 Third (In Progress)\n\n#### Phase 3: C\n\n" +
            "## Milestone v2.0: Platform\n\n### Phase 4: D\n\n" +
            "### v2.1 Security & Polish (Phases 10-17)\n\n" +
            "## Progress\n\n### Phase 5: After The Milestones\n");
        var roadmap = RoadmapParser.Parse(text);

        roadmap.Milestones.Select(m => (m.Version, m.Name, m.Shipped, m.InProgress, m.FromHeading)).Should().Equal(
            ("v1.0", "MVP", true, false, true),
            ("v1.1", "Name", false, false, true),
            ("v1.2", "Third", false, true, true),
            ("v2.0", "Platform", false, false, true),
            ("v2.1", "Security & Polish", false, false, true));
        roadmap.Milestones[0].Span.ShouldCover(text, "## ✅ v1.0 MVP (Shipped 2026-01-10)", 1, 1);
        roadmap.Milestones[4].FirstPhase!.ToString().Should().Be("10");
        roadmap.Milestones[4].LastPhase!.ToString().Should().Be("17");

        roadmap.Sections.Select(s => (s.Number.ToString(), s.Milestone)).Should().Equal(
            ("1", "v1.0"),
            ("2", "v1.1"),
            ("3", "v1.2"),
            ("4", "v2.0"),
            ("5", null));
    }

    [Test]
    public void A_deeper_milestone_heading_closes_the_phase_section_before_it()
    {
        var roadmap = Parse("#### Phase 4: Last Of v1\n\n### 📋 v2.0 Next (Planned)\n\n- [ ] 04-09: not phase 4's\n");
        roadmap.Sections.Single().PlanItems.Should().BeEmpty();
    }

    [TestCase("- ✅ **v1.0 MVP** — Phases 1-4 (shipped 2026-01-10)", "v1.0", "MVP", "1", "4", true, false)]
    [TestCase("- 🔄 **v1.2 Security & Polish** — Phases 10-17 (in progress)", "v1.2", "Security & Polish", "10", "17", false, true)]
    [TestCase("- 🚧 **v1.1 Name** - Phases 5-6 (in progress)", "v1.1", "Name", "5", "6", false, true)]
    [TestCase("- 📋 **v2.0 Name** - Phases 7-9 (planned)", "v2.0", "Name", "7", "9", false, false)]
    [TestCase("- **v1.0 MVP** — Phases 1-12 (shipped 2026-02-20) — [Archive](milestones/v1.0-ROADMAP.md)", "v1.0", "MVP", "1", "12", true, false)]
    [TestCase("- ✅ v1.3 Plain Item — Phases 5-6 (shipped 2026-03-01)", "v1.3", "Plain Item", "5", "6", true, false)]
    [TestCase("- 📋 **v3.0 Single** - Phase 12 (planned)", "v3.0", "Single", "12", "12", false, false)]
    public void Milestone_list_items_give_version_name_range_and_state(
        string line, string version, string name, string first, string last, bool shipped, bool inProgress)
    {
        var text = Source($"## Milestones\n\n{line}\n");
        var milestone = RoadmapParser.Parse(text).Milestones.Should().ContainSingle().Subject;

        (milestone.Version, milestone.Name, milestone.FirstPhase?.ToString(), milestone.LastPhase?.ToString(), milestone.Shipped, milestone.InProgress, milestone.FromHeading)
            .Should().Be((version, name, first, last, shipped, inProgress, false));
        milestone.Span.ShouldCover(text, line, 3, 1);
    }

    [TestCase("- v2 of the API is deprecated")]
    [TestCase("- Upgrade to **React 18**")]
    [TestCase("- See v1.0-ROADMAP.md for details")]
    public void Other_list_items_are_not_milestones(string line)
    {
        Parse($"## Notes\n\n{line}\n").Milestones.Should().BeEmpty();
    }

    [Test]
    public void Frontmatter_is_skipped()
    {
        var text = Source("---\nstatus: active\nnote: \"- [x] **Phase 9: Fake**\"\n---\n## Phase 1: Real\n**Plans**: 1 plan\n");
        var roadmap = RoadmapParser.Parse(text);

        roadmap.PhaseChecklist.Should().BeEmpty();
        roadmap.Sections.Single().HeadingSpan.ShouldCover(text, "## Phase 1: Real", 5, 1);
    }

    [Test]
    public void Unclosed_frontmatter_does_not_hide_the_body()
    {
        Parse("---\nstatus: active\n\n## Phase 1: Real\n").Sections.Should().ContainSingle();
    }

    [Test]
    public void Empty_and_blank_files_give_an_empty_document()
    {
        foreach (var content in new[] { string.Empty, "\n", "\r\n\r\n", "   " })
        {
            var roadmap = Parse(content);
            roadmap.Sections.Should().BeEmpty();
            roadmap.PhaseChecklist.Should().BeEmpty();
            roadmap.Milestones.Should().BeEmpty();
            roadmap.ProgressTable.Should().BeNull();
            roadmap.Problems.Should().BeEmpty();
        }
    }

    [Test]
    public void Parsing_the_same_text_twice_gives_equal_documents()
    {
        var text = Fixture("milestones-roadmap.md");
        RoadmapParser.Parse(text).Should().Be(RoadmapParser.Parse(text));
    }
}
