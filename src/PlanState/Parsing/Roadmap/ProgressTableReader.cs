using System.Text.RegularExpressions;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Markdown;
using PlanState.Text;

namespace PlanState.Parsing.Roadmap;

/// <summary>One source line of a block, container prefix (indent, <c>&gt;</c>) removed, without its line break.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Start">Char offset of <see cref="Text"/>'s first char in the whole file.</param>
internal readonly record struct RawLine(int Line, int Start, string Text)
{
    /// <summary>
    /// The span of <c>Text[offset..offset+length)</c>: what <see cref="SourceText.Span"/> gives for it, without
    /// looking the line up again (a roadmap asks for tens of thousands of spans). A line's text holds no line break.
    /// </summary>
    public SourceSpan Span(SourceText source, int offset, int length)
    {
        var lineStart = source.LineStart(Line);
        return LineSpan.Within(source, Line, lineStart, Start - lineStart + offset, length);
    }
}

/// <summary>
/// Reads the progress table from raw lines. Markdig's table model pads or merges cells, and it gives up on a whole
/// table when a text line follows it without a blank line; the raw line keeps the real cell count that shifted-row
/// detection needs and the exact cell offsets a rewrite needs.
/// </summary>
internal static partial class ProgressTableReader
{
    private static readonly string[] FourColumns = { "phase", "plans complete", "status", "completed" };
    private static readonly string[] FiveColumns = { "phase", "milestone", "plans complete", "status", "completed" };

    private const string DelimiterCellPattern = @"^[ \t]*:?-+:?[ \t]*$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(DelimiterCellPattern, RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterCell();
#else
    private static Regex? delimiterCellRegex;

    private static Regex DelimiterCell() => delimiterCellRegex ??= new(DelimiterCellPattern, RegexOptions.CultureInvariant);
#endif

    // "1-64", "1–4", "Phases 1-4", "9-15. Archive"
    private const string RollUpPattern = @"^(?:Phases?[ \t]+)?[0-9]+(?:\.[0-9]+)*[A-Za-z]?[ \t]*[-–—][ \t]*[0-9]+(?:\.[0-9]+)*[A-Za-z]?(?:$|[.:]|[ \t])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(RollUpPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RollUp();
#else
    private static Regex? rollUpRegex;

