using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Parsing.Files;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// <see cref="CompletedDateScan"/> replaced a Regex on every SUMMARY's <c>completed</c> value;
/// <see cref="SummaryFileParser.TryParseCompleted"/> must answer exactly what the Regex-based version answered.
/// </summary>
[TestFixture]
public sealed class CompletedDateScanTests
{
    private static readonly Regex Reference = new(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:(?:T|[ \t]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?[ \t]*(?:Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    [TestCase("2026-02-02")]
    [TestCase(" 2026-02-02 ")]
    [TestCase("2026-02-02T10:30:00Z")]
    [TestCase("2026-02-02t1:30z")]
    [TestCase("2026-02-02 10:30")]
    [TestCase("2026-02-02 \t 10:30 utc")]
    [TestCase("2026-02-02T10:30:00.123+02:00")]
    [TestCase("2026-02-02T10:30:00,5-0230")]
    [TestCase("2026-02-02T10:30+02")]
    [TestCase("2026-02-02T10:30+0")]
    [TestCase("2026-02-02T10:30+02:")]
    [TestCase("2026-02-02T10:30+023")]
    [TestCase("2026-02-02T10:30:0")]
    [TestCase("2026-02-02T10:30:00.")]
    [TestCase("2026-02-02T10:30GMT")]
    [TestCase("2026-02-02T10:30 UT")]
    [TestCase("2026-02-02T10:30 ZZ")]
    [TestCase("2026-02-02T123:30")]
    [TestCase("2026-02-02T:30")]
    [TestCase("2026-02-02T10")]
    [TestCase("2026-02-02T")]
    [TestCase("2026-02-02x")]
    [TestCase("2026-02-30")]
    [TestCase("2024-02-29")]
    [TestCase("2023-02-29")]
    [TestCase("0000-01-01")]
    [TestCase("2026-13-01")]
    [TestCase("2026-00-10")]
    [TestCase("2026-1-01")]
    [TestCase("26-01-01")]
    [TestCase("２０２６-01-01")]
    [TestCase("2026/01/01")]
    [TestCase("")]
    [TestCase("yesterday")]
    public void Answers_as_the_pattern_did(string value) => AssertSame(value);

    [Test]
    public void Random_values_get_the_answer_the_pattern_gave()
    {
        var piece = Gen.Elements("2026-02-02", "2024-02-29", "2026-13-40", "1", "10", "05", ":", "-", "+", ".", ",", " ", "\t", "T", "t", "Z", "z", "UTC", "utc", "GMT", "U", "x", "123");
        var values = from head in Gen.Elements("2026-02-02", "2024-02-29", "2026-02-30", "2026-1-1", string.Empty)
                     from pieces in Gen.ListOf(piece).Resize(8)
                     select head + string.Concat(pieces);
        Check.One(Runs.WithMaxTest(10_000), Prop.ForAll(Arb.From(values), AssertSame));
    }

    private static void AssertSame(string value)
    {
        var parsed = SummaryFileParser.TryParseCompleted(value, out var date);
        var expected = TryParseTheOldWay(value, out var expectedDate);

        parsed.Should().Be(expected, "'{0}'", value);
        date.Should().Be(expectedDate);
        date.Kind.Should().Be(expectedDate.Kind);
    }

    /// <summary><see cref="SummaryFileParser.TryParseCompleted"/> as it was with the Regex.</summary>
    private static bool TryParseTheOldWay(string value, out DateTime date)
    {
        date = default;
        var match = Reference.Match(value.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }
}
