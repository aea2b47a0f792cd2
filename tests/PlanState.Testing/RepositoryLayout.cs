namespace PlanState.Testing;

/// <summary>
/// Where tests find the repository and the shared format reference. CI clones the repository to X/main with the seeds
/// in X/shared; a git worktree may sit deeper (X/wt/name), so the shared folder is looked for in every ancestor.
/// </summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanState.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PlanState.Build.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<string> Seeds = new(() =>
    {
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/seeds not found beside or above " + RepositoryRoot);
    });

    public static string RepositoryRoot => Root.Value;

    public static string SeedsFolder => Seeds.Value;

    /// <summary>The path of the seed whose file name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static string SeedPath(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single();

    public static byte[] SeedBytes(string prefix) => File.ReadAllBytes(SeedPath(prefix));

    /// <summary>The sample consumer project's folder.</summary>
    public static string SampleProjectFolder => Path.Combine(RepositoryRoot, "samples", "SampleApp");

    /// <summary>The sample's <c>.planning/</c> folder, which must stay clean.</summary>
    public static string SamplePlanningFolder => Path.Combine(SampleProjectFolder, ".planning");

    /// <summary>
    /// The CLI as built in the configuration the running tests were built in (their own bin folder tells which), for
    /// the runtime the tests run on (net10.0, as the CLI).
    /// </summary>
    public static string BuiltCliAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(RepositoryRoot, "src", "PlanState.Cli", "bin", configuration, "net10.0", "PlanState.Cli.dll");
    }

    public static string CliProject => Path.Combine(RepositoryRoot, "src", "PlanState.Cli", "PlanState.Cli.csproj");

    public static string TaskProject => Path.Combine(RepositoryRoot, "src", "PlanState.Build.Tasks", "PlanState.Build.Tasks.csproj");
}
