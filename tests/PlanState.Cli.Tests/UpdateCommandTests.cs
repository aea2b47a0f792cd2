using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary><c>update</c>: rewrites stale derived text only, prints each change, and is idempotent.</summary>
public class UpdateCommandTests
{
    private const string OldBarLine = "Progress: [==                  ] 18% (2/11)";
    private const string NewBarLine = "Progress: [====                ] 18% (2/11)";

    [Test]
    public void Update_on_seed_002_changes_exactly_the_bar_and_prints_the_change()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.WithSeed("002"), "STATE.md");
        var before = File.ReadAllText(state);

        var result = CliRunner.Run("update", temp.Path);

        result.ExitCode.Should().Be(0, result.Stdout);
        result.StdoutLines.Should().Contain(
            $"{Path.Join(temp.Path, ".planning", "STATE.md")}(17,12): \"==                  \" → \"====                \" (PLAN3001)");
        result.StdoutLines.Where(l => l.Contains('→')).Should().HaveCount(1);
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("updated 1 value").And.Contain("0 errors");

        var after = File.ReadAllText(state);
        before.Split('\n')[16].Should().Be(OldBarLine);
        after.Should().Be(before.Replace(OldBarLine, NewBarLine), "only the bar's glyphs change; every other byte stays");
    }

    [Test]
    public void A_second_update_changes_nothing_and_does_not_write()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.WithSeed("002"), "STATE.md");
        CliRunner.Run("update", temp.Path).ExitCode.Should().Be(0);
        var bytes = File.ReadAllBytes(state);
        var written = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(state, written);

        var second = CliRunner.Run("update", temp.Path);

        second.ExitCode.Should().Be(0);
        second.Stdout.Should().NotContain("→");
        second.StderrLines.Should().ContainSingle().Which.Should().Contain("nothing to update");
        File.ReadAllBytes(state).Should().Equal(bytes);
        File.GetLastWriteTimeUtc(state).Should().Be(written);
        CliRunner.Run("check", temp.Path).ExitCode.Should().Be(0, "after update the folder passes check");
    }

    [Test]
    public void Update_on_a_consistent_seed_does_not_write_the_file()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.WithSeed("004"), "STATE.md");
        var bytes = File.ReadAllBytes(state);
        var written = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(state, written);

        var result = CliRunner.Run("update", temp.Path);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().NotContain("→");
        File.GetLastWriteTimeUtc(state).Should().Be(written);
        File.ReadAllBytes(state).Should().Equal(bytes);
    }

    [Test]
    public void Update_exits_1_when_a_contradiction_remains_and_lists_it_without_the_update_hint()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.WithSeed("000"), "STATE.md");

        var result = CliRunner.Run("update", temp.Path);

        result.ExitCode.Should().Be(1);
        result.StdoutLines.Should().Contain(l => l.EndsWith("\"██░░░░░░░░\" → \"█████░░░░░\" (PLAN3001)", StringComparison.Ordinal));
        result.StdoutLines.Should().ContainSingle(l => l.Contains("(70,23): error PLAN2009: ", StringComparison.Ordinal))
            .Which.Should().NotContain("planstate update");
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("1 error");
        File.ReadAllText(state).Should().Contain("Progress: [█████░░░░░] 50%");
    }

    [Test]
    public void A_held_lock_is_a_write_failure_exit_1_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var planning = temp.WithSeed("002");
        var state = Path.Combine(planning, "STATE.md");
        var bytes = File.ReadAllBytes(state);

        // A fresh lock is another writer at work: the engine waits a bounded time, then gives up on the file.
        File.WriteAllText(Path.Combine(planning, "STATE.md.lock"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = CliRunner.Run("update", temp.Path);

        result.ExitCode.Should().Be(1);
        result.StdoutLines.Should().Contain(l => l.Contains(": error PLAN4001: ", StringComparison.Ordinal));
        result.Stdout.Should().NotContain("→");
        File.ReadAllBytes(state).Should().Equal(bytes);
    }
}
