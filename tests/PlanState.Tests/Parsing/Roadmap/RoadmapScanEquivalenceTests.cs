using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Parsing.Roadmap;

namespace PlanState.Tests.Parsing.Roadmap;

/// <summary>
/// The hand-written scans on a roadmap's hot path (every list item, every line of a phase section) are held to the
/// regexes they replace or guard, over random lines built from the pieces those patterns care about: bullets,
/// checkboxes, plan ids, case variants, blanks, line feeds and the non-ASCII letters that match ASCII ones when case is
/// ignored (the Kelvin sign, the long s).
/// </summary>
public sealed class RoadmapScanEquivalenceTests
{
    private static readonly string[] Pieces =
    {
        "- ", "* ", "+ ", "-", "1. ", "12) ", "123456789. ", "1234567890. ", "1.", ")", ".", "[x]", "[ ]", "[X]", "[", "]", "x", "X",
        " ", "  ", "\t", "\n", "01-02", "02.1-03", "12A-01", "1", "07", "-", "-PLAN.md", "-plan.MD", "-PLAN.m", "-PLAN.md\n",
        "**", "*", "`", "Plan ", "plan\t", "Phase ", "phase ", "phase 7: ", "PHASE 2: ", "Phase 3 - ", "**phase 4: b**", "**Phase 1: A**", "Plans", "**Plans**:", "**Plans:**", "**PLANS**: ", "**plan\u017F:** ", "**Goal**: ", "**Plan",
        ":", ",", ";", "(", "~", "—", "✅ ", "a", "Z", "K", "\u212A", "\u017F", "é", "\u00A0", "\u2003", "<b>", "</b>", "<", ">",
    };

