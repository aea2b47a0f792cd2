namespace PlanState.Build.Tests.EndToEnd;

/// <summary>
/// Packs the real task project once per run, with a version no earlier run used, into a folder feed. Consumer
/// projects restore it (and anything else from nuget.org) into one private packages folder, so the machine's global
/// packages folder never sees a test package and later tests restore from disk.
/// </summary>
[SetUpFixture]
public sealed class PackageFeed
{
    private static string? workRoot;

    private static string? version;

    /// <summary>A scratch folder that holds the feed, the packages folder and each test's consumer project.</summary>
    public static string WorkRoot => workRoot ?? throw new InvalidOperationException("The package feed is not set up.");

    public static string Version => version ?? throw new InvalidOperationException("The package feed is not set up.");

    public static string FeedFolder => Path.Combine(WorkRoot, "feed");

    public static string PackagesFolder => Path.Combine(WorkRoot, "packages");

    public static string PackagePath => Path.Combine(FeedFolder, $"PlanState.Build.{Version}.nupkg");

    [OneTimeSetUp]
    public void PackTheTaskProject()
    {
        workRoot = Path.Combine(Path.GetTempPath(), "planstate-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        version = $"0.1.0-e2e.{DateTime.UtcNow.Ticks}";
        Directory.CreateDirectory(FeedFolder);
        Directory.CreateDirectory(PackagesFolder);
        WriteIsolationFiles();

        var pack = DotnetCli.Run(
            RepositoryLayout.RepositoryRoot,
            [
                "pack", RepositoryLayout.TaskProject, "-c", "Release", "-o", FeedFolder, $"-p:Version={Version}", "-v:m",
            ],
            timeout: TimeSpan.FromMinutes(8));
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.ToString());
        Assert.That(File.Exists(PackagePath), Is.True, $"expected {PackagePath}\n{pack}");
    }

    [OneTimeTearDown]
    public void DeleteWorkRoot()
    {
        if (workRoot is not null && Environment.GetEnvironmentVariable("PLANSTATE_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(workRoot, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder in the temp directory; the OS cleans it up eventually.
            }
        }
    }

    // The consumer projects live below the work root: stop MSBuild's and NuGet's upward searches there, so that
    // nothing in the temp folder's parents (or a Directory.Packages.props up the tree) changes what they do.
    private static void WriteIsolationFiles()
    {
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(
            Path.Combine(WorkRoot, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="planstate-e2e" value="{FeedFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
    }
}
