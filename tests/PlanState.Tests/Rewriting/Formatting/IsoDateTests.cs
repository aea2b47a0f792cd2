using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Rewriting.Formatting;

namespace PlanState.Tests.Rewriting.Formatting;

/// <summary>The progress table's dates are written and recognised by hand; the framework's exact forms are the reference.</summary>
public class IsoDateTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(5000);

    [Test]
    public void A_date_is_written_as_the_framework_writes_yyyy_MM_dd()
    {
        var days = Gen.Choose(0, (int)(DateTime.MaxValue - DateTime.MinValue).TotalDays);
        Check.One(Runs, Prop.ForAll(Arb.From(days), day =>
        {
            var date = DateTime.MinValue.AddDays(day);
            IsoDate.Format(date).Should().Be(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }));
    }

    [Test]
    public void A_text_is_a_date_exactly_when_the_framework_parses_it_as_yyyy_MM_dd()
    {
        var texts =
            from length in Gen.Choose(8, 12)
            from chars in Gen.ArrayOf(Gen.Frequency((12, Gen.Elements('0', '1', '2', '3', '9')), (3, Gen.Constant('-')), (1, Gen.Elements(' ', '/', '٣', 'T'))), length)
            select new string(chars);
        var dates = from day in Gen.Choose(0, 800_000) select DateTime.MinValue.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Check.One(Runs, Prop.ForAll(Arb.From(Gen.OneOf(texts, dates)), text =>
        {
            var expected = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            IsoDate.IsExact(text).Should().Be(expected, "'{0}'", text);
        }));
    }

    [TestCase("2026-02-29", false)]
    [TestCase("2024-02-29", true)]
    [TestCase("0000-01-01", false)]
    [TestCase("2026-1-01", false)]
    [TestCase(" 2026-01-01", false)]
    [TestCase("2026-13-01", false)]
    public void Edge_dates(string text, bool isDate) => IsoDate.IsExact(text).Should().Be(isDate);
}
