using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using PlanState.Model;
using PlanState.Parsing.Markdown;
using PlanState.Text;
using SourceSpan = PlanState.Text.SourceSpan;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Walks Markdig's block tree in file order and collects the roadmap's parts. Markdig gives the structure (which
/// lines are headings, list items, paragraphs, tables, HTML, code); the exact offsets come from the raw source lines.
/// </summary>
internal sealed class RoadmapWalker
{
    // Deeper nesting than this is not a roadmap; stopping keeps a hostile file from exhausting the stack.
    private const int MaxDepth = 64;

    private readonly SourceText source;
    private readonly Func<string, MarkdownDocument?> parseSegment;
    private readonly List<RoadmapPhaseSection> sections = new();
    private readonly List<PhaseChecklistItem> phaseItems = new();
    private readonly List<RoadmapMilestone> milestones = new();
    private readonly List<Scope> scopes = new();
    private SectionBuilder? section;
    private ProgressTableCandidate? table;
    private bool tableInDetails;
    private int detailsDepth;

    public RoadmapWalker(SourceText source, Func<string, MarkdownDocument?> parseSegment)
    {
        this.source = source;
        this.parseSegment = parseSegment;
    }

    public void WalkDocument(MarkdownDocument document) => Walk(document, 0, 0, inQuote: false);

    public RoadmapDocument Build()
    {
        CloseSection();
        var problems = table?.Problems ?? new List<Diagnostics.Finding>();
        return new RoadmapDocument(
            source.File,
            sections.ToEquatableArray(),
            phaseItems.ToEquatableArray(),
            milestones.ToEquatableArray(),
            table?.Table,
            problems.OrderBy(p => p.Span.Start).ToEquatableArray());
    }

    private void Walk(ContainerBlock container, int baseOffset, int depth, bool inQuote)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var block in container)
        {
            // The most common blocks first: a type test per case is a good part of walking a large roadmap.
            switch (block)
            {
                case ListItemBlock item:
                    VisitListItem(item, baseOffset, inQuote);
                    Walk(item, baseOffset, depth + 1, inQuote);
                    break;
                case ParagraphBlock paragraph:
                    // Most paragraphs (plan items, goals) hold neither a wanted Plans line nor a table: no lines to cut then.
                    if (WantsPlansLine || ContainsPipe(paragraph, baseOffset))
                    {
                        var lines = RawLines(paragraph, baseOffset, inQuote);
                        VisitParagraph(lines, lines.Length);
                    }

                    break;
                case YamlFrontMatterBlock:
                    break;
                case HeadingBlock heading:
                    VisitHeading(heading, baseOffset, inQuote);
                    break;
                case HtmlBlock html:
                    VisitHtml(html, baseOffset, depth, inQuote);
                    break;
                case Table tableBlock:
                    var tableLines = RawLines(tableBlock, baseOffset, inQuote);
                    OfferTable(ProgressTableReader.TryRead(source, tableLines, tableLines.Length));
                    break;
                case QuoteBlock quote:
                    Walk(quote, baseOffset, depth + 1, inQuote: true);
                    break;
                case ContainerBlock other:
                    Walk(other, baseOffset, depth + 1, inQuote);
                    break;
            }
        }
    }

    private void VisitHeading(HeadingBlock heading, int baseOffset, bool inQuote)
    {
        // A setext heading is a paragraph followed by "---": in a roadmap that is a rule after a field line.
        if (heading.IsSetext)
        {
            var lines = RawLines(heading, baseOffset, inQuote);
            if (lines.Length > 0)
            {
                VisitParagraph(lines, lines.Length - 1);
            }

            return;
        }

        if (!TryFirstLineStart(heading, baseOffset, out var start, out var lineNumber))
        {
            return;
        }

        // Markdig's heading span stops before a closing "###" run; the heading's span is its whole line.
        var line = new RawLine(lineNumber, start, source.Text.Substring(start, LineTextEnd(lineNumber) - start));
        var lineSpan = Trimmed(line);
        var content = HeadingContent(line.Text);
        var level = heading.Level;

        if (level is >= 2 and <= 4 && RoadmapPatterns.TryPhaseTitle(content, out var phase))
        {
            CloseSection();
            section = new SectionBuilder(phase.Number, phase.Name, lineSpan, CurrentMilestone(), level, detailsDepth);
            return;
        }

        MilestoneMatch milestone = default;
        var isMilestone = level >= 2 && RoadmapPatterns.TryMilestoneTitle(content, out milestone);
        if (section is not null && (level <= section.Level || isMilestone))
        {
            CloseSection();
        }

        // A heading closes the milestone headings at its level or deeper, but never reaches out of a <details> block.
        while (scopes.Count > 0 && !scopes[scopes.Count - 1].IsDetails && scopes[scopes.Count - 1].Level >= level)
        {
            scopes.RemoveAt(scopes.Count - 1);
        }

        if (isMilestone)
        {
            milestones.Add(ToMilestone(milestone, lineSpan, fromHeading: true));
            scopes.Add(new Scope(isDetails: false, level) { Version = milestone.Version });
        }
    }

    private void VisitHtml(HtmlBlock html, int baseOffset, int depth, bool inQuote)
    {
        var lines = RawLines(html, baseOffset, inQuote);

        // The lines since the last tag line: lines[pendingFrom..i).
        var pendingFrom = 0;
        var sawTagLine = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!HtmlTagLine.TryRead(line.Text, out var tokens))
            {
                continue;
            }

            sawTagLine = true;
            ReparseSwallowedMarkdown(lines, pendingFrom, i, depth);
            pendingFrom = i + 1;
            foreach (var token in tokens)
            {
                ApplyTag(token, line);
            }
        }

        // Without a tag line the block is plain HTML; re-reading it would give the same block again.
        if (sawTagLine)
        {
            ReparseSwallowedMarkdown(lines, pendingFrom, lines.Length, depth);
        }
    }

    /// <summary>
    /// Markdig ends an HTML block only at a blank line, so <c>&lt;summary&gt;…&lt;/summary&gt;</c> directly followed by
    /// <c>### Phase 1: …</c> hides the heading inside the HTML block. Those lines are read again as markdown, and
    /// the offsets Markdig gives for them are shifted back by where they start in the file.
    /// </summary>
    private void ReparseSwallowedMarkdown(RawLine[] lines, int from, int to, int depth)
    {
        if (from >= to || depth >= MaxDepth)
        {
            return;
        }

        var start = lines[from].Start;
        var last = lines[to - 1];
        var end = last.Start + last.Text.Length;
        var document = parseSegment(source.Text.Substring(start, end - start));
        if (document is not null)
        {
            Walk(document, start, depth + 1, inQuote: false);
        }
    }

    private void ApplyTag(HtmlTagToken token, RawLine line)
    {
        switch (token.Kind)
        {
            case HtmlTagKind.DetailsOpen:
                scopes.Add(new Scope(isDetails: true, 0));
                detailsDepth++;
                break;
            case HtmlTagKind.Summary:
                var details = scopes.LastOrDefault(s => s.IsDetails);
                if (details is not null && details.Version is null && RoadmapPatterns.TryMilestoneTitle(token.Text.Trim(), out var milestone))
                {
                    details.Version = milestone.Version;
                    var span = TrimmedSpan(line, token.Index, token.Length);
                    milestones.Add(ToMilestone(milestone, span, fromHeading: true));
                }

                break;
            case HtmlTagKind.DetailsClose:
                if (detailsDepth == 0)
                {
                    break;
                }

                while (scopes.Count > 0)
                {
                    var top = scopes[scopes.Count - 1];
                    scopes.RemoveAt(scopes.Count - 1);
                    if (top.IsDetails)
                    {
                        break;
                    }
                }

                detailsDepth--;
                if (section is not null && section.DetailsDepth > detailsDepth)
                {
                    CloseSection();
                }

                break;
        }
    }

    /// <summary>The first <paramref name="count"/> of <paramref name="lines"/> are a paragraph: a Plans line, or a table Markdig did not see.</summary>
    private void VisitParagraph(RawLine[] lines, int count)
    {
        var hasPipe = false;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            hasPipe |= line.Text.IndexOf('|') >= 0;
            if (section is null || section.PlansLine is not null || !RoadmapPatterns.TryPlansField(line.Text, out var field))
            {
                continue;
            }

            var valueOffset = field.ValueOffset;
            section.PlansLine = new PlansLine(
                new Located<string>(field.Value, line.Span(source, valueOffset, field.Value.Length)),
                field.Count,
                field.Count is null ? null : line.Span(source, valueOffset + field.CountOffset, field.CountLength),
                field.Completed,
                field.Completed is null ? null : line.Span(source, valueOffset + field.CompletedOffset, field.CompletedLength));
        }

        // Markdig reads a table followed by a text line (no blank line between) as one paragraph.
        if (hasPipe)
        {
            OfferTable(ProgressTableReader.TryRead(source, lines, count));
        }
    }

    private bool WantsPlansLine => section is not null && section.PlansLine is null;

    /// <summary>Whether the source a block covers holds a <c>|</c>; its raw lines hold one exactly then (prefixes and line breaks never are one).</summary>
    private bool ContainsPipe(Block block, int baseOffset)
    {
        if (!TryRange(block, baseOffset, out var start, out var end))
        {
            return false;
        }

        return source.Text.IndexOf('|', start, end - start) >= 0;
    }

    private void VisitListItem(ListItemBlock item, int baseOffset, bool inQuote)
    {
        if (!TryFirstLineStart(item, baseOffset, out var start, out var lineNumber))
        {
            return;
        }

        var end = Math.Max(start, Math.Min(LineTextEnd(lineNumber), BlockEnd(item, baseOffset, start)));
        if (TryPlainPlanItem(lineNumber, start, end))
        {
            return;
        }

        var first = new RawLine(lineNumber, start, source.Text.Substring(start, end - start));
        var lineSpan = Trimmed(first);
        if (RoadmapPatterns.TryTaskItem(first.Text, out var boxOffset, out var isChecked, out var restOffset))
        {
            var rest = first.Text.Substring(restOffset);
            var checkbox = first.Span(source, boxOffset, 1);
            if (RoadmapPatterns.TryPhaseItem(rest, out var phase))
            {
                var date = FindCompletedDate(item, first, restOffset, baseOffset, inQuote);
                phaseItems.Add(new PhaseChecklistItem(phase.Number, phase.Name, isChecked, checkbox, lineSpan, date));
                return;
            }

            if (RoadmapPatterns.TryPlanItem(rest, out var planId))
            {
                section?.PlanItems.Add(new PlanChecklistItem(planId, isChecked, checkbox, lineSpan));
                return;
            }

            if (RoadmapPatterns.TryMilestoneItem(rest, out var checkedMilestone))
            {
                milestones.Add(ToMilestone(checkedMilestone, lineSpan, fromHeading: false));
            }

            return;
        }

        var afterBullet = RoadmapPatterns.AfterBullet(first.Text);
        if (afterBullet >= 0 && RoadmapPatterns.TryMilestoneItem(first.Text.Substring(afterBullet), out var milestone))
        {
            milestones.Add(ToMilestone(milestone, lineSpan, fromHeading: false));
        }
    }

    /// <summary>
    /// A plan item in its common shape (<c>- [x] 01-02-PLAN.md — desc</c>), read straight from the source: a roadmap
    /// holds thousands, and cutting each line out cost more than reading it. Gives what the general path below gives
    /// (the same scans over the same chars); false leaves every other item to it.
    /// </summary>
    private bool TryPlainPlanItem(int lineNumber, int start, int end)
    {
        var text = source.Text;
        if (!RoadmapPatterns.TryTaskItem(text, start, end, out var box, out var isChecked, out var rest)
            || RoadmapPatterns.MayBePhaseItem(text, rest, end)
            || !RoadmapPatterns.TryPlainPlanItem(text, rest, end, out var idEnd))
        {
            return false;
        }

        if (section is not null)
        {
            var lineStart = source.LineStart(lineNumber);
            var trimmedStart = start;
            var trimmedEnd = end;
            while (trimmedStart < trimmedEnd && char.IsWhiteSpace(text[trimmedStart]))
            {
                trimmedStart++;
            }

            while (trimmedEnd > trimmedStart && char.IsWhiteSpace(text[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            section.PlanItems.Add(new PlanChecklistItem(
                text.Substring(rest, idEnd - rest),
                isChecked,
                LineSpan.Within(source, lineNumber, lineStart, box - lineStart, 1),
                LineSpan.Within(source, lineNumber, lineStart, trimmedStart - lineStart, trimmedEnd - trimmedStart)));
        }

        return true;
    }

    /// <summary>The <c>(completed DATE)</c> of a phase item: on its first line, or on a wrapped continuation line.</summary>
    private Located<string>? FindCompletedDate(ListItemBlock item, RawLine first, int restOffset, int baseOffset, bool inQuote)
    {
        if (RoadmapPatterns.TryCompletedDate(first.Text.Substring(restOffset), out var index, out var length))
        {
            var offset = restOffset + index;
            return new Located<string>(first.Text.Substring(offset, length), first.Span(source, offset, length));
        }

        if (item.Count == 0 || item[0] is not ParagraphBlock paragraph)
        {
            return null;
        }

        var lines = RawLines(paragraph, baseOffset, inQuote);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (RoadmapPatterns.TryCompletedDate(line.Text, out index, out length))
            {
                return new Located<string>(line.Text.Substring(index, length), line.Span(source, index, length));
            }
        }

        return null;
    }

    /// <summary>Keeps the first progress table, unless it sits in a folded <c>&lt;details&gt;</c> block and a later one does not.</summary>
    private void OfferTable(ProgressTableCandidate? candidate)
    {
        if (candidate is null)
        {
            return;
        }

        if (table is null || (tableInDetails && detailsDepth == 0))
        {
            table = candidate;
            tableInDetails = detailsDepth > 0;
        }
    }

    private void CloseSection()
    {
        if (section is not null)
        {
            sections.Add(section.Build());
            section = null;
        }
    }

    private string? CurrentMilestone()
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].Version is { } version)
            {
                return version;
            }
        }

        return null;
    }

    private static RoadmapMilestone ToMilestone(MilestoneMatch match, SourceSpan span, bool fromHeading) =>
        new(match.Version, match.Name, span, match.FirstPhase, match.LastPhase, match.Shipped, match.InProgress, fromHeading);

    /// <summary>
    /// The source lines a block covers. The first starts where Markdig says the block starts (after any list bullet
    /// or quote marker of its containers); later lines lose their indent and, inside a quote, their <c>&gt;</c> markers.
    /// </summary>
    private RawLine[] RawLines(Block block, int baseOffset, bool inQuote)
    {
        if (!TryRange(block, baseOffset, out var start, out var end))
        {
            return Array.Empty<RawLine>();
        }

        var firstLine = source.LineOf(start);
        var lastLine = source.LineOf(Math.Max(start, end - 1));
        var result = new RawLine[lastLine - firstLine + 1];
        result[0] = RawLineAt(firstLine, start, end);
        for (var line = firstLine + 1; line <= lastLine; line++)
        {
            var lineStart = source.LineStart(line);
            var segmentStart = SkipContainerPrefix(lineStart, LineTextEnd(line), inQuote);
            result[line - firstLine] = RawLineAt(line, segmentStart, end);
        }

        return result;
    }

    /// <summary>A block's first line alone: where it starts and on which line, without cutting any text.</summary>
    private bool TryFirstLineStart(Block block, int baseOffset, out int start, out int line)
    {
        line = 0;
        if (!TryRange(block, baseOffset, out start, out _))
        {
            return false;
        }

        line = source.LineOf(start);
        return true;
    }

    /// <summary>The chars <c>[start, end)</c> of the source a block covers, or false when Markdig gave it no place in the text.</summary>
    private bool TryRange(Block block, int baseOffset, out int start, out int end)
    {
        start = baseOffset + block.Span.Start;
        end = 0;
        if (block.Span.Start < 0 || start >= source.Text.Length)
        {
            return false;
        }

        end = BlockEnd(block, baseOffset, start);
        return true;
    }

    private int BlockEnd(Block block, int baseOffset, int start) =>
        Math.Min(source.Text.Length, Math.Max(start, baseOffset + block.Span.End + 1));

    /// <summary>The part of line <paramref name="line"/> from <paramref name="segmentStart"/> to its end or the block's end, whichever comes first.</summary>
    private RawLine RawLineAt(int line, int segmentStart, int blockEnd)
    {
        var segmentEnd = Math.Max(segmentStart, Math.Min(LineTextEnd(line), blockEnd));
        return new RawLine(line, segmentStart, source.Text.Substring(segmentStart, segmentEnd - segmentStart));
    }

    /// <summary>Where a 1-based line's text ends, before its line break (as <see cref="SourceText.LineText"/> cuts it).</summary>
    private int LineTextEnd(int line)
    {
        var text = source.Text;
        var lineStart = source.LineStart(line);
        var end = line < source.LineCount ? source.LineStart(line + 1) : text.Length;
        while (end > lineStart && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    private int SkipContainerPrefix(int position, int end, bool inQuote)
    {
        var text = source.Text;
        while (position < end && (text[position] == ' ' || text[position] == '\t' || (inQuote && text[position] == '>')))
        {
            position++;
        }

        return position;
    }

    private SourceSpan Trimmed(RawLine line) => TrimmedSpan(line, 0, line.Text.Length);

    /// <summary>The span of <c>line.Text[offset..offset+length)</c> without surrounding whitespace.</summary>
    private SourceSpan TrimmedSpan(RawLine line, int offset, int length)
    {
        var text = line.Text;
        var start = offset;
        var end = offset + length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return line.Span(source, start, end - start);
    }

    /// <summary>An ATX heading's text without its <c>#</c> markers, its optional closing <c>#</c> run and surrounding space.</summary>
    private static string HeadingContent(string line)
    {
        var text = line.Trim();
        var start = 0;
        while (start < text.Length && text[start] == '#')
        {
            start++;
        }

        var content = text.Substring(start).Trim();
        var end = content.Length;
        while (end > 0 && content[end - 1] == '#')
        {
            end--;
        }

        // "## Title ##" drops the closing run; "## C#" keeps its '#'.
        if (end < content.Length && (end == 0 || content[end - 1] == ' ' || content[end - 1] == '\t'))
        {
            content = content.Substring(0, end).TrimEnd();
        }

        return content;
    }

    /// <summary>A milestone heading or a <c>&lt;details&gt;</c> block, with the version it names.</summary>
    private sealed class Scope
    {
        public Scope(bool isDetails, int level)
        {
            IsDetails = isDetails;
            Level = level;
        }

        public bool IsDetails { get; }

        public int Level { get; }

        public string? Version { get; set; }
    }

    private sealed class SectionBuilder
    {
        private readonly PhaseNumber number;
        private readonly string name;
        private readonly SourceSpan headingSpan;
        private readonly string? milestone;

        public SectionBuilder(PhaseNumber number, string name, SourceSpan headingSpan, string? milestone, int level, int detailsDepth)
        {
            this.number = number;
            this.name = name;
            this.headingSpan = headingSpan;
            this.milestone = milestone;
            Level = level;
            DetailsDepth = detailsDepth;
        }

        public int Level { get; }

        public int DetailsDepth { get; }

        public PlansLine? PlansLine { get; set; }

        public List<PlanChecklistItem> PlanItems { get; } = new();

        public RoadmapPhaseSection Build() =>
            new(number, name, headingSpan, milestone, PlansLine, PlanItems.ToEquatableArray());
    }
}
