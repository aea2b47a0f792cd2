using System.Globalization;

namespace PlanState.Model;

/// <summary>
/// A phase number such as <c>2</c>, <c>02.1</c>, <c>140.1.1</c> or <c>12A</c>. Parts compare numerically, a letter
/// suffix sorts after the bare number, and leading zeros do not matter: 2 &lt; 2.1 &lt; 2.1.1 &lt; 3 &lt; 12 &lt; 12A &lt; 100, and 02 == 2.
/// </summary>
public sealed class PhaseNumber : IComparable<PhaseNumber>, IEquatable<PhaseNumber>
{
    private readonly int[] parts;

    private PhaseNumber(int[] parts, string suffix)
    {
        this.parts = parts;
        Suffix = suffix;
    }

    /// <summary>The numeric parts: <c>[140, 1, 1]</c> for <c>140.1.1</c>.</summary>
    public IReadOnlyList<int> Parts => parts;

    /// <summary>
    /// <see cref="Parts"/> as a span, for the file-name scan that reads it for every file: an <c>int[]</c> read through
    /// <see cref="IReadOnlyList{T}"/> is an interface call per item, and its generic code is JIT-compiled in every new
    /// process (the precompiled framework has no such instantiation).
    /// </summary>
    internal ReadOnlySpan<int> PartsSpan => parts;

    /// <summary>A letter suffix in upper case (<c>A</c> for <c>12a</c>), or empty.</summary>
    public string Suffix { get; }

    /// <summary>The integer part: <c>2</c> for <c>02.1</c>.</summary>
    public int Major => parts[0];

    /// <summary>True for a whole phase (<c>3</c>), false for an inserted one (<c>3.1</c>, <c>3A</c>).</summary>
    public bool IsInteger => parts.Length == 1 && Suffix.Length == 0;

    public static PhaseNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a phase number.");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PhaseNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Read in place: every PLAN and SUMMARY file name and phase folder name is parsed (17,000 in a large tree).
        var s = text!.AsSpan().Trim();
        var suffixStart = s.Length;
        while (suffixStart > 0 && char.IsLetter(s[suffixStart - 1]))
        {
            suffixStart--;
        }

        var suffix = s.Slice(suffixStart);
        if (suffix.Length > 2)
        {
            return false;
        }

        var numeric = s.Slice(0, suffixStart);
        var dots = 0;
        foreach (var c in numeric)
        {
            dots += c == '.' ? 1 : 0;
        }

        var values = new int[dots + 1];
        var part = 0;
        for (var start = 0; part < values.Length; part++)
        {
            var end = numeric.Slice(start).IndexOf('.') is var dot and >= 0 ? start + dot : numeric.Length;
            var piece = numeric.Slice(start, end - start);
            if (piece.Length is 0 or > 6)
            {
                return false;
            }

            foreach (var c in piece)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                values[part] = (values[part] * 10) + (c - '0');
            }

            start = end + 1;
        }

        number = new PhaseNumber(values, suffix.Length == 0 ? string.Empty : suffix.ToString().ToUpperInvariant());
        return true;
    }

    public int CompareTo(PhaseNumber? other)
    {
        if (other is null)
        {
            return 1;
        }

        var common = Math.Min(parts.Length, other.parts.Length);
        for (var i = 0; i < common; i++)
        {
            var c = parts[i].CompareTo(other.parts[i]);
            if (c != 0)
            {
                return c;
            }
        }

        var byLength = parts.Length.CompareTo(other.parts.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(Suffix, other.Suffix);
    }

    public bool Equals(PhaseNumber? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as PhaseNumber);

    public override int GetHashCode()
    {
        var hash = Suffix.GetHashCode();
        foreach (var part in parts)
        {
            hash = unchecked((hash * 31) + part);
        }

        return hash;
    }

    /// <summary>The canonical text: no leading zeros (<c>2.1</c>, <c>12A</c>).</summary>
    public override string ToString() => string.Join(".", parts.Select(p => p.ToString(CultureInfo.InvariantCulture))) + Suffix;

    /// <summary>The text as written in folder and plan file names: integer part padded to two digits (<c>02.1</c>).</summary>
    public string ToPaddedString() => parts[0].ToString("00", CultureInfo.InvariantCulture)
        + string.Concat(parts.Skip(1).Select(p => "." + p.ToString(CultureInfo.InvariantCulture))) + Suffix;

    public static bool operator ==(PhaseNumber? left, PhaseNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PhaseNumber? left, PhaseNumber? right) => !(left == right);

    public static bool operator <(PhaseNumber left, PhaseNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(PhaseNumber left, PhaseNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(PhaseNumber left, PhaseNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PhaseNumber left, PhaseNumber right) => left.CompareTo(right) >= 0;
}
