using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanState.Testing;

namespace PlanState.Tests.Fixtures;

/// <summary>
/// Self-tests for the synthetic tree generator. The STATE.md and ROADMAP.md checks here re-read the written text
/// with their own small regexes, so they test the files, not the generator's bookkeeping.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SyntheticPlanningTreeTests
{
    [Test]
    public void Writes_roadmap_state_and_one_plan_file_per_plan()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 5, PlansPerPhase = 4, CompletedFraction = 0.5, Seed = 3 });

        tree.Root.Should().Be(Path.Combine(temp.Path, ".planning"));
        File.Exists(tree.FullPath("ROADMAP.md")).Should().BeTrue();
        File.Exists(tree.FullPath("STATE.md")).Should().BeTrue();
        Directory.GetDirectories(Path.Combine(tree.Root, "phases")).Should().HaveCount(5);
        PlanFiles(tree, "-PLAN.md").Should().HaveCount(20);
        PlanFiles(tree, "-SUMMARY.md").Should().HaveCount(10);
        tree.Files.Should().Contain(["ROADMAP.md", "STATE.md", "phases/01-" + Slug(tree, 1) + "/01-01-PLAN.md"]);
        tree.Files.Should().OnlyContain(f => File.Exists(tree.FullPath(f)));
        Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories).Should().HaveCount(tree.Files.Count);
        (tree.TotalPlans, tree.CompletedPlans, tree.PhaseCount).Should().Be((20, 10, 5));
    }

    [TestCase(0.0, 0)]
    [TestCase(0.5, 6)]
    [TestCase(0.55, 7)]
    [TestCase(1.0, 12)]
    public void Completes_plans_in_plan_order(double fraction, int completed)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 4, PlansPerPhase = 3, CompletedFraction = fraction });

        var summaries = PlanFiles(tree, "-SUMMARY.md").Select(PlanIdOf).ToList();
        var plans = PlanFiles(tree, "-PLAN.md").Select(PlanIdOf).OrderBy(id => id, StringComparer.Ordinal).ToList();
        summaries.Should().BeEquivalentTo(plans.Take(completed));
        tree.CompletedPlans.Should().Be(completed);
    }

    [Test]
    public void File_sizes_are_realistic()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 10, PlansPerPhase = 10, CompletedFraction = 1, LineEndings = LineEndingStyle.CrLf, Bom = true });

        foreach (var plan in PlanFiles(tree, "-PLAN.md"))
        {
            new FileInfo(tree.FullPath(plan)).Length.Should().BeInRange(2048, 6144, plan);
        }

        foreach (var summary in PlanFiles(tree, "-SUMMARY.md"))
        {
            new FileInfo(tree.FullPath(summary)).Length.Should().BeInRange(1024, 4096, summary);
        }
    }

    [Test]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        using var c = new TempDirectory();
        var options = new SyntheticTreeOptions { Phases = 6, PlansPerPhase = 5, CompletedFraction = 0.7, Seed = 42, ArchivedPhases = 2 };
        var first = SyntheticPlanningTree.Write(a.Path, options);
        var second = SyntheticPlanningTree.Write(b.Path, options);
        var other = SyntheticPlanningTree.Write(c.Path, options with { Seed = 43 });

        second.Files.Should().Equal(first.Files);
        foreach (var file in first.Files)
        {
            File.ReadAllBytes(second.FullPath(file)).Should().Equal(File.ReadAllBytes(first.FullPath(file)), file);
        }

        File.ReadAllBytes(other.FullPath("STATE.md")).Should().NotEqual(File.ReadAllBytes(first.FullPath("STATE.md")));
        second.Expected.Should().BeEquivalentTo(first.Expected);
    }

    [TestCase(LineEndingStyle.Lf, false)]
    [TestCase(LineEndingStyle.CrLf, false)]
    [TestCase(LineEndingStyle.Lf, true)]
    [TestCase(LineEndingStyle.CrLf, true)]
    public void Line_endings_and_bom_are_honoured(LineEndingStyle endings, bool bom)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { LineEndings = endings, Bom = bom, ArchivedPhases = 1 });

        foreach (var file in tree.Files)
        {
            var bytes = File.ReadAllBytes(tree.FullPath(file));
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            hasBom.Should().Be(bom && file.EndsWith(".md", StringComparison.Ordinal), file);
            var text = Encoding.UTF8.GetString(bytes);
            var lf = text.Count(ch => ch == '\n');
            var crlf = Regex.Matches(text, "\r\n").Count;
            lf.Should().BePositive();
            crlf.Should().Be(endings == LineEndingStyle.CrLf ? lf : 0, file);
            text.Count(ch => ch == '\r').Should().Be(crlf, file);
        }
    }

    [TestCase(4, 3, 0.5, 0, 1)]
    [TestCase(4, 3, 0.0, 0, 2)]
    [TestCase(4, 3, 1.0, 0, 3)]
    [TestCase(7, 4, 0.61, 2, 4)]
    [TestCase(12, 7, 0.83, 3, 5)]
    [TestCase(3, 1, 0.34, 1, 6)]
    [TestCase(30, 9, 0.4, 10, 7)]
    [TestCase(7, 5, 0.1, 0, 1989465074)] // a plan nudged past the longest printable duration (found by RewriterProperties)
    public void State_numbers_are_self_consistent_and_match_the_folders(int phases, int plans, double fraction, int archived, int seed)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
        {
            Phases = phases, PlansPerPhase = plans, CompletedFraction = fraction, ArchivedPhases = archived, Seed = seed,
        });
        var state = tree.ReadFile("STATE.md");
        var disk = DiskFacts.Read(tree);

        // Scope: the current milestone = the folders under phases/.
        var p = disk.ActivePlans.Count;
        var s = disk.ActiveCompleted.Count;
        var completedPhases = disk.ActivePhases.Count(ph => disk.PlansOf(ph).All(disk.IsCompleted));

        // Frontmatter progress.
        Int(state, @"total_phases: (\d+)").Should().Be(disk.ActivePhases.Count);
        Int(state, @"completed_phases: (\d+)").Should().Be(completedPhases);
        Int(state, @"total_plans: (\d+)").Should().Be(p);
        Int(state, @"completed_plans: (\d+)").Should().Be(s);
        var expectedFrontmatterPercent = (int)Math.Round(
            Math.Min((double)s / Math.Max(1, p), (double)completedPhases / Math.Max(1, disk.ActivePhases.Count)) * 100, MidpointRounding.AwayFromZero);
        Int(state, @"  percent: (\d+)").Should().Be(expectedFrontmatterPercent);

        // Body bar: percent vs fraction vs fill.
        var progress = Regex.Match(state, @"\nProgress: \[(█*)(░*)\] (\d+)% \((\d+)/(\d+) plans\)\n");
        progress.Success.Should().BeTrue();
        var percent = int.Parse(progress.Groups[3].Value, CultureInfo.InvariantCulture);
        (int.Parse(progress.Groups[4].Value, CultureInfo.InvariantCulture), int.Parse(progress.Groups[5].Value, CultureInfo.InvariantCulture)).Should().Be((s, p));
        percent.Should().Be(p == 0 ? 0 : (int)Math.Round((double)s / p * 100, MidpointRounding.AwayFromZero));
        var width = progress.Groups[1].Length + progress.Groups[2].Length;
        progress.Groups[1].Length.Should().Be((int)Math.Round((double)percent * width / 100, MidpointRounding.AwayFromZero));

        // Position.
        var position = Regex.Match(state, @"\nPhase: (\d+) of (\d+) \((.+)\)\nPlan: (\d+) of (\d+) in current phase\n");
        position.Success.Should().BeTrue();
        int.Parse(position.Groups[2].Value, CultureInfo.InvariantCulture).Should().Be(phases);
        var currentPhase = int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture);
        int.Parse(position.Groups[5].Value, CultureInfo.InvariantCulture).Should().Be(plans);
        int.Parse(position.Groups[4].Value, CultureInfo.InvariantCulture).Should().Be(disk.ActiveCompleted.Count(id => PhaseOf(id) == currentPhase));
        state.Should().Contain($"**Current focus:** Phase {currentPhase} - {position.Groups[3].Value}\n");
        var lastActivity = Regex.Match(state, @"\nLast activity: \d{4}-\d\d-\d\d — (.+)\n").Groups[1].Value;
        var stoppedAt = Regex.Match(state, @"\nStopped at: (.+)\n").Groups[1].Value;
        stoppedAt.Should().Be(lastActivity);
        if (s > 0)
        {
            var last = disk.ActiveCompleted.OrderBy(id => disk.CompletedOn[id]).ThenBy(id => id, StringComparer.Ordinal).Last();
            lastActivity.Should().Be($"Completed {last}-PLAN.md");
            PhaseOf(last).Should().Be(currentPhase);
        }

        // Velocity against the SUMMARY files, and against the By Phase table.
        Int(state, @"- Total plans completed: (\d+)").Should().Be(s);
        var minutes = disk.ActiveCompleted.Sum(id => disk.Minutes[id]);
        var rows = Regex.Matches(state, @"\n\| (\d+)\. [^|]+ \| (\d+)/(\d+) \| ([\d.]+) min \| ([\d.]+) min \|");
        rows.Sum(r => int.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture)).Should().Be(s);
        foreach (Match row in rows)
        {
            var phase = int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            var done = disk.ActiveCompleted.Where(id => PhaseOf(id) == phase).ToList();
            int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture).Should().Be(done.Count);
            int.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture).Should().Be(plans);
            Dec(row.Groups[4].Value).Should().Be(Round1(done.Sum(id => disk.Minutes[id])));
            Dec(row.Groups[5].Value).Should().Be(Round1(done.Sum(id => disk.Minutes[id]) / done.Count));
        }

        Dec(Regex.Match(state, @"- Total execution time: ([\d.]+) hours").Groups[1].Value)
            .Should().Be(Math.Round(minutes / 60, 2, MidpointRounding.AwayFromZero));
        var average = Regex.Match(state, @"- Average duration: (.+)\n").Groups[1].Value;
        average.Should().Be(s == 0 ? "-" : Round1(minutes / s).ToString("0.0", CultureInfo.InvariantCulture) + " min");

        // Recent Trend against completion order.
        var ordered = disk.ActiveCompleted.OrderBy(id => disk.CompletedOn[id]).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var items = Regex.Match(state, @"- Last 5 plans: (.+)\n").Groups[1].Value;
        var listed = Regex.Matches(items, @"(\d+-\d+) \(([^)]+)\)").Select(m => (m.Groups[1].Value, ParseMinutes(m.Groups[2].Value))).ToList();
        listed.Select(i => i.Item1).Should().Equal(ordered.Skip(Math.Max(0, ordered.Count - 5)));
        listed.Should().NotContain(i => Math.Abs(i.Item2 - disk.Minutes[i.Item1]) > 1e-9);
        var trend = Regex.Match(state, @"- Trend: (.+)\n").Groups[1].Value;
        trend.Should().Be(ExpectedTrend(ordered.Select(id => disk.Minutes[id]).ToList()));
        tree.Expected.TrendWord.Should().Be(trend);
    }

    [TestCase(4, 3, 0.5, 0)]
    [TestCase(9, 5, 0.6, 3)]
    [TestCase(3, 2, 1.0, 2)]
    public void Roadmap_derived_parts_match_the_folders(int phases, int plans, double fraction, int archived)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = phases, PlansPerPhase = plans, CompletedFraction = fraction, ArchivedPhases = archived });
        var roadmap = tree.ReadFile("ROADMAP.md");
        var disk = DiskFacts.Read(tree);

        Regex.Matches(roadmap, @"\n#{3,4} Phase (\d+): ").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Should().Equal(Enumerable.Range(1, phases));
        Regex.Matches(roadmap, @"\*\*Plans:\*\* (\d+) plans?\n").Should().OnlyContain(m => m.Groups[1].Value == plans.ToString(CultureInfo.InvariantCulture));

        foreach (Match item in Regex.Matches(roadmap, @"\n- \[( |x)\] (\d+-\d+)-PLAN\.md — "))
        {
            (item.Groups[1].Value == "x").Should().Be(disk.IsCompleted(item.Groups[2].Value), item.Value);
        }

        var table = Regex.Matches(roadmap, @"\n\| (\d+)\. [^|]+ \|(?: (v1\.\d) \|)? (\d+)/(\d+) \| ([^|]+) \| ([^|]+) \|");
        table.Should().HaveCount(phases);
        foreach (Match row in table)
        {
            var phase = int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            var done = disk.AllCompleted.Where(id => PhaseOf(id) == phase).ToList();
            int.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture).Should().Be(done.Count);
            int.Parse(row.Groups[4].Value, CultureInfo.InvariantCulture).Should().Be(plans);
            var status = done.Count == plans ? "Complete" : done.Count > 0 ? "In Progress" : "Not started";
            row.Groups[5].Value.Should().Be(status);
            row.Groups[6].Value.Should().Be(done.Count == plans ? done.Max(id => disk.CompletedOn[id]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-");
            row.Groups[2].Value.Should().Be(archived == 0 ? string.Empty : phase <= archived ? "v1.0" : "v1.1");
        }

        if (archived > 0)
        {
            roadmap.Should().Contain("<details>").And.Contain("### 🚧 v1.1 ");
            Directory.GetDirectories(Path.Combine(tree.Root, "milestones", "v1.0-phases")).Should().HaveCount(archived);
            Directory.GetDirectories(Path.Combine(tree.Root, "phases")).Should().HaveCount(phases - archived);
            tree.Files.Should().Contain(["milestones/v1.0-ROADMAP.md", "milestones/v1.0-REQUIREMENTS.md"]);
            tree.ReadFile("STATE.md").Should().Contain("\nmilestone: v1.1\n");
        }
        else
        {
            roadmap.Should().NotContain("<details>").And.NotContain("v1.1");
        }
    }

    [Test]
    public void Summary_durations_use_a_mix_of_styles_and_dates_increase()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 20, PlansPerPhase = 10, CompletedFraction = 1, Seed = 9 });
        var disk = DiskFacts.Read(tree);

        var shapes = disk.DurationTexts.Values.Select(t => Regex.Replace(t, @"\d+", "N")).Distinct().ToList();
        shapes.Should().HaveCountGreaterThan(8);
        var ordered = disk.AllCompleted.OrderBy(id => id, StringComparer.Ordinal).Select(id => disk.CompletedOn[id]).ToList();
        ordered.Should().BeInAscendingOrder();
        disk.CompletedTexts.Values.Should().Contain(t => t.Contains('T')).And.Contain(t => t.Length == 10);
    }

    [Test]
    public void ReplaceOnce_returns_the_position_and_the_other_helpers_keep_the_file_list()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { LineEndings = LineEndingStyle.CrLf, Bom = true, CompletedFraction = 0.5 });
        var before = tree.ReadFile("STATE.md");
        var lineIndex = before.Split("\r\n").ToList().FindIndex(l => l.StartsWith("Progress: ", StringComparison.Ordinal));

        var position = tree.ReplaceOnce("STATE.md", "\nProgress: [", "\nProgress: `[");

        position.Should().Be((lineIndex, before.Split("\r\n")[lineIndex - 1].Length + 1), "the match starts at the line break before the Progress line");
        var after = tree.ReadFile("STATE.md");
        after.Should().Contain("\r\nProgress: `[");
        File.ReadAllBytes(tree.FullPath("STATE.md")).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        tree.ReplaceOnce("STATE.md", "Total plans completed: ", "Total plans completed: 1").Should().Be(
            (after.Split("\r\n").ToList().FindIndex(l => l.StartsWith("- Total plans completed", StringComparison.Ordinal)) + 1, 3));

        var act = () => tree.ReplaceOnce("STATE.md", "no such text", "x");
        act.Should().Throw<InvalidOperationException>().WithMessage("*does not occur*");
        act = () => tree.ReplaceOnce("ROADMAP.md", "**Goal**", "x");
        act.Should().Throw<InvalidOperationException>().WithMessage("*more than once*");

        var summary = tree.Files.First(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal));
        tree.Delete(summary);
        tree.Files.Should().NotContain(summary);
        File.Exists(tree.FullPath(summary)).Should().BeFalse();

        tree.WriteFile("phases/09-orphan/09-01-SUMMARY.md", "---\nphase: 09-orphan\n---\n");
        tree.Files.Should().Contain("phases/09-orphan/09-01-SUMMARY.md");
        File.ReadAllBytes(tree.FullPath("phases/09-orphan/09-01-SUMMARY.md")).Should().StartWith(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'-', (byte)'-', (byte)'-', (byte)'\r', (byte)'\n' });
    }

    [Test]
    public void Ten_thousand_plans_generate_in_a_few_seconds()
    {
        using var temp = new TempDirectory();
        var watch = Stopwatch.StartNew();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 200, PlansPerPhase = 50, CompletedFraction = 0.8, ArchivedPhases = 20 });
        watch.Stop();

        TestContext.Out.WriteLine($"10,000 plans written in {watch.ElapsedMilliseconds} ms");
        tree.Expected.PlansIncludingArchive.Should().Be(10_000);
        tree.Expected.CompletedIncludingArchive.Should().Be(8_000);
        tree.TotalPlans.Should().Be(9_000);
        tree.CompletedPlans.Should().Be(7_000);

        // Generous bound: the machine running the tests is shared. Typical runs take two to four seconds.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        using var temp = new TempDirectory();
        var act = () => SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { CompletedFraction = 1.5 });
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 3, ArchivedPhases = 3 });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ------------------------------------------------------------ the oracle's worked numbers (spec §5)

    [TestCase(57, 200, 28)]
    [TestCase(1, 8, 13)]
    [TestCase(7, 11, 64)]
    [TestCase(2, 4, 50)]
    [TestCase(0, 0, 0)]
    [TestCase(7, 6, 100)]
    public void Oracle_percent(int s, int p, int expected) => Oracle.Percent(s, p).Should().Be(expected);

    [TestCase(50, 10, 5)]
    [TestCase(18, 20, 4)]
    [TestCase(12, 10, 1)]
    [TestCase(64, 10, 6)]
    [TestCase(25, 10, 3)]
    public void Oracle_bar(int percent, int width, int expected) => Oracle.BarFilled(percent, width).Should().Be(expected);

    [TestCase(7, 11, 2, 4, 50)]
    [TestCase(3, 3, 1, 6, 17)]
    [TestCase(2, 3, 1, 3, 33)]
    [TestCase(0, 0, 0, 0, 0)]
    public void Oracle_frontmatter_percent(int s, int p, int cp, int tp, int expected) =>
        Oracle.FrontmatterPercent(s, p, cp, tp).Should().Be(expected);

    [TestCase(new double[] { 25, 22, 19, 12, 14, 18, 16 }, "Improving")]
    [TestCase(new double[] { 10, 10, 10, 10, 10, 10, 10 }, "Stable")]
    [TestCase(new double[] { 10, 10, 12, 12, 12, 12, 12 }, "Degrading")]
    [TestCase(new double[] { 5, 1, 1, 1, 1, 1 }, "Not enough data")]
    public void Oracle_trend(double[] durations, string expected) => Oracle.TrendWord(durations).Should().Be(expected);

    // ------------------------------------------------------------ helpers

    private static string ExpectedTrend(IReadOnlyList<double> minutes)
    {
        if (minutes.Count < 7)
        {
            return "Not enough data";
        }

        var ratio = minutes.Skip(minutes.Count - 5).Average() / minutes.Take(minutes.Count - 5).Average();
        return ratio < 0.9 ? "Improving" : ratio > 1.1 ? "Degrading" : "Stable";
    }

    private static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static double Dec(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static int Int(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        match.Success.Should().BeTrue(pattern);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static List<string> PlanFiles(GeneratedTree tree, string suffix) =>
        tree.Files.Where(f => f.EndsWith(suffix, StringComparison.Ordinal)).ToList();

    private static string PlanIdOf(string path)
    {
        var name = Path.GetFileName(path);
        return name[..name.IndexOf(name.EndsWith("-PLAN.md", StringComparison.Ordinal) ? "-PLAN.md" : "-SUMMARY.md", StringComparison.Ordinal)];
    }

    private static int PhaseOf(string planId) => int.Parse(planId[..planId.IndexOf('-')], CultureInfo.InvariantCulture);

    private static string Slug(GeneratedTree tree, int phase) =>
        Path.GetFileName(Directory.GetDirectories(Path.Combine(tree.Root, "phases"), $"{phase:00}-*").Single())[3..];

    /// <summary>Independent reading of the duration spellings the generator writes.</summary>
    private static double ParseMinutes(string text)
    {
        var t = text.TrimStart('~');
        Match m;
        if ((m = Regex.Match(t, @"^(\d+)h ?(\d+)(?:m|min)$")).Success)
        {
            return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        if ((m = Regex.Match(t, @"^(\d+)m (\d+)s$")).Success)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 60.0);
        }

        if ((m = Regex.Match(t, @"^(\d+) ?(?:s|seconds)$")).Success)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 60.0;
        }

        m = Regex.Match(t, @"^([\d.]+) ?(?:m|min|minutes)$");
        m.Success.Should().BeTrue($"'{text}' is a duration style the generator writes");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private sealed class DiskFacts
    {
        public List<int> ActivePhases { get; } = [];

        public List<string> ActivePlans { get; } = [];

        public List<string> ActiveCompleted { get; } = [];

        public List<string> AllCompleted { get; } = [];

        public Dictionary<string, double> Minutes { get; } = [];

        public Dictionary<string, string> DurationTexts { get; } = [];

        public Dictionary<string, string> CompletedTexts { get; } = [];

        public Dictionary<string, DateTime> CompletedOn { get; } = [];

        public static DiskFacts Read(GeneratedTree tree)
        {
            var facts = new DiskFacts();
            foreach (var file in tree.Files.Where(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal) || f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)))
            {
                var id = PlanIdOf(file);
                var active = file.StartsWith("phases/", StringComparison.Ordinal);
                if (file.EndsWith("-PLAN.md", StringComparison.Ordinal))
                {
                    if (active)
                    {
                        facts.ActivePlans.Add(id);
                        if (!facts.ActivePhases.Contains(PhaseOf(id)))
                        {
                            facts.ActivePhases.Add(PhaseOf(id));
                        }
                    }

                    continue;
                }

                var text = tree.ReadFile(file);
                var frontmatter = text[..text.IndexOf("\n---", 4, StringComparison.Ordinal)];
                var duration = Regex.Match(frontmatter, @"\nduration: (.+?)\r?\n").Groups[1].Value;
                var completed = Regex.Match(frontmatter, @"\ncompleted: (.+?)\r?$").Groups[1].Value;
                facts.DurationTexts[id] = duration;
                facts.CompletedTexts[id] = completed;
                facts.Minutes[id] = ParseMinutes(duration);
                facts.CompletedOn[id] = DateTime.Parse(completed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Date;
                facts.AllCompleted.Add(id);
                if (active)
                {
                    facts.ActiveCompleted.Add(id);
                }
            }

            return facts;
        }

        public bool IsCompleted(string id) => AllCompleted.Contains(id);

        public IEnumerable<string> PlansOf(int phase) => ActivePlans.Where(id => PhaseOf(id) == phase);
    }
}
