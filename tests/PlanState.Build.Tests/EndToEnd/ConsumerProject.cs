using System.Text;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>
/// A throwaway project that consumes the packed PlanState.Build exactly as the README shows, with its own
/// <c>.planning/</c> folder beside it, built with <c>dotnet build</c> in a fresh process.
/// </summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string PlanningRoot => Path.Combine(Directory, ".planning");

    public string StatePath => Path.Combine(PlanningRoot, "STATE.md");

    /// <summary>A build argument that picks Update mode whatever the environment (the tests may run under CI=true).</summary>
    public const string UpdateMode = "-p:PlanStateMode=Update";

    /// <summary>A build argument that makes the build a CI build (Verify mode), as CI servers set it.</summary>
    public const string CiBuild = "-p:ContinuousIntegrationBuild=true";

    /// <summary>The README's snippet, verbatim apart from the version.</summary>
    public static string PackageReference => $"""<PackageReference Include="PlanState.Build" Version="{PackageFeed.Version}" PrivateAssets="all" />""";

    /// <param name="targetFrameworks">One framework, or several separated by semicolons (a multi-targeted project).</param>
    /// <param name="withPlanning">False for a project with no .planning/ folder at or above it.</param>
    public static ConsumerProject Create(string targetFrameworks = "net10.0", bool withPlanning = true, string extraProperties = "")
    {
        var name = "Consumer" + Guid.NewGuid().ToString("N")[..8];
        var directory = Path.Combine(PackageFeed.WorkRoot, name);
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(directory, name);

        var frameworks = targetFrameworks.Contains(';')
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(
            project.ProjectFile,
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Library.cs"), "namespace Consumer;\n\npublic static class Library\n{\n}\n");

        if (withPlanning)
        {
            System.IO.Directory.CreateDirectory(project.PlanningRoot);
        }

        return project;
    }

    public ConsumerProject WithState(byte[] content)
    {
        File.WriteAllBytes(StatePath, content);
        return this;
    }

    public ConsumerProject WithSeed(string prefix) => WithState(RepositoryLayout.SeedBytes(prefix));

    public byte[] ReadState() => File.ReadAllBytes(StatePath);

    /// <summary>
    /// <c>dotnet build</c> with the mode set explicitly (the tests themselves may run under CI=true), detailed enough
    /// to show normal-importance messages; <paramref name="arguments"/> adds <c>-p:</c> settings or a verbosity.
    /// </summary>
    public CommandResult Build(params string[] arguments) => BuildWith(null, arguments);

    public CommandResult BuildWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var all = new List<string> { "build", ProjectFile, "-nologo" };
        if (!arguments.Any(a => a.StartsWith("-v:", StringComparison.Ordinal)))
        {
            all.Add("-v:n");
        }

        all.AddRange(arguments);
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesFolder };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return DotnetCli.Run(Directory, all, env);
    }

    /// <summary>Lines of the form <c>{file}({line},{col}[,{endLine},{endCol}]): {error|warning} {code}: …</c>.</summary>
    public static IReadOnlyList<CanonicalDiagnostic> Diagnostics(CommandResult result) =>
        result.Lines.Select(CanonicalDiagnostic.TryParse).OfType<CanonicalDiagnostic>().Distinct().ToList();

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
