using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>
/// Builds run in parallel (issue #6, part 3): three multi-targeted projects of one repository share its
/// <c>.planning/</c> folder and are built by three <c>dotnet build</c> processes at once in Update mode. The stale
/// bar is rewritten exactly once, STATE.md ends byte for byte as a single build leaves it, and no temp or lock file
/// is left in the folder.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConcurrentBuildTests
{
    private const int Projects = 3;

    [Test]
    public void Three_concurrent_multi_targeted_builds_sharing_one_planning_folder_rewrite_it_once()
    {
        var repository = Path.Combine(PackageFeed.WorkRoot, "Repo" + Guid.NewGuid().ToString("N")[..8]);
        var planning = Path.Combine(repository, ".planning");
        Directory.CreateDirectory(planning);
        File.WriteAllBytes(Path.Combine(planning, "STATE.md"), RepositoryLayout.SeedBytes(Seeds.StaleBarOnly));
        var projects = Enumerable.Range(1, Projects).Select(i => WriteProject(repository, $"Part{i}")).ToList();

        var timer = Stopwatch.StartNew();
        var builds = projects
            .Select(project => Task.Factory.StartNew(() => Build(project), TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(builds);
        TestContext.Out.WriteLine($"{Projects} concurrent builds took {timer.Elapsed.TotalSeconds:0} s");

        foreach (var build in builds)
        {
            build.Result.ExitCode.Should().Be(0, build.Result.ToString());
            Count(build.Result, "PlanState: checked '").Should().Be(1, "each multi-targeted project checks once\n" + build.Result);
        }

        builds.Sum(b => Count(b.Result, "PlanState: STATE.md(")).Should().Be(1, "the stale bar is rewritten by exactly one build");
        File.ReadAllBytes(Path.Combine(planning, "STATE.md")).Should().Equal(Seeds.StaleBarOnlyFixed(), "the result is a single build's");
        Directory.GetFileSystemEntries(planning).Select(Path.GetFileName).Should().Equal(["STATE.md"], "no temp or lock file is left behind");
    }

    private static string WriteProject(string repository, string name)
    {
        var directory = Path.Combine(repository, "src", name);
        Directory.CreateDirectory(directory);
        var projectFile = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(
            projectFile,
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                {ConsumerProject.PackageReference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Library.cs"), $"namespace {name};\n\npublic static class Library\n{{\n}}\n");
        return projectFile;
    }

    private static CommandResult Build(string projectFile) =>
        DotnetCli.Run(
            Path.GetDirectoryName(projectFile)!,
            ["build", projectFile, "-nologo", "-v:n", ConsumerProject.UpdateMode],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesFolder });

    private static int Count(CommandResult result, string text) => Regex.Matches(result.Output, Regex.Escape(text)).Count;
}
