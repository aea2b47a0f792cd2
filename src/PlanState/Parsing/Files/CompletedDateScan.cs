namespace PlanState.Parsing.Files;

/// <summary>
/// Recognises a SUMMARY's <c>completed</c> value by a plain scan instead of a Regex (every SUMMARY has one, so it is
/// on the cold path). It accepts exactly what this pattern, matched ignoring case, accepts:
/// <code>
/// ^YYYY-MM-DD(?:(?:T|[ \t]+)H{1,2}:MM(?::SS(?:[.,]d+)?)?[ \t]*(?:Z|UTC|GMT|[+-]HH(?::?MM)?)?)?$
/// </code>
/// where every letter standing for a number is an ASCII digit; <c>CompletedDateScanTests</c> holds the two to the same answers.
/// </summary>
internal static class CompletedDateScan
{
    /// <summary>Reads the date's digits (not yet checked as a calendar date) when <paramref name="text"/> has the form.</summary>
    public static bool TryRead(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out year) || !TryDigits(text, 5, 2, out month) || !TryDigits(text, 8, 2, out day))
        {
            return false;
        }

        return text.Length == 10 || IsTimeAndZone(text, 10);
    }

    /// <summary><c>(?:T|[ \t]+)H{1,2}:MM(?::SS(?:[.,]d+)?)?[ \t]*(?:Z|UTC|GMT|[+-]HH(?::?MM)?)?$</c> from <paramref name="i"/>.</summary>
    private static bool IsTimeAndZone(string text, int i)
    {
        if (text[i] is 'T' or 't')
        {
            i++;
        }
        else
        {
            var blanks = SkipBlanks(text, i);
            if (blanks == i)
            {
                return false;
            }

            i = blanks;
        }

        // One or two hour digits, then the minutes.
        var hourStart = i;
        while (i < text.Length && i - hourStart < 2 && IsDigit(text[i]))
        {
            i++;
        }

        if (i == hourStart || !IsAt(text, i, ':') || !AreDigits(text, i + 1, 2))
        {
            return false;
        }

        i += 3;
        if (IsAt(text, i, ':'))
        {
            if (!AreDigits(text, i + 1, 2))
            {
                return false;
            }

            i += 3;
            if (i < text.Length && text[i] is '.' or ',')
            {
                var fractionStart = ++i;
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }

                if (i == fractionStart)
                {
                    return false;
                }
            }
        }

        i = SkipBlanks(text, i);
        return i == text.Length || IsZone(text, i);
    }

    /// <summary><c>(?:Z|UTC|GMT|[+-]HH(?::?MM)?)$</c> from <paramref name="i"/>, ignoring case.</summary>
    private static bool IsZone(string text, int i)
    {
        var rest = text.Length - i;
        switch (text[i])
        {
            case 'Z' or 'z':
                return rest == 1;
            case 'U' or 'u' or 'G' or 'g':
                return rest == 3 && (string.Compare(text, i, "UTC", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
                                     || string.Compare(text, i, "GMT", 0, 3, StringComparison.OrdinalIgnoreCase) == 0);
            case '+' or '-':
                if (!AreDigits(text, i + 1, 2))
                {
                    return false;
                }

                i += 3;
                if (IsAt(text, i, ':'))
                {
                    i++;
                }
                else if (i == text.Length)
                {
                    return true;
                }

                return text.Length - i == 2 && AreDigits(text, i, 2);
            default:
                return false;
        }
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    private static bool AreDigits(string text, int start, int count) =>
        start + count <= text.Length && TryDigits(text, start, count, out _);

    private static bool IsAt(string text, int i, char c) => i < text.Length && text[i] == c;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
