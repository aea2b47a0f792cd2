using System.Text;
using PlanState.Model;
using PlanState.Rewriting;
using PlanState.Tests.Rewriting.FileSafety;
using PlanState.Text;

namespace PlanState.Tests.Rewriting;

public class TextEditApplierTests
{
    private const string File = "STATE.md";
    private const string OldBar = "[██░░░░░░░░]";
    private const string NewBar = "[█████░░░░░]";

    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    /// <summary>Replaces the first occurrence of <paramref name="oldText"/> with <paramref name="newText"/>.</summary>
    private static TextEdit Replace(SourceText text, string oldText, string newText, string code = "PLAN3001")
    {
        var start = text.Text.IndexOf(oldText, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the test text contains \"{0}\"", oldText);
        return new TextEdit(text.Span(start, oldText.Length), oldText, newText, code);
    }

    private static TextEdit At(SourceText text, int start, int length, string newText, string code = "PLAN3001") =>
        new(text.Span(start, length), text.Text.Substring(start, length), newText, code);

    [TestCase("LF", "# State\n\nProgress: ", " 50%\nnext\n")]
    [TestCase("CRLF", "# State\r\n\r\nProgress: ", " 50%\r\nnext\r\n")]
    [TestCase("mixed endings", "# State\r\nA\n\rProgress: ", " 50%\n\r\nB\r")]
    [TestCase("lone CR", "# State\rProgress: ", " 50%\rtail")]
    [TestCase("trailing whitespace", "# State  \t\n  \nProgress: ", " 50%   \n\t\n   ")]
    [TestCase("non-ASCII", "# 状态 — 项目\n█▓▒░ ünïcödé 🚀\nProgress: ", " 50% 中文\n")]
    [TestCase("no final newline", "Progress: ", " 50%")]
    [TestCase("edit at start", "", " 50%\n")]
    [TestCase("edit at end", "Progress: ", "")]
    public void Everything_outside_the_edit_is_kept_byte_for_byte(string variant, string before, string after)
    {
        foreach (var bom in new[] { false, true })
        {
            var prefix = Encoding.UTF8.GetBytes(before);
            var suffix = Encoding.UTF8.GetBytes(after);
            var head = bom ? Bom : Array.Empty<byte>();
            var bytes = head.Concat(prefix).Concat(Encoding.UTF8.GetBytes(OldBar)).Concat(suffix).ToArray();
            var expected = head.Concat(prefix).Concat(Encoding.UTF8.GetBytes(NewBar)).Concat(suffix).ToArray();

            var original = SourceText.FromBytes(File, bytes);
            var result = TextEditApplier.Apply(original, new[] { Replace(original, OldBar, NewBar) });

            original.Encode(result).Should().Equal(expected, "{0} with BOM={1}", variant, bom);
        }
    }

    [Test]
    public void A_real_seed_changes_only_the_bar()
    {
        var bytes = RepositoryLayout.SeedBytes("000");
        var original = SourceText.FromBytes(File, bytes);

        var result = TextEditApplier.Apply(original, new[] { Replace(original, "[██░░░░░░░░] 50%", "[█████░░░░░] 50%") });

        var expected = Encoding.UTF8.GetString(bytes).Replace("[██░░░░░░░░] 50%", "[█████░░░░░] 50%", StringComparison.Ordinal);
        original.Encode(result).Should().Equal(Encoding.UTF8.GetBytes(expected));
        original.Encode(result).Length.Should().Be(bytes.Length, "█ and ░ are both three UTF-8 bytes");
    }

    [Test]
    public void No_edits_return_the_text_unchanged()
    {
        var original = SourceText.From(File, "a\r\nb\n");
        TextEditApplier.Apply(original, Array.Empty<TextEdit>()).Should().BeSameAs(original.Text);
    }

    [Test]
    public void Edits_apply_in_file_order_whatever_order_they_are_given_in()
    {
        var original = SourceText.From(File, "one two three four");
        var edits = new[]
        {
            At(original, 14, 4, "FOUR"),
            At(original, 0, 3, "1"),
            At(original, 8, 5, "THREE!"),
            At(original, 4, 3, ""),
        };

        TextEditApplier.Apply(original, edits).Should().Be("1  THREE! FOUR");
        TextEditApplier.Apply(original, edits.Reverse().ToArray()).Should().Be("1  THREE! FOUR");
    }

    [Test]
    public void A_zero_length_edit_inserts()
    {
        var original = SourceText.From(File, "ab");
        TextEditApplier.Apply(original, new[] { At(original, 1, 0, "-") }).Should().Be("a-b");
        TextEditApplier.Apply(original, new[] { At(original, 0, 0, ">") }).Should().Be(">ab");
        TextEditApplier.Apply(original, new[] { At(original, 2, 0, "\n") }).Should().Be("ab\n");
    }

    [Test]
    public void Two_inserts_at_one_offset_keep_their_given_order()
    {
        var original = SourceText.From(File, "ab");
        var first = At(original, 1, 0, "1");
        var second = At(original, 1, 0, "2");

        TextEditApplier.Apply(original, new[] { first, second }).Should().Be("a12b");
        TextEditApplier.Apply(original, new[] { second, first }).Should().Be("a21b");
    }

    [Test]
    public void An_insert_touching_a_replacement_is_not_an_overlap()
    {
        var original = SourceText.From(File, "abcd");
        var replace = At(original, 1, 2, "XY");
        var insertBefore = At(original, 1, 0, "<");
        var insertAfter = At(original, 3, 0, ">");

        TextEditApplier.Apply(original, new[] { replace, insertBefore, insertAfter }).Should().Be("a<XY>d");
        TextEditApplier.Apply(original, new[] { insertAfter, replace, insertBefore }).Should().Be("a<XY>d");
    }

