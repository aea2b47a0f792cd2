using System.Text;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;
using PlanState.Tests.Parsing.Files;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// The phase scanners read PLAN and SUMMARY files with <see cref="PlanningFileLoader.LoadFrontmatterHead"/>, which
/// also cuts a small file after its frontmatter, and through the bare OS handle. What they make of a file must be
/// what the whole-file head (<see cref="PlanningFileLoader.LoadHead(string, string, int)"/>) gave: the same
/// <see cref="PlanFile"/> and <see cref="SummaryFile"/>, problems included, on fixtures, generated trees and the edge cases.
/// </summary>
[TestFixture]
public sealed class FrontmatterHeadLoadTests
{
    private const int HeadBytes = 4096;
    private const string Plan = "phases/01-x/01-01-PLAN.md";
    private const string Summary = "phases/01-x/01-01-SUMMARY.md";
    private static readonly PlanId Id = new(PhaseNumber.Parse("1"), 1, "01-01");

    private TempPlanningRoot temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempPlanningRoot();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [Test]
    public void Every_fixture_read_as_a_plan_and_a_summary_parses_as_from_the_whole_head()
    {
        var files = ColdPathInputs.FixtureFiles();
        foreach (var (_, bytes) in files)
        {
            temp.WriteBytes(Plan, bytes);
            temp.WriteBytes(Summary, bytes);
            AssertSameBothWays();
        }

        files.Count.Should().BeGreaterThan(20);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Every_generated_plan_and_summary_parses_as_from_the_whole_head(int seed)
    {
        using var tree = new TempDirectory();
        var generated = ColdPathInputs.Generated(tree, seed);
        var cut = 0;
        foreach (var file in generated.Files.Where(f => f.EndsWith("-PLAN.md", StringComparison.Ordinal) || f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(generated.FullPath(file));
            temp.WriteBytes(Plan, bytes);
            temp.WriteBytes(Summary, bytes);
            AssertSameBothWays();
            cut += PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, FileSystemAccess.Default).IsPartial ? 1 : 0;
        }

        cut.Should().BeGreaterThan(20, "generated files carry a body after their frontmatter, which is not decoded");
    }

    [TestCase("---\nphase: 1\n---\nbody\n")]
    [TestCase("---\r\nphase: 1\r\n---\r\n\r\n# Body\r\nmore\r\n")]
    [TestCase("---\rphase: 1\r---\rbody\rmore\r")]
    [TestCase("---\nphase: 1\n---\n\n---\nsecond: 1\n---\nbody\n")]
    [TestCase("---\nphase: 1\n---\n--")]
    [TestCase("---\nphase: 1\n---\n---")]
    [TestCase("---\nphase: 1\n---\nbo")]
    [TestCase("---\nphase: 1\n---\n")]
    [TestCase("---\nphase: 1\n")]
    [TestCase("---\nphase: 1\nbad: a: b\n---\nbody\n")]
    [TestCase("# No frontmatter\n\n## Performance\n\n- **Duration:** 4 min\n- **Completed:** 2026-01-01\n")]
    [TestCase("---\nphase: 1\n---\n# Summary\n\n## Performance\n\n- **Duration:** 4 min\n- **Completed:** 2026-01-01\n")]
    [TestCase("---\nduration: 3 min\n---\n# Summary\n\n## Performance\n\n- **Completed:** 2026-01-01\n")]
    [TestCase("---\nduration: 3 min\ncompleted: 2026-01-02\n---\n## Performance\n\n- **Completed:** 2026-01-01\n")]
    [TestCase("")]
    [TestCase("\n")]
    public void Edge_cases_parse_as_from_the_whole_head(string content)
    {
        temp.Write(Plan, content);
        temp.Write(Summary, content);

        AssertSameBothWays();
    }

    [TestCase(new byte[] { 0 })]
    [TestCase(new byte[] { 0xC3 })]
    [TestCase(new byte[] { 0xFF, 0x41 })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0xE2, 0x96, 0x88 })]
    public void A_small_file_is_cut_only_when_its_body_is_clean(byte[] inBody)
    {
        var bytes = Encoding.UTF8.GetBytes("---\nphase: 1\n---\n# Plan\nbody ").Concat(inBody).Concat(Encoding.UTF8.GetBytes("\nend\n")).ToArray();
        temp.WriteBytes(Plan, bytes);
        temp.WriteBytes(Summary, bytes);
        var clean = inBody.Length == 3 && inBody[0] == 0xE2;

        var head = PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, FileSystemAccess.Default);

        head.IsPartial.Should().Be(clean);
        if (clean)
        {
            head.Text!.Text.Should().Be("---\nphase: 1\n---\n# Plan\n");
        }

        AssertSameBothWays();
    }

    // The loader finds the head's line breaks in the bytes; an ASCII head keeps them for the frontmatter reader,
    // which then reads as it does from the text alone (BOM, CRLF and a block longer than the first read included).
    [TestCase("---\nphase: 1\nplan: 01\n---\nbody\nmore\n", false)]
    [TestCase("---\r\nphase: 1\r\nplan: 01\r\n---\r\n\r\n# Body\r\n", true)]
    [TestCase("---\rphase: 1\r---\rbody\r", false)]
    [TestCase("---\nphase: 1\nbad: a: b\n---\nbody\n", true)]
    public void An_ascii_heads_line_breaks_found_in_its_bytes_read_as_the_texts_own(string content, bool bom)
    {
        byte[] bytes = [.. bom ? new byte[] { 0xEF, 0xBB, 0xBF } : [], .. Encoding.UTF8.GetBytes(content)];
        temp.WriteBytes(Plan, bytes);
        temp.WriteBytes(Summary, bytes);

        var head = PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, FileSystemAccess.Default);
        var text = head.Text!;
        var chars = text.Chars.ToString();
        var known = text.KnownLineEnds.ToArray();

        known.Should().HaveCountGreaterThanOrEqualTo(3, "the opening fence, the keys and the closing fence at least");
        known.Should().Equal(BorrowedSourceTextTests.LineBreaks(chars).Take(known.Length));
        FrontmatterReader.Read(text).Should().Be(FrontmatterReader.Read(SourceText.From(Plan, chars)));
        AssertSameBothWays();
    }

    [Test]
    public void A_head_with_a_multi_byte_char_keeps_no_line_ends()
    {
        temp.Write(Plan, "---\nphase: 1\ntitle: \"Caf\u00e9\"\n---\nbody\n");
        temp.Write(Summary, "---\nphase: 1\ntitle: \"Caf\u00e9\"\n---\nbody\n");

        var head = PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, FileSystemAccess.Default);

        head.Text!.KnownLineEnds.Length.Should().Be(0);
        AssertSameBothWays();
    }

    [Test]
    public void A_byte_order_mark_stays_with_the_cut_head()
    {
        temp.WriteBytes(Plan, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\nphase: 1\n---\nbody\nmore\n")]);

        var head = PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, FileSystemAccess.Default);

        head.IsPartial.Should().BeTrue();
        head.Text!.HasBom.Should().BeTrue();
        head.Text.Text.Should().Be("---\nphase: 1\n---\nbody\n");
    }

    [Test]
    public void Reading_through_the_handle_equals_reading_through_a_stream()
    {
        var streams = new StreamAccess();
        var contents = new[]
        {
            "---\nphase: 1\n---\nbody\n",
            "---\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"key_{i}: value {i}\n")) + "---\nbody\n",
            new string('x', 10_000),
            string.Empty,
        };
        foreach (var content in contents)
        {
            temp.Write(Plan, content);
            foreach (var load in new Func<FileSystemAccess, FileLoadResult>[]
                     {
                         access => PlanningFileLoader.Load(temp.Root, Plan, access),
                         access => PlanningFileLoader.LoadHead(temp.Root, Plan, HeadBytes, access),
                         access => PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, access),
                     })
            {
                var byHandle = load(FileSystemAccess.Default);

                // The scanners' head is a borrowed text: copied out before the next load reuses the thread's buffer.
                _ = byHandle.Text?.Text;
                var byStream = load(streams);
                byHandle.Should().Be(byStream);
                byHandle.IsPartial.Should().Be(byStream.IsPartial);
            }
        }

        temp.Folder("phases/01-x/02-01-PLAN.md");
        PlanningFileLoader.LoadFrontmatterHead(temp.Root, "phases/01-x/02-01-PLAN.md", HeadBytes, FileSystemAccess.Default).Problems.Single().Code.Should().Be("PLAN1020");
        PlanningFileLoader.LoadFrontmatterHead(temp.Root, "phases/01-x/03-01-PLAN.md", HeadBytes, FileSystemAccess.Default).IsMissing.Should().BeTrue();
    }

    /// <summary>The plan and summary at <see cref="Plan"/> and <see cref="Summary"/> read the scanner's way equal the reference way, and the scanner agrees.</summary>
    private void AssertSameBothWays()
    {
        var expectedPlan = ReadPlan(cutSmallFiles: false);
        var expectedSummary = ReadSummary(cutSmallFiles: false);
        ReadPlan(cutSmallFiles: true).Should().Be(expectedPlan);
        ReadSummary(cutSmallFiles: true).Should().Be(expectedSummary);

        var folder = PhaseFolderScanner.Scan(temp.Root).Phases.Single();
        folder.Plans.Should().Equal(expectedPlan);
        folder.Summaries.Should().Equal(expectedSummary);
    }

    // The scanner's steps, with the head read either way.
    private PlanFile ReadPlan(bool cutSmallFiles)
    {
        var head = Head(Plan, cutSmallFiles);
        if (head.Text is null)
        {
            return new PlanFile(Id, Plan, null, head.Problems);
        }

        var plan = PlanFileParser.Parse(Id, head.Text);
        return plan with { Problems = head.Problems.Concat(plan.Problems).ToEquatableArray() };
    }

    private SummaryFile ReadSummary(bool cutSmallFiles)
    {
        var loaded = Head(Summary, cutSmallFiles);
        if (loaded.Text is null)
        {
            return new SummaryFile(Id, Summary, null, null, null, loaded.Problems);
        }

        var summary = SummaryFileParser.Parse(Id, loaded.Text, out var bodyWanted);
        if (loaded.IsPartial && bodyWanted)
        {
            loaded = PlanningFileLoader.Load(temp.Root, Summary);
            summary = SummaryFileParser.Parse(Id, loaded.Text!);
        }

        return summary with { Problems = loaded.Problems.Concat(summary.Problems).ToEquatableArray() };
    }

    private FileLoadResult Head(string path, bool cutSmallFiles) => cutSmallFiles
        ? PlanningFileLoader.LoadFrontmatterHead(temp.Root, path, HeadBytes, FileSystemAccess.Default)
        : PlanningFileLoader.LoadHead(temp.Root, path, HeadBytes);

    /// <summary>The loader's stream path: a subclass that overrides nothing reads through <see cref="FileSystemAccess.OpenRead"/>.</summary>
    private sealed class StreamAccess : FileSystemAccess;
}
