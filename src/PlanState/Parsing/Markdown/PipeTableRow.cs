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
        var cells = new List<TextRange>();
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

            cells.Add(Trimmed(line, cellStart, i));
            cellStart = i + 1;
        }

        return EquatableArray<TextRange>.TakeOwnership(cells.ToArray());
    }

    /// <summary>True for a delimiter row such as <c>|-------|:---:|</c>.</summary>
    public static bool IsDelimiterRow(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && trimmed.IndexOf('-') >= 0 && trimmed.All(c => c is '|' or '-' or ':' or ' ' or '\t');
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
