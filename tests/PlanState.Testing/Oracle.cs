namespace PlanState.Testing;

/// <summary>
/// The format reference's formulas (§5), written out plainly so that generated trees carry numbers computed
/// independently of the product code. Keep this file small: it is the test oracle.
/// </summary>
public static class Oracle
{
    /// <summary>Round half away from zero, in doubles, as the original tool does.</summary>
    public static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>Body bar percent: min(100, round(S/P·100)); divide first, then ×100 (57/200 gives 28, 1/8 gives 13). P = 0 gives 0.</summary>
    public static int Percent(int completedPlans, int totalPlans) =>
        totalPlans == 0 ? 0 : Math.Min(100, Round((double)completedPlans / totalPlans * 100));

    /// <summary>Filled bar cells: round(p·width/100).</summary>
    public static int BarFilled(int percent, int width) => Round((double)percent * width / 100);

    /// <summary>
    /// Frontmatter <c>progress.percent</c>: min(100, round(min(S/P, completed_phases/total_phases)·100)); a zero
    /// denominator counts as 1.
    /// </summary>
    public static int FrontmatterPercent(int completedPlans, int totalPlans, int completedPhases, int totalPhases)
    {
        var plans = (double)completedPlans / Math.Max(1, totalPlans);
        var phases = (double)completedPhases / Math.Max(1, totalPhases);
        return Math.Min(100, Round(Math.Min(plans, phases) * 100));
    }

    /// <summary>
    /// Trend word from r = mean(last five) / mean(earlier): below 0.9 Improving, above 1.1 Degrading, else Stable;
    /// fewer than two earlier plans gives "Not enough data". Durations are in completion order.
    /// </summary>
    public static string TrendWord(IReadOnlyList<double> durationsInCompletionOrder)
    {
        var earlierCount = durationsInCompletionOrder.Count - 5;
        if (earlierCount < 2)
        {
            return "Not enough data";
        }

        var ratio = TrendRatio(durationsInCompletionOrder);
        return ratio < 0.9 ? "Improving" : ratio > 1.1 ? "Degrading" : "Stable";
    }

    /// <summary>r = mean(last five) / mean(earlier).</summary>
    public static double TrendRatio(IReadOnlyList<double> durationsInCompletionOrder)
    {
        var earlierCount = durationsInCompletionOrder.Count - 5;
        double earlier = 0, last = 0;
        for (var i = 0; i < durationsInCompletionOrder.Count; i++)
        {
            if (i < earlierCount)
            {
                earlier += durationsInCompletionOrder[i];
            }
            else
            {
                last += durationsInCompletionOrder[i];
            }
        }

        return (last / 5) / (earlier / earlierCount);
    }

    /// <summary>A value rounded to <paramref name="decimals"/> places, half away from zero.</summary>
    public static double RoundTo(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// True when <paramref name="value"/> sits so close to a rounding midpoint at <paramref name="decimals"/> places
    /// that two correct implementations could round it differently. The generator never writes such values.
    /// </summary>
    public static bool NearMidpoint(double value, int decimals)
    {
        var scaled = value * Math.Pow(10, decimals);
        var fraction = scaled - Math.Floor(scaled);
        return Math.Abs(fraction - 0.5) < 1e-6;
    }
}
