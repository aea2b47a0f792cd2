using FsCheck;
using FsCheck.Fluent;
using Markdig.Syntax;
using PlanState.Model;
using PlanState.Parsing.Markdown;
using PlanState.Parsing.Roadmap;
using PlanState.Testing;
using PlanState.Tests.Parsing.Markdown;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Roadmap;

/// <summary>
/// The roadmap parse skips Markdig's inline parsing of tables whose cells are plain text (they stay paragraphs).
/// These tests hold the whole <see cref="RoadmapDocument"/> (sections, items, milestones, progress table, findings,
/// every span) equal to the one read with Markdig's full inline parsing, where such tables are <c>Table</c> blocks.
/// </summary>
public sealed class RoadmapPipelineEquivalenceTests
{
    // Table lines, plain and with every char an inline parser opens on, in and out of quotes, lists and details.
    private static readonly string[] TableLines =
    {
        "| Phase | Milestone | Plans Complete | Status | Completed |", "| Phase | Plans Complete | Status | Completed |",
        "|-------|-----------|----------------|--------|-----------|", "|---|---|---|---|", "|:--|--:|:-:|---|", "---|---|---|---",
        "| 1. Foundation | v1.0 | 3/3 | Complete | 2026-01-02 |", "| 2. Next | 1/2 | In Progress | - |", "1. A | 0/1 | Planned | -",
        "| 3. A | 0/TBD | Not started |  |", "| 1-64 | v1.0-v2.3 | 166/166 | Complete |", "| 4. `code|pipe` | 1/1 | Complete | - |",
        "| 5. **Bold** | 1/1 | Complete | - |", "| 6. a \\| b | 1/1 | Done | - |", "| 7. [link](http://e.com) | 1/1 | x | - |",
        "| 8. <b>x</b> | 1/1 | x | - |", "| 9. &amp; | 1/1 | x | - |", "| 10. _em_ | 1/1 | x | - |", "| 11. ![i](a.png) | 1/1 | x | - |",
        "| 12. A |   ", "|  |  |  |  |", "| x |", "|", "||", "a | b", "no pipe at all", "**Plans:** 3 plans | x", "**Plans**: 2/3 plans",
        "> | 1. Q | 1/1 | Complete | - |", "> | Phase | Plans Complete | Status | Completed |", "> |---|---|---|---|", "- | 1. L | 1/1 | x | - |",
        "  | 1. Indented | 1/1 | Complete | - |   ", "\t| 1. Tab | 1/1 | Complete | - |", "- [x] **Phase 1: A** | 1/1", "  |---|---|---|---|",
        "### Phase 1: A", "### Phase 2: B", "**Plans**: 2 plans", "- [ ] 01-01-PLAN.md — a | b", "<details>", "</details>",
        "<summary>v1.0</summary>", "", "", "text", "---", "```", "    | 1. Code | 1/1 | x | - |", "| 13. trailing | 1/1 | x | - |  ",
    };

    private static readonly string[] Newlines = { "\n", "\r\n", "\r" };

    [Test]
    public void Every_markdown_file_of_the_repository_and_the_seeds_reads_the_same()
    {
        var files = MarkdownPipelinesTests.RepositoryMarkdown().ToList();
        files.Should().HaveCountGreaterThan(50);

        foreach (var (name, text) in files)
        {
            AssertSameRoadmap(text, name);
        }
    }

    [TestCase(1, LineEndingStyle.Lf)]
    [TestCase(2, LineEndingStyle.CrLf)]
    [TestCase(3, LineEndingStyle.Lf)]
    public void Generated_roadmaps_read_the_same(int seed, LineEndingStyle lineEndings)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 60, PlansPerPhase = 5, ArchivedPhases = 15, Seed = seed, LineEndings = lineEndings });

        foreach (var file in new[] { "ROADMAP.md", "milestones/v1.0-ROADMAP.md" })
        {
            var path = Path.Combine(tree.Root, file);
            if (File.Exists(path))
            {
                AssertSameRoadmap(File.ReadAllText(path), file);
            }
        }
    }

    [Test]
    public void The_benchmark_sized_roadmap_reads_the_same_and_its_table_skips_inline_parsing()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 300, PlansPerPhase = 4, ArchivedPhases = 0, Seed = 5 });
        var text = File.ReadAllText(Path.Combine(tree.Root, "ROADMAP.md"));

        var roadmap = AssertSameRoadmap(text, "ROADMAP.md");

        roadmap.ProgressTable.Should().NotBeNull();
        roadmap.ProgressTable!.Rows.Count.Should().Be(300);
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.WithFrontMatter, MarkdownPipelines.TablesReadFromRawLines);
        document.Descendants<Markdig.Extensions.Tables.Table>().Should().BeEmpty("a table of plain cells stays a paragraph");
    }

    [Test]
    public void Random_markdown_reads_the_same() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1500),
            Prop.ForAll(RoadmapFuzzTests.Documents().ToArbitrary(), markdown => AssertSameRoadmap(markdown, "random")));

    [Test]
    public void Random_tables_read_the_same() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(TableDocuments().ToArbitrary(), markdown => AssertSameRoadmap(markdown, "random tables")));

    [Test]
    public void Tables_with_inline_syntax_are_still_inline_parsed_and_plain_ones_are_not()
    {
        var plain = "| Phase | Plans Complete | Status | Completed |\n|---|---|---|---|\n| 1. A | 1/1 | Complete | - |\n";
        var bold = plain.Replace("1. A", "1. **A**");

        Tables(plain).Should().Be(0);
        Tables(bold).Should().Be(1);
        Tables("- " + plain.Replace("\n|", "\n  |")).Should().Be(1, "a list item's first paragraph keeps Markdig's reading");

        static int Tables(string markdown) =>
            Markdig.Markdown.Parse(markdown, MarkdownPipelines.WithFrontMatter, MarkdownPipelines.TablesReadFromRawLines)
                .Descendants<Markdig.Extensions.Tables.Table>().Count();
    }

    /// <summary>Documents of table-like lines (the outline's tests use them too).</summary>
    internal static Gen<string> TableDocuments()
    {
        var line = Gen.OneOf(
            Gen.Elements(TableLines),
            Gen.Elements(TableLines).SelectMany(l => Gen.Choose(0, l.Length).Select(cut => l.Substring(0, cut))));
        var lineWithBreak = line.SelectMany(l => Gen.Elements(Newlines).Select(n => l + n));
        return lineWithBreak.ArrayOf().Select(lines => string.Concat(lines));
    }

    private static RoadmapDocument AssertSameRoadmap(string markdown, string name)
    {
        var text = SourceText.From("ROADMAP.md", markdown);
        var expected = RoadmapParser.Parse(text, MarkdownPipelinesTests.FullWithFrontMatter, MarkdownPipelinesTests.FullBody, context: null);
        var actual = RoadmapParser.Parse(text);
        if (!actual.Equals(expected))
        {
            Assert.Fail($"{name}: the roadmap reads differently than with every inline parsed.\nExpected: {expected}\nActual: {actual}\nMarkdown:\n{markdown}");
        }

        return actual;
    }
}
