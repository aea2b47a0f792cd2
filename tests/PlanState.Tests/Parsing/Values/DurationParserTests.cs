using System.Globalization;
using PlanState.Model;
using PlanState.Parsing.Values;

namespace PlanState.Tests.Parsing.Values;

public class DurationParserTests
{
    // text, seconds, unit, unit text, secondary unit text, space before unit, space between parts, decimals, approximate
    [TestCase("3min", 180d, DurationUnit.Minutes, "min", "", false, false, 0, false)]
    [TestCase("5 min", 300d, DurationUnit.Minutes, "min", "", true, false, 0, false)]
    [TestCase("2.6 min", 156d, DurationUnit.Minutes, "min", "", true, false, 1, false)]
    [TestCase("5.2 min", 312d, DurationUnit.Minutes, "min", "", true, false, 1, false)]
    [TestCase("3.4min", 204d, DurationUnit.Minutes, "min", "", false, false, 1, false)]
    [TestCase("3.5m", 210d, DurationUnit.Minutes, "m", "", false, false, 1, false)]
    [TestCase("5m", 300d, DurationUnit.Minutes, "m", "", false, false, 0, false)]
    [TestCase("2 mins", 120d, DurationUnit.Minutes, "mins", "", true, false, 0, false)]
    [TestCase("45 minutes", 2700d, DurationUnit.Minutes, "minutes", "", true, false, 0, false)]
    [TestCase("1 minute", 60d, DurationUnit.Minutes, "minute", "", true, false, 0, false)]
    [TestCase("~30min", 1800d, DurationUnit.Minutes, "min", "", false, false, 0, true)]
    [TestCase("2m 39s", 159d, DurationUnit.MinutesSeconds, "m", "s", false, true, 0, false)]
    [TestCase("4m 7s", 247d, DurationUnit.MinutesSeconds, "m", "s", false, true, 0, false)]
    [TestCase("7m 56s", 476d, DurationUnit.MinutesSeconds, "m", "s", false, true, 0, false)]
    [TestCase("2m 0s", 120d, DurationUnit.MinutesSeconds, "m", "s", false, true, 0, false)]
    [TestCase("1h 5m", 3900d, DurationUnit.HoursMinutes, "h", "m", false, true, 0, false)]
    [TestCase("1h20min", 4800d, DurationUnit.HoursMinutes, "h", "min", false, false, 0, false)]
    [TestCase("96s", 96d, DurationUnit.Seconds, "s", "", false, false, 0, false)]
    [TestCase("268 seconds", 268d, DurationUnit.Seconds, "seconds", "", true, false, 0, false)]
    [TestCase("12 sec", 12d, DurationUnit.Seconds, "sec", "", true, false, 0, false)]
    [TestCase("0.09 hours", 324d, DurationUnit.Hours, "hours", "", true, false, 2, false)]
    [TestCase("0.83 hours", 2988d, DurationUnit.Hours, "hours", "", true, false, 2, false)]
    [TestCase("~12.5 hrs", 45000d, DurationUnit.Hours, "hrs", "", true, false, 1, true)]
    [TestCase("1 hour", 3600d, DurationUnit.Hours, "hour", "", true, false, 0, false)]
    [TestCase("1.5h", 5400d, DurationUnit.Hours, "h", "", false, false, 1, false)]
    [TestCase("2 hr", 7200d, DurationUnit.Hours, "hr", "", true, false, 0, false)]
    [TestCase("5 Min", 300d, DurationUnit.Minutes, "Min", "", true, false, 0, false)]
    [TestCase("2.60 min", 156d, DurationUnit.Minutes, "min", "", true, false, 2, false)]
    public void Reads_every_unit_variant_and_records_its_style(
        string text, double seconds, DurationUnit unit, string unitText, string secondaryUnitText, bool spaceBeforeUnit, bool spaceBetweenParts, int decimals, bool approximate)
    {
        var value = DurationParser.Parse(text);

        value.Text.Should().Be(text);
        value.Status.Should().Be(DurationStatus.Parsed);
        value.TotalSeconds.Should().Be(seconds);
        value.HasValue.Should().BeTrue();
        value.Style.Should().Be(new DurationStyle(unit, unitText, secondaryUnitText, spaceBeforeUnit, spaceBetweenParts, decimals, approximate));
    }

