using System.Text.RegularExpressions;
using PlanState.Diagnostics;
using PlanState.Tests.Support;

namespace PlanState.Tests.Rules;

/// <summary>
/// One hand-written folder per real-world variant of the format (Corpus/README.md): each produces exactly the findings
/// its EXPECTED.txt lists, at the listed line and column, so regressions on real shapes are caught.
/// </summary>
public class CorpusTests
{
    // EXPECTED.txt names stale and contradiction rules by what they check; these are their codes.
    private static readonly Dictionary<string, string> CodesByName = new()
    {
        ["bar-fill"] = "PLAN3001",
        ["percent"] = "PLAN3002",
        ["fraction-numerator"] = "PLAN3003",
        ["total-plans"] = "PLAN3004",
        ["completed-plans"] = "PLAN3004",
        ["velocity-count"] = "PLAN3005",
        ["velocity-hours"] = "PLAN3007",
        ["by-phase-total"] = "PLAN3008",
        ["phase-of-Y"] = "PLAN3012",
        ["plan-of-B"] = "PLAN3013",
        ["table-plans"] = "PLAN3014",
        ["table-status"] = "PLAN3015",
        ["completed-date"] = "PLAN3016",
        ["plan-checkbox"] = "PLAN3017",
        ["plans-count"] = "PLAN3018",
        ["orphan-summary"] = "PLAN2001",
        ["phase-ticked-but-incomplete"] = "PLAN2003",
        ["plan-A-greater-than-B"] = "PLAN2007",
        ["last-activity-plan-has-no-summary"] = "PLAN2008",
        ["stopped-at-vs-last-activity"] = "PLAN2009",
        ["summary-phase-disagrees-with-folder"] = "PLAN2010",
        ["fraction-numerator-greater-than-denominator"] = "PLAN2011",
    };

    private static readonly Regex ExpectedLine = new(@"^(?:(?<code>PLAN\d{4})|(?<kind>STALE|CONTRADICTION) (?<name>\S+)) (?<file>.+)\((?<line>\d+),(?<column>\d+)\)$", RegexOptions.CultureInvariant);

    private static string CorpusFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static IEnumerable<TestCaseData> Variants() =>
        Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Corpus"))
            .Where(d => File.Exists(Path.Combine(d, "EXPECTED.txt")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => new TestCaseData(Path.GetFileName(d)).SetName("Corpus: " + Path.GetFileName(d)));

    [TestCaseSource(nameof(Variants))]
    public void Variant_produces_exactly_its_expected_findings(string variant)
    {
        var folder = Path.Combine(CorpusFolder, variant);
        var expected = File.ReadAllLines(Path.Combine(folder, "EXPECTED.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal) && l != "clean")
            .Select(Describe)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        var analysis = new PlanStateEngine().Analyze(Path.Combine(folder, ".planning"));
        var actual = analysis.Findings
            .Select(f => $"{f.Code} {f.Span.File}({f.Span.Line},{f.Span.Column})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        actual.Should().Equal(expected, "findings were:\n" + string.Join("\n", analysis.Findings));
        analysis.Edits.All(e => e.Code.StartsWith("PLAN3", StringComparison.Ordinal)).Should().BeTrue("only stale text is ever rewritten");
    }

    private static string Describe(string line)
    {
        var match = ExpectedLine.Match(line);
        match.Success.Should().BeTrue($"'{line}' is an EXPECTED.txt line");
        var code = match.Groups["code"].Success ? match.Groups["code"].Value : CodesByName[match.Groups["name"].Value];
        return $"{code} {match.Groups["file"].Value}({match.Groups["line"].Value},{match.Groups["column"].Value})";
    }
}
