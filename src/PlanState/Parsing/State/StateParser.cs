using System.Globalization;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Markdown;
using PlanState.Parsing.Values;
using PlanState.Text;

namespace PlanState.Parsing.State;

/// <summary>Reads STATE.md (spec §2) into a <see cref="StateDocument"/>. Never throws on content.</summary>
public static class StateParser
{
    /// <param name="text">The whole file.</param>
    /// <param name="frontmatter">The file's frontmatter as read by the frontmatter reader, or null; fields are only looked for after it.</param>
    public static StateDocument Parse(SourceText text, Model.Frontmatter? frontmatter)
    {
        var problems = new List<Finding>();
        var bodyStart = frontmatter?.BodyStart ?? 0;
        var outline = Outline(text, bodyStart, problems);
        var fields = StateFields.Collect(text, outline);

        var position = new StatePosition(
            Phase: ReadPhase(text, Field(fields, "phase") ?? Field(fields, "current phase"), problems),
            Plan: ReadPlan(text, Field(fields, "plan") ?? Field(fields, "current plan"), problems),
            Status: Field(fields, "status")?.Located(text),
            LastActivity: Field(fields, "last activity")?.Located(text),
            CurrentFocus: Field(fields, "current focus")?.Located(text));

        var document = new StateDocument(
            text.File,
            frontmatter,
            position,
            ReadProgress(text, Field(fields, "progress"), problems),
            ReadVelocity(text, fields, problems),
            ReadByPhase(text, outline, problems),
            ReadRecentTrend(text, fields, problems),
            new SessionContinuity(
                Field(fields, "last session")?.Located(text),
                Field(fields, "stopped at")?.Located(text),
                Field(fields, "resume file")?.Located(text)),
            EquatableArray<Finding>.Empty);
        return document with { Problems = problems.ToEquatableArray() };
    }

    private static StateField? Field(Dictionary<string, StateField> fields, string name) =>
        fields.TryGetValue(name, out var field) ? field : null;

    private static Located<PhasePositionValue>? ReadPhase(SourceText text, StateField? field, List<Finding> problems)
    {
        if (field is null)
        {
            return null;
        }

        var value = PositionParser.ParsePhase(field.Value);
        if (!value.Recognised)
        {
            problems.Add(new Finding(InputProblems.UnrecognisedPosition, field.Span(text), $"Phase line '{field.Value}' is not in a recognised form (expected 'X of Y (Name)'); it is kept as written"));
        }

        return new Located<PhasePositionValue>(value, field.Span(text));
    }

    private static Located<PlanPositionValue>? ReadPlan(SourceText text, StateField? field, List<Finding> problems)
    {
        if (field is null)
        {
            return null;
        }

        var value = PositionParser.ParsePlan(field.Value);
        if (!value.Recognised)
        {
            problems.Add(new Finding(InputProblems.UnrecognisedPosition, field.Span(text), $"Plan line '{field.Value}' is not in a recognised form (expected 'A of B'); it is kept as written"));
        }

        return new Located<PlanPositionValue>(value, field.Span(text));
    }

    private static Located<ProgressLineValue>? ReadProgress(SourceText text, StateField? field, List<Finding> problems)
    {
        if (field is null)
        {
            return null;
        }

        var value = ProgressLineParser.Parse(field.Value);
        if (value is null)
        {
            problems.Add(new Finding(InputProblems.UnrecognisedProgressBar, field.Span(text), $"Progress line '{field.Value}' has no recognisable bar or percent; it is kept as written"));
            return null;
        }

        return new Located<ProgressLineValue>(value, field.Span(text));
    }

