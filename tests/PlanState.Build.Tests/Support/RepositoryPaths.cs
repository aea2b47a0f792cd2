namespace PlanState.Build.Tests.Support;

/// <summary>Finds the repository and the shared folder beside it (CI clones to X/main with X/shared next to it).</summary>
public static class RepositoryPaths
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

    public static string RepositoryRoot => Root.Value;

    public static string TaskProject => Path.Combine(RepositoryRoot, "src", "PlanState.Build.Tasks", "PlanState.Build.Tasks.csproj");

    /// <summary>
    /// <c>../shared/seeds</c> beside the repository (CI); a git worktree nested deeper looks further up for the same.
    /// </summary>
    public static string SeedsFolder
    {
        get
        {
            for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "shared", "seeds");
                if (Directory.Exists(seeds))
                {
                    return seeds;
                }
            }

            throw new DirectoryNotFoundException("shared/seeds not found beside " + RepositoryRoot + " or above it");
        }
    }

    /// <summary>The bytes of the seed whose file name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static byte[] Seed(string prefix) => File.ReadAllBytes(Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single());
}
