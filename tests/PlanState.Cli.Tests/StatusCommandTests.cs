using System.Text.RegularExpressions;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary><c>status</c>: the dashboard's numbers, and plain text (no ANSI escapes) when not on a terminal.</summary>
public class StatusCommandTests
{
    private const char Escape = '\u001b';

    [Test]
    public void Status_shows_progress_phases_and_velocity_as_plain_text()
    {
        using var temp = new TempDirectory();
        PlanningFixture.Write(temp);

        var result = CliRunner.Run("status", temp.Path);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().NotContain(Escape.ToString(), "redirected output carries no ANSI escape sequences");
        result.Stdout.Should().Contain("75%").And.Contain("3/4 plans").And.Contain("1/2 phases complete");
        Row(result.Stdout, "1", "Alpha").Should().MatchRegex(@"│\s+2\s+│\s+2\s+│ Complete\s+│\s+30 min │");
        Row(result.Stdout, "2", "Beta").Should().MatchRegex(@"│\s+2\s+│\s+1\s+│ In progress\s+│\s+30 min │");
        result.Stdout.Should().MatchRegex(@"Plans completed\s+3");
        result.Stdout.Should().MatchRegex(@"Average duration\s+20 min");
        result.Stdout.Should().MatchRegex(@"Total time\s+1h 0m");
        result.Stdout.Should().MatchRegex(@"Trend\s+Not enough data");
        result.Stdout.Should().Contain("01-01 (10 min), 01-02 (20 min), 02-01 (30 min)");
        result.Stdout.Should().Contain("Findings: none");
    }

    [Test]
    public void Status_bar_fill_follows_the_percent()
    {
        using var temp = new TempDirectory();
        PlanningFixture.Write(temp);

        var stdout = CliRunner.Run("status", temp.Path).Stdout;

        // 75% of a 30-cell bar is 22.5, rounded half away from zero to 23 cells.
        stdout.Should().Contain(new string('█', 23) + new string('░', 7) + " 75%");
    }

    [Test]
    public void Status_of_a_state_only_folder_shows_what_STATE_md_claims_and_the_findings()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");

        var result = CliRunner.Run("status", temp.Path);

        result.ExitCode.Should().Be(1, "status exits as check does: the folder has errors");
        result.Stdout.Should().NotContain(Escape.ToString());
        result.Stdout.Should().Contain("STATE.md only").And.Contain("[██░░░░░░░░] 50% (2/4 plans in phase 1)");
        result.Stdout.Should().Contain("Findings: 2 errors, 0 warnings, 1 info");
        result.Stdout.Should().Contain("error PLAN3001").And.Contain("error PLAN2009");
    }

    [Test]
    public void Status_of_the_sample_is_plain_and_names_the_current_milestone()
    {
        var result = CliRunner.Run("status", RepositoryLayout.SampleProjectFolder);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().NotContain(Escape.ToString());
        result.Stdout.Should().Contain("Milestone v1.1");
    }

    private static string Row(string stdout, string phase, string name) =>
        stdout.Split('\n').Single(l => Regex.IsMatch(l, $@"^│ {Regex.Escape(phase)}\s+│ {Regex.Escape(name)}\s+│"));
}