    [TestCase("12", 720d, 0, false)]
    [TestCase("3.5", 210d, 1, false)]
    [TestCase("~8", 480d, 0, true)]
    public void Reads_a_bare_number_as_minutes(string text, double seconds, int decimals, bool approximate)
    {
        var value = DurationParser.Parse(text);

        value.Status.Should().Be(DurationStatus.BareNumber);
        value.TotalSeconds.Should().Be(seconds);
        value.Style.Should().Be(new DurationStyle(DurationUnit.Minutes, string.Empty, string.Empty, false, false, decimals, approximate));
    }

    [TestCase("~1 session")]
    [TestCase("not tracked")]
    [TestCase("-")]
    [TestCase("—")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("TBD")]
    [TestCase("~")]
    [TestCase("5 min.")]
    [TestCase("5 min (est)")]
    [TestCase("1,5 h")]
    [TestCase("1h 5m 3s")]
    [TestCase("2m 39")]
    [TestCase("1h 30s")]
    [TestCase("2s 5m")]
    [TestCase("1.5h 30m")]
    [TestCase("2m 3.5s")]
    [TestCase("-5 min")]
    [TestCase(".5h")]
    [TestCase("5 lightyears")]
    [TestCase("1234567890123456 min")]
    public void Leaves_free_text_unparseable(string text)
    {
        var value = DurationParser.Parse(text);

        value.Should().Be(new DurationValue(text, DurationStatus.Unparseable, null, null));
        value.HasValue.Should().BeFalse();
    }

    [Test]
    public void Trims_surrounding_whitespace_but_keeps_the_text_as_given()
    {
        var value = DurationParser.Parse("  2.6 min\t");

        value.Text.Should().Be("  2.6 min\t");
        value.TotalSeconds.Should().Be(156d);
        value.Style!.Decimals.Should().Be(1);
    }

    [Test]
    public void Ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            DurationParser.Parse("2.6 min").TotalSeconds.Should().Be(156d);
            DurationParser.Parse("2,6 min").Status.Should().Be(DurationStatus.Unparseable);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Never_throws_on_random_text()
    {
        const string alphabet = "0123456789.,~ -—hmsinourecHMS:/()\t%";
        var random = new Random(20260202);
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 16);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = random.Next(8) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var value = DurationParser.Parse(text);

            // Plain checks: FluentAssertions in a 20,000-step loop would dominate the run time.
            var consistent = ReferenceEquals(value.Text, text)
                && value.HasValue == (value.Status != DurationStatus.Unparseable)
                && (value.Style is null) == (value.Status == DurationStatus.Unparseable)
                && !(value.TotalSeconds < 0);
            Assert.That(consistent, Is.True, $"Inconsistent result for '{text}': {value}");
        }
    }

    [Test]
    public void Treats_null_as_empty_text()
    {
        DurationParser.Parse(null!).Status.Should().Be(DurationStatus.Unparseable);
    }
}

public class SeedDurationTests
{
    // The velocity lines of the five seeds: parsed, and written back unchanged in their own style.
    [TestCase("000", "- Average duration", 156d)]
    [TestCase("000", "- Total execution time", 324d)]
    [TestCase("001", "- Average duration", 180d)]
    [TestCase("001", "- Total execution time", 180d)]
    [TestCase("002", "- Average duration", 210d)]
    [TestCase("002", "- Total execution time", 432d)]
    [TestCase("003", "- Average duration", 1020d)]
    [TestCase("003", "- Total execution time", 2988d)]
    [TestCase("004", "- Average duration", 159d)]
    [TestCase("004", "- Total execution time", 468d)]
    public void Reads_the_velocity_durations_of_every_seed(string seed, string field, double seconds)
    {
        var text = SeedValues.FieldValue(seed, field);

        var value = DurationParser.Parse(text);

        value.Status.Should().Be(DurationStatus.Parsed);
        value.TotalSeconds.Should().Be(seconds);
        PlanState.Rewriting.Formatting.DurationFormatter.Format(seconds, value.Style!).Should().Be(text.Trim());
    }
}
