using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Files;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// <see cref="PlanFileNameScan"/> replaced a Regex on every PLAN and SUMMARY name; <see cref="PlanningFileNames.TryParsePlanFile"/>
/// must answer exactly what the Regex-based version answered, on chosen and random names.
/// </summary>
[TestFixture]
public sealed class PlanFileNameScanTests
{
    private static readonly Regex Reference = new(
        @"^(?<phase>[0-9]{1,6}(?:\.[0-9]{1,6})*[A-Za-z]{0,2})-(?<plan>[0-9]{1,6})-(?<kind>PLAN|SUMMARY)\.md$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    [TestCase("01-02-PLAN.md", "1")]
    [TestCase("01-02-SUMMARY.md", "1")]
    [TestCase("1-2-plan.MD", "1")]
    [TestCase("02.1-01-SUMMARY.md", "2.1")]
    [TestCase("02.1-01-SUMMARY.md", "2")]
    [TestCase("140.1.1-03-PLAN.md", "140.1.1")]
    [TestCase("14a-01-PLAN.md", "14A")]
    [TestCase("14A-01-PLAN.md", "14a")]
    [TestCase("14ab-01-PLAN.md", "14AB")]
    [TestCase("14abc-01-PLAN.md", "14")]
    [TestCase("14\u212A-01-PLAN.md", "14K")]
    [TestCase("01-02-PLAN.md\n", "1")]
    [TestCase("01-02-PLAN.md\n\n", "1")]
    [TestCase("01-02-PLAN.md.bak-1", "1")]
    [TestCase("1234567-01-PLAN.md", "1")]
    [TestCase("01-1234567-PLAN.md", "1")]
    [TestCase("01-123456-PLAN.md", "1")]
    [TestCase("01..1-01-PLAN.md", "1")]
    [TestCase("01.-01-PLAN.md", "1")]
    [TestCase(".1-01-PLAN.md", "1")]
    [TestCase("01-01-REPLAN-INPUTS.md", "1")]
    [TestCase("01-01-PLANS.md", "1")]
    [TestCase("01-01-PLAN.m", "1")]
    [TestCase("01-01-PLAN.md ", "1")]
    [TestCase("01-01-PLAN", "1")]
    [TestCase("01-01-", "1")]
    [TestCase("01-01", "1")]
    [TestCase("01-", "1")]
    [TestCase("01", "1")]
    [TestCase("-01-PLAN.md", "1")]
    [TestCase("01--PLAN.md", "1")]
    [TestCase("01-02-ſUMMARY.md", "1")]
    [TestCase("٠١-02-PLAN.md", "1")]
    [TestCase("notes-PLAN.md", "1")]
    [TestCase("PLAN.md", "3")]
    [TestCase("summary.MD", "3.1")]
    public void Answers_as_the_pattern_did(string name, string folderPhase) => AssertSame(name, PhaseNumber.Parse(folderPhase));

    [Test]
    public void Random_names_get_the_answer_the_pattern_gave()
    {
        var piece = Gen.Elements("0", "1", "01", "2", "10", "123456", "1234567", ".", "..", "a", "B", "ab", "\u212A", "-", "--", "PLAN", "plan", "SUMMARY", "Summary", ".md", ".MD", ".m", "\n", " ", "x", "ſ");
        var names = from pieces in Gen.ListOf(piece).Resize(9) select string.Concat(pieces);
        var folders = Gen.Elements("1", "01", "2.1", "14A", "140.1.1", "10");
        Check.One(Runs.WithMaxTest(5000), Prop.ForAll(Arb.From(names), Arb.From(folders), (name, folder) => AssertSame(name, PhaseNumber.Parse(folder))));
    }

    [Test]
    public void Shaped_names_get_the_answer_the_pattern_gave()
    {
        var digits = Gen.Elements("0", "1", "01", "02", "10", "999999", "0000001", "1234567");
        var phase = from major in digits
                    from minors in Gen.ListOf(digits).Resize(2)
                    from suffix in Gen.Elements(string.Empty, "a", "A", "ab", "abc", "\u212A")
                    select major + string.Concat(minors.Select(m => "." + m)) + suffix;
        var names = from p in phase
                     from plan in digits
                     from kind in Gen.Elements("PLAN", "SUMMARY", "plan", "Summary", "PLANS")
                     from end in Gen.Elements(".md", ".MD", ".md\n", ".md.bak-1", string.Empty)
                     select p + "-" + plan + "-" + kind + end;
        var folders = Gen.Elements("1", "2", "1.1", "1A", "999999", "10.999999", "1.1.1");
        Check.One(Runs.WithMaxTest(5000), Prop.ForAll(Arb.From(names), Arb.From(folders), (name, folder) => AssertSame(name, PhaseNumber.Parse(folder))));
    }

    private static void AssertSame(string name, PhaseNumber folderPhase)
    {
        var parsed = PlanningFileNames.TryParsePlanFile(name, folderPhase, out var id, out var kind);
        var expected = TryParseTheOldWay(name, folderPhase, out var expectedId, out var expectedKind);

        parsed.Should().Be(expected, "'{0}' in folder phase {1}", name, folderPhase);
        if (expected)
        {
            kind.Should().Be(expectedKind);
            id.Should().Be(expectedId);
            id.Text.Should().Be(expectedId.Text);
            id.Phase.Parts.Should().Equal(expectedId.Phase.Parts);
            id.Phase.Suffix.Should().Be(expectedId.Phase.Suffix);
        }
    }

    /// <summary><see cref="PlanningFileNames.TryParsePlanFile"/> as it was with the Regex.</summary>
    private static bool TryParseTheOldWay(string fileName, PhaseNumber folderPhase, out PlanId id, out PlanFileKind kind)
    {
        id = null!;
        kind = PlanFileKind.Plan;
        if (string.Equals(fileName, "PLAN.md", StringComparison.OrdinalIgnoreCase) || string.Equals(fileName, "SUMMARY.md", StringComparison.OrdinalIgnoreCase))
        {
            kind = fileName.StartsWith("S", StringComparison.OrdinalIgnoreCase) ? PlanFileKind.Summary : PlanFileKind.Plan;
            id = new PlanId(folderPhase, 1, folderPhase.ToPaddedString() + "-01");
            return true;
        }

        var match = Reference.Match(fileName);
        if (!match.Success || !PhaseNumber.TryParse(match.Groups["phase"].Value, out var phase))
        {
            return false;
        }

        var planText = match.Groups["plan"].Value;
        kind = string.Equals(match.Groups["kind"].Value, "SUMMARY", StringComparison.OrdinalIgnoreCase) ? PlanFileKind.Summary : PlanFileKind.Plan;
        id = new PlanId(phase, int.Parse(planText, NumberStyles.None, CultureInfo.InvariantCulture), match.Groups["phase"].Value + "-" + planText);
        return true;
    }
}
