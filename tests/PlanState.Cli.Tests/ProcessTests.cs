using System.Text.Json;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>The built tool as a real process (<c>dotnet PlanState.Cli.dll …</c>): exit codes and stdout/stderr separation.</summary>
[NonParallelizable]
public class ProcessTests
{
    [Test]
    public void Check_text_writes_findings_to_stdout_the_summary_to_stderr_and_exits_1()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("000");

        var (exit, stdout, stderr) = RunTool("check", temp.Path);

        exit.Should().Be(1);
        var lines = Lines(stdout);
        lines.Should().HaveCount(3).And.OnlyContain(l => l.StartsWith(Path.Join(temp.Path, ".planning", "STATE.md") + "(", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("(17,12): error PLAN3001: ", StringComparison.Ordinal));
        Lines(stderr).Should().ContainSingle().Which.Should().Contain("2 errors");
    }

    [Test]
    public void Check_json_stdout_is_exactly_one_json_document()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("004");

        var (exit, stdout, stderr) = RunTool("check", temp.Path, "--format", "json");

        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        document.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        stderr.Should().BeEmpty();
    }

    [Test]
    public void A_missing_path_exits_2_with_one_line_on_stderr_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("missing");

        var (exit, stdout, stderr) = RunTool("check", missing);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        Lines(stderr).Should().ContainSingle().Which.Should().Be($"planstate: error: '{missing}' does not exist.");
    }

    [Test]
    public void An_unknown_option_exits_2()
    {
        var (exit, stdout, stderr) = RunTool("status", "--colour");

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("Unrecognized option '--colour'");
    }

    [Test]
    public void Status_with_redirected_output_has_no_ansi_escapes()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("002");

        var (exit, stdout, _) = RunTool("status", temp.Path);

        exit.Should().Be(1, "seed 002's bar is stale");
        stdout.Should().Contain("18% (2/11)").And.NotContain("\u001b");
    }

    /// <summary>
    /// The tool turns off .NET's emulation of FileShare on Unix (an advisory flock per open, see the project file):
    /// a file another .NET process holds with FileShare.None is read, not reported as unreadable.
    /// </summary>
    [Test]
    public void On_unix_a_file_another_process_holds_exclusively_is_still_read()
    {
        Assume.That(!OperatingSystem.IsWindows(), "Windows enforces FileShare itself");
        using var temp = new TempDirectory();
        temp.WithSeed("004");
        using var held = new FileStream(Path.Join(temp.Path, ".planning", "STATE.md"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var (exit, stdout, stderr) = RunTool("check", temp.Path, "--format", "json");

        stdout.Should().NotContain("cannot be read", "the held STATE.md is read (with .NET's locking, PLAN1014: 'being used by another process')");
        exit.Should().Be(0, stderr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private static (int Exit, string Stdout, string Stderr) RunTool(params string[] args)
    {
        var run = ToolProcess.Run(ToolProcess.BuiltTool, args);
        return (run.Exit, run.Stdout, run.Stderr);
    }
}
