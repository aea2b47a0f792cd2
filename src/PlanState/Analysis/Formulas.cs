namespace PlanState.Analysis;

/// <summary>The trend words of <c>Trend:</c> that PlanState.Build computes (spec §5); other vocabulary is left alone.</summary>
public enum TrendWord
{
    NotEnoughData,
    Improving,
    Stable,
    Degrading,
}

/// <summary>
/// Every formula of spec §5, in one place. Rounding matches the original tool: doubles, divide first, then ×100,
/// then round half away from zero — so 57/200 gives 28 (0.285 × 100 is 28.4999… as a double) and 1/8 gives 13.
/// </summary>
public static class Formulas
{
    /// <summary>Body bar percent: min(100, round(100·S/P)); 0 when P = 0.</summary>
    public static int Percent(int completed, int total)
    {
        if (total <= 0)
        {
            return 0;
        }

        var ratio = (double)completed / total;
        return Math.Min(100, RoundHalfAwayFromZero(ratio * 100));
    }

    /// <summary>Filled cells of a bar: round(p·width/100).</summary>
    public static int BarFill(int percent, int width) =>
        Math.Max(0, Math.Min(width, RoundHalfAwayFromZero((double)percent * width / 100)));

    /// <summary>
    /// Frontmatter <c>progress.percent</c>: min(100, round(100·min(S/P, completed_phases/total_phases))), a zero
    /// denominator counting as 1. The original tool writes this, so matching it keeps the two from fighting.
    /// </summary>
    public static int FrontmatterPercent(int completedPlans, int totalPlans, int completedPhases, int totalPhases)
    {
        var plans = (double)completedPlans / (totalPlans == 0 ? 1 : totalPlans);
        var phases = (double)completedPhases / (totalPhases == 0 ? 1 : totalPhases);
        return Math.Min(100, RoundHalfAwayFromZero(Math.Min(plans, phases) * 100));
    }

    /// <summary>Average of the durations that could be read; null when none could.</summary>
    public static double? AverageSeconds(double totalSeconds, int count) => count > 0 ? totalSeconds / count : null;

    /// <summary>
    /// <c>Trend:</c> r = mean(last five) / mean(earlier): below 0.9 Improving, above 1.1 Degrading, else Stable; with
    /// fewer than two earlier plans, Not enough data.
    /// </summary>
    public static TrendWord Trend(IReadOnlyList<double> lastFiveSeconds, IReadOnlyList<double> earlierSeconds) =>
        Trend(lastFiveSeconds.ToArray(), earlierSeconds.ToArray());

    internal static TrendWord Trend(double[] lastFiveSeconds, double[] earlierSeconds)
    {
        if (earlierSeconds.Length < 2 || lastFiveSeconds.Length == 0)
        {
            return TrendWord.NotEnoughData;
        }

        var earlierMean = Mean(earlierSeconds);
        if (earlierMean <= 0)
        {
            return TrendWord.NotEnoughData;
        }

        var ratio = Mean(lastFiveSeconds) / earlierMean;
        return ratio < 0.9 ? TrendWord.Improving : ratio > 1.1 ? TrendWord.Degrading : TrendWord.Stable;
    }

    /// <summary>The mean, summed in order from the first value as <c>Enumerable.Average</c> does, so the result is the same double.</summary>
    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>How many plans <c>Last 5 plans:</c> lists.</summary>
    public const int RecentPlanCount = 5;

    /// <summary>The text written for a trend word.</summary>
    public static string TrendText(TrendWord word) => word switch
    {
        TrendWord.NotEnoughData => "Not enough data",
        TrendWord.Improving => "Improving",
        TrendWord.Degrading => "Degrading",
        _ => "Stable",
    };

    /// <summary>
    /// Every <see cref="TrendWord"/>, written out: <c>Enum.GetValues</c> JIT-compiles a generic cache helper in every new
    /// process (a test holds the list to the enum).
    /// </summary>
    internal static readonly TrendWord[] TrendWords = { TrendWord.NotEnoughData, TrendWord.Improving, TrendWord.Stable, TrendWord.Degrading };

    /// <summary>Reads a trend word PlanState.Build owns; false for other vocabulary (<c>Accelerating</c>, <c>Progressing</c>).</summary>
    public static bool TryParseTrendWord(string text, out TrendWord word)
    {
        foreach (var candidate in TrendWords)
        {
            if (string.Equals(TrendText(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                word = candidate;
                return true;
            }
        }

        word = default;
        return false;
    }

    public static int RoundHalfAwayFromZero(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}
