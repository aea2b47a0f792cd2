using System.Text;
using Microsoft.Build.Framework;
using PlanState.Build.Tasks;
using PlanState.Build.Tests.EndToEnd;

namespace PlanState.Build.Tests.Tasks;

/// <summary>The task against the real engine and a fake build engine: what it logs, writes and returns.</summary>
[TestFixture]
public sealed class RunPlanStateTests
{
    [Test]
    public void Update_rewrites_the_stale_bar_logs_the_change_and_succeeds()
    {
        using var temp = new TempDirectory();
        var state = WriteState(temp, RepositoryLayout.SeedBytes(Seeds.StaleBarOnly));
        var engine = new FakeBuildEngine();

        var result = Run(engine, temp, "Update");

        result.Should().BeTrue(Describe(engine));
        File.ReadAllBytes(state).Should().Equal(Seeds.StaleBarOnlyFixed());
        engine.Messages.Should().Contain(m => m.Importance == MessageImportance.Normal && m.Message!.StartsWith("PlanState: STATE.md(") && m.Message.Contains('\u2192'));
        engine.Messages.Should().Contain(m => m.Message!.StartsWith("PlanState: checked") && m.Message.Contains("Update mode: 1 change,"));
        engine.Errors.Should().BeEmpty();
    }

    [Test]
    public void Verify_logs_each_stale_value_as_an_error_at_its_full_path_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var seed = RepositoryLayout.SeedBytes(Seeds.StaleBarOnly);
        var state = WriteState(temp, seed);
        var engine = new FakeBuildEngine();

        var result = Run(engine, temp, "Verify");

        result.Should().BeFalse();
        File.ReadAllBytes(state).Should().Equal(seed);
        engine.Errors.Should().NotBeEmpty();
        engine.Errors.Should().OnlyContain(e => e.Code.StartsWith("PLAN3") && e.File == state && e.Message!.Contains("planstate update"));
        engine.Errors.Should().Contain(e => e.LineNumber == Seeds.LineOf(seed, "Progress:") && e.ColumnNumber > 0);
    }

    [Test]
    public void ErrorsAsWarnings_turns_the_contradiction_and_stale_errors_into_warnings()
    {
        using var temp = new TempDirectory();
        WriteState(temp, RepositoryLayout.SeedBytes(Seeds.StaleBarAndContradiction));
        var engine = new FakeBuildEngine();

        var result = Run(engine, temp, "Verify", errorsAsWarnings: true);

        result.Should().BeTrue(Describe(engine));
        engine.Errors.Should().BeEmpty();
        engine.Warnings.Should().Contain(w => w.Code.StartsWith("PLAN2")).And.Contain(w => w.Code.StartsWith("PLAN3"));
    }

    [Test]
    public void An_unknown_mode_is_error_PLAN9003()
    {
        using var temp = new TempDirectory();
        WriteState(temp, RepositoryLayout.SeedBytes(Seeds.Consistent));
        var engine = new FakeBuildEngine();

        Run(engine, temp, "Fix").Should().BeFalse();

        engine.Errors.Should().ContainSingle().Which.Code.Should().Be("PLAN9003");
        engine.Errors[0].Message.Should().Contain("'Fix'");
    }

    [Test]
    public void An_exception_becomes_one_error_PLAN9001_without_a_stack_trace()
    {
        var engine = new FakeBuildEngine();
        var task = new RunPlanState { BuildEngine = engine, PlanningRoot = "bad\0path", Mode = "Update" };

        task.Execute().Should().BeFalse();

        var error = engine.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be("PLAN9001");
        error.Message.Should().Contain("ArgumentException").And.NotContain(" at PlanState");
        engine.Messages.Should().Contain(m => m.Importance == MessageImportance.Low && m.Message!.Contains(" at "), "the stack trace is kept for the detailed log");
    }

    [Test]
    public void The_engine_is_kept_in_the_build_node_per_planning_root()
    {
        using var temp = new TempDirectory();
        WriteState(temp, RepositoryLayout.SeedBytes(Seeds.Consistent));
        var engine = new FakeBuildEngine();

        Run(engine, temp, "Verify").Should().BeTrue(Describe(engine));
        var registered = engine.TaskObjects.Should().ContainSingle().Subject;
        Run(engine, temp, "Verify").Should().BeTrue();

        registered.Key.Lifetime.Should().Be(RegisteredTaskObjectLifetime.AppDomain);
        registered.Key.Key.Should().BeOfType<string>().Which.Should().StartWith("PlanState.Build.Engine|").And.EndWith(temp.Combine(".planning"));
        registered.Value.Should().BeOfType<PlanStateEngine>().Which.WatchForChanges.Should().BeTrue("a kept engine watches its planning root");
        engine.TaskObjects.Should().ContainSingle().Which.Value.Should().BeSameAs(registered.Value, "the second build reuses the engine");
        ((IDisposable)registered.Value).Dispose();
    }

    [Test]
    public void The_kept_engine_sees_a_change_made_just_before_the_next_build()
    {
        using var temp = new TempDirectory();
        var state = WriteState(temp, RepositoryLayout.SeedBytes(Seeds.Consistent));
        var engine = new FakeBuildEngine();
        Run(engine, temp, "Verify").Should().BeTrue(Describe(engine));
        Run(engine, temp, "Verify").Should().BeTrue(Describe(engine));

        File.WriteAllBytes(state, RepositoryLayout.SeedBytes(Seeds.StaleBarOnly));
        Run(engine, temp, "Verify").Should().BeFalse("the stale bar written just now is seen by the watching engine");
        engine.Errors.Should().NotBeEmpty();

        File.WriteAllBytes(state, RepositoryLayout.SeedBytes(Seeds.Consistent));
        engine.Errors.Clear();
        Run(engine, temp, "Verify").Should().BeTrue(Describe(engine));
        ((IDisposable)engine.TaskObjects.Single().Value).Dispose();
    }

    private static string WriteState(TempDirectory temp, byte[] content)
    {
        var state = temp.Combine(".planning", "STATE.md");
        Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        File.WriteAllBytes(state, content);
        return state;
    }

    private static bool Run(FakeBuildEngine engine, TempDirectory temp, string mode, bool errorsAsWarnings = false) =>
        new RunPlanState { BuildEngine = engine, PlanningRoot = temp.Combine(".planning"), Mode = mode, ErrorsAsWarnings = errorsAsWarnings }.Execute();

    private static string Describe(FakeBuildEngine engine)
    {
        var text = new StringBuilder();
        engine.Errors.ForEach(e => text.AppendLine($"error {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}): {e.Message}"));
        engine.Warnings.ForEach(w => text.AppendLine($"warning {w.Code} {w.File}({w.LineNumber},{w.ColumnNumber}): {w.Message}"));
        engine.Messages.ForEach(m => text.AppendLine($"message: {m.Message}"));
        return text.ToString();
    }
}