    private static StateVelocity? ReadVelocity(SourceText text, Dictionary<string, StateField> fields, List<Finding> problems)
    {
        var total = Field(fields, "total plans completed");
        var average = Field(fields, "average duration");
        var execution = Field(fields, "total execution time");
        if (total is null && average is null && execution is null)
        {
            return null;
        }

        Located<int>? count = null;
        if (total is not null)
        {
            var digits = LeadingDigits(total.Value);
            if (digits > 0 && int.TryParse(total.Value.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = new Located<int>(n, text.Span(total.ValueStart, digits));
            }
        }

        return new StateVelocity(count, ReadDuration(text, average, problems), ReadDuration(text, execution, problems));
    }

    /// <summary>Markdig gives up on pathological input (nesting past its depth limit): then no field is read, and that is reported.</summary>
    private static IReadOnlyList<OutlineBlock> Outline(SourceText text, int bodyStart, List<Finding> problems)
    {
        if (MarkdownNesting.FindTooDeepLine(text.Text) is { } deepLine)
        {
            problems.Add(new Finding(InputProblems.UnreadableFile, text.Span(text.LineStart(deepLine), 0), $"{text.File} line {deepLine} nests lists or quotes more than {MarkdownNesting.MaxContainerDepth} deep (or indents more than {MarkdownNesting.MaxIndent} blanks); the file is not read as markdown"));
            return Array.Empty<OutlineBlock>();
        }

        try
        {
            return MarkdownOutline.Outline(text, bodyStart);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(new Finding(InputProblems.UnreadableFile, SourceSpan.FileStart(text.File), $"{text.File} could not be read as markdown: {ex.Message}"));
            return Array.Empty<OutlineBlock>();
        }
    }

    private static Located<DurationValue>? ReadDuration(SourceText text, StateField? field, List<Finding> problems)
    {
        // '-' is how a file says "nothing yet", not a duration it failed to write.
        if (field is null || IsEmptyCell(field.Value))
        {
            return null;
        }

        var span = field.Span(text);
        var value = DurationParser.Parse(field.Value);
        ReportDuration(value, span, problems);
        return new Located<DurationValue>(value, span);
    }

    /// <summary>Turns an unreadable or unit-less duration into an input problem at its span.</summary>
    internal static void ReportDuration(DurationValue value, SourceSpan span, List<Finding> problems)
    {
        switch (value.Status)
        {
            case DurationStatus.Unparseable:
                problems.Add(new Finding(InputProblems.UnparseableDuration, span, $"Duration '{value.Text}' cannot be read; it is left out of sums and averages"));
                break;
            case DurationStatus.BareNumber:
                problems.Add(new Finding(InputProblems.BareNumberDuration, span, $"Duration '{value.Text}' has no unit; it is read as {value.Text} min"));
                break;
        }
    }

    private static ByPhaseTable? ReadByPhase(SourceText text, IReadOnlyList<OutlineBlock> outline, List<Finding> problems)
    {
        foreach (var block in outline)
        {
            if (block.Kind != OutlineBlockKind.Table || !IsByPhaseHeader(text.LineText(block.FirstLine)))
            {
                continue;
            }

            var rows = new List<ByPhaseRow>();
            var insertAfter = text.LineStart(block.FirstLine);
            for (var line = block.FirstLine + 1; line <= block.LastLine; line++)
            {
                var lineText = text.LineText(line);
                insertAfter = line < text.LineCount ? text.LineStart(line + 1) : text.Text.Length;
                if (PipeTableRow.IsDelimiterRow(lineText))
                {
                    continue;
                }

                var row = ReadByPhaseRow(text, line, lineText, problems);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }

            var header = text.Span(text.LineStart(block.FirstLine), text.LineText(block.FirstLine).Length);
            return new ByPhaseTable(header, insertAfter, rows.ToEquatableArray());
        }

        return null;
    }

    private static bool IsByPhaseHeader(string line)
    {
        var cells = PipeTableRow.SplitCells(line);
        string Cell(int index) => line.Substring(cells[index].Start, cells[index].Length).ToLowerInvariant();
        return cells.Count >= 4 && Cell(0) == "phase" && Cell(1).StartsWith("plans", StringComparison.Ordinal)
            && Cell(2).StartsWith("total", StringComparison.Ordinal) && Cell(3).StartsWith("avg", StringComparison.Ordinal);
    }

    private static ByPhaseRow? ReadByPhaseRow(SourceText text, int line, string lineText, List<Finding> problems)
    {
        var lineStart = text.LineStart(line);
        var rowSpan = LineSpan.Within(text, line, lineStart, 0, lineText.Length);
        var cells = PipeTableRow.SplitCells(lineText);
        if (cells.Count < 4)
        {
            problems.Add(new Finding(InputProblems.MalformedTableRow, rowSpan, $"By Phase row '{lineText.Trim()}' has {cells.Count} cells but the header has 4; it is not read"));
            return null;
        }

        Located<string> Cell(int index) =>
            new(lineText.Substring(cells[index].Start, cells[index].Length), LineSpan.Within(text, line, lineStart, cells[index].Start, cells[index].Length));

        var phaseCell = Cell(0);
        var plansCell = Cell(1);
        var totalCell = Cell(2);
        var averageCell = Cell(3);
        var completed = ReadPlansCell(plansCell.Value, out var total, out var hasTotal);
        return new ByPhaseRow(
            rowSpan,
            phaseCell,
            ReadLeadingPhaseNumber(phaseCell.Value),
            plansCell,
            completed,
            total,
            hasTotal,
            totalCell,
            ReadDurationCell(totalCell, problems),
            averageCell,
            ReadDurationCell(averageCell, problems));
    }

    /// <summary>Reads <c>S</c>, <c>S/P</c>, <c>0/TBD</c> or <c>N/?</c>: returns S, with P and whether a slash was written.</summary>
    /// <remarks>Out parameters rather than a tuple: a tuple of nullable ints is JIT-compiled at start-up.</remarks>
    internal static int? ReadPlansCell(string cell, out int? total, out bool hasTotal)
    {
        var slash = cell.IndexOf('/');
        var left = slash < 0 ? cell : cell.Substring(0, slash);
        int? completed = int.TryParse(left.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        hasTotal = slash >= 0;
        total = null;
        if (hasTotal && int.TryParse(cell.Substring(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            total = p;
        }

        return completed;
    }

    /// <summary>The phase number a table cell starts with: <c>1. Foundation</c>, <c>7</c>, <c>01-cluster-foundation</c>, <c>Phase 2</c>.</summary>
    internal static PhaseNumber? ReadLeadingPhaseNumber(string cell)
    {
        var s = cell.Trim();
        if (s.StartsWith("phase ", StringComparison.OrdinalIgnoreCase))
        {
            s = s.Substring(6).TrimStart();
        }

        var end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || (s[end] == '.' && end + 1 < s.Length && char.IsDigit(s[end + 1]))))
        {
            end++;
        }

        if (end < s.Length && char.IsLetter(s[end]) && (end + 1 == s.Length || !char.IsLetter(s[end + 1])))
        {
            end++;
        }

        return end > 0 && PhaseNumber.TryParse(s.Substring(0, end), out var number) ? number : null;
    }

    private static DurationValue? ReadDurationCell(Located<string> cell, List<Finding> problems)
    {
        if (IsEmptyCell(cell.Value))
        {
            return null;
        }

        var value = DurationParser.Parse(cell.Value);
        ReportDuration(value, cell.Span, problems);
        return value;
    }

    internal static bool IsEmptyCell(string value) => value.Trim() is "" or "-" or "—" or "–" or "n/a" or "N/A";

    private static RecentTrend? ReadRecentTrend(SourceText text, Dictionary<string, StateField> fields, List<Finding> problems)
    {
        var last = Field(fields, "last 5 plans") ?? Field(fields, "last 5");
        var trend = Field(fields, "trend");
        if (last is null && trend is null)
        {
            return null;
        }

        var items = last is null || IsEmptyCell(last.Value) ? EquatableArray<RecentTrendItem>.Empty : ReadTrendItems(text, last, problems);
        Located<string>? word = null;
        var note = string.Empty;
        if (trend is not null)
        {
            var length = TrendWordLength(trend.Value);
            word = new Located<string>(trend.Value.Substring(0, length), text.Span(trend.ValueStart, length));
            note = trend.Value.Substring(length);
        }

        return new RecentTrend(last?.Located(text), items, word, note);
    }

    private static int TrendWordLength(string value)
    {
        const string NotEnoughData = "Not enough data";
        if (value.StartsWith(NotEnoughData, StringComparison.OrdinalIgnoreCase))
        {
            return NotEnoughData.Length;
        }

        var end = 0;
        while (end < value.Length && (char.IsLetter(value[end]) || value[end] == '-'))
        {
            end++;
        }

        return end;
    }

    /// <summary>Splits <c>07-01 (5m), 07-02 (2m)</c> or <c>3.4min, 1.8min</c> at top-level commas.</summary>
    private static EquatableArray<RecentTrendItem> ReadTrendItems(SourceText text, StateField field, List<Finding> problems)
    {
        var items = new List<RecentTrendItem>();
        var value = field.Value;
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length)
            {
                var c = value[i];
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c != ',' || depth > 0)
                {
                    continue;
                }
            }

            var itemStart = start;
            var itemEnd = i;
            while (itemStart < itemEnd && char.IsWhiteSpace(value[itemStart]))
            {
                itemStart++;
            }

            while (itemEnd > itemStart && char.IsWhiteSpace(value[itemEnd - 1]))
            {
                itemEnd--;
            }

            if (itemEnd > itemStart)
            {
                var itemText = value.Substring(itemStart, itemEnd - itemStart);
                var span = text.Span(field.ValueStart + itemStart, itemText.Length);
                var (planId, durationText) = SplitTrendItem(itemText);
                var duration = DurationParser.Parse(durationText);
                var durationOffset = itemText.LastIndexOf(durationText, StringComparison.Ordinal);
                ReportDuration(duration, text.Span(span.Start + Math.Max(0, durationOffset), durationText.Length), problems);
                items.Add(new RecentTrendItem(itemText, planId, duration, span));
            }

            start = i + 1;
        }

        return items.ToEquatableArray();
    }

    /// <summary><c>07-01 (5m)</c> → (<c>07-01</c>, <c>5m</c>); <c>3.4min</c> → (null, <c>3.4min</c>).</summary>
    internal static (string? PlanId, string Duration) SplitTrendItem(string item)
    {
        var open = item.IndexOf('(');
        if (open > 0 && item.EndsWith(")", StringComparison.Ordinal))
        {
            var label = item.Substring(0, open).Trim();
            if (label.Length > 0)
            {
                return (label, item.Substring(open + 1, item.Length - open - 2).Trim());
            }
        }

        return (null, item);
    }

    private static int LeadingDigits(string s)
    {
        var n = 0;
        while (n < s.Length && char.IsDigit(s[n]))
        {
            n++;
        }

        return n;
    }
}
