using FsCheck;
using FsCheck.Fluent;
using Markdig.Syntax;
using PlanState.Parsing.Markdown;
using PlanState.Testing;
using PlanState.Tests.Parsing.Roadmap;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Markdown;

/// <summary>
/// The outline (STATE.md's reader) skips Markdig's inline parsing of a table of plain cells whose separator row is in
/// its plainest form, and marks the paragraph as a table instead (<see cref="MarkdownPipelines.PlainTablesMarked"/>).
/// These tests hold every outline (kinds, lines, sections) equal to the one read with every inline parsed, where such
/// tables are Markdig's <c>Table</c> blocks; the separator rows are tried exhaustively up to six chars, the others up to five.
/// </summary>
public sealed class MarkdownOutlineEquivalenceTests
{
    private static readonly string[] Newlines = { "\n", "\r\n" };

    [Test]
    public void Every_markdown_file_of_the_repository_and_the_seeds_outlines_the_same()
    {
        var files = MarkdownPipelinesTests.RepositoryMarkdown().ToList();
        files.Should().HaveCountGreaterThan(50);

        foreach (var (name, text) in files)
        {
            AssertSameOutline(text, name);
        }
    }

    [Test]
    public void The_seeds_by_phase_tables_are_tables_without_inline_parsing()
    {
        foreach (var seed in Directory.GetFiles(RepositoryLayout.SeedsFolder))
        {
            var text = File.ReadAllText(seed);
            var outline = AssertSameOutline(text, seed);
            var byPhase = outline.Should().Contain(b => b.Kind == OutlineBlockKind.Table && text.Split('\n')[b.FirstLine - 1].StartsWith("| Phase | Plans |", StringComparison.Ordinal), seed).Subject;

            var document = Markdig.Markdown.Parse(text, MarkdownPipelines.Body, MarkdownPipelines.PlainTablesMarked);
            document.Descendants<ParagraphBlock>().Should().Contain(p => MarkdownPipelines.IsMarkedTable(p) && p.Line == byPhase.FirstLine - 1, "the By Phase table is plain cells");
        }
    }

