using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// The tool published ReadyToRun for this machine's runtime identifier, as the README's Performance section and
/// <c>compare-io-floor.sh</c> publish it: its code and its libraries' precompiled, tiering off, and the same output as
/// the portable build. Published once, into a scratch folder with build output of its own (<c>--artifacts-path</c>),
/// so it never shares an <c>obj/</c> folder with the builds the other test projects run meanwhile.
/// </summary>
[NonParallelizable]
public class ReadyToRunPublishTests
{
    private TempDirectory? work;
    private string tool = string.Empty;

    [OneTimeSetUp]
    public void Publish()
    {
        work = new TempDirectory();
        var output = work.Combine("publish");
        var publish = DotnetCli.Run(
            RepositoryLayout.RepositoryRoot,
            [
                "publish", Path.Combine(RepositoryLayout.RepositoryRoot, "src", "PlanState.Cli"), "-c", "Release", "-f", "net10.0",
                "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output,
                "--artifacts-path", work.Combine("artifacts"), "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-v:m",
            ],
            timeout: TimeSpan.FromMinutes(10));
        Assert.That(publish.ExitCode, Is.EqualTo(0), publish.ToString());
        tool = Path.Combine(output, "PlanState.Cli.dll");
    }

    [OneTimeTearDown]
    public void DeleteWork() => work?.Dispose();

    [TestCase("PlanState.Cli.dll")]
    [TestCase("PlanState.dll")]
    [TestCase("Markdig.dll")]
    [TestCase("System.CommandLine.dll")]
    public void Each_assembly_of_the_check_is_precompiled(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(Path.GetDirectoryName(tool)!, assembly));
        using var image = new PEReader(stream);

        image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().BePositive($"{assembly} should carry ReadyToRun code");
    }

    [Test]
    public void Tiered_compilation_is_off()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(tool, ".runtimeconfig.json")));

        config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredCompilation").GetBoolean().Should().BeFalse();
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
            var published = ToolProcess.Run(tool, "check", temp.Path, "--format", format);
            var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", format);

            published.Should().Be(portable, $"the {format} output of seed {seed}");
        }
    }

    [Test]
    public void A_check_of_a_generated_tree_with_archived_phases_says_what_the_portable_build_says()
    {
        using var temp = new TempDirectory();
        SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 40, PlansPerPhase = 4, ArchivedPhases = 10, Seed = 7 });

        var published = ToolProcess.Run(tool, "check", temp.Path, "--format", "json");
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", "json");

        published.Exit.Should().Be(0, published.Stdout + published.Stderr);
        published.Should().Be(portable);
    }

    /// <summary>
    /// The project lets the precompiler put framework code into the tool's and Markdig's images (see its
    /// <c>PublishReadyToRunCrossgen2ExtraArgs</c>): the framework's list code over Markdig's block wrapper, which the
    /// block parser calls for every block, is then precompiled instead of JIT-compiled in every process.
    /// </summary>
    [Test]
    public void Framework_list_code_over_markdigs_blocks_is_not_jit_compiled()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("004");
        var log = temp.Combine("jit.txt");

        var run = ToolProcess.Run(tool, ["check", temp.Path], new Dictionary<string, string>
        {
            ["DOTNET_JitStdOutFile"] = log,
            ["DOTNET_JitDisasmSummary"] = "1",
        });

        run.Exit.Should().Be(0, run.Stderr);
        var compiled = File.ReadAllLines(log).Where(line => line.Contains("JIT compiled", StringComparison.Ordinal)).ToList();
        compiled.Should().NotBeEmpty("the runtime lists what it JIT-compiles (a few framework methods always are)");
        compiled.Should().NotContain(line => line.Contains("List`1[Markdig.Helpers.BlockWrapper]:Add(", StringComparison.Ordinal));
    }
}
