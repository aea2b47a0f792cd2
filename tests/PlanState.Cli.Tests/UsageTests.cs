using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>Exit code 2 and a one-line message for bad input; the parser's built-ins for help and version.</summary>
public class UsageTests
{
    [TestCase("check")]
    [TestCase("update")]
    [TestCase("status")]
    public void A_path_that_does_not_exist_is_a_one_line_error_and_exit_2(string command)
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("no-such-folder");

        var result = CliRunner.Run(command, missing);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Be($"planstate: error: '{missing}' does not exist.");
    }

    [Test]
    public void A_folder_without_planning_files_is_exit_2()
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run("check", temp.Path, "--format", "json");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty("no JSON document is written when there is nothing to check");
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("no planning folder").And.Contain(temp.Path);
    }

    [Test]
    public void A_file_as_PATH_is_exit_2()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.WithSeed("001"), "STATE.md");

        var result = CliRunner.Run("check", state);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("is a file");
    }

    [Test]
    public void An_unknown_format_is_exit_2_with_the_parser_message()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("001");

        var result = CliRunner.Run("check", temp.Path, "--format", "xml");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("'xml'").And.Contain("json").And.Contain("sarif");
    }

    [Test]
    public void An_unknown_option_is_exit_2_with_the_parser_message()
    {
        var result = CliRunner.Run("check", "--frobnicate");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Contain("planstate: error: Unrecognized option '--frobnicate'.");
    }

    [Test]
    public void An_unknown_command_is_exit_2()
    {
        var result = CliRunner.Run("chek");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("'chek'");
    }

    [Test]
    public void No_command_is_exit_2()
    {
        var result = CliRunner.Run();

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("planstate --help");
    }

    [Test]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = CliRunner.Run("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("check").And.Contain("update").And.Contain("status");
        result.StdoutLines.Should().Contain("  planstate [command] [options]", "usage names the command people type, not the file the process started from");
    }

    [Test]
    public void Check_help_documents_the_formats()
    {
        var result = CliRunner.Run("check", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("--format").And.Contain("sarif").And.Contain("PATH");
        result.StdoutLines.Should().Contain("  planstate check [<PATH>] [options]");
    }

    [Test]
    public void Version_prints_the_tool_version_and_exits_0()
    {
        var result = CliRunner.Run("--version");

        result.ExitCode.Should().Be(0);
        result.Stdout.Trim().Should().StartWith(CliApp.Version);
        CliApp.Version.Should().MatchRegex(@"^[0-9]+\.[0-9]+\.[0-9]+");
    }
}
