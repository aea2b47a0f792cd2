namespace PlanState.Tests.Support;

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

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedsFolder => Path.Combine(Shared, "seeds");

    /// <summary>The seed whose file name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single();

    public static string Sample => Path.Combine(RepositoryRoot, "samples", "SampleApp", ".planning");
}
