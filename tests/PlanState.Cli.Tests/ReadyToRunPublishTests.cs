using System.Reflection.PortableExecutable;
using System.Text.Json;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// The tool published ReadyToRun for this machine's runtime identifier (the default for a RID-specific publish): its
/// code and its libraries' precompiled and tiering off, on top of <see cref="PublishedToolTests"/>.
/// </summary>
public class ReadyToRunPublishTests : PublishedToolTests
{
    private string publishFolder = string.Empty;

    protected override string MakeTool(TempDirectory work)
    {
        publishFolder = Publish(work, ["--self-contained", "false"]);
        return Path.Combine(publishFolder, "PlanState.Cli.dll");
    }

    [TestCase("PlanState.Cli.dll")]
    [TestCase("PlanState.dll")]
    [TestCase("Markdig.dll")]
    [TestCase("System.CommandLine.dll")]
    public void Each_assembly_of_the_check_is_precompiled(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(publishFolder, assembly));
        using var image = new PEReader(stream);

        image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().BePositive($"{assembly} should carry ReadyToRun code");
    }

    [Test]
    public void Tiered_compilation_is_off()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(Tool, ".runtimeconfig.json")));

        config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredCompilation").GetBoolean().Should().BeFalse();
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

        var run = ToolProcess.Run(Tool, ["check", temp.Path], new Dictionary<string, string>
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
