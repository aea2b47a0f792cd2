using System.Runtime.CompilerServices;

namespace PlanState.Text;

/// <summary>Line arithmetic on decoded text; a line break is <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as in <see cref="SourceText"/>.</summary>
internal static class TextLines
{
    /// <summary>The offset of the line break that ends the line containing <paramref name="offset"/>, or the text length.</summary>
    public static int LineEnd(ReadOnlySpan<char> text, int offset)
    {
        if (offset >= text.Length)
        {
            return text.Length;
        }

        // A vectorised search: this runs for every line of every frontmatter block (17,000 files in a large tree).
        var found = text.Slice(offset).IndexOfAny('\n', '\r');
        return found < 0 ? text.Length : offset + found;
    }

    /// <summary>The offset after the line break at <paramref name="lineEnd"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextLineStart(ReadOnlySpan<char> text, int lineEnd)
    {
        if (lineEnd >= text.Length)
        {
            return text.Length;
        }

        return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }

    /// <summary>The end of <c>text[start..end)</c> with trailing spaces, tabs and line breaks removed.</summary>
    public static int TrimEndWhitespace(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && text[end - 1] is ' ' or '\t' or '\r' or '\n')
        {
            end--;
        }

        return end;
    }
}
