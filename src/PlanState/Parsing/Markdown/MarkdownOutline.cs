using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PlanState.Text;

namespace PlanState.Parsing.Markdown;

/// <summary>What kind of text a run of source lines holds, as Markdig reads the document.</summary>
public enum OutlineBlockKind
{
    /// <summary>Paragraphs and list items: where <c>Name: value</c> fields live.</summary>
    Prose,
    Heading,
    Table,

    /// <summary>Code, HTML and anything else: never read for fields.</summary>
    Other,
}

/// <summary>A block of source lines (1-based, inclusive) and the heading section it sits in.</summary>
/// <param name="Section">Text of the nearest heading above, without <c>#</c> marks (empty before the first).</param>
public sealed record OutlineBlock(OutlineBlockKind Kind, int FirstLine, int LastLine, string Section, int HeadingLevel);

/// <summary>
/// Markdig tells us which lines are prose, headings or tables; field values are then read from the raw source lines,
/// so every span is exact and no byte of the file is normalised away.
/// </summary>
public static class MarkdownOutline
{
    /// <summary>Outlines <paramref name="text"/> from char offset <paramref name="bodyStart"/> (after any frontmatter).</summary>
    public static IReadOnlyList<OutlineBlock> Outline(SourceText text, int bodyStart) =>
        Outline(text, bodyStart, MarkdownPipelines.Body, MarkdownPipelines.PlainTablesMarked);

    /// <summary>Tests pass Markdig's plain pipeline (every inline parsed) to compare with.</summary>
    internal static IReadOnlyList<OutlineBlock> Outline(SourceText text, int bodyStart, Markdig.MarkdownPipeline pipeline, Markdig.MarkdownParserContext? context)
    {
        var body = bodyStart == 0 ? text.Text : text.Text.Substring(bodyStart);
        var document = Markdig.Markdown.Parse(body, pipeline, context);
        var lineOffset = text.LineOf(bodyStart) - 1;
        var blocks = new List<OutlineBlock>();
        var section = string.Empty;
        var level = 0;
        Walk(document, blocks, text, bodyStart, lineOffset, ref section, ref level);
        return blocks;
    }

    private static void Walk(ContainerBlock container, List<OutlineBlock> blocks, SourceText text, int bodyStart, int lineOffset, ref string section, ref int level)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Table table:
                    Add(blocks, OutlineBlockKind.Table, table, text, bodyStart, section, level);
                    break;
                case HeadingBlock heading:
                    var (first, _) = Lines(heading, text, bodyStart);
                    var headingText = text.LineText(first).Trim().TrimStart('#').Trim();
                    if (heading.IsSetext)
                    {
                        // "Plan: 2 of 4\n---" is a setext heading to Markdig but a field line to a person.
                        Add(blocks, OutlineBlockKind.Prose, heading, text, bodyStart, section, level);
                    }
                    else
                    {
                        section = headingText;
                        level = heading.Level;
                        Add(blocks, OutlineBlockKind.Heading, heading, text, bodyStart, section, level);
                    }

                    break;
                case ParagraphBlock paragraph:
                    // A table of plain cells Markdig was spared the inline parsing of (see MarkdownPipelines.PlainTablesMarked).
                    Add(blocks, MarkdownPipelines.IsMarkedTable(paragraph) ? OutlineBlockKind.Table : OutlineBlockKind.Prose, paragraph, text, bodyStart, section, level);
                    break;
                case ContainerBlock nested:
                    Walk(nested, blocks, text, bodyStart, lineOffset, ref section, ref level);
                    break;
                default:
                    Add(blocks, OutlineBlockKind.Other, block, text, bodyStart, section, level);
                    break;
            }
        }
    }

    private static void Add(List<OutlineBlock> blocks, OutlineBlockKind kind, Block block, SourceText text, int bodyStart, string section, int level)
    {
        var (first, last) = Lines(block, text, bodyStart);
        blocks.Add(new OutlineBlock(kind, first, last, section, level));
    }

    private static (int First, int Last) Lines(Block block, SourceText text, int bodyStart)
    {
        var start = Math.Max(0, block.Span.Start) + bodyStart;
        var end = Math.Max(block.Span.Start, block.Span.End) + bodyStart;
        start = Math.Min(start, text.Text.Length);
        end = Math.Min(end, Math.Max(0, text.Text.Length - 1));
        return (text.LineOf(start), text.LineOf(Math.Max(start, end)));
    }
}
