using PlanState.Analysis;

namespace PlanState.Tests.Analysis;

public class FormulasTests
{
    [TestCase(57, 200, 28, Description = "0.285 × 100 is 28.4999… as a double")]
    [TestCase(1, 8, 13, Description = "12.5 rounds half away from zero")]
    [TestCase(2, 4, 50)]
    [TestCase(2, 11, 18)]
    [TestCase(1, 3, 33)]
    [TestCase(2, 3, 67)]
    [TestCase(0, 0, 0, Description = "P = 0 gives 0")]
    [TestCase(12, 10, 100, Description = "capped at 100")]
    [TestCase(10, 10, 100)]
    public void Percent_divides_first_then_multiplies_then_rounds_half_away_from_zero(int completed, int total, int expected) =>
        Formulas.Percent(completed, total).Should().Be(expected);

    [TestCase(50, 10, 5)]
    [TestCase(18, 20, 4, Description = "3.6 cells")]
    [TestCase(12, 10, 1, Description = "1.2 cells")]
    [TestCase(17, 10, 2, Description = "1.7 cells")]
    [TestCase(25, 10, 3, Description = "2.5 rounds away from zero")]
    [TestCase(5, 10, 1, Description = "0.5 rounds away from zero")]
    [TestCase(100, 24, 24)]
    [TestCase(0, 6, 0)]
    public void BarFill_is_percent_times_width_over_100_rounded(int percent, int width, int expected) =>
        Formulas.BarFill(percent, width).Should().Be(expected);

    [TestCase(6, 9, 2, 4, 50, Description = "phases are the smaller ratio")]
    [TestCase(2, 9, 2, 4, 22, Description = "plans are the smaller ratio")]
    [TestCase(0, 0, 0, 0, 0, Description = "zero denominators count as 1")]
    [TestCase(5, 0, 1, 0, 100, Description = "capped at 100")]
    [TestCase(57, 200, 3, 3, 28)]
    public void FrontmatterPercent_takes_the_smaller_of_plan_and_phase_progress(int s, int p, int cp, int tp, int expected) =>
        Formulas.FrontmatterPercent(s, p, cp, tp).Should().Be(expected);

    [Test]
    public void Trend_needs_two_earlier_plans()
    {
        Formulas.Trend(new double[] { 60, 60 }, new double[] { 60 }).Should().Be(TrendWord.NotEnoughData);
        Formulas.Trend(new double[] { 60 }, Array.Empty<double>()).Should().Be(TrendWord.NotEnoughData);
    }

    [TestCase(new double[] { 80, 80 }, new double[] { 100, 100 }, TrendWord.Improving, Description = "r = 0.8")]
    [TestCase(new double[] { 89.9 }, new double[] { 100, 100 }, TrendWord.Improving, Description = "r just under 0.9")]
    [TestCase(new double[] { 90 }, new double[] { 100, 100 }, TrendWord.Stable, Description = "r = 0.9 is Stable")]
    [TestCase(new double[] { 110 }, new double[] { 100, 100 }, TrendWord.Stable, Description = "r = 1.1 is Stable")]
    [TestCase(new double[] { 111 }, new double[] { 100, 100 }, TrendWord.Degrading)]
    [TestCase(new double[] { 300, 100 }, new double[] { 100, 100, 100 }, TrendWord.Degrading, Description = "r = 2")]
    public void Trend_compares_the_last_five_mean_to_the_earlier_mean(double[] lastFive, double[] earlier, TrendWord expected) =>
        Formulas.Trend(lastFive, earlier).Should().Be(expected);

    [Test]
    public void Average_is_null_without_readable_durations()
    {
        Formulas.AverageSeconds(0, 0).Should().BeNull();
        Formulas.AverageSeconds(476, 3).Should().BeApproximately(158.667, 0.001);
    }

    [TestCase("Stable", true, TrendWord.Stable)]
    [TestCase("not enough data", true, TrendWord.NotEnoughData)]
    [TestCase("Accelerating", false, TrendWord.NotEnoughData)]
    [TestCase("Progressing", false, TrendWord.NotEnoughData)]
    public void Only_known_trend_words_are_owned(string text, bool known, TrendWord word)
    {
        Formulas.TryParseTrendWord(text, out var parsed).Should().Be(known);
        if (known)
        {
            parsed.Should().Be(word);
        }
    }

    [Test]
    public void Every_trend_word_reads_back_from_its_text()
    {
        Formulas.TrendWords.Should().BeEquivalentTo((TrendWord[])Enum.GetValues(typeof(TrendWord)));
        foreach (var word in (TrendWord[])Enum.GetValues(typeof(TrendWord)))
        {
            Formulas.TryParseTrendWord(" " + Formulas.TrendText(word).ToUpperInvariant() + " ", out var read).Should().BeTrue();
            read.Should().Be(word);
        }

        Formulas.TryParseTrendWord("Accelerating", out _).Should().BeFalse();
    }
}