    [TestCase(LineEndingStyle.Lf)]
    [TestCase(LineEndingStyle.CrLf)]
    public void A_generated_state_file_outlines_the_same_and_its_table_skips_inline_parsing(LineEndingStyle lineEndings)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 120, PlansPerPhase = 3, ArchivedPhases = 20, Seed = 7, LineEndings = lineEndings });
        var text = File.ReadAllText(Path.Combine(tree.Root, "STATE.md"));

        var outline = AssertSameOutline(text, "STATE.md");

        outline.Where(b => b.Kind == OutlineBlockKind.Table).Should().ContainSingle().Which.LastLine.Should().BeGreaterThan(60);
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.Body, MarkdownPipelines.PlainTablesMarked);
        document.Descendants<Markdig.Extensions.Tables.Table>().Should().BeEmpty("a table of plain cells stays a (marked) paragraph");
        document.Descendants<ParagraphBlock>().Count(MarkdownPipelines.IsMarkedTable).Should().Be(1);
    }

    [Test]
    public void Every_separator_row_of_up_to_six_chars_outlines_the_same()
    {
        var alphabet = new[] { '|', '-', ':', ' ', '\t', 'a' };
        var marked = 0;
        foreach (var candidate in Strings(alphabet, 6))
        {
            // As the second line of a three-line table, and of a two-line one.
            foreach (var markdown in new[] { $"| Phase | Plans |\n{candidate}\n| 1 | 2/3 |\n", $"Phase | Plans\n{candidate}\n" })
            {
                var outline = AssertSameOutline(markdown, candidate);
                marked += outline.Count(b => b.Kind == OutlineBlockKind.Table) > 0 && IsMarked(markdown) ? 1 : 0;
            }
        }

        marked.Should().BeGreaterThan(500, "plain separator rows are told apart without inline parsing");
    }

    [Test]
    public void Every_header_and_body_row_of_up_to_five_chars_outlines_the_same()
    {
        var alphabet = new[] { '|', '-', ':', ' ', '\t', '\f', '\u00a0', 'a' };
        var marked = 0;
        foreach (var candidate in Strings(alphabet, 5))
        {
            foreach (var markdown in new[] { $"{candidate}\n|---|---|\n| 1 | 2/3 |\n", $"| Phase | Plans |\n| --- | --- |\n{candidate}\n", $"| Phase | Plans |\n|---|---|\n| 1 | 2 |\n{candidate}" })
            {
                AssertSameOutline(markdown, candidate);
                marked += IsMarked(markdown) ? 1 : 0;
            }
        }

        marked.Should().BeGreaterThan(5000);
    }

    [TestCase("| Phase | Plans |\n|---|---|\n| 1 | 2/3 |\n", true)]
    [TestCase("| Phase | Plans |\n| :-- | --: |\n| 1 | 2/3 |\n", true)]
    [TestCase("Phase | Plans\n|---|---\n1 | 2/3\n", true)]
    [TestCase("Phase | Plans\n---|---\n1 | 2/3\n", false)]
    [TestCase("| Phase | Plans |\n|---|---|\n| 1 | 2/3 |\nno pipe\n", false)]
    [TestCase("| Phase | Plans |\n|-- -|---|\n| 1 | 2/3 |\n", false)]
    [TestCase("| Phase | **Plans** |\n|---|---|\n| 1 | 2/3 |\n", false)]
    [TestCase("| Phase | Plans |\n|---\n| 1 | 2/3 |\n", false)]
    [TestCase("| Phase | Plans | \n|---|---|\n| 1 | 2/3 |\n", false)]
    [TestCase("| Phase\t| Plans |\n|---|---|\n| 1 | 2/3 |\n", false)]
    [TestCase("[x]: http://e.com\n| Phase | Plans |\n|---|---|\n| 1 | 2/3 |\n", false)]
    [TestCase("- | Phase | Plans |\n  |---|---|\n  | 1 | 2/3 |\n", false)]
    public void Only_a_plain_table_with_a_plain_separator_row_is_marked(string markdown, bool expected)
    {
        AssertSameOutline(markdown, markdown);

        IsMarked(markdown).Should().Be(expected);
    }

    [Test]
    public void Random_tables_outline_the_same() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(RoadmapPipelineEquivalenceTests.TableDocuments().ToArbitrary(), markdown => AssertSameOutline(markdown, "random tables")));

    [Test]
    public void Random_markdown_outlines_the_same() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1500),
            Prop.ForAll(RoadmapFuzzTests.Documents().ToArbitrary(), markdown => AssertSameOutline(markdown, "random")));

    [Test]
    public void Random_separator_rows_in_random_tables_outline_the_same()
    {
        var cell = Gen.Elements("---", ":--", "--:", ":-:", "-", " --- ", "\t-\t", "- -", "", " ", "a", "-a", "::", ":-::");
        var separator = cell.ArrayOf().SelectMany(cells => Gen.Elements("", "|").SelectMany(lead => Gen.Elements("", "|", "| ").Select(trail => lead + string.Join("|", cells) + trail)));
        var documents = RoadmapPipelineEquivalenceTests.TableDocuments().SelectMany(rest => separator.SelectMany(row => Gen.Elements(Newlines).Select(newline =>
            "| Phase | Plans | Status |" + newline + row + newline + rest)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(documents.ToArbitrary(), markdown => AssertSameOutline(markdown, "random separator rows")));
    }

    private static bool IsMarked(string markdown) =>
        Markdig.Markdown.Parse(markdown, MarkdownPipelines.Body, MarkdownPipelines.PlainTablesMarked).Descendants<ParagraphBlock>().Any(MarkdownPipelines.IsMarkedTable);

    private static IEnumerable<string> Strings(char[] alphabet, int maxLength)
    {
        var current = new List<string> { string.Empty };
        yield return string.Empty;
        for (var length = 1; length <= maxLength; length++)
        {
            var next = new List<string>(current.Count * alphabet.Length);
            foreach (var prefix in current)
            {
                foreach (var c in alphabet)
                {
                    var candidate = prefix + c;
                    next.Add(candidate);
                    yield return candidate;
                }
            }

            current = next;
        }
    }

    private static IReadOnlyList<OutlineBlock> AssertSameOutline(string markdown, string name)
    {
        if (MarkdownNesting.FindTooDeepLine(markdown) is not null)
        {
            return Array.Empty<OutlineBlock>();
        }

        var text = SourceText.From("STATE.md", markdown);
        IReadOnlyList<OutlineBlock> expected;
        try
        {
            expected = MarkdownOutline.Outline(text, 0, MarkdownPipelinesTests.FullBody, context: null);
        }
        catch (ArgumentException)
        {
            // Past Markdig's nesting limit in inline parsing: the reference has no outline to compare with.
            return Array.Empty<OutlineBlock>();
        }

        var actual = MarkdownOutline.Outline(text, 0);
        if (!actual.SequenceEqual(expected))
        {
            Assert.Fail($"{name}: the outline differs from the one with every inline parsed.\nExpected:\n{string.Join("\n", expected)}\nActual:\n{string.Join("\n", actual)}\nMarkdown:\n{markdown}");
        }

        return actual;
    }
}
