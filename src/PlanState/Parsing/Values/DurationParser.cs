using PlanState.Model;
using static PlanState.Parsing.Values.ValueScanner;

namespace PlanState.Parsing.Values;

/// <summary>
/// Reads a duration as people write it in STATE.md and SUMMARY files, and records how it was written so that a
/// recomputed value can be written the same way (see <c>DurationFormatter</c>).
/// </summary>
/// <remarks>
/// Grammar, after trimming surrounding whitespace (units match case-insensitively and are kept as written):
/// <code>
/// duration := ['~' ws?] number [ws? unit [ws? integer ws? unit]]
/// number   := digits ['.' digits]                       (ASCII digits, '.' as separator, whatever the culture)
/// unit     := s|sec|secs|second|seconds | m|min|mins|minute|minutes | h|hr|hrs|hour|hours
/// </code>
/// A number without a unit is a <see cref="DurationStatus.BareNumber"/> read as minutes. Two parts are accepted only as
/// hours+minutes (<c>1h 5m</c>, <c>1h20min</c>) or minutes+seconds (<c>2m 39s</c>), with whole numbers in both parts.
/// Anything else (<c>~1 session</c>, <c>not tracked</c>, <c>-</c>, <c>1h 5m 3s</c>, <c>1,5h</c>, trailing text) is
/// <see cref="DurationStatus.Unparseable"/>: never guessed. Never throws.
/// </remarks>
public static class DurationParser
{
    // Numbers with more digits than this are not read: the mantissa times 3600 must fit a long, and a double must
    // hold it exactly so that 2.6 min is 156 s, not 156.00000000000003 s.
    private const int MaxNumberDigits = 15;

    private static readonly long[] PowersOfTen = BuildPowersOfTen();

    private static readonly string[] SecondUnits = ["s", "sec", "secs", "second", "seconds"];
    private static readonly string[] MinuteUnits = ["m", "min", "mins", "minute", "minutes"];
    private static readonly string[] HourUnits = ["h", "hr", "hrs", "hour", "hours"];

    public static DurationValue Parse(string text)
    {
        text ??= string.Empty;
        var index = SkipWhitespace(text, 0, text.Length);
        var end = TrimEnd(text, index);
        if (index == end)
        {
            return Unparseable(text);
        }

        var approximate = text[index] == '~';
        if (approximate)
        {
            index = SkipWhitespace(text, index + 1, end);
        }

        if (!TryReadNumber(text, ref index, end, out var mantissa, out var decimals))
        {
            return Unparseable(text);
        }

        var beforeSpace = index;
        index = SkipWhitespace(text, index, end);
        var spaceBeforeUnit = index > beforeSpace;
        if (index == end)
        {
            var bareStyle = new DurationStyle(DurationUnit.Minutes, string.Empty, string.Empty, false, false, decimals, approximate);
            return new DurationValue(text, DurationStatus.BareNumber, ToSeconds(mantissa, decimals, 60), bareStyle);
        }

        if (!TryReadUnit(text, ref index, end, out var unitText, out var unitSeconds))
        {
            return Unparseable(text);
        }

        if (index == end)
        {
            var unit = unitSeconds switch
            {
                1 => DurationUnit.Seconds,
                60 => DurationUnit.Minutes,
                _ => DurationUnit.Hours,
            };
            var style = new DurationStyle(unit, unitText, string.Empty, spaceBeforeUnit, false, decimals, approximate);
            return new DurationValue(text, DurationStatus.Parsed, ToSeconds(mantissa, decimals, unitSeconds), style);
        }

        return ParseSecondPart(text, index, end, mantissa, decimals, unitText, unitSeconds, spaceBeforeUnit, approximate);
    }

    private static DurationValue ParseSecondPart(
        string text, int index, int end, long firstNumber, int firstDecimals, string unitText, int unitSeconds, bool spaceBeforeUnit, bool approximate)
    {
        var beforeSpace = index;
        index = SkipWhitespace(text, index, end);
        var spaceBetweenParts = index > beforeSpace;
        if (firstDecimals != 0 || !TryReadNumber(text, ref index, end, out var secondNumber, out var secondDecimals) || secondDecimals != 0)
        {
            return Unparseable(text);
        }

        index = SkipWhitespace(text, index, end);
        if (!TryReadUnit(text, ref index, end, out var secondaryUnitText, out var secondaryUnitSeconds) || index != end)
        {
            return Unparseable(text);
        }

        DurationUnit unit;
        if (unitSeconds == 3600 && secondaryUnitSeconds == 60)
        {
            unit = DurationUnit.HoursMinutes;
        }
        else if (unitSeconds == 60 && secondaryUnitSeconds == 1)
        {
            unit = DurationUnit.MinutesSeconds;
        }
        else
        {
            return Unparseable(text);
        }

        var style = new DurationStyle(unit, unitText, secondaryUnitText, spaceBeforeUnit, spaceBetweenParts, 0, approximate);
        var seconds = ((double)firstNumber * unitSeconds) + ((double)secondNumber * secondaryUnitSeconds);
        return new DurationValue(text, DurationStatus.Parsed, seconds, style);
    }

    private static DurationValue Unparseable(string text) => new(text, DurationStatus.Unparseable, null, null);

    // From the digits as an integer, so that 2.6 min is exactly 26 * 60 / 10 = 156 s.
    private static double ToSeconds(long mantissa, int decimals, int unitSeconds) =>
        (double)(mantissa * unitSeconds) / PowersOfTen[decimals];

    /// <summary>digits ['.' digits]; the value is <paramref name="mantissa"/> / 10^<paramref name="decimals"/>.</summary>
    private static bool TryReadNumber(string text, ref int index, int end, out long mantissa, out int decimals)
    {
        mantissa = 0;
        decimals = 0;
        var integerEnd = SkipDigits(text, index, end);
        if (integerEnd == index)
        {
            return false;
        }

        var numberEnd = integerEnd;
        if (integerEnd + 1 < end && text[integerEnd] == '.' && IsDigit(text[integerEnd + 1]))
        {
            numberEnd = SkipDigits(text, integerEnd + 1, end);
            decimals = numberEnd - integerEnd - 1;
        }

        var digitCount = integerEnd - index + decimals;
        if (digitCount > MaxNumberDigits)
        {
            return false;
        }

        for (var i = index; i < numberEnd; i++)
        {
            if (i != integerEnd)
            {
                mantissa = (mantissa * 10) + (text[i] - '0');
            }
        }

        index = numberEnd;
        return true;
    }

    private static bool TryReadUnit(string text, ref int index, int end, out string unitText, out int unitSeconds)
    {
        var start = index;
        var wordEnd = index;
        while (wordEnd < end && IsAsciiLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var length = wordEnd - start;
        unitSeconds = Matches(text, start, length, SecondUnits) ? 1
            : Matches(text, start, length, MinuteUnits) ? 60
            : Matches(text, start, length, HourUnits) ? 3600
            : 0;
        if (unitSeconds == 0)
        {
            unitText = string.Empty;
            return false;
        }

        unitText = text.Substring(start, length);
        index = wordEnd;
        return true;
    }

    private static bool Matches(string text, int start, int length, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Length == length && string.Compare(text, start, candidate, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static long[] BuildPowersOfTen()
    {
        var powers = new long[MaxNumberDigits + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
