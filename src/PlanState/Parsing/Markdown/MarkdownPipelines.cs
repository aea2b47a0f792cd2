using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using PlanState.Text;

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
    /// Passed to <c>Markdown.Parse</c> by a reader that treats a table of plain cells and a paragraph of the same lines
    /// alike (the roadmap's: it reads both from the raw lines); such a paragraph then skips inline parsing too.
    /// </summary>
    public static MarkdownParserContext TablesReadFromRawLines { get; } = new();

    /// <summary>
    /// Passed to <c>Markdown.Parse</c> by a reader that must tell tables from prose but reads a table's cells from the
    /// raw lines (the outline's): a paragraph of plain cells that Markdig would certainly make a table of (see
    /// <see cref="IsCertainTable"/>) skips inline parsing and stays a paragraph, marked as a table for
    /// <see cref="IsMarkedTable"/>. Any other paragraph with pipes is inline parsed, so Markdig decides.
    /// </summary>
    public static MarkdownParserContext PlainTablesMarked { get; } = new();

    /// <summary>Whether <paramref name="paragraph"/> is a table of plain cells left a paragraph under <see cref="PlainTablesMarked"/>.</summary>
    public static bool IsMarkedTable(ParagraphBlock paragraph) => paragraph.GetData(PlainTableMark) is not null;

    private static readonly object PlainTableMark = new();

    /// <summary>
    /// The parsers read block structure only; they never look at inlines. In these pipelines the one inline parser
    /// that changes the block tree is the pipe table's (it turns a paragraph into a <c>Table</c>), and it needs a
    /// <c>|</c>. A paragraph or heading without one therefore skips inline parsing: most of Markdig's time on a
    /// roadmap otherwise, and superlinear on hostile text such as thousands of <c>[a](</c>.
    /// </summary>
    private static void SkipInlinesWithoutPipes(BlockProcessor processor, Block block)
    {
        if (block is not LeafBlock leaf)
        {
            return;
        }

        if (!ContainsPipe(leaf))
        {
            leaf.ProcessInlines = false;
        }
        else if (IsPlainTableCandidate(processor, leaf) && !ContainsInlineOpener(leaf))
        {
            if (ReferenceEquals(processor.Context, TablesReadFromRawLines))
            {
                leaf.ProcessInlines = false;
            }
            else if (IsCertainTable(leaf))
            {
                leaf.ProcessInlines = false;
                leaf.SetData(PlainTableMark, PlainTableMark);
            }
        }
    }

    /// <summary>
    /// With <see cref="TablesReadFromRawLines"/>, a paragraph with pipes but without any char an inline parser opens on
    /// skips inline parsing as well: it stays a paragraph where Markdig would have made it a table of plain cells (the
    /// roadmap's 1,000-row progress table: most of Markdig's remaining time and a hundred JIT-compiled methods on first
    /// use). The roadmap reads a table from the same raw lines either way, and without a <c>*</c> no line of it can be a
    /// Plans field. Left alone: the first paragraph of a list item (the roadmap reads a wrapped completion date there
    /// in a paragraph and not in a table), a paragraph whose span stops short of its last line (a <c>- |</c> row
    /// added by the pipe table's block parser does not extend it; the table Markdig makes of it would cover it), and
    /// one that opens or ends with a line of a lone <c>|</c> (a row without cells, which Markdig's table span leaves out).
    /// </summary>
    private static bool IsPlainTableCandidate(BlockProcessor processor, LeafBlock leaf)
    {
        if (!(ReferenceEquals(processor.Context, TablesReadFromRawLines) || ReferenceEquals(processor.Context, PlainTablesMarked))
            || leaf is not ParagraphBlock || leaf.Parent is ListItemBlock || leaf.Lines.Count == 0)
        {
            return false;
        }

        var first = leaf.Lines.Lines[0].Slice;
        var last = leaf.Lines.Lines[leaf.Lines.Count - 1].Slice;
        return leaf.Span.End >= last.End && !IsLonePipe(first) && !IsLonePipe(last);
    }

    private static bool IsLonePipe(StringSlice slice)
    {
        var text = slice.Text;
        if (text is null)
        {
            return false;
        }

        var start = slice.Start;
        var end = slice.End;
        while (start <= end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end >= start && char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        return start == end && text[start] == '|';
    }

    /// <summary>
    /// Whether Markdig's pipe table parser certainly turns this paragraph of plain cells (no char any other inline
    /// parser opens on) into a table covering all of it: every line holds a <c>|</c> (a line without one makes it no
    /// table), the second line is a separator row in its plainest form (<see cref="IsPlainSeparatorRow"/>), no line
    /// holds a tab or another control char or ends in a blank, and the paragraph still starts at its first line.
    /// Narrower than Markdig's own rule on purpose: a paragraph this says no to is inline parsed, and Markdig decides.
    /// The tests compare the outline with Markdig's over every short separator, header and body row and random tables;
    /// the conditions after the first two are cases they found.
    /// </summary>
    private static bool IsCertainTable(LeafBlock leaf)
    {
        // The paragraph must still start at its first line: closing it takes leading link reference definitions
        // out of its lines but not out of its span, which the table Markdig makes of the rest does not cover.
        var lines = leaf.Lines;
        if (lines.Count < 2 || lines.Lines[0].Line != leaf.Line || !IsPlainSeparatorRow(lines.Lines[1].Slice))
        {
            return false;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (slice.Text is not { } text || slice.Start > slice.End || char.IsWhiteSpace(text[slice.End])
                || text.IndexOf('|', slice.Start, slice.End - slice.Start + 1) < 0 || HasControlChar(text, slice.Start, slice.End))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A tab (or another control char) anywhere: Markdig's tree around one can hold the paragraph beside the table.</summary>
    private static bool HasControlChar(string text, int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            if (text[i] < ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>| cell {| cell} [|]</c> with each cell <c>:?-+:?</c>, spaces around any of it, and a pipe after the first cell.</summary>
    private static bool IsPlainSeparatorRow(StringSlice slice)
    {
        if (slice.Text is not { } text)
        {
            return false;
        }

        // A leading pipe is required: a row opening with a dash is also read by Markdig's block parsers (lists,
        // thematic breaks, its pipe table block parser), and what they make of it is left to Markdig.
        var i = SkipSpaces(text, slice.Start, slice.End);
        if (i > slice.End || text[i] != '|')
        {
            return false;
        }

        i = SkipSpaces(text, i + 1, slice.End);

        // Pipes after the first cell: a leading pipe alone (|---) is not a separator row to Markdig.
        var pipes = 0;
        var cells = 0;
        while (i <= slice.End)
        {
            // One cell: an optional colon, dashes, an optional colon, then spaces and a pipe or the end.
            if (text[i] == ':')
            {
                i++;
            }

            var dashes = i;
            while (i <= slice.End && text[i] == '-')
            {
                i++;
            }

            if (i == dashes)
            {
                return false;
            }

            if (i <= slice.End && text[i] == ':')
            {
                i++;
            }

            cells++;
            i = SkipSpaces(text, i, slice.End);
            if (i > slice.End)
            {
                break;
            }

            if (text[i] != '|')
            {
                return false;
            }

            pipes++;
            i = SkipSpaces(text, i + 1, slice.End);
        }

        return cells > 0 && pipes > 0;
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i <= end && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether a line of the block holds a <c>|</c>: every paragraph and heading is asked (a vectorised search).</summary>
    private static bool ContainsPipe(LeafBlock leaf)
    {
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (slice.Text is { } text && slice.Start <= slice.End && text.IndexOf('|', slice.Start, slice.End - slice.Start + 1) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a line of the block holds one of <see cref="InlineOpenersBelow64"/> and <see cref="InlineOpenersFrom64"/>
    /// (only plain-table candidates are asked). A loop over an <see cref="AsciiMask"/>, not <c>string.IndexOfAny(char[])</c>:
    /// with more than a few chars that builds a search over them whose generic code the JIT compiled in every new process.
    /// </summary>
    private static bool ContainsInlineOpener(LeafBlock leaf)
    {
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (slice.Text is not { } text)
            {
                continue;
            }

            for (var c = slice.Start; c <= slice.End; c++)
            {
                if (AsciiMask.Contains(text[c], InlineOpenersBelow64, InlineOpenersFrom64))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The chars the inline parsers other than the pipe table's and the line break's open on (code, escapes, HTML and
    /// autolinks, entities, emphasis, links and images), as masks: without them every cell of a table is literal text.
    /// </summary>
    private const ulong InlineOpenersBelow64 = (1UL << '<') | (1UL << '&') | (1UL << '*') | (1UL << '!');

    private const ulong InlineOpenersFrom64 = (1UL << ('`' - 64)) | (1UL << ('\\' - 64)) | (1UL << ('_' - 64)) | (1UL << ('[' - 64)) | (1UL << (']' - 64));
}
