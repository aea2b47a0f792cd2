using PlanState.Model;

namespace PlanState.Parsing.Markdown;

/// <summary>Splits one raw pipe-table line into cells, keeping where each cell's trimmed text sits in the line.</summary>
public static class PipeTableRow
{
    /// <summary>
    /// The cells of <paramref name="line"/>, each as the range of its trimmed text. Leading and trailing pipes are
    /// optional; <c>\|</c> and pipes inside backtick code do not split.
    /// </summary>
    public static EquatableArray<TextRange> SplitCells(string line)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        if (start < end && line[start] == '|')
        {
            start++;
        }

        if (end > start && line[end - 1] == '|' && (end - 2 < start || line[end - 2] != '\\'))
        {
            end--;
        }

        // Two passes over the line, counting cells and then filling them: an array, not a List of structs, to build.
        var cells = new TextRange[ForEachCell(line, start, end, null)];
        ForEachCell(line, start, end, cells);
        return EquatableArray<TextRange>.TakeOwnership(cells);
    }

    /// <summary>Counts the cells of <c>line[start..end)</c> and, when <paramref name="cells"/> is given, stores them there.</summary>
    private static int ForEachCell(string line, int start, int end, TextRange[]? cells)
    {
        var count = 0;
        var cellStart = start;
        var inCode = false;
        for (var i = start; i <= end; i++)
        {
            if (i < end)
            {
                var c = line[i];
                if (c == '\\')
                {
                    i++;
                    continue;
                }

                if (c == '`')
                {
                    inCode = !inCode;
                }

                if (c != '|' || inCode)
                {
                    continue;
                }
            }

            if (cells is not null)
            {
                cells[count] = Trimmed(line, cellStart, i);
            }

            count++;
            cellStart = i + 1;
        }

        return count;
    }

    /// <summary>True for a delimiter row such as <c>|-------|:---:|</c>.</summary>
    public static bool IsDelimiterRow(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.IndexOf('-') < 0)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (c is not ('|' or '-' or ':' or ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static TextRange Trimmed(string line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end - start);
    }
}
