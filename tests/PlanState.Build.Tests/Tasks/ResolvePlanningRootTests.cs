using PlanState.Build.Tasks;

namespace PlanState.Build.Tests.Tasks;

[TestFixture]
public sealed class ResolvePlanningRootTests
{
    [Test]
    public void Finds_the_nearest_planning_folder_above_the_project()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine(".planning"));
        var project = Directory.CreateDirectory(temp.Combine("src", "App")).FullName;
        var engine = new FakeBuildEngine();

        var task = new ResolvePlanningRoot { BuildEngine = engine, ProjectDirectory = project };

        task.Execute().Should().BeTrue();
        task.ResolvedPlanningRoot.Should().Be(temp.Combine(".planning"));
        engine.Errors.Should().BeEmpty();
    }

    [Test]
    public void A_nearer_planning_folder_wins_over_one_further_up()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine(".planning"));
        Directory.CreateDirectory(temp.Combine("App", ".planning"));

        var task = new ResolvePlanningRoot { BuildEngine = new FakeBuildEngine(), ProjectDirectory = temp.Combine("App") };

        task.Execute().Should().BeTrue();
        task.ResolvedPlanningRoot.Should().Be(temp.Combine("App", ".planning"));
    }

    [Test]
    public void No_planning_folder_is_a_low_importance_message_and_success()
    {
        using var temp = new TempDirectory();
        if (PlanningRootLocator.FindUpward(temp.Path) is not null)
        {
            Assert.Inconclusive("A .planning folder above the temp directory hides this case.");
        }

        var engine = new FakeBuildEngine();
        var task = new ResolvePlanningRoot { BuildEngine = engine, ProjectDirectory = temp.Path };

        task.Execute().Should().BeTrue();
        task.ResolvedPlanningRoot.Should().BeEmpty();
        engine.Errors.Should().BeEmpty();
        engine.Warnings.Should().BeEmpty();
        engine.Messages.Should().ContainSingle(m => m.Message!.Contains("no .planning folder"))
            .Which.Importance.Should().Be(Microsoft.Build.Framework.MessageImportance.Low);
    }

    [TestCase("..")]
    [TestCase("../.planning")]
    public void PlanStateRoot_may_name_the_folder_or_the_folder_that_holds_it_relative_to_the_project(string configured)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine(".planning"));
        Directory.CreateDirectory(temp.Combine("App", ".planning")); // ignored: PlanStateRoot says where to look

        var task = new ResolvePlanningRoot { BuildEngine = new FakeBuildEngine(), ProjectDirectory = temp.Combine("App"), PlanningRoot = configured };

        task.Execute().Should().BeTrue();
        task.ResolvedPlanningRoot.Should().Be(temp.Combine(".planning"));
    }

    [Test]
    public void A_PlanStateRoot_with_no_planning_folder_is_an_error_PLAN9002()
    {
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();

        var task = new ResolvePlanningRoot { BuildEngine = engine, ProjectDirectory = temp.Path, PlanningRoot = "missing" };

        task.Execute().Should().BeFalse();
        engine.Errors.Should().ContainSingle().Which.Code.Should().Be("PLAN9002");
        engine.Errors[0].Message.Should().Contain("'missing'").And.Contain(temp.Combine("missing"));
    }
}
