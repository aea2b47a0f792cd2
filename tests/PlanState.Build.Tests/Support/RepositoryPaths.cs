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

    public static string SeedsFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    /// <summary>The bytes of the seed whose file name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static byte[] Seed(string prefix) => File.ReadAllBytes(Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single());
}
