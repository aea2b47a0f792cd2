using System.Diagnostics;
using System.Text;

namespace PlanState.Tests.Robustness;

/// <summary>
/// Builds run in parallel (issue #6, part 3): eight updates of one stale folder at once, in one process and as eight
/// processes of the real CLI, end with exactly the bytes of a single update, each value rewritten once, and leave no
/// temp or lock file. A CLI process killed at random moments leaves each file either as it was or fully updated.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConcurrentUpdateTests
{
    private const int Runs = 8;
    private static readonly string[] Derived = ["STATE.md", "ROADMAP.md"];

    [Test]
    public void Eight_concurrent_engine_updates_give_the_single_run_result_and_rewrite_each_value_once()
    {
        using var single = StaleFolder();
        using var parallel = StaleFolder();
        var expected = new PlanStateEngine().Update(single.Root);
        expected.Changes.Should().NotBeEmpty("the folder is stale");

        using var start = new Barrier(Runs);
        var results = Enumerable.Range(0, Runs)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return new PlanStateEngine().Update(parallel.Root);
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(results, TimeSpan.FromSeconds(60)).Should().BeTrue();

        results.SelectMany(r => r.Result.WriteFailures).Should().BeEmpty("each run waits for the lock, then finds the work done");
        results.SelectMany(r => r.Result.Changes).Should().BeEquivalentTo(expected.Changes, "each value is rewritten by exactly one run");
        AssertSameFiles(parallel.Root, single.Root);
    }

    [Test]
    public void Eight_concurrent_CLI_processes_give_the_single_run_result()
    {
        using var single = StaleFolder();
        using var parallel = StaleFolder();
        var alone = Cli.Start("update", single.Root);
        alone.WaitForExit(60_000).Should().BeTrue();
        alone.ExitCode.Should().Be(0, alone.Output);
        Derived.Any(file => !File.ReadAllBytes(Path.Combine(single.Root, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(parallel.Root, file)))).Should().BeTrue("the single run rewrote something");

        var processes = Enumerable.Range(0, Runs).Select(_ => Cli.Start("update", parallel.Root)).ToList();
        foreach (var process in processes)
        {
            process.WaitForExit(120_000).Should().BeTrue();
            process.ExitCode.Should().Be(0, process.Output);
        }

        processes.Count(p => p.Output.Contains("STATE.md(", StringComparison.Ordinal)).Should().BeGreaterThan(0, "one of the runs reports what it rewrote");
        AssertSameFiles(parallel.Root, single.Root);
    }

    [Test]
    public void A_CLI_update_killed_at_random_moments_leaves_each_file_whole_old_or_whole_new()
    {
        // Half the kills land at random moments, half within milliseconds of the lock being taken, while the files
        // are written; a STATE.md of a few MB makes that write last long enough to be hit.
        using var stale = StaleFolder(narrativeBytes: 3_000_000);
        using var updated = StaleFolder(narrativeBytes: 3_000_000);
        var timer = Stopwatch.StartNew();
        var reference = Cli.Start("update", updated.Root);
        reference.WaitForExit(60_000).Should().BeTrue();
        var runTime = timer.Elapsed;
        reference.ExitCode.Should().Be(0, reference.Output);

        var original = Derived.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(stale.Root, f)));
        var complete = Derived.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(updated.Root, f)));
        var random = new Random(20260606);
        var outcomes = new List<string>();
        var originalFiles = AllFiles(stale.Root);
        var leftoverCount = 0;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var process = Cli.Start("update", stale.Root);
            if (attempt % 2 == 0)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(runTime.TotalMilliseconds * (0.3 + (0.8 * random.NextDouble()))));
            }
            else
            {
                // Aim at the write itself: the writer takes STATE.md.lock just before it writes the temp files and
                // renames them, so kill within a few milliseconds of the lock appearing.
                var lockPath = Path.Combine(stale.Root, "STATE.md.lock");
                while (!File.Exists(lockPath) && !process.Process.HasExited)
                {
                    Thread.SpinWait(100);
                }

                Thread.Sleep(random.Next(4));
            }

            Cli.Kill(process);

            foreach (var file in Derived)
            {
                var now = File.ReadAllBytes(Path.Combine(stale.Root, file));
                var whole = now.AsSpan().SequenceEqual(original[file]) ? "old" : now.AsSpan().SequenceEqual(complete[file]) ? "new" : null;
                whole.Should().NotBeNull($"{file} must be the original or the updated file after a kill (attempt {attempt})");
                outcomes.Add($"{file}:{whole}");

                // Put the stale file back for the next attempt.
                File.WriteAllBytes(Path.Combine(stale.Root, file), original[file]);
            }

            // A killed writer cannot clean up: its temp file and lock may stay (the reader ignores both, the lock goes
            // stale after 10 s). Nothing else may appear.
            var leftovers = AllFiles(stale.Root).Except(originalFiles).ToList();
            leftovers.Where(name => name != "STATE.md.lock" && !name.Contains(".tmp.", StringComparison.Ordinal)).Should().BeEmpty();
            leftoverCount += leftovers.Count;
            foreach (var leftover in leftovers)
            {
                File.Delete(Path.Combine(stale.Root, leftover));
            }
        }

        TestContext.Out.WriteLine($"single run {runTime.TotalMilliseconds:0} ms; {leftoverCount} temp or lock files left by kills; outcomes: {string.Join(", ", outcomes)}");
    }

    private static void AssertSameFiles(string actualRoot, string expectedRoot)
    {
        var actual = RewriterProperties.Snapshot(actualRoot);
        var expected = RewriterProperties.Snapshot(expectedRoot);
        actual.Keys.Should().BeEquivalentTo(expected.Keys, "no temp or lock file is left behind");
        foreach (var file in expected.Keys)
        {
            actual[file].Should().Equal(expected[file], $"{file} is exactly what a single run writes");
        }

        Leftovers(actualRoot).Should().BeEmpty();
    }

    private static HashSet<string> AllFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).ToHashSet(StringComparer.Ordinal);

    private static List<string> Leftovers(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p))
            .Where(name => name.EndsWith(".lock", StringComparison.Ordinal) || name.Contains(".tmp.", StringComparison.Ordinal))
            .ToList();

    /// <summary>The same stale folder every time: a synthetic tree (CRLF, BOM, an archived milestone) with stale values in both files.</summary>
    private static StaleTree StaleFolder(int narrativeBytes = 0)
    {
        var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
        {
            Phases = 24, PlansPerPhase = 4, CompletedFraction = 0.55, ArchivedPhases = 4, Seed = 606, LineEndings = LineEndingStyle.CrLf, Bom = true,
        });
        if (narrativeBytes > 0)
        {
            var notes = new StringBuilder("\n### Session Log\n\n");
            while (notes.Length < narrativeBytes)
            {
                notes.Append("- ").Append(notes.Length).Append(": agent notes that accumulate over hundreds of sessions\n");
            }

            tree.ReplaceOnce("STATE.md", "### Pending Todos", notes + "\n### Pending Todos");
        }

        var mutations = DerivedValueMutator.Mutate(tree.Root, archivedPhases: 4, seed: 11, maxMutations: 6);
        mutations.Should().NotBeEmpty();
        tree.ReplaceOnce("STATE.md", $"  total_plans: {tree.TotalPlans}\n", $"  total_plans: {tree.TotalPlans + 3}\n");
        return new StaleTree(temp, tree.Root);
    }

    private sealed record StaleTree(TempDirectory Temp, string Root) : IDisposable
    {
        public void Dispose() => Temp.Dispose();
    }

    /// <summary>The built <c>planstate</c> tool as a process.</summary>
    private static class Cli
    {
        public static RunningTool Start(params string[] arguments)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(ToolAssembly());
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var output = new StringBuilder();
            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new RunningTool(process, output);
        }

        public static void Kill(RunningTool tool)
        {
            try
            {
                tool.Process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            tool.Process.WaitForExit();
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        }

        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        /// <summary>The CLI as built with the tests' configuration (PlanState.Tests references the CLI project, without its assembly, so it is built first).</summary>
        private static string ToolAssembly()
        {
            var built = RepositoryLayout.BuiltCliAssembly();
            File.Exists(built).Should().BeTrue($"the CLI must be built at {built}");
            return built;
        }
    }

    private sealed class RunningTool(Process process, StringBuilder output)
    {
        public Process Process { get; } = process;

        public int ExitCode => Process.ExitCode;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public bool WaitForExit(int milliseconds)
        {
            if (!Process.WaitForExit(milliseconds))
            {
                Process.Kill(entireProcessTree: true);
                return false;
            }

            Process.WaitForExit();
            return true;
        }
    }
}
