using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>What the packed PlanState.Build holds: build-only, the task for both MSBuild runtimes, none of MSBuild.</summary>
[TestFixture]
public sealed class PackageLayoutTests
{
    private static readonly string[] TaskFrameworks = ["net8.0", "netstandard2.0"];

    [Test]
    public void The_package_has_props_and_targets_for_single_and_multi_targeted_builds_and_no_lib()
    {
        var entries = Entries();

        entries.Should().Contain(["build/PlanState.Build.props", "build/PlanState.Build.targets", "buildMultiTargeting/PlanState.Build.props", "buildMultiTargeting/PlanState.Build.targets"]);
        entries.Should().NotContain(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal), "the package adds no reference to the consumer");
    }

    [Test]
    public void Each_task_folder_holds_the_task_the_core_library_its_dependencies_and_deps_json_but_no_MSBuild_assembly()
    {
        var entries = Entries();

        foreach (var framework in TaskFrameworks)
        {
            var folder = $"tasks/{framework}/";
            entries.Should().Contain(new[] { "PlanState.Build.Tasks.dll", "PlanState.Build.Tasks.deps.json", "PlanState.dll", "Markdig.dll", "YamlDotNet.dll" }.Select(f => folder + f));
        }

        entries.Should().Contain("tasks/netstandard2.0/System.Memory.dll", ".NET Framework MSBuild does not ship what Markdig needs on netstandard2.0");
        entries.Should().NotContain(e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase), "MSBuild provides its own assemblies");
    }

    [Test]
    public void The_nuspec_is_a_development_dependency_with_a_license_and_no_dependencies()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.PackagePath);
        using var stream = archive.GetEntry("PlanState.Build.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Value("id").Should().Be("PlanState.Build");
        Value("version").Should().Be(PackageFeed.Version);
        Value("developmentDependency").Should().Be("true");
        Value("license").Should().Be("MIT");
        metadata.Elements().Should().NotContain(e => e.Name.LocalName == "dependencies");
        if (File.Exists(Path.Combine(RepositoryLayout.RepositoryRoot, "README.md")))
        {
            Value("readme").Should().Be("README.md");
            archive.GetEntry("README.md").Should().NotBeNull();
        }
    }

    [Test]
    public void The_task_and_core_assembly_versions_follow_the_package_version()
    {
        var folder = Path.Combine(PackageFeed.WorkRoot, "layout-" + Guid.NewGuid().ToString("N")[..8]);
        ZipFile.ExtractToDirectory(PackageFeed.PackagePath, folder);

        var versions = TaskFrameworks
            .SelectMany(f => new[] { "PlanState.Build.Tasks.dll", "PlanState.dll" }.Select(dll => Path.Combine(folder, "tasks", f, dll)))
            .Select(path => AssemblyName.GetAssemblyName(path).Version!)
            .ToList();

        versions.Should().AllBeEquivalentTo(versions[0]);
        var version = versions[0];
        $"{version.Major}.{version.Minor}.{version.Build}".Should().Be("0.1.0", $"the package version is {PackageFeed.Version}");
        version.Revision.Should().BeInRange(1, 65534, "a prerelease gets its own revision, so no two package versions share an assembly identity");
    }

    private static List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }
}
