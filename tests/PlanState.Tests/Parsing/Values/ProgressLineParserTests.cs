using PlanState.Model;
using PlanState.Parsing.Values;

namespace PlanState.Tests.Parsing.Values;

public class ProgressLineParserTests
{
    // text, filled, empty, width, filled cells, brackets, backticks, glyph run, percent (-1: none), trailing
    [TestCase("[██░░░░░░░░] 50% (2/4 plans in phase 1)", "█", "░", 10, 2, true, false, "██░░░░░░░░", 50, " (2/4 plans in phase 1)")]
    [TestCase(" [█████░░░░░] 50%", "█", "░", 10, 5, true, false, "█████░░░░░", 50, "")]
    [TestCase(" [==                  ] 18% (2/11)", "=", " ", 20, 2, true, false, "==                  ", 18, " (2/11)")]
    [TestCase(" [##--------] 12%", "#", "-", 10, 2, true, false, "##--------", 12, "")]
    [TestCase(" [##........] 17%", "#", ".", 10, 2, true, false, "##........", 17, "")]
    [TestCase(" `[##--------]` 12%", "#", "-", 10, 2, true, true, "##--------", 12, "")]
    [TestCase(" `##--------` 20%", "#", "-", 10, 2, false, true, "##--------", 20, "")]
    [TestCase("██████░░░░ 60%", "█", "░", 10, 6, false, false, "██████░░░░", 60, "")]
    [TestCase("#####----- 50% — SHIPPED", "#", "-", 10, 5, false, false, "#####-----", 50, " — SHIPPED")]
    [TestCase("[===░░░░░░░] 30%", "=", "░", 10, 3, true, false, "===░░░░░░░", 30, "")]
    [TestCase("[██████] 100%", "█", "░", 6, 6, true, false, "██████", 100, "")]
    [TestCase("[░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 0%", "█", "░", 30, 0, true, false, "░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░", 0, "")]
    [TestCase("[██████████░░] 83% (Phase 12)", "█", "░", 12, 10, true, false, "██████████░░", 83, " (Phase 12)")]
    [TestCase("[#####---------] 33%", "#", "-", 14, 5, true, false, "#####---------", 33, "")]
    [TestCase("[████████████████████████] 100% — SHIPPED", "█", "░", 24, 24, true, false, "████████████████████████", 100, " — SHIPPED")]
    [TestCase("[████░░░░░░] 40% (2/4 phases, 6/9 plans)", "█", "░", 10, 4, true, false, "████░░░░░░", 40, " (2/4 phases, 6/9 plans)")]
    [TestCase("[          ] 0%", "=", " ", 10, 0, true, false, "          ", 0, "")]
    [TestCase("[==========] 100%", "=", " ", 10, 10, true, false, "==========", 100, "")]
    [TestCase("==========  100%", "=", "░", 10, 10, false, false, "==========", 100, "")]
    [TestCase("----------", "#", "-", 10, 0, false, false, "----------", -1, "")]
    [TestCase("[##--------]12%", "#", "-", 10, 2, true, false, "##--------", 12, "")]
    [TestCase("[██░░░░░░░░]", "█", "░", 10, 2, true, false, "██░░░░░░░░", -1, "")]
    [TestCase("[██░░░░░░░░] 18.5%", "█", "░", 10, 2, true, false, "██░░░░░░░░", -1, " 18.5%")]
    [TestCase("[██░░░░░░░░] in progress", "█", "░", 10, 2, true, false, "██░░░░░░░░", -1, " in progress")]
    public void Reads_every_bar_shape(
        string text, string filled, string empty, int width, int filledCells, bool brackets, bool backticks, string glyphRun, int percent, string trailing)
    {
        var value = ProgressLineParser.Parse(text)!;

        value.Should().NotBeNull();
        value.Text.Should().Be(text);
        var bar = value.Bar!;
        bar.Should().NotBeNull();
        bar.Filled.Should().Be(filled);
        bar.Empty.Should().Be(empty);
        bar.Width.Should().Be(width);
        bar.FilledCells.Should().Be(filledCells);
        bar.Brackets.Should().Be(brackets);
        bar.Backticks.Should().Be(backticks);
        Slice(text, bar.GlyphRange).Should().Be(glyphRun);
        CheckPercentAndTrailing(value, percent, trailing);
    }

