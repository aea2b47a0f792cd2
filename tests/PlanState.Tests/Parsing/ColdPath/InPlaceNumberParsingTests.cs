using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Roadmap;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// Phase numbers (every file and folder name) and milestone versions (every roadmap section) are read in place,
/// without splitting strings or running a pattern. The readers they replaced stay here as references: on texts
/// built from the characters that matter, both must agree.
/// </summary>
[TestFixture]
public sealed class InPlaceNumberParsingTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(5000);

    private static readonly Gen<string> Texts =
        from length in Gen.Choose(0, 9)
        from chars in Gen.ArrayOf(Gen.Elements('0', '1', '2', '9', '.', 'v', 'V', 'a', 'B', ' ', '\t', '\n', 'ß', '٣'), length)
        select new string(chars);

    [Test]
    public void Phase_numbers_read_as_the_split_reader_read_them()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(Texts), text =>
        {
            var expected = ReferencePhaseNumber(text);
            var parsed = PhaseNumber.TryParse(text, out var number);

            parsed.Should().Be(expected is not null, "'{0}'", text);
            if (parsed)
            {
                number!.Parts.Should().Equal(expected!.Value.Parts, "'{0}'", text);
                number.Suffix.Should().Be(expected.Value.Suffix, "'{0}'", text);
            }
        }));
    }

    [Test]
    public void Milestone_versions_match_as_the_pattern_matched_them()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(from left in Texts from right in Texts select (left, right)), pair =>
        {
            var (left, right) = pair;
            MilestoneVersion.Matches(left, right).Should().Be(ReferenceMatches(left, right), "'{0}' against '{1}'", left, right);
            MilestoneVersion.Matches(left, left).Should().Be(ReferenceMatches(left, left), "'{0}' against itself", left);
        }));
    }

    private static (int[] Parts, string Suffix)? ReferencePhaseNumber(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var suffixStart = s.Length;
        while (suffixStart > 0 && char.IsLetter(s[suffixStart - 1]))
        {
            suffixStart--;
        }

        var suffix = s.Substring(suffixStart);
        var pieces = s.Substring(0, suffixStart).Split('.');
        if (suffix.Length > 2 || pieces.Any(p => p.Length == 0 || p.Length > 6 || !p.All(c => c is >= '0' and <= '9')))
        {
            return null;
        }

        return (pieces.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray(), suffix.ToUpperInvariant());
    }

    private static bool ReferenceMatches(string left, string right)
    {
        static string[]? Parts(string text) =>
            Regex.Match(text.Trim(), @"^[vV]?(?<digits>[0-9]+(?:\.[0-9]+)*)$", RegexOptions.CultureInvariant) is { Success: true } match
                ? match.Groups["digits"].Value.Split('.').Select(p => p.TrimStart('0') is { Length: > 0 } t ? t : "0").ToArray()
                : null;

        if (Parts(left) is not { } a || Parts(right) is not { } b)
        {
            return false;
        }

        return Enumerable.Range(0, Math.Max(a.Length, b.Length)).All(i => (i < a.Length ? a[i] : "0") == (i < b.Length ? b[i] : "0"));
    }
}