    private static readonly Regex TaskItem = new(RoadmapPatterns.TaskItemPattern, RegexOptions.CultureInvariant);
    private static readonly Regex Bullet = new(RoadmapPatterns.BulletPattern, RegexOptions.CultureInvariant);
    private static readonly Regex PlanItem = new(RoadmapPatterns.PlanItemPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex BoldPhaseItem = new(RoadmapPatterns.BoldPhaseItemPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex PlainPhaseItem = new(RoadmapPatterns.PlainPhaseItemPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex PlansField = new(RoadmapPatterns.PlansFieldPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static Arbitrary<string> Lines() =>
        Gen.Elements(Pieces).ArrayOf().Select(pieces => string.Concat(pieces)).ToArbitrary();

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(20_000);

    [Test]
    public void The_task_item_scan_matches_its_pattern() =>
        Check.One(Runs, Prop.ForAll(Lines(), line =>
        {
            var match = TaskItem.Match(line);
            var found = RoadmapPatterns.TryTaskItem(line, out var boxOffset, out var isChecked, out var restOffset);
            var expected = match.Success ? (true, match.Groups["box"].Index, match.Groups["box"].Value is "x" or "X", match.Index + match.Length) : (false, -1, false, -1);
            (found, boxOffset, isChecked, restOffset).Should().Be(expected, "for \"{0}\"", line);
        }));

    [Test]
    public void The_bullet_scan_matches_its_pattern() =>
        Check.One(Runs, Prop.ForAll(Lines(), line =>
        {
            var match = Bullet.Match(line);
            RoadmapPatterns.AfterBullet(line).Should().Be(match.Success ? match.Length : -1, "for \"{0}\"", line);
        }));

    [Test]
    public void The_plain_plan_item_scan_only_answers_what_the_regex_answers() =>
        Check.One(Runs, Prop.ForAll(Lines(), line =>
        {
            var match = PlanItem.Match(line);
            if (RoadmapPatterns.TryPlainPlanItem(line, out var idLength))
            {
                match.Success.Should().BeTrue("the scan found an id in \"{0}\"", line);
                line.Substring(0, idLength).Should().Be(match.Groups["id"].Value, "for \"{0}\"", line);
            }

            RoadmapPatterns.TryPlanItem(line, out var planId).Should().Be(match.Success, "for \"{0}\"", line);
            planId.Should().Be(match.Success ? match.Groups["id"].Value : string.Empty, "for \"{0}\"", line);
        }));

    [Test]
    public void The_plain_plan_item_scan_takes_the_common_shapes()
    {
        foreach (var (line, id) in new[] { ("01-02-PLAN.md — Harden", "01-02"), ("01-02: desc", "01-02"), ("02.1-03-plan.md", "02.1-03"), ("12A-01 x", "12A-01"), ("140.1.1-07**", "140.1.1-07") })
        {
            RoadmapPatterns.TryPlainPlanItem(line, out var idLength).Should().BeTrue(line);
            line.Substring(0, idLength).Should().Be(id);
        }
    }

    [Test]
    public void The_phase_item_and_plans_field_guards_never_turn_away_a_match() =>
        Check.One(Runs, Prop.ForAll(Lines(), line =>
        {
            if (!RoadmapPatterns.MayBePhaseItem(line))
            {
                BoldPhaseItem.IsMatch(line).Should().BeFalse("\"{0}\" was turned away", line);
                PlainPhaseItem.IsMatch(line).Should().BeFalse("\"{0}\" was turned away", line);
            }

            if (!RoadmapPatterns.MayBePlansField(line))
            {
                PlansField.IsMatch(line).Should().BeFalse("\"{0}\" was turned away", line);
            }
        }));

    [Test]
    public void The_plans_field_guard_lets_every_case_of_the_field_through()
    {
        foreach (var line in new[] { "**Plans**: 3 plans", "  **plans:** TBD", "**PLANS** : 2/3", "**Plan\u017F**: 1 plan" })
        {
            RoadmapPatterns.MayBePlansField(line).Should().BeTrue(line);
            PlansField.IsMatch(line).Should().Be(RoadmapPatterns.TryPlansField(line, out _), line);
        }

        RoadmapPatterns.MayBePlansField("**Goal**: Plans").Should().BeFalse();
    }

    [Test]
    public void Whitespace_collapsing_and_tag_stripping_match_the_regexes_they_replace() =>
        Check.One(Runs, Prop.ForAll(Lines(), line =>
        {
            ProgressTableReader.CollapseWhitespace(line, new CellRange(0, line.Length)).Should().Be(Regex.Replace(line, @"\s+", " "), "for \"{0}\"", line);
            HtmlTagLine.StripTags(line).Should().Be(Regex.Replace(line, "<[^<>]*>", string.Empty), "for \"{0}\"", line);
        }));

    [Test]
    public void The_scans_over_a_range_of_the_source_answer_as_over_the_line_cut_out() =>
        Check.One(Runs, Prop.ForAll(Lines(), Lines(), Lines(), (before, line, after) =>
        {
            // The walker reads a plan item inside the whole file: text before and after the range must never count.
            var text = before + line + after;
            var start = before.Length;
            var end = start + line.Length;

            var cut = RoadmapPatterns.TryTaskItem(line, out var box, out var isChecked, out var rest);
            var inPlace = RoadmapPatterns.TryTaskItem(text, start, end, out var boxInPlace, out var isCheckedInPlace, out var restInPlace);
            (inPlace, inPlace ? boxInPlace - start : -1, isCheckedInPlace, inPlace ? restInPlace - start : -1).Should().Be((cut, box, isChecked, rest), "for \"{0}\"", line);

            var plan = RoadmapPatterns.TryPlainPlanItem(line, out var idLength);
            var planInPlace = RoadmapPatterns.TryPlainPlanItem(text, start, end, out var idEnd);
            (planInPlace, planInPlace ? idEnd - start : 0).Should().Be((plan, idLength), "for \"{0}\"", line);
            RoadmapPatterns.MayBePhaseItem(text, start, end).Should().Be(RoadmapPatterns.MayBePhaseItem(line), "for \"{0}\"", line);
        }));
}
