using PlanState.Text;

namespace PlanState.Parsing.Frontmatter;

/// <summary>
/// One entry of a frontmatter region: a <c>key:</c> line at the region's indentation and the lines that continue it.
/// The region's leading lines before its first key (comments, stray text) form an entry without a key.
/// </summary>
/// <param name="KeyStart">Offset of the key's first char (its opening quote for a quoted key); -1 without a key.</param>
/// <param name="ChildrenStart">Offset of the line after the key line.</param>
/// <param name="InlineValueEmpty">True when nothing but a comment follows the colon, so the value is on the lines below.</param>
internal readonly record struct EntryChunk(int Start, int End, string? Key, int KeyStart, int ChildrenStart, bool InlineValueEmpty);

/// <summary>
/// Splits a frontmatter region that YAML rejected into its entries, so each can be parsed alone. This is a line
/// heuristic, deliberately simple: a line that starts at exactly the region's indentation with <c>key:</c> starts
/// an entry, and every other line (deeper lines, blank lines, comments, <c>- item</c> lines) continues it.
/// </summary>
internal static class EntrySplitter
{
    public static List<EntryChunk> Split(string text, int start, int end, int indent)
    {
        var chunks = new List<EntryChunk>();
        var chunkStart = start;
        string? key = null;
        var keyStart = -1;
        var childrenStart = start;
        var inlineEmpty = false;
        for (var lineStart = start; lineStart < end;)
        {
            var lineEnd = Math.Min(TextLines.LineEnd(text, lineStart), end);
            var next = Math.Min(TextLines.NextLineStart(text, lineEnd), end);
            if (TryReadKeyLine(text, lineStart, lineEnd, indent, out var lineKey, out var lineKeyStart, out var lineInlineEmpty))
            {
                if (lineStart > chunkStart)
                {
                    chunks.Add(new EntryChunk(chunkStart, lineStart, key, keyStart, childrenStart, inlineEmpty));
                }

                chunkStart = lineStart;
                key = lineKey;
                keyStart = lineKeyStart;
                childrenStart = next;
                inlineEmpty = lineInlineEmpty;
            }

            lineStart = next;
        }

        if (end > chunkStart)
        {
            chunks.Add(new EntryChunk(chunkStart, end, key, keyStart, childrenStart, inlineEmpty));
        }

        return chunks;
    }

    /// <summary>
    /// The indentation of a nested mapping in <c>[start, end)</c>: the column of its first key line when the first
    /// line with content is one (indented with spaces only); else -1.
    /// </summary>
    public static int NestedMappingIndent(string text, int start, int end)
    {
        for (var lineStart = start; lineStart < end;)
        {
            var lineEnd = Math.Min(TextLines.LineEnd(text, lineStart), end);
            var spaces = 0;
            while (lineStart + spaces < lineEnd && text[lineStart + spaces] == ' ')
            {
                spaces++;
            }

            var contentStart = lineStart + spaces;
            var blank = TextLines.TrimEndWhitespace(text, contentStart, lineEnd) == contentStart;
            if (!blank && text[contentStart] != '#')
            {
                return TryReadKeyLine(text, lineStart, lineEnd, spaces, out _, out _, out _) ? spaces : -1;
            }

            lineStart = TextLines.NextLineStart(text, lineEnd);
        }

        return -1;
    }

    /// <summary>Reads <c>key:</c> (plain, <c>"quoted"</c> or <c>'quoted'</c>) at exactly <paramref name="indent"/> spaces.</summary>
    internal static bool TryReadKeyLine(string text, int lineStart, int lineEnd, int indent, out string key, out int keyStart, out bool inlineValueEmpty)
    {
        key = string.Empty;
        keyStart = lineStart + indent;
        inlineValueEmpty = false;
        if (keyStart >= lineEnd)
        {
            return false;
        }

        for (var i = lineStart; i < keyStart; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        var first = text[keyStart];
        if (first is ' ' or '\t' or '#' || (first == '-' && (keyStart + 1 == lineEnd || text[keyStart + 1] is ' ' or '\t')))
        {
            return false;
        }

        int colon;
        if (first is '"' or '\'')
        {
            var close = text.IndexOf(first, keyStart + 1, lineEnd - keyStart - 1);
            if (close < 0)
            {
                return false;
            }

            key = text.Substring(keyStart + 1, close - keyStart - 1);
            colon = close + 1;
            while (colon < lineEnd && text[colon] is ' ' or '\t')
            {
                colon++;
            }

            if (colon >= lineEnd || text[colon] != ':' || !EndsKey(text, colon, lineEnd))
            {
                return false;
            }
        }
        else
        {
            colon = -1;
            for (var i = keyStart; i < lineEnd; i++)
            {
                if (text[i] == '#' && i > keyStart && text[i - 1] is ' ' or '\t')
                {
                    return false;
                }

                if (text[i] == ':' && EndsKey(text, i, lineEnd))
                {
                    colon = i;
                    break;
                }
            }

            if (colon < 0)
            {
                return false;
            }

            key = text.Substring(keyStart, colon - keyStart).TrimEnd(' ', '\t');
            if (key.Length == 0)
            {
                return false;
            }
        }

        var rest = colon + 1;
        while (rest < lineEnd && text[rest] is ' ' or '\t')
        {
            rest++;
        }

        inlineValueEmpty = rest >= lineEnd || text[rest] == '#';
        return true;
    }

    /// <summary>A colon ends a key when a space, a tab or the end of the line follows it.</summary>
    private static bool EndsKey(string text, int colon, int lineEnd) => colon + 1 == lineEnd || text[colon + 1] is ' ' or '\t';
}
