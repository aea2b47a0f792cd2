namespace PlanState.Build.Tests.EndToEnd;

/// <summary>
/// The task's netstandard2.0 build is the one Visual Studio and <c>msbuild.exe</c> load. No .NET Framework MSBuild runs
/// here, but .NET's MSBuild loads a netstandard2.0 task as well, so <c>PlanStateTaskFramework=netstandard2.0</c> makes
/// a real build run that code: the core library as compiled for netstandard2.0 (its own file reading and polyfills)
/// and the dependencies the package ships beside it (System.Memory and the rest). It must do what the net8.0 build does.
/// </summary>
[TestFixture]
public sealed class NetStandardTaskTests
{
    private const string NetStandardTask = "-p:PlanStateTaskFramework=netstandard2.0";

    // Detailed, so that MSBuild names the task assembly it loads ("Using "RunPlanState" task from assembly …").
    private const string Detailed = "-v:d";

    [Test]
    public void A_local_build_with_the_netstandard_task_rewrites_what_the_net8_task_rewrites()
    {
        var (netStandard, net8, before) = BuildBoth(ConsumerProject.UpdateMode);

        netStandard.Result.ExitCode.Should().Be(0, netStandard.Result.ToString());
        net8.Result.ExitCode.Should().Be(0, net8.Result.ToString());
        var after = PlanningFiles(netStandard.Project);
        after.Should().NotBeEquivalentTo(before, "three numbers were stale");
        after.Should().BeEquivalentTo(PlanningFiles(net8.Project), "both builds rewrite the same bytes");
        PlanStateLines(netStandard).Should().Equal(PlanStateLines(net8)).And.Contain(line => line.Contains('\u2192'), "each change is logged");
    }

    [Test]
    public void A_CI_build_with_the_netstandard_task_fails_with_the_errors_of_the_net8_task()
    {
        var (netStandard, net8, before) = BuildBoth(ConsumerProject.CiBuild);

        netStandard.Result.ExitCode.Should().NotBe(0, netStandard.Result.ToString());
        var diagnostics = RelativeDiagnostics(netStandard);
        diagnostics.Should().Contain(d => d.Severity == "error" && d.Code.StartsWith("PLAN3", StringComparison.Ordinal), "the stale numbers are errors in CI");
        diagnostics.Should().Equal(RelativeDiagnostics(net8));
        PlanningFiles(netStandard.Project).Should().BeEquivalentTo(before, "Verify mode writes nothing");
    }

    /// <summary>
    /// Builds two consumers of the same stale tree in <paramref name="mode"/>, one with each build of the task, after
    /// checking which one MSBuild loaded; <c>Before</c> is the planning files as they were.
    /// </summary>
    private static (Built NetStandard, Built Net8, Dictionary<string, byte[]> Before) BuildBoth(string mode)
    {
        var netStandard = WithStaleTree();
        var net8 = WithStaleTree();
        var before = PlanningFiles(netStandard);

        var result = netStandard.Build(mode, NetStandardTask, Detailed);
        var reference = net8.Build(mode, Detailed);

        TaskAssemblies(result).Should().OnlyContain(path => path.EndsWith("/tasks/netstandard2.0/PlanState.Build.Tasks.dll", StringComparison.Ordinal)).And.NotBeEmpty();
        TaskAssemblies(reference).Should().OnlyContain(path => path.EndsWith("/tasks/net8.0/PlanState.Build.Tasks.dll", StringComparison.Ordinal)).And.NotBeEmpty();
        return (new Built(netStandard, result), new Built(net8, reference), before);
    }

    /// <summary>
    /// A consumer with a generated tree (an archived milestone; CRLF and a BOM, which the rewrite must keep) whose
    /// derived numbers in STATE.md's frontmatter and its progress bar are then made stale.
    /// </summary>
    private static ConsumerProject WithStaleTree()
    {
        var project = ConsumerProject.Create();
        var tree = SyntheticPlanningTree.Write(project.Directory, new SyntheticTreeOptions
        {
            Phases = 6, PlansPerPhase = 3, ArchivedPhases = 2, CompletedFraction = 0.6, Seed = 11, LineEndings = LineEndingStyle.CrLf, Bom = true,
        });
        var expected = tree.Expected;
        tree.ReplaceOnce("STATE.md", $"  total_plans: {expected.TotalPlans}\n", $"  total_plans: {expected.TotalPlans + 3}\n");
        tree.ReplaceOnce("STATE.md", $"  percent: {expected.FrontmatterPercent}\n", $"  percent: {expected.FrontmatterPercent + 7}\n");
        tree.ReplaceOnce("STATE.md", $"] {expected.Percent}%", $"] {expected.Percent - 9}%");
        return project;
    }

    /// <summary>Every planning file's bytes, by path relative to <c>.planning/</c>.</summary>
    private static Dictionary<string, byte[]> PlanningFiles(ConsumerProject project) =>
        Directory.GetFiles(project.PlanningRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(project.PlanningRoot, path), File.ReadAllBytes);

    private static List<string> TaskAssemblies(CommandResult result) =>
        result.Lines.Select(line => line.Trim())
            .Where(line => line.StartsWith("Using \"RunPlanState\" task from assembly \"", StringComparison.Ordinal))
            .Select(line => line.Split('"')[3].Replace('\\', '/'))
            .ToList();

    /// <summary>The task's own messages, with the project's folder taken out.</summary>
    private static List<string> PlanStateLines(Built built) =>
        built.Result.Lines.Select(line => line.Trim())
            .Where(line => line.StartsWith("PlanState: ", StringComparison.Ordinal))
            .Select(line => line.Replace(built.Project.Directory, "<project>", StringComparison.Ordinal))
            .ToList();

    private static List<CanonicalDiagnostic> RelativeDiagnostics(Built built) =>
        ConsumerProject.Diagnostics(built.Result).Select(d => d with { File = Path.GetRelativePath(built.Project.Directory, d.File) }).ToList();

    private sealed record Built(ConsumerProject Project, CommandResult Result);
}
