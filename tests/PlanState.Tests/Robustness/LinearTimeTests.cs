using System.Diagnostics;
using System.Text;
using PlanState.Text;

namespace PlanState.Tests.Robustness;

/// <summary>
/// Huge lines, deep nesting and long runs of the characters the parsers look for finish in linear time.
/// </summary>
/// <remarks>
/// How "linear" is tested without timing tests that flake: each input has about a million chars (1–4 MB of UTF-8),
/// and every parser must finish it within a 30 s watchdog. A linear pass takes well under a second for most shapes;
/// the slowest linear one, 60k malformed frontmatter keys, hands each entry to YamlDotNet, which throws, and takes
/// about 6 s in a Debug build on a loaded 2-core machine (it once exceeded an earlier 10 s watchdog there). Anything
/// quadratic (a rescan per line, a regex that backtracks, a nested re-parse per level) does at least 10¹² steps on
/// such input and cannot finish, so the watchdog fails only on catastrophic behaviour, never on a slow machine.
/// </remarks>
[TestFixture]
public sealed class LinearTimeTests
{
    private const int Size = 1_000_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private static IEnumerable<(string Name, Func<string> Text)> AllShapes()
    {
        yield return ("one line of pipes", () => Repeat("|", Size));
        yield return ("a table row with 250k cells", () => "| Phase | Plans | Total | Avg/Plan |\n|---|---|---|---|\n" + Repeat("| 1 ", Size / 4) + "|\n");
        yield return ("a By Phase table of 25k rows", () => "**By Phase:**\n\n| Phase | Plans | Total | Avg/Plan |\n|-------|-------|-------|----------|\n" + Repeat("| 1. Foundation | 2/4 | 5.2 min | 2.6 min |\n", Size / 42));
        yield return ("a progress table of 20k rows", () => "## Progress\n\n| Phase | Milestone | Plans Complete | Status | Completed |\n|---|---|---|---|---|\n" + Repeat("| 1. Foundation | v1.0 | 3/3 | Complete | 2026-01-02 |\n| 2. Core | 1/2 | In Progress | - |\n", Size / 90));
        yield return ("an unclosed bar", () => "Progress: [" + Repeat("█", Size));
        yield return ("a bar of a million cells", () => "Progress: [" + Repeat("█", Size / 2) + Repeat("░", Size / 2) + "] 50% (2/4)\n");
        yield return ("a percent of a million digits", () => "Progress: [██░░] " + Repeat("9", Size) + "%\n");
        yield return ("a million fractions", () => "Progress: [██░░] 50% " + Repeat("(1/2 plans, ", Size / 12) + "\n");
        yield return ("a phase number with 500k levels", () => "Phase: " + Repeat("1.", Size / 2) + "1 of 2 (Deep)\n## Phase " + Repeat("1.", Size / 2) + "1: Deep\n");
        yield return ("a line of hashes", () => Repeat("#", Size));
        yield return ("70k phase headings", () => Repeat("### Phase 140.1.1: 名称\n**Plans:** 2/3 plans complete\n", Size / 45));
        yield return ("bold markers", () => Repeat("**", Size / 2));
        yield return ("a Plans line of digits", () => "**Plans:** " + Repeat("9", Size) + " plans\n");
        yield return ("lists nested 700 deep", () => string.Concat(Enumerable.Range(0, 700).Select(i => new string(' ', i * 2) + "- [ ] 01-01-PLAN.md — x\n")));
        yield return ("list markers nested 500k deep on one line", () => Repeat("- ", Size / 2) + "[ ] 01-01-PLAN.md\n");
        yield return ("a blockquote nested a million deep", () => Repeat(">", Size) + " Phase: 1 of 2\n");
        yield return ("100k unclosed details", () => Repeat("<details>\n<summary>✅ v1.0</summary>\n", Size / 40));
        yield return ("an unclosed HTML comment", () => "<!--\n" + Repeat("Phase: 1 of 2\n", Size / 14));
        yield return ("a frontmatter of 60k keys", () => "---\n" + string.Concat(Enumerable.Range(0, Size / 16).Select(i => $"key{i}: value\n")) + "---\n");
        yield return ("a frontmatter of 60k malformed keys", () => "---\n" + string.Concat(Enumerable.Range(0, Size / 22).Select(i => $"key{i}: @scope/pkg\n")) + "---\n");
        yield return ("a frontmatter mapping nested 1400 deep with an error at the bottom", () => "---\n" + string.Concat(Enumerable.Range(0, 1400).Select(i => new string(' ', i) + $"k{i}:\n")) + new string(' ', 1400) + "bad: @scope/pkg\n---\n");
        yield return ("a frontmatter flow nested a million deep", () => "---\nprogress: " + Repeat("[", Size) + "\n---\n");
        yield return ("a frontmatter flow mapping nested 300k deep", () => "---\nprogress: " + Repeat("{a: ", Size / 4) + "\n---\n");
        yield return ("a frontmatter block sequence nested 500k deep on one line", () => "---\nprogress:\n  " + Repeat("- ", Size / 2) + "x\n---\n");
        yield return ("an unclosed frontmatter", () => "---\n" + Repeat("completed_plans: 3\n", Size / 19));
        yield return ("a million fences", () => Repeat("---\n", Size / 4));
        yield return ("a duration of a million parts", () => "- Average duration: " + Repeat("1h ", Size / 3) + "\n- Total execution time: " + Repeat("~", Size) + "\n");
        yield return ("CR-only line breaks", () => Repeat("Phase: 1 of 2\rPlan: 1 of 3\r", Size / 26));
        yield return ("a Last 5 plans list of 80k items", () => "**Recent Trend:**\n- Last 5 plans: " + Repeat("01-01 (5m), ", Size / 12) + "\n- Trend: " + Repeat("Improving ", Size / 10) + "\n");
        yield return ("20k milestone lines", () => Repeat("- ✅ **v1.0 MVP** - Phases 1-4 (shipped 2026-01-02)\n", Size / 50));
        yield return ("20k phase checkboxes", () => Repeat("- [x] **Phase 1: X** - d (completed 2026-01-02)\n- [ ] 01-02-PLAN.md — y\n", Size / 75));
        yield return ("a million blank lines", () => Repeat("\n", Size));
        yield return ("a line of spaces", () => Repeat(" ", Size));
        yield return ("a line of backticks", () => Repeat("`", Size));
        yield return ("a line of letters", () => Repeat("a", Size));
        yield return ("random text", () => RandomText(Size, 42));
    }

