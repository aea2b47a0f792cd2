using System.Text.RegularExpressions;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>The check costs nothing on a no-op build and runs once per project, however many frameworks it builds.</summary>
[TestFixture]
public sealed class IncrementalAndMultiTargetTests
{
    private const string SkippedAsUpToDate = "Skipping target \"PlanStateRun\" because all output files are up-to-date";
    private const string CheckedLine = "PlanState: checked '";

    [Test]
    public void A_second_build_with_no_changes_skips_the_target_and_an_edited_planning_file_runs_it_again()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarOnly);
        var first = project.Build(ConsumerProject.UpdateMode);
        first.ExitCode.Should().Be(0, first.ToString());
        project.ReadState().Should().Equal(Seeds.StaleBarOnlyFixed());
        var fixedAt = File.GetLastWriteTimeUtc(project.StatePath);

        var second = project.Build(ConsumerProject.UpdateMode, "-v:d");

        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Contain(SkippedAsUpToDate, "the stamp was touched after the task rewrote STATE.md");
        second.Output.Should().NotContain(CheckedLine);
        File.GetLastWriteTimeUtc(project.StatePath).Should().Be(fixedAt);

        // An agent edits STATE.md (the bar goes stale again): the next build notices and rewrites it.
        project.WithSeed(Seeds.StaleBarOnly);
        var third = project.Build(ConsumerProject.UpdateMode);

        third.ExitCode.Should().Be(0, third.ToString());
        Count(third, CheckedLine).Should().Be(1, third.ToString());
        project.ReadState().Should().Equal(Seeds.StaleBarOnlyFixed());
    }

    [Test]
    public void Switching_to_Verify_runs_the_check_again_even_when_no_file_changed()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarAndContradiction);
        project.Build(ConsumerProject.UpdateMode, "-p:PlanStateErrorsAsWarnings=true").ExitCode.Should().Be(0);

        var verify = project.Build(ConsumerProject.CiBuild);

        verify.ExitCode.Should().NotBe(0, "the contradiction is still there and the settings changed\n" + verify);
        verify.Output.Should().Contain("in Verify mode");
    }

    [Test]
    public void A_multi_targeted_project_runs_the_check_once()
    {
        var project = ConsumerProject.Create("net8.0;net10.0").WithSeed(Seeds.StaleBarOnly);

        var result = project.Build(ConsumerProject.UpdateMode);

        result.ExitCode.Should().Be(0, result.ToString());
        Count(result, CheckedLine).Should().Be(1, result.ToString());
        Count(result, "PlanState: STATE.md(").Should().Be(1, "the bar is rewritten once");
        result.Output.Should().Contain($"net8.0{Path.DirectorySeparatorChar}{project.Name}.dll").And.Contain($"net10.0{Path.DirectorySeparatorChar}{project.Name}.dll");
        project.ReadState().Should().Equal(Seeds.StaleBarOnlyFixed());

        // Building one framework of it (dotnet build -f) still checks, once.
        project.WithSeed(Seeds.StaleBarOnly);
        var single = project.Build(ConsumerProject.UpdateMode, "-f", "net10.0");

        single.ExitCode.Should().Be(0, single.ToString());
        Count(single, CheckedLine).Should().Be(1, single.ToString());
        project.ReadState().Should().Equal(Seeds.StaleBarOnlyFixed());
    }

    private static int Count(CommandResult result, string text) => Regex.Matches(result.Output, Regex.Escape(text)).Count;
}
