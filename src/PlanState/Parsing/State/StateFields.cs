using PlanState.Parsing.Markdown;
using PlanState.Text;

namespace PlanState.Parsing.State;

/// <summary>A <c>Name: value</c> or <c>**Name:** value</c> field found on a prose line.</summary>
/// <param name="Name">The name, lower case with single spaces: <c>last activity</c>.</param>
/// <param name="ValueStart">Char offset of the value's first non-blank char in the file.</param>
/// <param name="Value">The value with surrounding blanks trimmed.</param>
/// <param name="Section">The heading the field sits under.</param>
internal sealed record StateField(string Name, int ValueStart, string Value, string Section)
{
    public SourceSpan Span(SourceText text) => text.Span(ValueStart, Value.Length);

    public Located<string> Located(SourceText text) => new(Value, Span(text));
}

/// <summary>
/// Finds fields the way the original tool does: case-insensitive names, the first match after the frontmatter wins,
/// and only prose lines count (never tables or code).
/// </summary>
internal static class StateFields
{
    public static Dictionary<string, StateField> Collect(SourceText text, IReadOnlyList<OutlineBlock> outline)
    {
        var fields = new Dictionary<string, StateField>(StringComparer.Ordinal);
        foreach (var block in outline)
        {
            if (block.Kind != OutlineBlockKind.Prose)
            {
                continue;
            }

            for (var line = block.FirstLine; line <= block.LastLine; line++)
            {
                var lineText = text.LineText(line);
                if (TryReadField(lineText, out var name, out var valueStart, out var value) && !fields.ContainsKey(name))
                {
                    fields[name] = new StateField(name, text.LineStart(line) + valueStart, value, block.Section);
                }
            }
        }

        return fields;
    }

    /// <summary>Reads <c>Name: value</c>, <c>**Name:** value</c> or <c>**Name**: value</c>, optionally as a list item.</summary>
    internal static bool TryReadField(string line, out string name, out int valueStart, out string value)
    {
        name = string.Empty;
        value = string.Empty;
        valueStart = 0;
        var i = SkipBlanks(line, 0);
        // A list marker ("- ", "* ", "+ ") before the field; "**Name:**" starts with '*' but not with "* ".
        if (i + 1 < line.Length && line[i] is '-' or '*' or '+' && line[i + 1] == ' ')
        {
            i = SkipBlanks(line, i + 1);
        }

        int afterName;
        string rawName;
        if (i + 1 < line.Length && line[i] == '*' && line[i + 1] == '*')
        {
            var close = line.IndexOf("**", i + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            rawName = line.Substring(i + 2, close - i - 2);
            afterName = close + 2;
            if (rawName.EndsWith(":", StringComparison.Ordinal))
            {
                rawName = rawName.Substring(0, rawName.Length - 1);
            }
            else if (afterName < line.Length && line[afterName] == ':')
            {
                afterName++;
            }
            else
            {
                return false;
            }
        }
        else
        {
            // "Name: value": the colon ends the name only when a blank or the line's end follows (not "https://").
            var colon = line.IndexOf(':', i);
            if (colon <= i || (colon + 1 < line.Length && line[colon + 1] is not (' ' or '\t')))
            {
                return false;
            }

            rawName = line.Substring(i, colon - i);
            afterName = colon + 1;
        }

        if (!IsFieldName(rawName))
        {
            return false;
        }

        var start = SkipBlanks(line, afterName);
        var end = line.Length;
        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        name = Normalize(rawName);
        valueStart = start;
        value = line.Substring(start, end - start);
        return true;
    }

    private static bool IsFieldName(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 40 || !char.IsLetter(trimmed[0]))
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '/' or '-' or '(' or ')' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string raw) =>
        string.Join(" ", raw.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static int SkipBlanks(string s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
