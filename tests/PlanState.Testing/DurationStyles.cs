using System.Globalization;

namespace PlanState.Testing;

/// <summary>
/// The duration spellings real SUMMARY files use, each with the smallest step it can express, so that a
/// generated value always prints exactly (no rounding hidden in the text).
/// </summary>
internal sealed class DurationStyle
{
    private readonly Func<int, string> format;

    private DurationStyle(string name, int stepSeconds, int minSeconds, int maxSeconds, Func<int, string> format)
    {
        Name = name;
        StepSeconds = stepSeconds;
        MinSeconds = minSeconds;
        MaxSeconds = maxSeconds;
        this.format = format;
    }

    public string Name { get; }

    /// <summary>Values in this style are multiples of this many seconds.</summary>
    public int StepSeconds { get; }

    public int MinSeconds { get; }

    public int MaxSeconds { get; }

    public static IReadOnlyList<DurationStyle> All { get; } =
    [
        new("N min", 60, 60, 5400, s => $"{s / 60} min"),
        new("Nmin", 60, 60, 5400, s => $"{s / 60}min"),
        new("Nm", 60, 60, 5400, s => $"{s / 60}m"),
        new("N minutes", 60, 60, 5400, s => $"{s / 60} minutes"),
        new("~Nmin", 60, 300, 5400, s => $"~{s / 60}min"),
        new("N.N min", 6, 60, 3600, s => (s / 60.0).ToString("0.0", CultureInfo.InvariantCulture) + " min"),
        new("N.Nm", 6, 60, 3600, s => (s / 60.0).ToString("0.0", CultureInfo.InvariantCulture) + "m"),
        new("Nm Ss", 1, 61, 9000, MinutesSeconds),
        new("Ns", 1, 20, 299, s => $"{s}s"),
        new("N seconds", 1, 20, 299, s => $"{s} seconds"),
        new("Nh Mm", 60, 3660, 9000, s => $"{s / 3600}h {s % 3600 / 60}m"),
        new("NhMmin", 60, 3660, 9000, s => $"{s / 3600}h{s % 3600 / 60}min"),
    ];

    /// <summary>The longest duration any style prints.</summary>
    public static int LongestSeconds { get; } = All.Max(s => s.MaxSeconds);

    public string Format(int seconds) => format(seconds);

    /// <summary>True when this style can print <paramref name="seconds"/> exactly and naturally.</summary>
    public bool Fits(int seconds)
    {
        if (seconds < MinSeconds || seconds > MaxSeconds || seconds % StepSeconds != 0)
        {
            return false;
        }

        // "4m 0s" and "1h 0m" are never written; those values use a plainer style.
        return Name switch
        {
            "Nm Ss" => seconds % 60 != 0,
            "Nh Mm" or "NhMmin" => seconds % 3600 != 0,
            "N.N min" or "N.Nm" => seconds % 60 != 0,
            _ => true,
        };
    }

    private static string MinutesSeconds(int s) => $"{s / 60}m {s % 60}s";
}
