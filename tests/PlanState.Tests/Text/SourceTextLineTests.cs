using PlanState.Text;

namespace PlanState.Tests.Text;

/// <summary><see cref="SourceText.LineOf"/> is a binary search over the line starts; every offset of every text lies on the line that holds it.</summary>
[TestFixture]
public sealed class SourceTextLineTests
{
    [TestCase("")]
    [TestCase("a")]
    [TestCase("\n")]
    [TestCase("\r\n\r\n")]
    [TestCase("a\nb\r\nc\rd")]
    [TestCase("one\n\n\nfour\r\r\n")]
    public void Every_offset_lies_on_its_line(string content)
    {
        AssertLines(SourceText.From("x.md", content));
    }

    [Test]
    public void Every_offset_of_random_texts_lies_on_its_line()
    {
        var random = new Random(20261122);
        var pieces = new[] { "a", "bc", "\n", "\r", "\r\n", " ", "é" };
        for (var n = 0; n < 300; n++)
        {
            var length = random.Next(0, 40);
            var text = string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
            AssertLines(SourceText.From("x.md", text));
        }
    }

    private static void AssertLines(SourceText text)
    {
        for (var offset = 0; offset <= text.Length; offset++)
        {
            var line = text.LineOf(offset);
            line.Should().BeInRange(1, text.LineCount);
            text.LineStart(line).Should().BeLessThanOrEqualTo(offset);
            if (line < text.LineCount)
            {
                text.LineStart(line + 1).Should().BeGreaterThan(offset, "offset {0} of {1}", offset, text.Text.Replace("\r", "\\r").Replace("\n", "\\n"));
            }
        }
    }
}
