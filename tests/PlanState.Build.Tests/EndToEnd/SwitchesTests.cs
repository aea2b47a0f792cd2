namespace PlanState.Build.Tests.EndToEnd;

/// <summary>Turning the check off, having nothing to check, and MSBuild's own NoWarn / WarningsAsErrors on PLAN codes.</summary>
[TestFixture]
public sealed class SwitchesTests
{
    private const string BareNumberDuration = "PLAN1002";

    [Test]
    public void PlanStateEnabled_false_does_nothing()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarAndContradiction);
        var before = project.ReadState();
        var modified = File.GetLastWriteTimeUtc(project.StatePath);

        var result = project.Build(ConsumerProject.CiBuild, "-p:PlanStateEnabled=false", "-v:d");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("PlanState: ").And.NotContain("PLAN");
        result.Output.Should().NotContain("Target \"PlanStateRun");
        project.ReadState().Should().Equal(before);
        File.GetLastWriteTimeUtc(project.StatePath).Should().Be(modified);
    }

    [Test]
    public void A_design_time_build_does_not_check()
    {
        var project = ConsumerProject.Create().WithSeed(Seeds.StaleBarOnly);
        var before = project.ReadState();

        var result = project.Build(ConsumerProject.UpdateMode, "-p:DesignTimeBuild=true");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("PlanState: ");
        project.ReadState().Should().Equal(before, "the IDE's background builds never rewrite planning files");
    }

    [Test]
    public void A_project_without_a_planning_folder_gets_one_low_importance_message_and_builds()
    {
        var project = ConsumerProject.Create(withPlanning: false);
        if (PlanningRootLocator.FindUpward(project.Directory) is { } stray)
        {
            Assert.Inconclusive($"A .planning folder above the temp folder ({stray}) hides the case under test.");
        }

        var normal = project.Build(ConsumerProject.UpdateMode);
        normal.ExitCode.Should().Be(0, normal.ToString());
        normal.Output.Should().NotContain("PlanState: ", "the message is low importance");

        // The folder is resolved on every build, before the up-to-date check, so a no-op build says it too.
        var detailed = project.Build(ConsumerProject.UpdateMode, "-v:d");
        detailed.ExitCode.Should().Be(0, detailed.ToString());
        detailed.Output.Should().Contain("PlanState: no .planning folder in");
    }

    [Test]
    public void NoWarn_hides_a_PLAN_warning_and_WarningsAsErrors_fails_the_build_on_it()
    {
        var project = ConsumerProject.Create().WithState(StateWithBareNumberDuration());

        var baseline = project.Build(ConsumerProject.UpdateMode);
        baseline.ExitCode.Should().Be(0, baseline.ToString());
        ConsumerProject.Diagnostics(baseline).Should().Contain(d => d.Severity == "warning" && d.Code == BareNumberDuration, baseline.ToString());

        var hidden = project.Build(ConsumerProject.UpdateMode, $"-p:NoWarn={BareNumberDuration}", "--no-incremental");
        hidden.ExitCode.Should().Be(0, hidden.ToString());
        hidden.Output.Should().NotContain(BareNumberDuration + ":");
        hidden.Output.Should().Contain("PlanState: checked", "the check ran; only its warning was hidden");

        var failed = project.Build(ConsumerProject.UpdateMode, $"-p:WarningsAsErrors={BareNumberDuration}", "--no-incremental");
        failed.ExitCode.Should().NotBe(0, failed.ToString());
        ConsumerProject.Diagnostics(failed).Should().Contain(d => d.Severity == "error" && d.Code == BareNumberDuration, failed.ToString());
    }

    [Test]
    public void NoWarn_and_WarningsAsErrors_work_in_a_multi_targeted_project_whose_outer_build_runs_the_check()
    {
        var project = ConsumerProject.Create("net8.0;net10.0").WithState(StateWithBareNumberDuration());

        var failed = project.Build(ConsumerProject.UpdateMode, $"-p:WarningsAsErrors={BareNumberDuration}");
        failed.ExitCode.Should().NotBe(0, failed.ToString());
        ConsumerProject.Diagnostics(failed).Should().Contain(d => d.Severity == "error" && d.Code == BareNumberDuration, failed.ToString());

        // The failed check left no stamp, so this build checks again.
        var hidden = project.Build(ConsumerProject.UpdateMode, $"-p:NoWarn={BareNumberDuration}");
        hidden.ExitCode.Should().Be(0, hidden.ToString());
        hidden.Output.Should().Contain("PlanState: checked").And.NotContain(BareNumberDuration + ":");
    }

    /// <summary>Seed 001 (consistent) with one duration written as a bare number, which is read as minutes (a warning).</summary>
    private static byte[] StateWithBareNumberDuration() =>
        Seeds.Replace(RepositoryLayout.SeedBytes(Seeds.Consistent), "- Last 5 plans: 3min", "- Last 5 plans: 3");
}
