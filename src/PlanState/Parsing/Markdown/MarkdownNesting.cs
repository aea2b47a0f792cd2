namespace PlanState.Parsing.Markdown;

/// <summary>
/// A linear pre-check before Markdig: a line that opens hundreds of lists or quotes (or starts with thousands of
/// blanks) is never real planning text, and Markdig's time on such a line grows with size × depth.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>More container levels on one line than any real file has (real files nest a handful).</summary>
    public const int MaxContainerDepth = 64;

    /// <summary>More leading blanks than any real file indents.</summary>
    public const int MaxIndent = 512;

    private static readonly char[] LineBreaks = { '\n', '\r' };

    /// <summary>The first 1-based line that nests deeper than the limits, or null when every line is within them.</summary>
    public static int? FindTooDeepLine(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var next = ScanLinePrefix(text, i, out var depth, out var indent);
            if (depth > MaxContainerDepth || indent > MaxIndent)
            {
                return line;
            }

            // Skip to the next line.
            i = text.IndexOfAny(LineBreaks, next);
            if (i < 0)
            {
                break;
            }

            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            i++;
            line++;
        }

        return null;
    }

    /// <summary>Counts the quote and list markers that open a line, and its blanks; returns where the prefix ends.</summary>
    /// <remarks>Out parameters rather than a tuple: a tuple of three ints is JIT-compiled at start-up.</remarks>
    private static int ScanLinePrefix(string text, int i, out int depth, out int indent)
    {
        depth = 0;
        indent = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                indent++;
                i++;
            }
            else if (c == '>')
            {
                depth++;
                i++;
            }
            else if (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] is ' ' or '\t')
            {
                depth++;
                i += 2;
            }
            else if (char.IsDigit(c))
            {
                var j = i;
                while (j < text.Length && j - i < 9 && char.IsDigit(text[j]))
                {
                    j++;
                }

                if (j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] is ' ' or '\t')
                {
                    depth++;
                    i = j + 2;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
