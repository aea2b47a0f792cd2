namespace PlanState.Cli.Tests.Support;

/// <summary>
/// Finds the repository (the folder holding PlanState.Build.sln above the test assembly) and the shared seeds.
/// CI clones the repository to X/main with the seeds in X/shared; a git worktree may sit one level deeper
/// (X/wt/name), so the seeds are looked for in the repository's parent and then in its ancestors.
/// </summary>
public static class TestPaths
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

        throw new InvalidOperationException("shared/seeds not found beside or above " + RepositoryRoot);
    });

    public static string RepositoryRoot => Root.Value;

    public static string SeedsFolder => Seeds.Value;

    /// <summary>The seed whose file name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static string Seed(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single();

    /// <summary>The repository's sample project folder (the one that holds <c>.planning/</c>).</summary>
    public static string SampleApp => Path.Combine(RepositoryRoot, "samples", "SampleApp");
}
