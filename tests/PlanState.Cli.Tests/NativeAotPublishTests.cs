using System.Runtime.InteropServices;
using System.Text;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// The tool published Native AOT (<c>-p:PublishAot=true</c>, as the README recommends for CI scripts and as
/// <c>compare-io-floor.sh</c> measures it): one native executable that needs no .NET runtime, on top of
/// <see cref="PublishedToolTests"/>.
/// </summary>
public class NativeAotPublishTests : PublishedToolTests
{
    private static readonly string ExecutableName = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "PlanState.Cli.exe" : "PlanState.Cli";

    private string publishFolder = string.Empty;

    protected override string MakeTool(TempDirectory work)
    {
        publishFolder = Publish(work, ["-p:PublishAot=true"]);
        return Path.Combine(publishFolder, ExecutableName);
    }

    [Test]
    public void The_publish_is_one_native_executable_without_managed_assemblies()
    {
        var files = Directory.GetFiles(publishFolder).Select(Path.GetFileName).ToList();

        files.Should().NotContain(name => name!.EndsWith(".dll", StringComparison.OrdinalIgnoreCase), "AOT compiles every assembly into the executable");
        files.Should().NotContain(name => name!.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase), "no runtime is started");
    }

    [Test]
    public void The_executable_does_not_load_the_dotnet_host()
    {
        // A managed app's launcher (apphost) names the host library it loads to find and start the runtime.
        var executable = File.ReadAllBytes(Tool);
        var apphost = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(ToolProcess.BuiltTool)!, ExecutableName));
        var hostName = Encoding.ASCII.GetBytes(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "hostfxr.dll" : "libhostfxr");

        apphost.AsSpan().IndexOf(hostName).Should().BeGreaterThanOrEqualTo(0, "the portable build's launcher names the host (else this test proves nothing)");
        executable.AsSpan().IndexOf(hostName).Should().Be(-1, "a native executable carries its runtime");
    }
}
