using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>The repository's sample planning folder is consistent, so <c>check</c> passes on it.</summary>
public class SampleCheckTests
{
    private static string SampleApp => RepositoryLayout.SampleProjectFolder;

    [Test]
    public void Check_on_the_sample_exits_0_with_no_errors()
    {
        var result = CliRunner.Run("check", SampleApp, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stdout);
        result.Json().EnumerateArray().Select(f => f.GetProperty("severity").GetString()).Should().NotContain("error");
    }

    [Test]
    public void Check_on_the_sample_in_text_form_prints_no_errors()
    {
        var result = CliRunner.Run("check", SampleApp);

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().NotContain(l => l.Contains(": error PLAN", StringComparison.Ordinal));
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("0 errors");
    }
}