    [TestCase("50%", 50, "")]
    [TestCase("50% complete", 50, " complete")]
    [TestCase(" 45%", 45, "")]
    [TestCase("  100% (2/2 plans)", 100, " (2/2 plans)")]
    [TestCase("0%", 0, "")]
    [TestCase("007%", 7, "")]
    public void Reads_a_line_with_only_a_percent(string text, int percent, string trailing)
    {
        var value = ProgressLineParser.Parse(text)!;

        value.Should().NotBeNull();
        value.Bar.Should().BeNull();
        CheckPercentAndTrailing(value, percent, trailing);
    }

    [Test]
    public void Leaves_an_empty_percent_range_right_after_a_bar_without_percent()
    {
        var value = ProgressLineParser.Parse(" `[##--------]` done")!;

        value.Percent.Should().BeNull();
        value.PercentRange.Should().Be(new TextRange(15, 0));
        value.TrailingRange.Should().Be(new TextRange(15, 5));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("In progress")]
    [TestCase("18.5%")]
    [TestCase("TBD")]
    [TestCase("3/10 plans (30%)")]
    [TestCase("[###---###] 50%")] // a filled run after the empty run
    [TestCase("[##---] 40%")] // 5 cells
    [TestCase("[###############################] 100%")] // 31 cells
    [TestCase("==      18%")] // a space is an empty glyph only inside brackets
    [TestCase("[##--------")]
    [TestCase("##--------x 10%")]
    [TestCase("[##~~~~~~~~] 20%")]
    [TestCase("`50%`")]
    public void Returns_null_without_a_bar_or_percent_at_the_start(string text)
    {
        ProgressLineParser.Parse(text).Should().BeNull();
    }

    [Test]
    public void Treats_null_as_no_value()
    {
        ProgressLineParser.Parse(null!).Should().BeNull();
    }

