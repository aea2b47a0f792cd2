using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;

namespace PlanState.Tests.Parsing.Files;

/// <summary>The five real STATE.md files the project started from load cleanly and have no frontmatter to trip on.</summary>
public class SeedFilesTests
{
    [Test]
    public void Every_seed_loads_as_valid_utf8_without_problems()
    {
        var seeds = Directory.GetFiles(SeedsFolder()).Order(StringComparer.Ordinal).ToArray();
        seeds.Should().HaveCount(5);

        foreach (var seed in seeds)
        {
            var result = PlanningFileLoader.Load(Path.GetDirectoryName(seed)!, Path.GetFileName(seed));

            result.Problems.Should().BeEmpty(seed);
            result.Text!.IsValidUtf8.Should().BeTrue(seed);
            result.Text.Text.Should().StartWith("# Project State", seed);
            var frontmatter = FrontmatterReader.Read(result.Text);
            frontmatter.Frontmatter.Should().BeNull(seed);
            frontmatter.Problems.Should().BeEmpty(seed);
        }
    }

    /// <summary>
    /// <c>shared/seeds</c> beside the repository: CI clones to X/main with X/shared; a worktree sits one level deeper,
    /// so each ancestor of the repository root is tried.
    /// </summary>
    private static string SeedsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanState.Build.sln")))
        {
            dir = dir.Parent;
        }

        for (var ancestor = dir?.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            var seeds = Path.Combine(ancestor.FullName, "shared", "seeds");
            if (Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        throw new DirectoryNotFoundException("shared/seeds was not found beside the repository.");
    }
}
