using System.Text.RegularExpressions;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Milestone versions (<c>v1.1</c>) matched whole: <c>v1.1</c> never matches <c>v1.10</c> or <c>v1.1.2</c>.
/// Parts compare numerically and a missing trailing part counts as zero, so <c>v1</c>, <c>v1.0</c> and <c>1.0</c> are one version.
/// </summary>
public static partial class MilestoneVersion
{
    // A version token in running text. The look-arounds keep it whole: not the "v1.1" inside "v1.10", "v1.1.2",
    // "xv1.1" or "v1.1a". Digits are ASCII only: .NET's \d also matches other scripts' digits.
    private const string TokenPattern = @"(?<![\p{L}\p{N}_.])[vV](?<digits>[0-9]+(?:\.[0-9]+)*)(?![\p{L}\p{N}_]|\.[0-9])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(TokenPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Token();
#else
    private static Regex? tokenRegex;

    private static Regex Token() => tokenRegex ??= new(TokenPattern, RegexOptions.CultureInvariant);
#endif

    private const string BarePattern = @"^[vV]?(?<digits>[0-9]+(?:\.[0-9]+)*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(BarePattern, RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
#else
    private static Regex? bareRegex;

    private static Regex Bare() => bareRegex ??= new(BarePattern, RegexOptions.CultureInvariant);
#endif

    /// <summary>True when both texts are versions (<c>v1.1</c>, <c>1.1</c>) and they are the same version.</summary>
    public static bool Matches(string? left, string? right)
    {
        if (!TryGetParts(left, out var a) || !TryGetParts(right, out var b))
        {
            return false;
        }

        var length = Math.Max(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = i < a.Length ? a[i] : "0";
            var y = i < b.Length ? b[i] : "0";
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> names <paramref name="version"/> as a whole token (<c>### 🚧 v1.1 Name</c> names v1.1, never v1.10).</summary>
    public static bool IsMentionedIn(string? text, string? version)
    {
        if (text is null || version is null)
        {
            return false;
        }

        for (var match = Token().Match(text); match.Success; match = match.NextMatch())
        {
            if (Matches(match.Value, version))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first whole version token in <paramref name="text"/>, as written (<c>v1.1</c>), with its offset.</summary>
    public static bool TryFindFirst(string? text, out string version, out int index)
    {
        version = string.Empty;
        index = -1;
        if (text is null)
        {
            return false;
        }

        var match = Token().Match(text);
        if (!match.Success)
        {
            return false;
        }

        version = match.Value;
        index = match.Index;
        return true;
    }

    // Each part as digits without leading zeros, so "01" equals "1" without parsing numbers that may overflow.
    private static bool TryGetParts(string? text, out string[] parts)
    {
        parts = Array.Empty<string>();
        if (text is null)
        {
            return false;
        }

        var match = Bare().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        parts = match.Groups["digits"].Value.Split('.').Select(p => p.TrimStart('0') is { Length: > 0 } t ? t : "0").ToArray();
        return true;
    }
}
