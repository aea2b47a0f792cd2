namespace PlanState.Tests.Parsing.Values;

/// <summary>
/// The five seed STATE.md files from the shared folder (beside the repository in CI: X/main and X/shared), and the
/// values of their position and progress lines.
/// </summary>
internal static class SeedValues
{
    private static readonly Lazy<string> SeedsFolder = new(FindSeedsFolder);

    /// <summary>The value after <c>Name:</c> on the first line that starts with it, exactly as written.</summary>
    public static string FieldValue(string seedPrefix, string name)
    {
        var file = Directory.GetFiles(SeedsFolder.Value, seedPrefix + "_*.txt").Single();
        var prefix = name + ":";
        var line = File.ReadLines(file).First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line.Substring(prefix.Length);
    }

    private static string FindSeedsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PlanState.Build.sln")))
        {
            directory = directory.Parent;
        }

        // ../shared beside the repository; a git worktree sits one level deeper, so keep looking further up.
        for (var candidate = directory?.Parent; candidate is not null; candidate = candidate.Parent)
        {
            var seeds = Path.Combine(candidate.FullName, "shared", "seeds");
            if (Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        throw new DirectoryNotFoundException($"No shared/seeds folder above the repository that holds {AppContext.BaseDirectory}.");
    }
}