    [Test]
    public void Adjacent_replacements_are_not_an_overlap()
    {
        var original = SourceText.From(File, "abcd");
        TextEditApplier.Apply(original, new[] { At(original, 2, 2, "CD"), At(original, 0, 2, "AB") }).Should().Be("ABCD");
    }

    [Test]
    public void The_whole_text_can_be_replaced()
    {
        var original = SourceText.From(File, "old\r\n");
        TextEditApplier.Apply(original, new[] { At(original, 0, 5, "new\n") }).Should().Be("new\n");
    }

    [Test]
    public void Randomised_edits_match_a_reference_applied_back_to_front()
    {
        var random = new Random(20260101);
        var alphabet = new[] { "a", "b", " ", "\t", "\n", "\r", "\r\n", "█", "░", "中", "🚀", "|" };
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var original = SourceText.From(File, text);

            // Cut the text at sorted random points and make every other piece an edit (some zero-length).
            var cuts = Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(0, text.Length + 1)).Append(0).Append(text.Length)
                .OrderBy(c => c).ToArray();
            var edits = new List<TextEdit>();
            for (var i = 0; i + 1 < cuts.Length; i += 2)
            {
                edits.Add(At(original, cuts[i], cuts[i + 1] - cuts[i], alphabet[random.Next(alphabet.Length)] + round));
            }

            var shuffled = edits.OrderBy(_ => random.Next()).ToArray();

            // The documented order: by start; at one offset, inserts first, in the order given.
            var inFileOrder = shuffled.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length == 0 ? 0 : 1).ToArray();
            var expected = text;
            foreach (var edit in inFileOrder.Reverse())
            {
                expected = expected.Substring(0, edit.Span.Start) + edit.NewText + expected.Substring(edit.Span.End);
            }

            TextEditApplier.Apply(original, shuffled).Should().Be(expected, "round {0}: \"{1}\"", round, text);
        }
    }

    [Test]
    public void Overlapping_edits_are_rejected()
    {
        var original = SourceText.From(File, "abcdef");

        var partial = () => TextEditApplier.Apply(original, new[] { At(original, 0, 3, "x"), At(original, 2, 2, "y") });
        partial.Should().Throw<ArgumentException>().WithMessage("*overlap*");

        var same = () => TextEditApplier.Apply(original, new[] { At(original, 1, 2, "x"), At(original, 1, 2, "y") });
        same.Should().Throw<ArgumentException>().WithMessage("*overlap*");

        var inside = () => TextEditApplier.Apply(original, new[] { At(original, 3, 0, "!"), At(original, 1, 4, "y") });
        inside.Should().Throw<ArgumentException>().WithMessage("*overlap*");

        var contained = () => TextEditApplier.Apply(original, new[] { At(original, 0, 6, "x"), At(original, 2, 1, "y") });
        contained.Should().Throw<ArgumentException>().WithMessage("*overlap*");
    }

    [Test]
    public void A_span_out_of_range_is_rejected()
    {
        var original = SourceText.From(File, "abc");
        var longer = SourceText.From(File, "abcdef");

        var pastEnd = () => TextEditApplier.Apply(original, new[] { new TextEdit(longer.Span(2, 3), "cde", "x", "PLAN3001") });
        pastEnd.Should().Throw<ArgumentException>().WithMessage("*outside*");

        var negative = () => TextEditApplier.Apply(original, new[] { new TextEdit(new SourceSpan(File, -1, 1, 1, 0, 1, 1), "a", "x", "PLAN3001") });
        negative.Should().Throw<ArgumentException>().WithMessage("*outside*");
    }

    [Test]
    public void A_span_in_another_file_is_rejected()
    {
        var original = SourceText.From(File, "abc");
        var other = SourceText.From("ROADMAP.md", "abc");

        var act = () => TextEditApplier.Apply(original, new[] { At(other, 0, 1, "x") });

        act.Should().Throw<ArgumentException>().WithMessage("*'ROADMAP.md'*'STATE.md'*");
    }

    [Test]
    public void An_edit_whose_old_text_is_no_longer_there_is_rejected()
    {
        var original = SourceText.From(File, "Progress: [██░░] 50%");
        var stale = new TextEdit(original.Span(10, 6), "[░░░░]", "[████]", "PLAN3001");

        var act = () => TextEditApplier.Apply(original, new[] { stale });

        act.Should().Throw<ArgumentException>().WithMessage("*expects \"[░░░░]\"*\"[██░░]\"*");
    }

    [Test]
    public void Applied_changes_carry_file_line_and_column_in_file_order()
    {
        var original = SourceText.From(File, "# State\r\n\r\nProgress: [██░░] 50%\nPlan: 3 of 2\n");
        var bar = Replace(original, "[██░░]", "[████]", "PLAN3001");
        var plan = Replace(original, "3 of 2", "3 of 3", "PLAN3002");

        var changes = TextEditApplier.ToAppliedChanges(original, new[] { plan, bar });

        changes.Should().Equal(
            new AppliedChange(File, 3, 11, "[██░░]", "[████]", "PLAN3001"),
            new AppliedChange(File, 4, 7, "3 of 2", "3 of 3", "PLAN3002"));
    }

    [Test]
    public void Applied_changes_reject_invalid_edits_too()
    {
        var original = SourceText.From(File, "abc");
        var act = () => TextEditApplier.ToAppliedChanges(original, new[] { At(original, 0, 2, "x"), At(original, 1, 1, "y") });
        act.Should().Throw<ArgumentException>();
        TextEditApplier.ToAppliedChanges(original, Array.Empty<TextEdit>()).Should().Equal(EquatableArray<AppliedChange>.Empty);
    }
}
