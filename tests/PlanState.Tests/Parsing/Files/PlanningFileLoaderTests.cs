using System.Text;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;

namespace PlanState.Tests.Parsing.Files;

public class PlanningFileLoaderTests
{
    private TempPlanningRoot temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempPlanningRoot();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [Test]
    public void Reads_a_file_with_its_relative_path_and_no_problem()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "---\nphase: 1\n---\n# Plan\n");

        var result = PlanningFileLoader.Load(temp.Root, "phases/01-x/01-01-PLAN.md");

        result.Problems.Should().BeEmpty();
        result.IsPartial.Should().BeFalse();
        result.IsMissing.Should().BeFalse();
        result.Text!.File.Should().Be("phases/01-x/01-01-PLAN.md");
        result.Text.Text.Should().Be("---\nphase: 1\n---\n# Plan\n");
    }

    [Test]
    public void Missing_file_has_no_text_and_no_problem()
    {
        var result = PlanningFileLoader.Load(temp.Root, "STATE.md");

        result.Text.Should().BeNull();
        result.Problems.Should().BeEmpty();
        result.IsMissing.Should().BeTrue();
        PlanningFileLoader.LoadHead(temp.Root, "phases/nope/01-01-PLAN.md").IsMissing.Should().BeTrue();
    }

    [Test]
    public void Empty_file_is_reported_and_its_empty_text_returned()
    {
        temp.Write("STATE.md", string.Empty);

        var result = PlanningFileLoader.Load(temp.Root, "STATE.md");

        result.Text!.Text.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Code.Should().Be("PLAN1010");
        result.Problems[0].Message.Should().Contain("'STATE.md'");
        PlanningFileLoader.LoadHead(temp.Root, "STATE.md").Problems.Single().Code.Should().Be("PLAN1010");
    }

    [Test]
    public void Byte_order_mark_is_kept_out_of_the_text_and_remembered()
    {
        temp.WriteBytes("STATE.md", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);

        var text = PlanningFileLoader.Load(temp.Root, "STATE.md").Text!;

        text.Text.Should().Be("hi");
        text.HasBom.Should().BeTrue();
    }

    [Test]
    public void File_with_nul_bytes_is_binary_and_has_no_text()
    {
        temp.WriteBytes("ROADMAP.md", [(byte)'#', (byte)' ', 0, 1, 2]);

        var result = PlanningFileLoader.Load(temp.Root, "ROADMAP.md");

        result.Text.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1011");
        problem.Message.Should().Contain("'ROADMAP.md'").And.Contain("offset 2");
    }

    [Test]
    public void Invalid_utf8_is_reported_at_the_bad_byte_and_the_text_is_kept()
    {
        var bytes = Encoding.UTF8.GetBytes("line one\nnaïve ").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(" end\n")).ToArray();
        temp.WriteBytes("STATE.md", bytes);

        var result = PlanningFileLoader.Load(temp.Root, "STATE.md");

        result.Text!.IsValidUtf8.Should().BeFalse();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1009");
        (problem.Span.Line, problem.Span.Column).Should().Be((2, 7));
        result.Text.Slice(problem.Span).Should().Be("\uFFFD");
        problem.Message.Should().Contain("0xFF").And.Contain("offset 16");
    }

    [Test]
    public void File_over_the_size_limit_is_not_read()
    {
        var full = temp.Full("ROADMAP.md");
        using (var stream = File.Create(full))
        {
            stream.SetLength(PlanningFileLoader.MaxFileBytes + 1L);
        }

        var result = PlanningFileLoader.Load(temp.Root, "ROADMAP.md");

        result.Text.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1018");
        problem.Message.Should().Contain("4194305");
        PlanningFileLoader.LoadHead(temp.Root, "ROADMAP.md").Problems.Single().Code.Should().Be("PLAN1018");
    }

    [Test]
    public void File_at_the_size_limit_is_read()
    {
        temp.WriteBytes("ROADMAP.md", Enumerable.Repeat((byte)'a', PlanningFileLoader.MaxFileBytes).ToArray());

        var result = PlanningFileLoader.Load(temp.Root, "ROADMAP.md");

        result.Problems.Should().BeEmpty();
        result.Text!.Text.Length.Should().Be(PlanningFileLoader.MaxFileBytes);
    }

    [Test]
    public void Folder_where_a_file_is_expected_is_reported()
    {
        temp.Folder("phases/01-x/01-01-SUMMARY.md");

        var result = PlanningFileLoader.Load(temp.Root, "phases/01-x/01-01-SUMMARY.md");

        result.Text.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1020");
        problem.Span.File.Should().Be("phases/01-x/01-01-SUMMARY.md");
        PlanningFileLoader.LoadHead(temp.Root, "phases/01-x/01-01-SUMMARY.md").Problems.Single().Code.Should().Be("PLAN1020");
    }

    [Test]
    public void Unreadable_file_is_reported_with_the_os_message()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes do not apply on Windows; the injected failure test covers the path.");
            return;
        }

        temp.Write("STATE.md", "x");
        if (!temp.DenyAccess("STATE.md"))
        {
            Assert.Ignore("Running as root: chmod 000 does not block reads. Unreadable_file_injected_failure covers the path.");
        }

        var result = PlanningFileLoader.Load(temp.Root, "STATE.md");

        result.Text.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1014");
        problem.Message.Should().Contain("'STATE.md' cannot be read").And.Contain("denied");
    }

    [Test]
    public void Unreadable_file_injected_failure_is_reported_with_the_os_message()
    {
        temp.Write("STATE.md", "x");
        var access = FailingFileSystem.Denying("/STATE.md");

        var result = PlanningFileLoader.Load(temp.Root, "STATE.md", access);

        result.Text.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1014");
        problem.Message.Should().Be($"'STATE.md' cannot be read: Access to the path '{temp.Full("STATE.md")}' is denied.");
    }

    [Test]
    public void Io_error_while_opening_is_reported()
    {
        temp.Write("STATE.md", "x");
        var access = new FailingFileSystem(path => path.EndsWith("STATE.md", StringComparison.Ordinal) ? new IOException("The process cannot access the file because it is being used by another process.") : null);

        var result = PlanningFileLoader.LoadHead(temp.Root, "STATE.md", 4096, access);

        result.Problems.Single().Code.Should().Be("PLAN1014");
        result.Problems.Single().Message.Should().Contain("being used by another process");
    }

    [Test]
    public void Head_of_a_small_file_is_the_whole_file()
    {
        temp.Write("a.md", "---\nphase: 1\n---\nbody\n");

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        result.IsPartial.Should().BeFalse();
        result.Text!.Text.Should().Be("---\nphase: 1\n---\nbody\n");
    }

    [Test]
    public void Head_of_a_large_file_stops_after_a_whole_line_and_holds_the_frontmatter()
    {
        var content = "---\nphase: 1\nduration: 5 min\n---\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"Body line {i} with ü\n"));
        temp.Write("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        result.IsPartial.Should().BeTrue();
        var head = result.Text!;
        head.Text.Should().EndWith("\n");
        content.Should().StartWith(head.Text);
        Encoding.UTF8.GetByteCount(head.Text).Should().BeLessThanOrEqualTo(4096);
        FrontmatterReader.Read(head).Should().BeEquivalentTo(FrontmatterReader.Read(PlanningFileLoader.Load(temp.Root, "a.md").Text!));
    }

    [Test]
    public void Head_keeps_reading_until_a_long_frontmatter_block_closes()
    {
        var block = string.Concat(Enumerable.Range(0, 600).Select(i => $"key_{i}: value {i}\n"));
        var content = "---\n" + block + "last: yes\n---\n\n" + new string('x', 20_000) + "\n";
        temp.Write("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        result.IsPartial.Should().BeTrue();
        var read = FrontmatterReader.Read(result.Text!);
        read.Problems.Should().BeEmpty();
        read.Frontmatter!.Find("last")!.Value.Should().Be("yes");
        result.Text!.Text.Length.Should().BeLessThan(content.Length);
    }

    [Test]
    public void Head_reads_to_the_end_when_the_block_never_closes()
    {
        var content = "---\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"key_{i}: value {i}\n"));
        temp.Write("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        result.IsPartial.Should().BeFalse();
        result.Text!.Text.Should().Be(content);
        FrontmatterReader.Read(result.Text).Problems.Single().Code.Should().Be("PLAN1003");
    }

    [Test]
    public void Head_includes_the_line_after_the_closing_fence_so_a_second_block_is_seen()
    {
        // The closing fence ends exactly at the first chunk's last byte; the next lines are past it.
        var filler = new string('a', 4096 - "---\nk: \n---\n".Length);
        var content = "---\nk: " + filler + "\n---\n\n---\nsecond: 1\n---\n" + new string('x', 9000);
        temp.Write("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        FrontmatterReader.Read(result.Text!).Problems.Single().Code.Should().Be("PLAN1015");
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Head_never_splits_a_utf8_sequence(int bytesPerChar)
    {
        var glyph = bytesPerChar switch { 2 => "é", 3 => "█", _ => "😀" };
        for (var shift = 0; shift < bytesPerChar; shift++)
        {
            // One long line with no line break at all, so the cut must fall on a character boundary.
            var content = new string('a', shift) + string.Concat(Enumerable.Repeat(glyph, 3000));
            temp.Write("a.md", content);

            var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

            result.Problems.Should().BeEmpty();
            result.Text!.IsValidUtf8.Should().BeTrue();
            content.Should().StartWith(result.Text.Text);
        }
    }

    [Test]
    public void Head_never_splits_a_utf8_sequence_across_a_line()
    {
        var content = string.Concat(Enumerable.Repeat("█ line\n", 2000));
        temp.Write("a.md", content);

        var head = PlanningFileLoader.LoadHead(temp.Root, "a.md").Text!;

        head.IsValidUtf8.Should().BeTrue();
        head.Text.Should().EndWith("█ line\n");
    }

    [Test]
    public void Head_checks_only_its_own_bytes_for_nul()
    {
        var content = Encoding.UTF8.GetBytes(new string('a', 5000) + "\n").Concat(new byte[] { 0 }).ToArray();
        temp.WriteBytes("a.md", content);

        PlanningFileLoader.LoadHead(temp.Root, "a.md").Problems.Should().BeEmpty();
        PlanningFileLoader.Load(temp.Root, "a.md").Problems.Single().Code.Should().Be("PLAN1011");
    }

    [Test]
    public void Head_sees_a_fence_behind_a_byte_order_mark()
    {
        var block = string.Concat(Enumerable.Range(0, 400).Select(i => $"key_{i}: {i}\n"));
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("---\n" + block + "end: 1\n---\nbody\n" + new string('x', 9000))).ToArray();
        temp.WriteBytes("a.md", bytes);

        var head = PlanningFileLoader.LoadHead(temp.Root, "a.md").Text!;

        FrontmatterReader.Read(head).Frontmatter!.Find("end")!.Value.Should().Be("1");
    }

    [TestCase("---\nk: v\n", PlanningFileLoader.NeedMore)]
    [TestCase("---\nk: v\n---\n", PlanningFileLoader.NeedMore)]
    [TestCase("---\nk: v\n---\n\n  \n", PlanningFileLoader.NeedMore)]
    [TestCase("---\nk: v\n---\nbody\nmore\n", 18)]
    [TestCase("---\nk: v\n---\n\nbody\nmore\n", 19)]
    [TestCase("---\nk: v\n---\nbo", 13)]
    [TestCase("---\nk: v\n---\n--", PlanningFileLoader.NeedMore)]
    [TestCase("---\nk: v\n---\n---\nx: 1\n", 17)]
    [TestCase("---\r\nk: v\r\n...\r\nbody\r\nmore", 22)]
    [TestCase("---\r\nk: v\r\n---\r", PlanningFileLoader.NeedMore)]
    [TestCase("# Title\n", PlanningFileLoader.NoFrontmatter)]
    [TestCase("-x", PlanningFileLoader.NoFrontmatter)]
    [TestCase("--", PlanningFileLoader.NeedMore)]
    [TestCase("---", PlanningFileLoader.NeedMore)]
    public void Head_length_covers_the_block_and_the_first_line_after_it(string head, int expected)
    {
        var bytes = Encoding.UTF8.GetBytes(head);

        PlanningFileLoader.FrontmatterHeadLength(bytes, bytes.Length).Should().Be(expected);
    }

    [Test]
    public void Line_end_search_finds_the_first_break_before_the_count_at_every_offset()
    {
        // Around and across the 16-byte vector steps, with filler bytes that differ from \n and \r in one bit only, a
        // second break further on, and a break just past the count that must not be seen.
        foreach (var filler in new byte[] { (byte)'a', 0x8A, 0x8D, 0x0B, 0x0C, 0x2A })
        {
            for (var count = 0; count <= 70; count++)
            {
                for (var breakAt = -1; breakAt < count; breakAt++)
                {
                    foreach (var lineBreak in new[] { (byte)'\n', (byte)'\r' })
                    {
                        var bytes = Enumerable.Repeat(filler, count + 17).ToArray();
                        bytes[count + 1] = (byte)'\n';
                        if (breakAt >= 0)
                        {
                            bytes[breakAt] = lineBreak;
                            bytes[Math.Min(breakAt + 3, count)] = (byte)'\r';
                        }

                        foreach (var start in new[] { 0, 1, 15, 16, 17, 33 }.Where(s => s <= count))
                        {
                            var expected = start;
                            while (expected < count && bytes[expected] is not ((byte)'\n' or (byte)'\r'))
                            {
                                expected++;
                            }

                            PlanningFileLoader.LineEnd(bytes, start, count).Should().Be(expected, $"filler 0x{filler:X2}, count {count}, break at {breakAt}, start {start}");
                        }
                    }
                }
            }
        }
    }

    [Test]
    public void Head_of_a_file_with_frontmatter_stops_after_the_block_and_its_next_line()
    {
        var content = "---\nphase: 1\n---\n\n# Plan\n" + new string('x', 9000) + "\n";
        temp.Write("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md");

        result.IsPartial.Should().BeTrue();
        result.Text!.Text.Should().Be("---\nphase: 1\n---\n\n# Plan\n");
    }

    [Test]
    public void Head_of_a_file_without_frontmatter_keeps_every_whole_line_read()
    {
        var content = string.Concat(Enumerable.Range(0, 1000).Select(i => $"line {i}\n"));
        temp.Write("a.md", content);

        var head = PlanningFileLoader.LoadHead(temp.Root, "a.md").Text!.Text;

        head.Should().EndWith("\n");
        content.Should().StartWith(head);
        head.Length.Should().BeGreaterThan(4000);
    }

    [TestCase(1_000, 300_000)]
    [TestCase(0, 5)]
    [TestCase(70_000, 70_001)]
    public void A_file_that_grows_while_it_is_read_is_read_to_its_end(int lengthWhenOpened, int length)
    {
        var content = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
        temp.WriteBytes("ROADMAP.md", content);

        var result = PlanningFileLoader.Load(temp.Root, "ROADMAP.md", new GrowingFileSystem(lengthWhenOpened));

        result.Problems.Should().BeEmpty();
        result.Text!.Text.Should().Be(Encoding.ASCII.GetString(content));
    }

    [Test]
    public void A_file_that_grows_past_the_size_limit_while_it_is_read_is_not_read()
    {
        temp.WriteBytes("ROADMAP.md", new byte[PlanningFileLoader.MaxFileBytes + 1]);

        var result = PlanningFileLoader.Load(temp.Root, "ROADMAP.md", new GrowingFileSystem(100));

        result.Text.Should().BeNull();
        result.Problems.Single().Code.Should().Be("PLAN1018");
    }

    [Test]
    public void A_head_that_filled_its_buffer_exactly_reads_on_to_the_real_end()
    {
        // The length says the file is exactly the head's size, so the loader reads on to the end as a whole-file read does.
        var content = Encoding.ASCII.GetBytes("---\nphase: 1\n---\n" + new string('x', 9000) + "\n");
        temp.WriteBytes("a.md", content);

        var result = PlanningFileLoader.LoadHead(temp.Root, "a.md", 4096, new GrowingFileSystem(4096));

        result.IsPartial.Should().BeFalse();
        result.Text!.Text.Should().Be(Encoding.ASCII.GetString(content));
    }

    /// <summary>Opens files whose length, asked after opening, is <paramref name="lengthWhenOpened"/>: the rest was written since.</summary>
    private sealed class GrowingFileSystem(long lengthWhenOpened) : FileSystemAccess
    {
        public override Stream OpenRead(string fullPath) => new GrowingStream(File.ReadAllBytes(fullPath), lengthWhenOpened);

        private sealed class GrowingStream(byte[] content, long lengthWhenOpened) : MemoryStream(content, writable: false)
        {
            public override long Length => lengthWhenOpened;
        }
    }
}
