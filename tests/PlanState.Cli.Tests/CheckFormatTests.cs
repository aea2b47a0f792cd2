using System.Text.Json;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary><c>check</c>'s text, json and sarif forms, and how file paths follow the PATH the user typed.</summary>
public class CheckFormatTests
{
    private const string CanonicalLine = @"^(?<path>.+)\((?<line>[0-9]+),(?<column>[0-9]+)\): (?<severity>error|warning|info) (?<code>PLAN[0-9]{4}): (?<message>.+)$";

    [Test]
    public void Text_prints_one_canonical_line_per_finding_on_stdout_and_the_summary_on_stderr()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");
        var state = Path.Join(temp.Path, ".planning", "STATE.md");

        var result = CliRunner.Run("check", temp.Path);

        result.ExitCode.Should().Be(1);
        result.StdoutLines.Should().HaveCount(3).And.OnlyContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, CanonicalLine));
        result.StdoutLines.Should().Contain(
            $"{state}(17,12): error PLAN3001: Progress bar shows 2 of 10 cells but 50% needs 5 (run 'planstate update' to fix)");
        result.StdoutLines.Should().ContainSingle(l => l.StartsWith($"{state}(70,23): error PLAN2009: ", StringComparison.Ordinal))
            .Which.Should().Contain("01-02").And.Contain("01-03").And.NotContain("planstate update", "a contradiction is not fixable");
        result.StdoutLines.Should().ContainSingle(l => l.StartsWith($"{state}(1,1): info PLAN1012: ", StringComparison.Ordinal));

        result.StderrLines.Should().ContainSingle()
            .Which.Should().Contain("2 errors, 0 warnings, 1 info").And.Contain("1 fixable with 'planstate update'");
    }

    [Test]
    public void Text_paths_are_joined_onto_a_relative_path_as_typed()
    {
        using var temp = new TempDirectory();
        var repo = Path.Combine(temp.Path, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".planning"));
        File.Copy(RepositoryLayout.SeedPath("002"), Path.Combine(repo, ".planning", "STATE.md"));

        var result = CliRunner.RunIn(temp.Path, "check", "repo");

        result.StdoutLines.Should().Contain(l => l.StartsWith(Path.Join("repo", ".planning", "STATE.md") + "(17,12): error PLAN3001: ", StringComparison.Ordinal));
    }

    [Test]
    public void Without_PATH_the_current_folder_is_checked_and_paths_are_relative_to_it()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("002");

        var result = CliRunner.RunIn(temp.Path, "check");

        result.ExitCode.Should().Be(1);
        result.StdoutLines.Should().Contain(l => l.StartsWith(Path.Join(".planning", "STATE.md") + "(17,12): error PLAN3001: ", StringComparison.Ordinal));
    }

    [Test]
    public void Json_file_is_relative_to_the_planning_folder_when_PATH_is_that_folder()
    {
        using var temp = new TempDirectory();
        var planning = temp.WithSeed("002");

        var result = CliRunner.Run("check", planning, "--format", "json");

        result.Json().EnumerateArray().Select(f => f.GetProperty("file").GetString()).Should().OnlyContain(f => f == "STATE.md");
        CliRunner.Run("check", planning).StdoutLines.Should().Contain(l => l.StartsWith(Path.Join(planning, "STATE.md") + "(17,12)", StringComparison.Ordinal));
    }

    [Test]
    public void A_folder_holding_STATE_md_is_a_planning_folder_too()
    {
        using var temp = new TempDirectory();
        var docs = temp.Combine("docs");
        Directory.CreateDirectory(docs);
        File.Copy(RepositoryLayout.SeedPath("002"), Path.Combine(docs, "STATE.md"));

        var result = CliRunner.Run("check", docs, "--format", "json");

        result.ExitCode.Should().Be(1);
        result.Json().EnumerateArray().Should().Contain(f => f.GetProperty("code").GetString() == "PLAN3001" && f.GetProperty("file").GetString() == "STATE.md");
    }

    [Test]
    public void A_consistent_folder_gives_an_empty_json_array_an_empty_text_stdout_and_exit_0()
    {
        using var temp = new TempDirectory();
        PlanningFixture.Write(temp);

        var json = CliRunner.Run("check", temp.Path, "--format", "json");
        var text = CliRunner.Run("check", temp.Path);

        json.ExitCode.Should().Be(0);
        json.Json().GetArrayLength().Should().Be(0);
        json.Stderr.Should().BeEmpty("json output is for machines: nothing but the document");
        text.ExitCode.Should().Be(0);
        text.Stdout.Should().BeEmpty();
        text.StderrLines.Should().ContainSingle().Which.Should().Contain("0 errors, 0 warnings, 0 infos");
    }

    [Test]
    public void Json_findings_keep_the_engine_order_by_line()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");

        var lines = CliRunner.Run("check", temp.Path, "--format", "json").Json().EnumerateArray().Select(f => f.GetProperty("line").GetInt32()).ToList();

        lines.Should().Equal(1, 17, 70);
    }

    [Test]
    public void Sarif_is_a_2_1_0_log_with_a_rule_per_code_and_a_located_result_per_finding()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");

        var result = CliRunner.Run("check", temp.Path, "--format", "sarif");

        result.ExitCode.Should().Be(1);
        var log = result.Json();
        log.GetProperty("$schema").GetString().Should().Contain("sarif-schema-2.1.0");
        log.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = log.GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;

        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("PlanState.Build");
        driver.GetProperty("informationUri").GetString().Should().StartWith("https://");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal("PLAN1012", "PLAN2009", "PLAN3001");
        foreach (var rule in rules)
        {
            rule.GetProperty("name").GetString().Should().MatchRegex("^[A-Za-z0-9]+$");
            rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
        }

        Level(rules[0]).Should().Be("note");
        Level(rules[1]).Should().Be("error");
        Level(rules[2]).Should().Be("error");

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(3);
        foreach (var r in results)
        {
            rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be(r.GetProperty("ruleId").GetString());
        }

        var bar = results.Single(r => r.GetProperty("ruleId").GetString() == "PLAN3001");
        bar.GetProperty("level").GetString().Should().Be("error");
        bar.GetProperty("message").GetProperty("text").GetString().Should().Be("Progress bar shows 2 of 10 cells but 50% needs 5");
        var location = bar.GetProperty("locations").EnumerateArray().Should().ContainSingle().Subject.GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be(".planning/STATE.md");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()).Should().Be((17, 12));
        (region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()).Should().Be((17, 22), "the ten glyphs end before column 22");

        var info = results.Single(r => r.GetProperty("ruleId").GetString() == "PLAN1012");
        info.GetProperty("level").GetString().Should().Be("note");

        var baseUri = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!);
        new Uri(baseUri, ".planning/STATE.md").LocalPath.Should().Be(Path.GetFullPath(Path.Combine(temp.Path, ".planning", "STATE.md")));
    }

    [Test]
    public void Sarif_of_a_consistent_folder_has_no_rules_and_no_results()
    {
        using var temp = new TempDirectory();
        PlanningFixture.Write(temp);

        var run = CliRunner.Run("check", temp.Path, "-f", "sarif").Json().GetProperty("runs")[0];

        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(0);
        run.GetProperty("results").GetArrayLength().Should().Be(0);
    }

    private static string? Level(JsonElement rule) => rule.GetProperty("defaultConfiguration").GetProperty("level").GetString();
}