    public static IEnumerable<string> Shapes() => AllShapes().Select(s => s.Name);

    [TestCaseSource(nameof(Shapes))]
    public void Every_parser_finishes_a_million_chars_well_within_the_watchdog(string shape)
    {
        var text = AllShapes().Single(s => s.Name == shape).Text();
        WithinBudget(() => ParserHarness.ParseAll(SourceText.From("STATE.md", text)));
    }

    [Test]
    public void The_engine_analyses_and_updates_a_near_4_MiB_STATE_md_and_its_folder_well_within_the_watchdog()
    {
        using var temp = new TempDirectory();
        var root = temp.Combine(".planning");
        Directory.CreateDirectory(root);

        // Hundreds of KB of narrative, decisions and session notes are real; here the file is padded to just under
        // the 4 MiB limit, with its one stale value (the bar) at the very end.
        var narrative = new StringBuilder("# Project State\n\n## Accumulated Context\n\n### Decisions\n\n");
        while (narrative.Length < 3_900_000)
        {
            narrative.Append("- [07-02]: Keep the 阶段 cache per node; ").Append(narrative.Length).Append(" decisions so far\n");
        }

        narrative.Append("\n## Current Position\n\nPhase: 1 of 2 (Foundation)\nProgress: [██░░░░░░░░] 50%\n");
        File.WriteAllText(Path.Combine(root, "STATE.md"), narrative.ToString());

        UpdateResult? result = null;
        WithinBudget(() => result = new PlanStateEngine().Update(root));

        result!.Changes.Should().ContainSingle().Which.NewText.Should().Be("█████░░░░░");
    }

    private static void WithinBudget(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(Budget))
        {
            Assert.Fail($"Still running after {Budget.TotalSeconds} s: super-linear behaviour on this input.");
        }

        TestContext.Out.WriteLine($"finished in {stopwatch.ElapsedMilliseconds} ms");
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string RandomText(int length, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "|[]#*-_`>:/%()0123456789 abcPhase█░=.\n\r\t名称✅~";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
