using PlanState.Text;

namespace PlanState.Parsing.Frontmatter;

/// <summary>
/// The fence lines of a frontmatter block, shared by the reader (on decoded text) and by the head loader (on raw
/// bytes), so that both agree on where a block ends. Fences are ASCII, so both forms test the same characters.
/// </summary>
internal static class FrontmatterFences
{
    /// <summary>True when <c>text[start..end)</c> is exactly <c>---</c>, trailing spaces and tabs allowed.</summary>
    public static bool IsOpening(ReadOnlySpan<char> text, int start, int end) => Is(text, start, end, '-');

    /// <summary>True when <c>text[start..end)</c> is <c>---</c> or <c>...</c>, trailing spaces and tabs allowed.</summary>
    /// <remarks>Runs on every line of every block: a line that does not start with a fence character is rejected before any trimming.</remarks>
    public static bool IsClosing(ReadOnlySpan<char> text, int start, int end) =>
        end - start >= 3 && text[start] is '-' or '.' && Is(text, start, end, text[start]);

    public static bool IsOpening(byte[] bytes, int start, int end) => Is(bytes, start, end, (byte)'-');

    public static bool IsClosing(byte[] bytes, int start, int end) => Is(bytes, start, end, (byte)'-') || Is(bytes, start, end, (byte)'.');

    private static bool Is(ReadOnlySpan<char> text, int start, int end, char fence)
    {
        end = TextLines.TrimEndWhitespace(text, start, end);
        return end - start == 3 && text[start] == fence && text[start + 1] == fence && text[start + 2] == fence;
    }

    private static bool Is(byte[] bytes, int start, int end, byte fence)
    {
        while (end > start && bytes[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end--;
        }

        return end - start == 3 && bytes[start] == fence && bytes[start + 1] == fence && bytes[start + 2] == fence;
    }

}
