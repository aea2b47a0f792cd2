using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Markdown;
using PlanState.Text;
using SourceSpan = PlanState.Text.SourceSpan;

namespace PlanState.Parsing.Roadmap;

/// <summary>Reads ROADMAP.md (format reference §3) into a <see cref="RoadmapDocument"/>. Never throws on file content.</summary>
public static class RoadmapParser
{
    public static RoadmapDocument Parse(SourceText text) =>
        Parse(text, MarkdownPipelines.WithFrontMatter, MarkdownPipelines.Body, MarkdownPipelines.TablesReadFromRawLines);

    /// <summary>Reads with the given pipelines (tests compare the shared ones with Markdig's full inline parsing).</summary>
    internal static RoadmapDocument Parse(SourceText text, MarkdownPipeline pipeline, MarkdownPipeline segmentPipeline, MarkdownParserContext? context)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var walker = new RoadmapWalker(text, markdown => ParseSegment(markdown, segmentPipeline, context));
        if (MarkdownNesting.FindTooDeepLine(text.Text) is { } deepLine)
        {
            return Unreadable(text, text.Span(text.LineStart(deepLine), 0), $"{text.File} line {deepLine} nests lists or quotes more than {MarkdownNesting.MaxContainerDepth} deep (or indents more than {MarkdownNesting.MaxIndent} blanks); the file is not read as markdown");
        }

        MarkdownDocument? document;
        try
        {
            document = Markdig.Markdown.Parse(text.Text, pipeline, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Markdig is not expected to fail, but a build must never break on a file's content.
            return Unreadable(text, SourceSpan.FileStart(text.File), $"ROADMAP.md could not be read as markdown: {ex.Message}");
        }

        walker.WalkDocument(document);
        return walker.Build();
    }

    private static RoadmapDocument Unreadable(SourceText text, SourceSpan span, string message) =>
        new(
            text.File,
            EquatableArray<RoadmapPhaseSection>.Empty,
            EquatableArray<PhaseChecklistItem>.Empty,
            EquatableArray<RoadmapMilestone>.Empty,
            null,
            EquatableArray.Create(new Finding(InputProblems.UnreadableFile, span, message)));

    private static MarkdownDocument? ParseSegment(string markdown, MarkdownPipeline pipeline, MarkdownParserContext? context)
    {
        try
        {
            // Markdown re-read from inside an HTML block never starts the file, so a leading "---" there is a rule, not frontmatter.
            return Markdig.Markdown.Parse(markdown, pipeline, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
