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

    /// <summary>True when both texts are versions (<c>v1.1</c>, <c>1.1</c>) and they are the same version.</summary>
    /// <remarks>
    /// Read in place, not with a pattern: the metrics ask this of every phase section of the roadmap. A version is
    /// <c>[vV]?[0-9]+(\.[0-9]+)*</c>, surrounding white space aside.
    /// </remarks>
    public static bool Matches(string? left, string? right)
    {
        if (!TryGetDigits(left, out var a) || !TryGetDigits(right, out var b))
        {
            return false;
        }

        while (a.Length > 0 || b.Length > 0)
        {
            if (!NextPart(ref a).SequenceEqual(NextPart(ref b)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The dotted digits of a bare version (<c>1.10</c> of <c>v1.10</c>); false when the text is not one.</summary>
    private static bool TryGetDigits(string? text, out ReadOnlySpan<char> digits)
    {
        digits = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length > 0 && s[0] is 'v' or 'V')
        {
            s = s.Slice(1);
        }

        var partStart = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i == s.Length || s[i] == '.')
            {
                if (i == partStart)
                {
                    return false;
                }

                partStart = i + 1;
            }
            else if (s[i] is < '0' or > '9')
            {
                return false;
            }
        }

        digits = s;
        return true;
    }

    /// <summary>
    /// Takes the next part off <paramref name="rest"/>, without its leading zeros: so "01" equals "1", and "0" (or a
    /// part missing at the end, which counts as zero) is empty, without parsing numbers that may overflow.
    /// </summary>
    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> rest)
    {
        var dot = rest.IndexOf('.');
        var part = dot < 0 ? rest : rest.Slice(0, dot);
        rest = dot < 0 ? default : rest.Slice(dot + 1);
        return part.TrimStart('0');
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
}
