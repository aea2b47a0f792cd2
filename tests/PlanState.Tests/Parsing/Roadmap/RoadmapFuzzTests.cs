using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Roadmap;
using PlanState.Text;
using static PlanState.Tests.Parsing.Roadmap.RoadmapTestSupport;

namespace PlanState.Tests.Parsing.Roadmap;

/// <summary>The parser never throws, and every span it returns lies inside the file and agrees with its line map.</summary>
public class RoadmapFuzzTests
{
    // Pieces of real roadmap shapes, broken variants of them, and markdown that changes how Markdig groups lines.
    private static readonly string[] Fragments =
    {
        "## Phases", "### Phase 1: Foundation", "#### Phase 2.1: Hotfix (INSERTED)", "## Phase 140.1.1: Deep", "### Phase 12A - Letter",
        "### Phase ", "### Phase 1:", "# Phase 3: Top", "**Plans**: 3 plans", "**Plans:** 2/3 plans complete", "**Plans**: TBD",
        "**Plans:** ", "**Plans**: 99999999999999999999 plans", "Plans:", "- [ ] 01-02-PLAN.md — desc", "- [x] 01-02: desc",
        "- [ ] **01-02**", "- [X] 01-02-PLAN.md", "- [x]", "- [", "  - [ ] 01-03: nested", "1. [x] 02-01: ordered",
        "- [x] **Phase 1: Foundation** - desc (completed 2026-01-02)", "- [ ] **Phase 2.1: Hotfix (INSERTED)** - desc",
        "- [x] Phase 4: Folded (2/2 plans) — completed 2026-01-20", "- ✅ **v1.0 MVP** - Phases 1-4 (shipped 2026-01-10)",
        "- 🚧 **v1.1 Name** - Phases 5-6 (in progress)", "- 📋 **v2.0 Name** - Phases 7-9 (planned)", "- **v1.10", "### 🚧 v1.1 Name (In Progress)",
        "## ✅ v1.0 MVP (Shipped 2026-01-10)", "<details>", "</details>", "<summary>✅ v1.0 MVP (Phases 1-4) - SHIPPED</summary>",
        "<details><summary>v1.1</summary>", "<summary>", "</summary>", "<div>", "<!-- comment -->",
        "| Phase | Milestone | Plans Complete | Status | Completed |", "| Phase | Plans Complete | Status | Completed |",
        "|-------|-----------|----------------|--------|-----------|", "|---|---|---|---|", "| 1. Foundation | v1.0 | 3/3 | Complete | 2026-01-02 |",
        "| 2. Shifted | 0/1 | Planned | - |", "| 1-64 | v1.0-v2.3 | 166/166 | Complete |", "| 3. A | 0/TBD | Not started |  |", "|", "||", "| \\|",
        "| x | y | z | w | v | u |", "---", "***", "```", "```markdown", "~~~", "    indented code", "> **Plans**: 1 plan", "> - [x] 01-01: q",
        ">", "", "", "", "text", "  ", "\t", "*Updated*", "a | b", "[x]: http://example.com", "# Roadmap", "===", "<", ">", "#", "**", "`",
    };

    private static readonly string[] Newlines = { "\n", "\r\n", "\r" };

