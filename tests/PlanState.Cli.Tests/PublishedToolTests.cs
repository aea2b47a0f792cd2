using System.Runtime.InteropServices;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// A build of the tool made as users make it (each derived fixture makes it one way: published for this machine, or
/// packed and installed) must behave exactly as the portable build: the same exit code, stdout and stderr for every
/// command and format, and the same bytes written. Made once per fixture, in a scratch folder with build output of its
/// own (<c>--artifacts-path</c>), so it never shares an <c>obj/</c> folder with the builds the other test projects run
/// meanwhile.
/// </summary>
[NonParallelizable]
public abstract class PublishedToolTests
{
    private TempDirectory? work;

    /// <summary>The file that runs the tool: its managed assembly, a native executable or an installed tool's shim.</summary>
    protected string Tool { get; private set; } = string.Empty;

    [OneTimeSetUp]
    public void MakeTheTool()
    {
        work = new TempDirectory();
        Tool = MakeTool(work);
        Assert.That(File.Exists(Tool), Is.True, $"{Tool} should run the tool");
    }

    [OneTimeTearDown]
    public void DeleteWork() => work?.Dispose();

    /// <summary>Makes the tool below <paramref name="work"/> and returns the file that runs it (see <see cref="ToolProcess.Run(string, string[])"/>).</summary>
    protected abstract string MakeTool(TempDirectory work);

    /// <summary><c>dotnet publish</c> of the tool for this machine's runtime identifier, with <paramref name="options"/>; returns the publish folder.</summary>
    protected static string Publish(TempDirectory work, IReadOnlyList<string> options)
    {
        var folder = work.Combine("publish");
        var publish = DotnetCli.Run(
            RepositoryLayout.RepositoryRoot,
            [
                "publish", RepositoryLayout.CliProject, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, .. options,
                "-o", folder, "--artifacts-path", work.Combine("artifacts"), "-v:m",
            ],
            timeout: TimeSpan.FromMinutes(10));
        Assert.That(publish.ExitCode, Is.EqualTo(0), publish.ToString());
        return folder;
    }

    [TestCase("000")]
    [TestCase("002")]
    [TestCase("004")]
    public void A_check_of_a_seed_says_what_the_portable_build_says(string seed)
    {
        using var temp = new TempDirectory();
        temp.WithSeed(seed);

        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var published = ToolProcess.Run(Tool, "check", temp.Path, "--format", format);
            var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", format);

            published.Should().Be(portable, $"the {format} output of seed {seed}");
        }
    }

    [Test]
    public void A_check_of_a_generated_tree_with_archived_phases_says_what_the_portable_build_says()
    {
        using var temp = new TempDirectory();
        SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 40, PlansPerPhase = 4, ArchivedPhases = 10, Seed = 7 });

        var published = ToolProcess.Run(Tool, "check", temp.Path, "--format", "json");
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", "json");

        published.Exit.Should().Be(0, published.Stdout + published.Stderr);
        published.Should().Be(portable);
    }

    /// <summary>
    /// The paths a clean tree never takes: YAML the fast path leaves to YamlDotNet, invalid UTF-8, binary and empty
    /// files, an unclosed block, CRLF line ends with a BOM, and a folder link that loops.
    /// </summary>
    [Test]
    public void A_check_of_a_tree_with_input_problems_says_what_the_portable_build_says()
    {
        using var temp = new TempDirectory();
        SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 6, PlansPerPhase = 3, Seed = 5, LineEndings = LineEndingStyle.CrLf, Bom = true });
        var phase = Directory.GetDirectories(temp.Combine(".planning", "phases")).Order(StringComparer.Ordinal).First();
        var plans = Directory.GetFiles(phase, "*-PLAN.md").Order(StringComparer.Ordinal).ToArray();
        var summaries = Directory.GetFiles(phase, "*-SUMMARY.md").Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(plans[0], File.ReadAllText(plans[0]).Replace("type: execute", "type: execute\r\ndepends_on_pkg: @scope/pkg", StringComparison.Ordinal));
        File.WriteAllText(plans[1], "---\nphase: 1\nplan: 02\n\nNo closing fence.\n");
        File.WriteAllBytes(summaries[0], [.. File.ReadAllBytes(summaries[0]), 0xFF, 0xFE, (byte)'\n']);
        File.WriteAllBytes(summaries[1], [(byte)'-', (byte)'-', (byte)'-', 0, 1, 2]);
        File.WriteAllBytes(Path.Combine(phase, "01-09-SUMMARY.md"), []);
        Directory.CreateSymbolicLink(Path.Combine(phase, "loop"), phase);

        var published = ToolProcess.Run(Tool, "check", temp.Path, "--format", "json");
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", "json");

        published.Stdout.Should().Contain("PLAN1004").And.Contain("PLAN1003").And.Contain("PLAN1009").And.Contain("PLAN1011").And.Contain("PLAN1010").And.Contain("PLAN1019");
        published.Should().Be(portable);
    }

    [Test]
    public void An_update_writes_and_says_what_the_portable_build_does()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Combine(".planning"), "STATE.md");

        // The same folder for both builds (the output names it), set back to the seed in between.
        temp.WithSeed("002");
        var seed = File.ReadAllBytes(state);
        var published = ToolProcess.Run(Tool, "update", temp.Path);
        var publishedBytes = File.ReadAllBytes(state);
        temp.WithSeed("002");
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "update", temp.Path);

        publishedBytes.Should().NotEqual(seed, "seed 002 has a stale bar to rewrite");
        published.Should().Be(portable);
        publishedBytes.Should().Equal(File.ReadAllBytes(state));
        File.Exists(state + ".lock").Should().BeFalse("the lock is released after the write");
    }

    [Test]
    public void A_status_of_a_generated_tree_says_what_the_portable_build_says()
    {
        using var temp = new TempDirectory();
        SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 6, PlansPerPhase = 3, Seed = 3 });

        var published = ToolProcess.Run(Tool, "status", temp.Path);
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "status", temp.Path);

        published.Stdout.Should().Contain("Velocity", "the dashboard should be printed, not an error");
        published.Should().Be(portable);
    }

    [TestCase("--version")]
    [TestCase("check", "--format", "xml")]
    [TestCase("check", "/nonexistent/planstate-no-such-folder")]
    [TestCase("--help")]
    public void The_command_line_says_what_the_portable_build_says(params string[] args)
    {
        var published = ToolProcess.Run(Tool, args);
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, args);

        published.Should().Be(portable);
    }
}
