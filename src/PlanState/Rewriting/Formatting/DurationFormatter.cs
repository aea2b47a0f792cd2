using System.Globalization;
using PlanState.Model;

namespace PlanState.Rewriting.Formatting;

/// <summary>
/// Writes a duration in the style of the value it replaces (spec §2, "Formatting rule"): same unit shape, unit texts,
/// spacing, decimal places and <c>~</c> habit.
/// </summary>
/// <remarks>
/// <para>Rounding is half away from zero at the style's precision: <see cref="DurationStyle.Decimals"/> places of the unit
/// for the single-unit shapes, whole seconds for <c>2m 39s</c>, whole minutes for <c>1h 5m</c>. Carries propagate
/// (119.6 s in the <c>2m 39s</c> style is <c>2m 0s</c>).</para>
/// <para>Compound shapes always write both parts, even when the second is zero (<c>2m 0s</c>, <c>1h 0m</c>, <c>0m 39s</c>).
/// That is what makes formatting the identity on every compound value the parser accepts, so an unchanged
/// <c>2m 0s</c> is never reported as stale; the shorter <c>2m</c> is a Minutes-style value of its own.</para>
/// <para>A bare-number style (empty <see cref="DurationStyle.UnitText"/>) writes the number of minutes alone.</para>
/// </remarks>
public static class DurationFormatter
{
    private const int MaxDecimals = 15;

    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, NaN or infinite: a caller bug, never file content.</exception>
    public static string Format(double totalSeconds, DurationStyle style)
    {
        if (style is null)
        {
            throw new ArgumentNullException(nameof(style));
        }

        if (double.IsNaN(totalSeconds) || double.IsInfinity(totalSeconds) || totalSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSeconds), totalSeconds, "A duration must be a finite, non-negative number of seconds.");
        }

        // -0.0 passes the check above but would print as "-0".
        totalSeconds = Math.Abs(totalSeconds);
        var prefix = style.Approximate ? "~" : string.Empty;
        var unitSpace = style.SpaceBeforeUnit ? " " : string.Empty;
        switch (style.Unit)
        {
            case DurationUnit.MinutesSeconds:
                return FormatCompound(prefix, totalSeconds, 1, 60, style, unitSpace, DefaultIfEmpty(style.UnitText, "m"), DefaultIfEmpty(style.SecondaryUnitText, "s"));
            case DurationUnit.HoursMinutes:
                return FormatCompound(prefix, totalSeconds, 60, 60, style, unitSpace, DefaultIfEmpty(style.UnitText, "h"), DefaultIfEmpty(style.SecondaryUnitText, "m"));
            default:
                var unitSeconds = style.Unit switch
                {
                    DurationUnit.Seconds => 1d,
                    DurationUnit.Hours => 3600d,
                    _ => 60d,
                };
                var decimals = Math.Max(0, Math.Min(MaxDecimals, style.Decimals));
                var number = Math.Round(totalSeconds / unitSeconds, decimals, MidpointRounding.AwayFromZero);
                var digits = number.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                return style.UnitText.Length == 0
                    ? prefix + digits
                    : prefix + digits + unitSpace + style.UnitText;
        }
    }

    /// <summary>
    /// Two whole-number parts: the total is rounded once, in units of the smaller part, then split, so that carries are
    /// exact (59.6 s is <c>1m 0s</c>, never <c>0m 60s</c>).
    /// </summary>
    private static string FormatCompound(
        string prefix, double totalSeconds, double smallUnitSeconds, long smallPerLarge, DurationStyle style, string unitSpace, string unit, string secondaryUnit)
    {
        var smallUnits = (long)Math.Round(totalSeconds / smallUnitSeconds, 0, MidpointRounding.AwayFromZero);
        var large = (smallUnits / smallPerLarge).ToString(CultureInfo.InvariantCulture);
        var small = (smallUnits % smallPerLarge).ToString(CultureInfo.InvariantCulture);
        var between = style.SpaceBetweenParts ? " " : string.Empty;
        return prefix + large + unitSpace + unit + between + small + unitSpace + secondaryUnit;
    }

    private static string DefaultIfEmpty(string text, string fallback) => string.IsNullOrEmpty(text) ? fallback : text;
}