    internal static Gen<string> Documents()
    {
        var line = Gen.OneOf(
            Gen.Elements(Fragments),
            Gen.Elements(Fragments).SelectMany(f => Gen.Choose(0, f.Length).Select(cut => f.Substring(0, cut))),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));
        var lineWithBreak = line.SelectMany(l => Gen.Elements(Newlines).Select(n => l + n));
        return lineWithBreak.ArrayOf().Select(lines => string.Concat(lines));
    }

    private static Gen<string> MutatedFixtures()
    {
        var fixtures = new[] { Fixture("milestones-roadmap.md").Text, Fixture("flat-roadmap.md").Text, Fixture("milestones-roadmap.md", "\r\n").Text };
        return Gen.Elements(fixtures).SelectMany(text =>
            Gen.Choose(0, text.Length).SelectMany(start =>
                Gen.Choose(0, Math.Min(80, text.Length - start)).SelectMany(length =>
                    Gen.Elements(Fragments.Concat(new[] { "\n", "\r\n", "|", "<details>\n", "</details>\n", string.Empty }).ToArray())
                        .Select(insert => text.Substring(0, start) + insert + text.Substring(start + length)))));
    }

    [Test]
    public void Random_markdown_never_throws_and_gives_spans_inside_the_file()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1500),
            Prop.ForAll(Documents().ToArbitrary(), CheckInvariants));
    }

    [Test]
    public void Mutated_roadmaps_never_throw_and_give_spans_inside_the_file()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(600),
            Prop.ForAll(MutatedFixtures().ToArbitrary(), CheckInvariants));
    }

    [Test]
    public void Pathological_inputs_are_handled()
    {
        var inputs = new[]
        {
            new string('>', 5000) + " **Plans**: 1 plan",
            string.Concat(Enumerable.Repeat("- ", 2000)) + "[x] 01-01: deep",
            string.Concat(Enumerable.Repeat("<details>\n", 3000)) + "### Phase 1: A\n" + string.Concat(Enumerable.Repeat("</details>\n", 3000)),
            string.Concat(Enumerable.Repeat("<details><summary>v1.0</summary>\n### Phase 1: A\n", 500)),
            "\uFEFF## Phase 1: A\n\0\0\0",
            "### Phase 1: \uD800 lone surrogate\n**Plans**: \uDC00 2 plans\n",
            string.Concat(Enumerable.Repeat("| Phase | Plans Complete | Status | Completed |\n", 500)),
        };

        foreach (var input in inputs)
        {
            CheckInvariants(input);
        }
    }

    [TestCase("### Phase 1: A{0}x")]
    [TestCase("**Plans**: 3 plans{0}x")]
    [TestCase("- [x] Phase 4: A{0}- B (2/2 plans){0}")]
    [TestCase("## v1.1 Name{0}(In Progress)")]
    [TestCase("- ✅ v1.3 Plain{0}— Phases 5-6{0}")]
    [TestCase("| 1. A{0}| 1/1 |{0}Complete | - |")]
    [TestCase("<details><summary>{0}<summary>{0}<summary>")]
    public void Long_runs_of_spaces_are_read_in_linear_time(string shape)
    {
        var spaces = new string(' ', 200_000);
        var markdown = "### Phase 1: A\n| Phase | Plans Complete | Status | Completed |\n|---|---|---|---|\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, spaces) + "\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        CheckInvariants(markdown);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private static void CheckInvariants(string markdown)
    {
        var text = SourceText.From(RoadmapPath, markdown);
        var roadmap = RoadmapParser.Parse(text);

        foreach (var span in AllSpans(roadmap))
        {
            if (span.Start < 0 || span.Length < 0 || span.End > markdown.Length)
            {
                throw new InvalidOperationException($"Span {span} ({span.Start}+{span.Length}) lies outside a text of {markdown.Length} chars.");
            }

            if (span != text.Span(span.Start, span.Length))
            {
                throw new InvalidOperationException($"Span {span} disagrees with the line map: {text.Span(span.Start, span.Length)}.");
            }
        }

        foreach (var box in roadmap.Sections.SelectMany(s => s.PlanItems).Select(i => i.CheckboxSpan).Concat(roadmap.PhaseChecklist.Select(i => i.CheckboxSpan)))
        {
            if (text.Slice(box) is not (" " or "x" or "X"))
            {
                throw new InvalidOperationException($"Checkbox span {box} covers \"{text.Slice(box)}\".");
            }
        }

        foreach (var plans in roadmap.Sections.Select(s => s.PlansLine).OfType<PlansLine>())
        {
            if (plans.CountSpan is { } count && text.Slice(count) != plans.Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(count.Length, '0'))
            {
                throw new InvalidOperationException($"Count span {count} covers \"{text.Slice(count)}\" for count {plans.Count}.");
            }
        }

        if (roadmap.ProgressTable is { } table && (table.InsertAfter < 0 || table.InsertAfter > markdown.Length))
        {
            throw new InvalidOperationException($"InsertAfter {table.InsertAfter} lies outside a text of {markdown.Length} chars.");
        }
    }
}
