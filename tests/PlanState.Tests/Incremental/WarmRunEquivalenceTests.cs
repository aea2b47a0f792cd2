using PlanState.Incremental;
using PlanState.Testing;
using static PlanState.Tests.Incremental.IncrementalTestSupport;

namespace PlanState.Tests.Incremental;

/// <summary>
/// The whole-project steps after the scan keep per-phase parts across runs (the metrics' merged phases and ordered
/// plans, the rules' per-phase pieces and cross-folder checks): after any single-file change the incremental result
/// must equal a from-scratch analysis: the same findings in the same order, the same edits, the same metrics.
/// </summary>
public class WarmRunEquivalenceTests
{
    private const IncrementalStepReason Cached = IncrementalStepReason.Cached;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Random_single_file_changes_give_the_from_scratch_analysis(int seed)
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 10, plansPerPhase: 4, completed: 0.6, archived: 2);
        var engine = new PlanStateEngine();
        engine.Analyze(tree.Root).Should().Be(FromScratch(tree.Root));

        var random = new Random(seed);
        for (var step = 0; step < 30; step++)
        {
            var change = Mutate(tree, random);
            var warm = engine.Analyze(tree.Root);
            var scratch = FromScratch(tree.Root);
            warm.Findings.Should().Equal(scratch.Findings, $"after step {step}: {change}");
            warm.Edits.Should().Equal(scratch.Edits, $"after step {step}: {change}");
            warm.Metrics.Should().Be(scratch.Metrics, $"after step {step}: {change}");
            warm.Should().Be(scratch, $"after step {step}: {change}");
        }
    }

    [Test]
    public void One_changed_summary_rechecks_only_the_rule_pieces_of_its_phase()
    {
        using var temp = new TempDirectory();
        var tree = Tree(temp, phases: 20, plansPerPhase: 5, archived: 3);
        var engine = new PlanStateEngine { TrackIncrementalSteps = true };
        engine.Analyze(tree.Root);
        var cold = engine.LastRunTrace!;
        var pieces = cold.Count(IncrementalStep.RulePieces, IncrementalStepReason.New);
        pieces.Should().BeGreaterThan(20, "ROADMAP sections, checklist items and table rows are checked once each on a cold run");

        // Drop the SUMMARY of phase 12's last plan: its checkbox, Plans line, checklist item and table row go stale.
        var summary = tree.Files.Where(f => f.StartsWith("phases/12-", StringComparison.Ordinal) && f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)).Max(StringComparer.Ordinal)!;
        tree.Delete(summary);

        var after = engine.Analyze(tree.Root);
        var trace = engine.LastRunTrace!;
        var rechecked = trace.Count(IncrementalStep.RulePieces, IncrementalStepReason.Modified) + trace.Count(IncrementalStep.RulePieces, IncrementalStepReason.Unchanged);
        rechecked.Should().BeInRange(1, 4, "only the pieces that read phase 12 (its section, checklist item, table row, By Phase row) run again");
        trace.Count(IncrementalStep.RulePieces, IncrementalStepReason.Modified).Should().BeGreaterThan(0, "phase 12's pieces now find stale text");
        trace.Count(IncrementalStep.RulePieces, Cached).Should().Be(pieces - rechecked);
        trace.Count(IncrementalStep.RulePieces, IncrementalStepReason.New).Should().Be(0);
        after.Findings.Should().Contain(f => f.Span.File == "ROADMAP.md");
        after.Should().Be(FromScratch(tree.Root));

        // Nothing changed: the rules step is cached and no piece runs.
        engine.Analyze(tree.Root);
        engine.LastRunTrace!.ReasonOf(IncrementalStep.Rules).Should().Be(Cached);
        engine.LastRunTrace!.Of(IncrementalStep.RulePieces).Should().BeEmpty();
    }

    /// <summary>One random change to one file; returns what it did.</summary>
    private static string Mutate(GeneratedTree tree, Random random)
    {
        var summaries = Existing(tree, "-SUMMARY.md");
        var plans = Existing(tree, "-PLAN.md");
        switch (random.Next(8))
        {
            case 0 when summaries.Count > 0:
            {
                var file = summaries[random.Next(summaries.Count)];
                Write(tree.FullPath(file), tree.ReadFile(file).Replace("\nduration: ", "\nduration: 1", StringComparison.Ordinal));
                return "longer duration in " + file;
            }

            case 1 when summaries.Count > 0:
                return DeleteOne(tree, summaries, random);

            case 2:
            {
                // A SUMMARY for a plan that has none: copy another SUMMARY's text under the plan's name.
                var open = plans.Where(p => !File.Exists(tree.FullPath(p.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal)))).ToList();
                if (open.Count == 0 || summaries.Count == 0)
                {
                    goto default;
                }

                var plan = open[random.Next(open.Count)];
                var target = plan.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal);
                Write(tree.FullPath(target), tree.ReadFile(summaries[random.Next(summaries.Count)]).Replace("\ncompleted: 20", "\ncompleted: 21", StringComparison.Ordinal));
                return "added " + target;
            }

            case 3 when plans.Count > 0:
                return DeleteOne(tree, plans, random);

            case 4:
                return Toggle(tree, "ROADMAP.md", random, "- [x]", "- [ ]");

            case 5:
                return Toggle(tree, "ROADMAP.md", random, "Complete", "In Progress");

            case 6:
                return Toggle(tree, "STATE.md", random, "| ", "| 1");

            default:
            {
                var file = summaries.Count > 0 ? summaries[random.Next(summaries.Count)] : "STATE.md";
                Touch(tree.FullPath(file));
                return "touched " + file;
            }
        }
    }

    private static string DeleteOne(GeneratedTree tree, List<string> files, Random random)
    {
        var file = files[random.Next(files.Count)];
        tree.Delete(file);
        return "deleted " + file;
    }

    private static List<string> Existing(GeneratedTree tree, string suffix) =>
        tree.Files.Where(f => f.StartsWith("phases/", StringComparison.Ordinal) && f.EndsWith(suffix, StringComparison.Ordinal) && File.Exists(tree.FullPath(f))).OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>Replaces one random occurrence of <paramref name="from"/> (or else of <paramref name="to"/>, back) in a file.</summary>
    private static string Toggle(GeneratedTree tree, string file, Random random, string from, string to)
    {
        var text = tree.ReadFile(file);
        var (find, put) = text.Contains(from, StringComparison.Ordinal) && random.Next(2) == 0 ? (from, to) : (to, from);
        var positions = new List<int>();
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        if (positions.Count == 0)
        {
            return "nothing to toggle in " + file;
        }

        var position = positions[random.Next(positions.Count)];
        Write(tree.FullPath(file), text.Substring(0, position) + put + text.Substring(position + find.Length));
        return $"'{find}' -> '{put}' at {position} in {file}";
    }
}
