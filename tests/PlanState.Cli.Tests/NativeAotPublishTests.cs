using System.Runtime.InteropServices;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// The tool published Native AOT (<c>-p:PublishAot=true</c>, as the README recommends for CI scripts and as
/// <c>compare-io-floor.sh</c> measures it): one native executable that needs no .NET runtime, on top of
/// <see cref="PublishedToolTests"/>.
/// </summary>
public class NativeAotPublishTests : PublishedToolTests
{
    protected override IReadOnlyList<string> PublishOptions => ["-p:PublishAot=true"];

    protected override string ToolFileName => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "PlanState.Cli.exe" : "PlanState.Cli";

    [Test]
    public void The_publish_is_one_native_executable_without_managed_assemblies()
    {
        var files = Directory.GetFiles(PublishFolder).Select(Path.GetFileName).ToList();

        files.Should().NotContain(name => name!.EndsWith(".dll", StringComparison.OrdinalIgnoreCase), "AOT compiles every assembly into the executable");
        files.Should().NotContain(name => name!.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase), "no runtime is started");
    }

    [Test]
    public void It_runs_where_no_dotnet_runtime_can_be_found()
    {
        using var temp = new TempDirectory();
        temp.WithSeed("004");
        var emptyRoot = temp.Combine("no-dotnet");
        Directory.CreateDirectory(emptyRoot);

        // A managed build's host would look for the runtime here (and then on PATH); a native one never does.
        var run = ToolProcess.Run(Tool, ["check", temp.Path], new Dictionary<string, string>
        {
            ["DOTNET_ROOT"] = emptyRoot,
            ["PATH"] = emptyRoot,
        });
        var portable = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path);

        run.Should().Be(portable);
    }
}
