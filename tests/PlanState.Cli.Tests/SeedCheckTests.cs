using System.Text.Json;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>Issue 3 acceptance: each seed alone as TEMP/.planning/STATE.md, checked with <c>check TEMP --format json</c>.</summary>
public class SeedCheckTests
{
    private static readonly string[] JsonKeys = { "code", "severity", "file", "line", "column", "message", "fixable" };

    [TestCase("001")]
    [TestCase("004")]
    public void Consistent_seeds_have_no_error_or_warning_and_exit_0(string seed)
    {
        using var temp = new TempDirectory();
        temp.WithSeed(seed);

        var result = CliRunner.Run("check", temp.Path, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var findings = result.Json().EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("severity").GetString()).Should().OnlyContain(s => s == "info");
    }

    [TestCase("000")]
    [TestCase("002")]
    [TestCase("003")]
    public void Stale_bar_is_reported_at_the_first_glyph_and_exits_1(string seed)
    {
        using var temp = new TempDirectory();
        temp.WithSeed(seed);

        var result = CliRunner.Run("check", temp.Path, "--format", "json");

        result.ExitCode.Should().Be(1);
        var bar = result.Json().EnumerateArray().Should().ContainSingle(f => f.GetProperty("code").GetString() == "PLAN3001").Subject;
        bar.GetProperty("file").GetString().Should().Be(".planning/STATE.md");
        bar.GetProperty("line").GetInt32().Should().Be(17, "the seeds' Progress line is line 17");
        bar.GetProperty("column").GetInt32().Should().Be(12, "column 12 is the bar's first glyph, after 'Progress: ['");
        bar.GetProperty("severity").GetString().Should().Be("error");
        bar.GetProperty("fixable").GetBoolean().Should().BeTrue();
        bar.GetProperty("message").GetString().Should().StartWith("Progress bar shows 2 of ");
    }

    [Test]
    public void Seed_000_also_reports_stopped_at_against_last_activity()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");

        var findings = CliRunner.Run("check", temp.Path, "--format", "json").Json().EnumerateArray().ToList();

        ErrorAndWarningCodes(findings).Should().BeEquivalentTo("PLAN2009", "PLAN3001");
        var contradiction = findings.Single(f => f.GetProperty("code").GetString() == "PLAN2009");
        contradiction.GetProperty("file").GetString().Should().Be(".planning/STATE.md");
        (contradiction.GetProperty("line").GetInt32(), contradiction.GetProperty("column").GetInt32()).Should().Be((70, 23));
        contradiction.GetProperty("severity").GetString().Should().Be("error");
        contradiction.GetProperty("fixable").GetBoolean().Should().BeFalse();
    }

    [TestCase("002")]
    [TestCase("003")]
    public void Seeds_with_only_a_stale_bar_report_nothing_else(string seed)
    {
        using var temp = new TempDirectory();
        temp.WithSeed(seed);

        var findings = CliRunner.Run("check", temp.Path, "--format", "json").Json().EnumerateArray().ToList();

        ErrorAndWarningCodes(findings).Should().Equal("PLAN3001");
    }

    [TestCase("000")]
    [TestCase("001")]
    [TestCase("002")]
    [TestCase("003")]
    [TestCase("004")]
    public void Every_json_finding_has_exactly_the_documented_keys_in_order(string seed)
    {
        using var temp = new TempDirectory();
        temp.WithSeed(seed);

        var findings = CliRunner.Run("check", temp.Path, "--format", "json").Json().EnumerateArray().ToList();

        findings.Should().NotBeEmpty();
        foreach (var finding in findings)
        {
            finding.EnumerateObject().Select(p => p.Name).Should().Equal(JsonKeys);
            finding.GetProperty("code").GetString().Should().MatchRegex("^PLAN[0-9]{4}$");
            finding.GetProperty("severity").GetString().Should().BeOneOf("error", "warning", "info");
            finding.GetProperty("line").ValueKind.Should().Be(JsonValueKind.Number);
            finding.GetProperty("column").ValueKind.Should().Be(JsonValueKind.Number);
            finding.GetProperty("fixable").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
        }
    }

    private static List<string?> ErrorAndWarningCodes(IEnumerable<JsonElement> findings) =>
        findings.Where(f => f.GetProperty("severity").GetString() != "info").Select(f => f.GetProperty("code").GetString()).ToList();
}
