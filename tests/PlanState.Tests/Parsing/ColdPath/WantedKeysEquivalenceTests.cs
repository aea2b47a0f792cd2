using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Tests.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// A frontmatter read that keeps only wanted keys (<see cref="FrontmatterKeys.Only"/>) must equal the full read with
/// its entries filtered, on both the fast path and YamlDotNet's; the PLAN and SUMMARY parsers, which read that way,
/// must equal themselves reading every key. The block's span, now taken from counted lines, must equal the one the
/// line index gives.
/// </summary>
[TestFixture]
public sealed class WantedKeysEquivalenceTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    private static readonly string[] PlanKeys = ["phase"];

    private static readonly string[] SummaryKeys =
        ["duration", "metrics.duration", "duration_minutes", "metrics.duration_minutes", "completed", "metrics.completed", "phase"];

    private static readonly PlanId Id = new(PhaseNumber.Parse("1"), 1, "01-01");

    [Test]
    public void Every_fixture_reads_the_same_with_only_the_wanted_keys()
    {
        var blocks = 0;
        var random = new Random(7);
        foreach (var text in ColdPathInputs.FixtureTexts())
        {
            blocks += AssertEverything(text, random) ? 1 : 0;
        }

        blocks.Should().BeGreaterThan(10);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Every_generated_file_reads_the_same_with_only_the_wanted_keys(int seed)
    {
        using var temp = new TempDirectory();
        var tree = ColdPathInputs.Generated(temp, seed);
        var random = new Random(seed);
        var blocks = tree.Files.Count(file => AssertEverything(SourceText.FromBytes(file, File.ReadAllBytes(tree.FullPath(file))), random));

        blocks.Should().BeGreaterThan(40);
    }

    [Test]
    public void Random_blocks_read_the_same_with_only_the_wanted_keys()
    {
        var random = new Random(11);
        Check.One(Runs.WithMaxTest(1500), Prop.ForAll(Arb.From(SimpleFrontmatterEquivalenceTests.Blocks()), block =>
            AssertEverything(SourceText.From("01-01-PLAN.md", block), random)));
    }

    [Test]
    public void Random_summary_blocks_parse_the_same_with_only_the_fact_keys()
    {
        Check.One(Runs.WithMaxTest(1500), Prop.ForAll(Arb.From(SummaryBlocks()), block =>
        {
            var text = SourceText.From("phases/01-x/01-01-SUMMARY.md", block);
            AssertParsersSame(text);
            AssertFiltered(text, SummaryKeys);
        }));
    }

    [TestCase("---\nphase: 1\nPhase: 2\n---\n", "phase")]
    [TestCase("---\nmetrics.duration: 5 min\nmetrics:\n  duration: 6 min\n---\n", "metrics.duration")]
    [TestCase("---\nMetrics:\n  Duration: 6 min\n---\n", "metrics.duration")]
    [TestCase("---\nphase:\n  - 1\n  - 2\nmetrics: [a]\n---\n", "phase")]
    [TestCase("---\ntags: [a, b]\nlist:\n  - x: 1\n    y: 2\n---\n", "tags[1]")]
    [TestCase("---\ntags: [a, b]\nlist:\n  - x: 1\n    y: 2\n---\n", "list[0].y")]
    [TestCase("---\ntags: [a, b]\nlist:\n  - x: 1\n    y: 2\n---\n", "list")]
    [TestCase("---\nkey: @scope/pkg\nphase: 3\n---\n", "phase")]
    [TestCase("---\nphase: 1\nbad: a: b\n  metrics:\n---\n", "phase")]
    [TestCase("---\nempty:\nphase: ~\n---\n", "empty")]
    public void Chosen_blocks_read_the_same_with_only_the_wanted_keys(string block, string key)
    {
        var text = SourceText.From("01-01-PLAN.md", block);

        AssertFiltered(text, [key]);
        AssertFiltered(text, [key.ToUpperInvariant()]);
    }

    /// <summary>Checks every way for one text; returns whether it has a frontmatter block.</summary>
    private static bool AssertEverything(SourceText text, Random random)
    {
        AssertFiltered(text, PlanKeys);
        AssertFiltered(text, SummaryKeys);
        AssertFiltered(text, SomeOwnPaths(text, random));
        AssertParsersSame(text);
        return AssertBlockSpan(text);
    }

    private static void AssertFiltered(SourceText text, string[] keys)
    {
        var full = FrontmatterReader.Read(text);
        foreach (var allowFastPath in new[] { true, false })
        {
            var only = FrontmatterReader.Read(text, FrontmatterKeys.Only(keys), allowFastPath);
            only.Problems.Should().Equal(FrontmatterReader.Read(text, allowFastPath).Problems, "problems of {0}:\n{1}", text.File, text.Text);
            if (full.Frontmatter is null)
            {
                only.Frontmatter.Should().BeNull();
                continue;
            }

            var expected = full.Frontmatter.Entries.Where(e => keys.Contains(e.KeyPath, StringComparer.OrdinalIgnoreCase)).ToEquatableArray();
            only.Frontmatter.Should().Be(full.Frontmatter with { Entries = expected }, "keys [{0}] of {1}:\n{2}", string.Join(", ", keys), text.File, text.Text);
        }
    }

    private static void AssertParsersSame(SourceText text)
    {
        PlanFileParser.Parse(Id, text).Should().Be(PlanFileParser.Parse(Id, text, FrontmatterKeys.All));
        var summary = SummaryFileParser.Parse(Id, text, out var bodyWanted);
        summary.Should().Be(SummaryFileParser.Parse(Id, text, FrontmatterKeys.All, out var bodyWantedReadingAll), "{0}:\n{1}", text.File, text.Text);
        bodyWanted.Should().Be(bodyWantedReadingAll);
    }

    private static bool AssertBlockSpan(SourceText text)
    {
        var block = FrontmatterReader.Read(text).Frontmatter;
        if (block is null)
        {
            return false;
        }

        block.Span.Should().Be(text.Span(block.Span.Start, block.Span.Length));
        return true;
    }

    /// <summary>A few key paths of the text's own entries, their parents, and case changes of them.</summary>
    private static string[] SomeOwnPaths(SourceText text, Random random)
    {
        var paths = FrontmatterReader.Read(text).Frontmatter?.Entries.Select(e => e.KeyPath).ToList() ?? [];
        var candidates = paths
            .Concat(paths.Select(p => p.Substring(0, Math.Max(p.LastIndexOfAny(['.', '[']), 0))))
            .Concat(paths.Select(p => p.ToUpperInvariant()))
            .Where(p => p.Length > 0)
            .Distinct()
            .ToList();
        return candidates.Where(_ => random.Next(3) == 0).ToArray();
    }

    private static Gen<string> SummaryBlocks()
    {
        var key = Gen.Elements("duration", "Duration", "duration_minutes", "completed", "COMPLETED", "phase", "Phase", "plan", "tags");
        var value = Gen.Elements(
            "5 min", "12", "2m 39s", "~1 session", "2026-02-02", "2026-02-30", "2026-02-02T10:30:00Z", "2026-02-02 10:30 UTC",
            "\"3 min\"", "''", string.Empty, "~", "[a, b]", "a: b", "01-setup", "@x");
        var entry = from k in key from v in value select k + ":" + (v.Length == 0 ? string.Empty : " " + v) + "\n";
        var metrics = from children in Gen.NonEmptyListOf(entry).Resize(3)
                      from m in Gen.Elements("metrics", "Metrics")
                      select m + ":\n" + string.Concat(children.Select(c => "  " + c));
        var list = from k in key select k + ":\n  - x\n  - 2026-01-01\n";
        var body = Gen.Elements(string.Empty, "# Summary\n", "## Performance\n\n- **Duration:** 4 min\n- **Completed:** 2026-01-01\n");
        return from entries in Gen.ListOf(Gen.Frequency((5, entry), (2, metrics), (1, list))).Resize(6)
               from b in body
               select "---\n" + string.Concat(entries) + "---\n" + b;
    }
}
