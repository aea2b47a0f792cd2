using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace PlanState.Parsing.Markdown;

/// <summary>
/// The Markdig pipelines the parsers share, each built once on first use (building one costs a few ms at start-up).
/// Both read pipe tables with precise source locations, and both leave out inline parsing wherever it cannot
/// change the block tree (see <see cref="SkipInlinesWithoutPipes"/>).
/// </summary>
internal static class MarkdownPipelines
{
    private static MarkdownPipeline? body;
    private static MarkdownPipeline? withFrontMatter;

    /// <summary>Markdown that does not start a file (or whose frontmatter was already cut off): a leading <c>---</c> is a rule.</summary>
    public static MarkdownPipeline Body => body ??= Build(frontMatter: false);

    /// <summary>A whole file that may open with YAML frontmatter.</summary>
    public static MarkdownPipeline WithFrontMatter => withFrontMatter ??= Build(frontMatter: true);

    private static MarkdownPipeline Build(bool frontMatter)
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables();
        if (frontMatter)
        {
            builder.UseYamlFrontMatter();
        }

        builder.BlockParsers.Find<ParagraphBlockParser>()!.Closed += SkipInlinesWithoutPipes;
        builder.BlockParsers.Find<HeadingBlockParser>()!.Closed += SkipInlinesWithoutPipes;
        return builder.Build();
    }

    /// <summary>
    /// The parsers read block structure only; they never look at inlines. In these pipelines the one inline parser
    /// that changes the block tree is the pipe table's (it turns a paragraph into a <c>Table</c>), and it needs a
    /// <c>|</c>. A paragraph or heading without one therefore skips inline parsing: most of Markdig's time on a
    /// roadmap otherwise, and superlinear on hostile text such as thousands of <c>[a](</c>.
    /// </summary>
    private static void SkipInlinesWithoutPipes(BlockProcessor processor, Block block)
    {
        if (block is LeafBlock leaf && !HasPipe(leaf))
        {
            leaf.ProcessInlines = false;
        }
    }

    private static bool HasPipe(LeafBlock leaf)
    {
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            var text = slice.Text;
            if (text is not null && slice.Start <= slice.End && text.IndexOf('|', slice.Start, slice.End - slice.Start + 1) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
