namespace PlanState.Parsing.Values;

/// <summary>
/// Small hand-written scanning helpers shared by the value parsers. They work on a string and an index so that the
/// parsers allocate nothing beyond the substrings they keep, and they are culture-invariant by construction (only
/// ASCII digits count as digits).
/// </summary>
internal static class ValueScanner
{
    /// <summary>Integers with more digits than this are not read, so accumulating never overflows an int.</summary>
    public const int MaxIntDigits = 9;

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>The em dash, en dash and hyphen that people put between a number and a name.</summary>
    public static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014';

    public static int SkipWhitespace(string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The end of <paramref name="text"/> once trailing whitespace is left out, never before <paramref name="start"/>.</summary>
    public static int TrimEnd(string text, int start) => TrimEnd(text, start, text.Length);

    /// <summary>The end of the slice [<paramref name="start"/>, <paramref name="end"/>) once trailing whitespace is left out.</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    public static int SkipDigits(string text, int index, int end)
    {
        while (index < end && IsDigit(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>Reads a run of ASCII digits as an int; false when the run is empty or too long to fit.</summary>
    public static bool TryReadInt(string text, int index, int end, out int value, out int next)
    {
        next = SkipDigits(text, index, end);
        value = 0;
        var length = next - index;
        if (length == 0 || length > MaxIntDigits)
        {
            return false;
        }

        for (var i = index; i < next; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    /// <summary>True when <paramref name="word"/> is at <paramref name="index"/> (ignoring case) and is not followed by a letter or digit.</summary>
    public static bool IsWordAt(string text, int index, int end, string word)
    {
        if (end - index < word.Length || string.Compare(text, index, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var after = index + word.Length;
        return after == end || !char.IsLetterOrDigit(text[after]);
    }
}
