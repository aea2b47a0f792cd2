namespace PlanState.Rewriting.Formatting;

/// <summary>
/// Dates as the progress table writes them, <c>yyyy-MM-dd</c>, written and recognised by hand: the rules do both for
/// every row of the table, and the framework's date formatting and exact parsing cost more than the rest of the row
/// (their culture machinery, and code the JIT compiles in every new process).
/// </summary>
internal static class IsoDate
{
    /// <summary>The date as <c>yyyy-MM-dd</c>, as <c>date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)</c> writes it.</summary>
    public static string Format(DateTime date)
    {
        var chars = new char[10];
        WriteDigits(chars, 0, date.Year, 4);
        chars[4] = '-';
        WriteDigits(chars, 5, date.Month, 2);
        chars[7] = '-';
        WriteDigits(chars, 8, date.Day, 2);
        return new string(chars);
    }

    /// <summary>
    /// True when <paramref name="text"/> is exactly a valid <c>yyyy-MM-dd</c> date, as
    /// <c>DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)</c> decides:
    /// a SUMMARY's <c>completed</c> date of exactly that length, read by the same scan and calendar check.
    /// </summary>
    public static bool IsExact(string text) => text.Length == 10 && Parsing.Files.SummaryFileParser.TryParseCompleted(text, out _);

    private static void WriteDigits(char[] chars, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