    private static Regex RollUp() => rollUpRegex ??= new(RollUpPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
#endif

    // "1. Foundation", "02.1. Hotfix", "12A. Name", "Phase 3: Name", "3 - Name", bare "4"
    private const string PhaseCellPattern = @"^(?:Phase[ \t]+)?(?<num>[0-9]+(?:\.[0-9]+)*[A-Za-z]?)(?:\.|:|[ \t]+[-–—])?(?:[ \t]+\S|$)";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PhaseCellPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhaseCell();
#else
    private static Regex? phaseCellRegex;

    private static Regex PhaseCell() => phaseCellRegex ??= new(PhaseCellPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
#endif

    /// <summary>Finds a progress table header followed by a delimiter row in the first <paramref name="count"/> <paramref name="lines"/> and reads its rows.</summary>
    public static ProgressTableCandidate? TryRead(SourceText source, RawLine[] lines, int count)
    {
        for (var i = 0; i + 1 < count; i++)
        {
            var headerCells = SplitCells(lines[i].Text);
            var columns = MatchHeader(lines[i].Text, headerCells);
            if (columns == 0 || !IsDelimiterRow(lines[i + 1].Text))
            {
                continue;
            }

            return ReadFrom(source, lines, count, i, columns);
        }

        return null;
    }

    private static ProgressTableCandidate ReadFrom(SourceText source, RawLine[] lines, int count, int headerIndex, int columns)
    {
        var header = lines[headerIndex];
        var headerSpan = TrimmedSpan(source, header);
        var headerText = source.Slice(headerSpan);
        var rows = new List<ProgressTableRow>();
        var problems = new List<Finding>();
        var lastLine = lines[headerIndex + 1].Line;

        for (var i = headerIndex + 2; i < count; i++)
        {
            var line = lines[i];
            if (line.Text.Trim().Length == 0 || line.Text.IndexOf('|') < 0)
            {
                break;
            }

            lastLine = line.Line;
            var row = ReadRow(source, line, columns, headerText, problems);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        var insertAfter = lastLine < source.LineCount ? source.LineStart(lastLine + 1) : source.Text.Length;
        var table = new ProgressTable(headerSpan, columns == 5, insertAfter, rows.ToEquatableArray());
        return new ProgressTableCandidate(table, problems);
    }

    private static ProgressTableRow? ReadRow(SourceText source, RawLine line, int columns, string headerText, List<Finding> problems)
    {
        var rowSpan = TrimmedSpan(source, line);
        var cells = SplitCells(line.Text);
        var first = Trim(line.Text, cells[0]);
        var firstText = line.Text.Substring(first.Start, first.Length);

        if (RollUp().IsMatch(firstText))
        {
            return new ProgressTableRow(ProgressTableRowKind.RollUp, rowSpan, null, null, null, null, null, null);
        }

        var phaseMatch = PhaseCell().Match(firstText);
        PhaseNumber? phase = null;
        if (phaseMatch.Success)
        {
            PhaseNumber.TryParse(phaseMatch.Groups["num"].Value, out phase);
        }

        if (columns == 5 && cells.Length == 4)
        {
            problems.Add(new Finding(
                InputProblems.ShiftedTableRow,
                rowSpan,
                $"Progress table row \"{source.Slice(rowSpan)}\" has 4 cells but its header \"{headerText}\" has 5 columns: the Milestone cell is missing, so the row is not read."));
            return new ProgressTableRow(ProgressTableRowKind.Shifted, rowSpan, phase, null, null, null, null, null);
        }

        if (phase is null)
        {
            problems.Add(new Finding(
                InputProblems.MalformedTableRow,
                rowSpan,
                $"Progress table row \"{source.Slice(rowSpan)}\" cannot be read: its first cell \"{firstText}\" is not \"N. Name\"."));
            return null;
        }

        if (cells.Length != columns)
        {
            problems.Add(new Finding(
                InputProblems.MalformedTableRow,
                rowSpan,
                $"Progress table row \"{source.Slice(rowSpan)}\" cannot be read: it has {cells.Length} cells but its header \"{headerText}\" has {columns} columns."));
            return null;
        }

        Located<string> Cell(int index)
        {
            var range = Trim(line.Text, cells[index]);
            return new Located<string>(line.Text.Substring(range.Start, range.Length), line.Span(source, range.Start, range.Length));
        }

        var offset = columns == 5 ? 1 : 0;
        return new ProgressTableRow(
            ProgressTableRowKind.Phase,
            rowSpan,
            phase,
            Cell(0),
            columns == 5 ? Cell(1) : null,
            Cell(1 + offset),
            Cell(2 + offset),
            Cell(3 + offset));
    }

    /// <summary>0 when the line is not a progress table header, else its column count (4 or 5).</summary>
    private static int MatchHeader(string text, CellRange[] cells)
    {
        if (text.IndexOf('|') < 0 || (cells.Length != 4 && cells.Length != 5))
        {
            return 0;
        }

        var expected = cells.Length == 4 ? FourColumns : FiveColumns;
        for (var i = 0; i < cells.Length; i++)
        {
            var name = CollapseWhitespace(text, cells[i]).Trim().Trim('*', '_').Trim();
            if (!string.Equals(name, expected[i], StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }
        }

        return cells.Length;
    }

    /// <summary>The cell's text with every run of whitespace (<see cref="char.IsWhiteSpace(char)"/>, as regex <c>\s</c>) made one space.</summary>
    internal static string CollapseWhitespace(string text, CellRange cell)
    {
        var chars = new char[cell.Length];
        var length = 0;
        for (var i = cell.Start; i < cell.End; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                chars[length++] = text[i];
            }
            else if (i == cell.Start || !char.IsWhiteSpace(text[i - 1]))
            {
                chars[length++] = ' ';
            }
        }

        return new string(chars, 0, length);
    }

    private static bool IsDelimiterRow(string text)
    {
        if (text.IndexOf('-') < 0)
        {
            return false;
        }

        foreach (var cell in SplitCells(text))
        {
            if (!DelimiterCell().IsMatch(text.Substring(cell.Start, cell.End - cell.Start)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cells between unescaped pipes, outer pipes excluded; never empty.</summary>
    internal static CellRange[] SplitCells(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start < end && text[start] == '|')
        {
            start++;
        }

        if (end > start && text[end - 1] == '|' && !(end - 2 >= start && text[end - 2] == '\\'))
        {
            end--;
        }

        var count = 1;
        for (var i = start; i < end; i++)
        {
            if (IsCellPipe(text, i))
            {
                count++;
            }
        }

        var cells = new CellRange[count];
        var cellStart = start;
        var cell = 0;
        for (var i = start; i < end; i++)
        {
            if (IsCellPipe(text, i))
            {
                cells[cell++] = new CellRange(cellStart, i);
                cellStart = i + 1;
            }
        }

        cells[cell] = new CellRange(cellStart, end);
        return cells;
    }

    private static bool IsCellPipe(string text, int i) => text[i] == '|' && (i == 0 || text[i - 1] != '\\');

    /// <summary>
    /// The cell's text without surrounding whitespace. An empty cell gives an empty range one space after the pipe,
    /// so that writing a value there gives <c>| value |</c>.
    /// </summary>
    private static CellRange Trim(string text, CellRange cell)
    {
        var start = cell.Start;
        var end = cell.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            var position = cell.Start < cell.End && text[cell.Start] == ' ' ? cell.Start + 1 : cell.Start;
            return new CellRange(position, position);
        }

        return new CellRange(start, end);
    }

    private static SourceSpan TrimmedSpan(SourceText source, RawLine line)
    {
        var range = Trim(line.Text, new CellRange(0, line.Text.Length));
        return line.Span(source, range.Start, range.Length);
    }
}

internal readonly record struct CellRange(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>A progress table and the problems found in its rows; reported only for the table that is kept.</summary>
internal sealed record ProgressTableCandidate(ProgressTable Table, List<Finding> Problems);
