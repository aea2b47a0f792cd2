using System.Text;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// The phase scanners decode each PLAN and SUMMARY head into a char buffer their thread reuses
/// (<see cref="SourceText.FromBytesBorrowed"/>), not into a string per file. A borrowed text must read exactly as an
/// owned one, and a use after its buffer was reused must fail loudly rather than read another file's text.
/// </summary>
[TestFixture]
public sealed class BorrowedSourceTextTests
{
    private const string File = "phases/01-x/01-01-PLAN.md";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData(Encoding.UTF8.GetBytes("---\nphase: 01-x\n---\n# Plan\n")).SetName("LF");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("---\r\nphase: \"01-ü\"\r\n---\r\nbody")).SetName("CRLF and non-ASCII");
        yield return new TestCaseData(Bom.Concat(Encoding.UTF8.GetBytes("---\rphase: 計画\r---\r")).ToArray()).SetName("BOM and CR");
        yield return new TestCaseData(new byte[] { (byte)'-', (byte)'-', (byte)'-', (byte)'\n', 0xC3, 0x28, (byte)'\n' }).SetName("invalid UTF-8");
        yield return new TestCaseData(Array.Empty<byte>()).SetName("empty");
    }

    [TestCaseSource(nameof(Inputs))]
    public void A_borrowed_text_reads_as_the_owned_one(byte[] bytes)
    {
        var owned = SourceText.FromBytes(File, bytes);
        var borrowed = SourceText.FromBytesBorrowed(File, bytes, bytes.Length, looksBinary: false);

        borrowed.Length.Should().Be(owned.Text.Length);
        borrowed.Chars.ToString().Should().Be(owned.Text);
        borrowed.HasBom.Should().Be(owned.HasBom);
        borrowed.IsValidUtf8.Should().Be(owned.IsValidUtf8);
        borrowed.ContentHash.Should().Be(owned.ContentHash);
        borrowed.LineCount.Should().Be(owned.LineCount);
        if (owned.Text.Length > 1)
        {
            borrowed.Span(1, owned.Text.Length - 1).Should().Be(owned.Span(1, owned.Text.Length - 1));
        }

        FrontmatterReader.Read(borrowed).Should().Be(FrontmatterReader.Read(owned));
        borrowed.Text.Should().Be(owned.Text);
        borrowed.Should().Be(owned);
    }

    // The loader hands over where it found line breaks in the bytes; the text keeps them only when each byte became one char.
    [TestCase("---\nphase: 01\n---\nbody\n", false, true)]
    [TestCase("---\r\nphase: 01\r\n---\r\n", false, true)]
    [TestCase("---\rphase: 01\r---\r", true, true)]
    [TestCase("---\nphase: \"01-\u00fc\"\n---\n", false, false)]
    public void Known_line_ends_are_kept_when_every_byte_decoded_to_one_char(string content, bool bom, bool kept)
    {
        var bytes = (bom ? Bom : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(content)).ToArray();

        // Latin-1 maps each byte to one char, so these are the byte offsets the loader records.
        var text = SourceText.FromBytesBorrowed(File, bytes, bytes.Length, looksBinary: false, LineBreaks(Encoding.Latin1.GetString(bytes)));

        if (kept)
        {
            text.KnownLineEnds.ToArray().Should().Equal(LineBreaks(text.Chars.ToString()), "each line break's byte offset, less the BOM");
        }
        else
        {
            text.KnownLineEnds.ToArray().Should().BeEmpty("a multi-byte char shifts the offsets");
        }
    }

    /// <summary>Where each line of <paramref name="text"/> ends: the offset of its CR, its LF, or the CR of its CRLF.</summary>
    internal static int[] LineBreaks(string text) =>
        Enumerable.Range(0, text.Length).Where(i => text[i] is '\n' or '\r' && !(text[i] == '\n' && i > 0 && text[i - 1] == '\r')).ToArray();

    [Test]
    public void Known_line_ends_past_the_decoded_bytes_are_dropped_and_expire_with_the_text()
    {
        var bytes = Encoding.UTF8.GetBytes("---\nphase: 01\n---\nbody\n");

        var text = SourceText.FromBytesBorrowed(File, bytes, 18, looksBinary: false, [3, 13, 17, 22]);

        text.KnownLineEnds.ToArray().Should().Equal(3, 13, 17);
        SourceText.FromBytesBorrowed("other.md", bytes, 18, looksBinary: false);
        text.Invoking(t => t.KnownLineEnds.Length).Should().Throw<InvalidOperationException>();
        SourceText.FromBytes(File, bytes).KnownLineEnds.Length.Should().Be(0, "an owned text has none");
    }

    [Test]
    public void A_borrowed_text_read_after_the_next_borrowed_decode_on_its_thread_throws()
    {
        var first = SourceText.FromBytesBorrowed(File, Encoding.UTF8.GetBytes("---\nphase: 01\n---\n"), 18, looksBinary: false);
        var second = SourceText.FromBytesBorrowed("other.md", Encoding.UTF8.GetBytes("---\nphase: 02\n---\n"), 18, looksBinary: false);

        var readFirst = () => first.Chars.ToString();
        readFirst.Should().Throw<InvalidOperationException>().WithMessage($"*'{File}'*reused*");
        first.Invoking(text => text.Text).Should().Throw<InvalidOperationException>();
        second.Text.Should().Be("---\nphase: 02\n---\n");
    }

    [Test]
    public void A_text_copied_out_while_valid_survives_the_reuse()
    {
        var first = SourceText.FromBytesBorrowed(File, Encoding.UTF8.GetBytes("---\nphase: 01\n---\n"), 18, looksBinary: false);
        var copied = first.Text;
        _ = SourceText.FromBytesBorrowed("other.md", Encoding.UTF8.GetBytes("---\nphase: 02\n---\n"), 18, looksBinary: false);

        first.Text.Should().BeSameAs(copied);
        first.Chars.ToString().Should().Be("---\nphase: 01\n---\n");
        first.LineText(2).Should().Be("phase: 01");
    }

    [Test]
    public void Another_threads_decode_leaves_this_threads_text_valid()
    {
        var mine = SourceText.FromBytesBorrowed(File, Encoding.UTF8.GetBytes("---\nphase: 01\n---\n"), 18, looksBinary: false);
        Task.Run(() => SourceText.FromBytesBorrowed("other.md", Encoding.UTF8.GetBytes("---\nphase: 02\n---\n"), 18, looksBinary: false).Text).Wait();

        mine.Text.Should().Be("---\nphase: 01\n---\n");
    }

    [Test]
    public void A_text_too_long_for_the_buffer_gets_a_string_of_its_own()
    {
        var bytes = Encoding.UTF8.GetBytes("---\n" + new string('a', SourceText.MaxBorrowedChars) + "\n---\n");
        var large = SourceText.FromBytesBorrowed(File, bytes, bytes.Length, looksBinary: false);
        _ = SourceText.FromBytesBorrowed("other.md", Encoding.UTF8.GetBytes("x"), 1, looksBinary: false);

        large.Text.Should().Be(Encoding.UTF8.GetString(bytes));
    }
}
