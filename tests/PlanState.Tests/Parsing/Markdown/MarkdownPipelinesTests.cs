using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Markdig;
using Markdig.Syntax;
using PlanState.Parsing.Markdown;
using PlanState.Parsing.Roadmap;
using PlanState.Testing;
using PlanState.Text;
using PlanState.Tests.Parsing.Roadmap;

namespace PlanState.Tests.Parsing.Markdown;

/// <summary>
/// The shared pipelines skip inline parsing of paragraphs and headings without a pipe. The parsers read block
/// structure only, so that is safe exactly when the block tree stays the one Markdig builds with every inline
/// parsed: these tests hold the two trees equal (block types, spans, lines, columns, heading levels) over the
/// fixtures, the corpus, the seeds, generated trees and random markdown.
/// </summary>
public sealed class MarkdownPipelinesTests
{
    // What the pipelines were before inline parsing was cut back: the reference.
    internal static readonly MarkdownPipeline FullBody = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().Build();
    internal static readonly MarkdownPipeline FullWithFrontMatter = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().UseYamlFrontMatter().Build();

    [Test]
    public void Every_markdown_file_of_the_repository_and_the_seeds_gives_the_same_block_tree()
    {
        var files = RepositoryMarkdown().ToList();
        files.Should().HaveCountGreaterThan(50, "the corpus, fixtures and seeds are all read");

        foreach (var (name, text) in files)
        {
            AssertSameBlocks(text, name);
        }
    }

    [Test]
    public void Generated_trees_give_the_same_block_tree()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 40, PlansPerPhase = 6, ArchivedPhases = 12, Seed = 11, LineEndings = LineEndingStyle.CrLf });

        foreach (var file in new[] { "ROADMAP.md", "STATE.md", "milestones/v1.0-ROADMAP.md" })
        {
            AssertSameBlocks(File.ReadAllText(Path.Combine(tree.Root, file)), file);
        }
    }

    [Test]
    public void Random_markdown_gives_the_same_block_tree()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1500),
            Prop.ForAll(RoadmapFuzzTests.Documents().ToArbitrary(), markdown => AssertSameBlocks(markdown, "random")));
    }

    [Test]
    public void Tables_whose_pipes_hide_in_code_escapes_or_links_are_still_told_apart_from_paragraphs()
    {
        var markdown = string.Join(
            "\n\n",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "a `|` b\n---|---",
            "a \\| b\n---|---\n1 | 2",
            "[x|y](http://e.com) | b\n---|---",
            "<span>|</span> a\n---|---",
            "**Plans:** 3 | x\n---|---",
            "text | more\nno pipe here",
            "# Heading | with pipe",
            "- item | a\n  ---|---",
            "> | q | r |\n> |---|---|");

        var document = Markdig.Markdown.Parse(markdown, MarkdownPipelines.Body);

        Describe(document).Should().Be(Describe(Markdig.Markdown.Parse(markdown, FullBody)));
        document.Descendants<Markdig.Extensions.Tables.Table>().Should().NotBeEmpty("real tables are still found");
    }

    // Each char an inline parser opens on, as the roadmap's pipeline tests it: a table holding one is inline parsed
    // (Markdig makes it a Table); one of plain cells stays a paragraph, whatever its non-ASCII chars.
    [TestCase("`")]
    [TestCase("\\")]
    [TestCase("<")]
    [TestCase("&")]
    [TestCase("*")]
    [TestCase("_")]
    [TestCase("[")]
    [TestCase("]")]
    [TestCase("!")]
    public void A_roadmap_table_with_a_char_an_inline_parser_opens_on_is_inline_parsed(string opener)
    {
        var document = ParseRoadmapTable($"1. A {opener} b");

        document.Descendants<Markdig.Extensions.Tables.Table>().Should().ContainSingle();
    }

    [TestCase("plain text, digits 0-9 and (punctuation): #$%'+,./;=?@^{}~")]
    [TestCase("non-ASCII: \u00bc\u00a6\u00e0\u00dc\u00fb\u00dd \u2705 \u20ac")]
    public void A_roadmap_table_of_plain_cells_stays_a_paragraph(string cell)
    {
        var document = ParseRoadmapTable(cell);

        document.Descendants<Markdig.Extensions.Tables.Table>().Should().BeEmpty();
        document.Descendants<ParagraphBlock>().Should().ContainSingle();
    }

    private static MarkdownDocument ParseRoadmapTable(string cell) =>
        Markdig.Markdown.Parse($"| Phase | Status |\n|---|---|\n| {cell} | Complete |\n", MarkdownPipelines.Body, MarkdownPipelines.TablesReadFromRawLines);

    [Test]
    public void A_paragraph_of_nested_link_openers_is_not_inline_parsed_and_costs_no_time()
    {
        // Markdig's inline parser is superlinear on this shape (tens of seconds at this size); no parser reads inlines.
        var markdown = "### Phase 1: A\n**Plans**: 2 plans\n\n" + string.Concat(Enumerable.Repeat("[a](", 50_000)) + "\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var roadmap = RoadmapParser.Parse(SourceText.From("ROADMAP.md", markdown));

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        roadmap.Problems.Should().BeEmpty();
        roadmap.Sections.Should().ContainSingle().Which.PlansLine!.Count.Should().Be(2);
    }

    private static void AssertSameBlocks(string markdown, string name)
    {
        if (MarkdownNesting.FindTooDeepLine(markdown) is not null)
        {
            return;
        }

        string? expected;
        try
        {
            expected = Describe(Markdig.Markdown.Parse(markdown, FullWithFrontMatter)) + "\n--\n" + Describe(Markdig.Markdown.Parse(markdown, FullBody));
        }
        catch (ArgumentException)
        {
            // Past Markdig's nesting limit in inline parsing: the reference has no tree to compare with.
            return;
        }

        var actual = Describe(Markdig.Markdown.Parse(markdown, MarkdownPipelines.WithFrontMatter)) + "\n--\n" + Describe(Markdig.Markdown.Parse(markdown, MarkdownPipelines.Body));
        if (actual != expected)
        {
            Assert.Fail($"{name}: the block tree differs from the one with every inline parsed.\nExpected:\n{expected}\nActual:\n{actual}\nMarkdown:\n{markdown}");
        }
    }

    private static string Describe(MarkdownDocument document)
    {
        var result = new StringBuilder();
        foreach (var block in document.Descendants<Block>())
        {
            result.Append(block.GetType().Name).Append(' ').Append(block.Span.Start).Append('-').Append(block.Span.End)
                .Append(" @").Append(block.Line).Append(':').Append(block.Column);
            if (block is HeadingBlock heading)
            {
                result.Append(" h").Append(heading.Level).Append(heading.IsSetext ? " setext" : string.Empty);
            }

            result.Append('\n');
        }

        return result.ToString();
    }

    internal static IEnumerable<(string Name, string Text)> RepositoryMarkdown()
    {
        var folders = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Corpus"),
            Path.Combine(AppContext.BaseDirectory, "Parsing", "Roadmap", "Fixtures"),
            Path.Combine(RepositoryLayout.RepositoryRoot, "samples"),
        };
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(RepositoryLayout.SeedsFolder));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            yield return (file, File.ReadAllText(file));
        }
    }
}