    [TestCase(" (2/11)", "2/11/")]
    [TestCase(" (2/4 plans in phase 1)", "2/4/plans")]
    [TestCase(" (2/4 phases, 6/9 plans)", "2/4/phases", "6/9/plans")]
    [TestCase(" (3/4 Plans)", "3/4/Plans")]
    [TestCase(" — 12/12 complete.", "12/12/complete")]
    [TestCase(" (Phase 12)")]
    [TestCase(" — SHIPPED")]
    [TestCase(" (updated 1/2/2026)")]
    [TestCase(" (1.5/3)")]
    [TestCase(" (v2/3)")]
    [TestCase(" (2/3x)")]
    public void Reads_the_fractions_in_the_trailing_text(string trailing, params string[] expected)
    {
        var text = "[██░░░░░░░░] 20%" + trailing;

        var value = ProgressLineParser.Parse(text)!;

        value.Trailing.Should().Be(trailing);
        value.Fractions.Select(f => $"{f.Numerator}/{f.Denominator}/{f.Unit}").Should().Equal(expected);
        foreach (var fraction in value.Fractions)
        {
            Slice(text, fraction.NumeratorRange).Should().Be(fraction.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Slice(text, fraction.DenominatorRange).Should().Be(fraction.Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void Reads_fractions_after_a_percent_without_a_bar()
    {
        var value = ProgressLineParser.Parse("50% (2/4 plans)")!;

        value.Fractions.Should().ContainSingle().Which.Should().Be(new ProgressFraction(2, 4, "plans", new TextRange(5, 1), new TextRange(7, 1)));
    }

    [Test]
    public void Is_value_equatable()
    {
        ProgressLineParser.Parse("[██░░░░░░░░] 50% (2/4 phases, 6/9 plans)")
            .Should().Be(ProgressLineParser.Parse("[██░░░░░░░░] 50% (2/4 phases, 6/9 plans)"));
    }

    // seed, filled, empty, width, filled cells, percent, fractions as numerator/denominator/unit
    [TestCase("000", "█", "░", 10, 2, 50, "2/4/plans")]
    [TestCase("001", "█", "░", 10, 5, 50)]
    [TestCase("002", "=", " ", 20, 2, 18, "2/11/")]
    [TestCase("003", "#", "-", 10, 2, 12)]
    [TestCase("004", "#", ".", 10, 2, 17)]
    public void Reads_the_progress_line_of_every_seed(string seed, string filled, string empty, int width, int filledCells, int percent, params string[] fractions)
    {
        var text = SeedValues.FieldValue(seed, "Progress");

        var value = ProgressLineParser.Parse(text)!;

        value.Should().NotBeNull();
        var bar = value.Bar!;
        (bar.Filled, bar.Empty, bar.Width, bar.FilledCells, bar.Brackets, bar.Backticks).Should().Be((filled, empty, width, filledCells, true, false));
        Slice(text, bar.GlyphRange).Should().Be(string.Concat(Enumerable.Repeat(filled, filledCells)) + string.Concat(Enumerable.Repeat(empty, width - filledCells)));
        value.Percent.Should().Be(percent);
        Slice(text, value.PercentRange).Should().Be(percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        value.Fractions.Select(f => $"{f.Numerator}/{f.Denominator}/{f.Unit}").Should().Equal(fractions);
        (text.Substring(0, value.TrailingRange.Start) + value.Trailing).Should().Be(text);
    }

    [Test]
    public void Never_throws_and_keeps_every_range_inside_the_text()
    {
        const string alphabet = "█░#-.= []`%0123456789/()—,plansphase\t";
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(10) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var value = ProgressLineParser.Parse(text);
            if (value is not null && !IsConsistent(text, value))
            {
                Assert.Fail($"Inconsistent result for '{text}': {value}");
            }
        }
    }

    // Plain checks: FluentAssertions in a 20,000-step loop would dominate the run time.
    private static bool IsConsistent(string text, ProgressLineValue value)
    {
        var ok = value.Bar is not null || value.Percent is not null;
        if (value.Bar is { } bar)
        {
            ok &= bar.Width is >= ProgressLineParser.MinBarWidth and <= ProgressLineParser.MaxBarWidth
                && Slice(text, bar.GlyphRange).All(c => "█░#-.= ".IndexOf(c) >= 0);
        }

        if (value.Percent is { } percent)
        {
            ok &= IsNumber(Slice(text, value.PercentRange), percent);
        }

        ok &= Slice(text, value.TrailingRange) == value.Trailing;
        foreach (var fraction in value.Fractions)
        {
            ok &= IsNumber(Slice(text, fraction.NumeratorRange), fraction.Numerator) && IsNumber(Slice(text, fraction.DenominatorRange), fraction.Denominator);
        }

        return ok;
    }

    private static bool IsNumber(string digits, int expected) =>
        digits.All(char.IsAsciiDigit) && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) == expected;

    private static void CheckPercentAndTrailing(ProgressLineValue value, int percent, string trailing)
    {
        if (percent < 0)
        {
            value.Percent.Should().BeNull();
            value.PercentRange.Length.Should().Be(0);
        }
        else
        {
            value.Percent.Should().Be(percent);
            Slice(value.Text, value.PercentRange).Should().MatchRegex("^[0-9]+$");
            value.Text[value.PercentRange.End].Should().Be('%');
        }

        value.Trailing.Should().Be(trailing);
        Slice(value.Text, value.TrailingRange).Should().Be(trailing);
        value.TrailingRange.End.Should().Be(value.Text.Length);
    }

    private static string Slice(string text, TextRange range) => text.Substring(range.Start, range.Length);
}
