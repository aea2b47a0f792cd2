using System.Text;
using PlanState.Rewriting;
using PlanState.Text;

namespace PlanState.Tests.Robustness;

/// <summary>Checks a rewrite against the edits it was made from, byte for byte.</summary>
internal static class EditSpanAssertions
{
    /// <summary>
    /// Asserts that <paramref name="after"/> is <paramref name="before"/> with only the text inside
    /// <paramref name="edits"/>' spans replaced: every char outside a span (line endings, BOM, narrative) is
    /// unchanged and in place, and each span now holds its edit's new text. Edits whose new text equals the old are allowed.
    /// </summary>
    public static void OnlyEditedSpansChanged(string file, byte[] before, byte[] after, IEnumerable<TextEdit> edits)
    {
        var original = SourceText.FromBytes(file, before);
        var bom = original.HasBom ? 3 : 0;
        after.Take(bom).Should().Equal(before.Take(bom), $"{file} keeps its BOM habit");
        var afterBom = after.Length >= 3 && after[0] == 0xEF && after[1] == 0xBB && after[2] == 0xBF;
        afterBom.Should().Be(original.HasBom, $"{file} keeps its BOM habit");
        var rewritten = Encoding.UTF8.GetString(after, bom, after.Length - bom);

        var position = 0;
        var cursor = 0;
        foreach (var edit in edits.Where(e => e.Span.File == file).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
        {
            edit.Span.Start.Should().BeGreaterThanOrEqualTo(position, $"edits of {file} must not overlap ({edit.Span})");
            var untouched = original.Text.Substring(position, edit.Span.Start - position);
            Slice(rewritten, cursor, untouched.Length).Should().Be(untouched, $"the text of {file} before {edit.Span} is not derived and must not change");
            cursor += untouched.Length;
            original.Slice(edit.Span).Should().Be(edit.OldText, $"the edit at {edit.Span} was computed from this text");
            Slice(rewritten, cursor, edit.NewText.Length).Should().Be(edit.NewText, $"{edit.Span} now holds the edit's text");
            cursor += edit.NewText.Length;
            position = edit.Span.End;
        }

        rewritten.Substring(Math.Min(cursor, rewritten.Length)).Should().Be(original.Text.Substring(position), $"the rest of {file} is not derived and must not change");
    }

    private static string Slice(string text, int start, int length) =>
        start >= text.Length ? string.Empty : text.Substring(start, Math.Min(length, text.Length - start));
}
