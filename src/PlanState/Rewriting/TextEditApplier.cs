using System.Text;
using PlanState.Model;
using PlanState.Text;

namespace PlanState.Rewriting;

/// <summary>
/// Applies <see cref="TextEdit"/>s to a <see cref="SourceText"/> losslessly: every char outside the edited spans is
/// copied as it was (line endings, trailing whitespace, any Unicode), so a file's untouched bytes survive a rewrite.
/// </summary>
/// <remarks>
/// Invalid edits are programming errors, not input problems, so they throw <see cref="ArgumentException"/>: the
/// rules compute edits from the same <see cref="SourceText"/>, and an edit that does not fit it is a bug.
/// </remarks>
public static class TextEditApplier
{
    /// <summary>Returns the text of <paramref name="original"/> with every edit applied.</summary>
    /// <param name="edits">
    /// Non-overlapping edits in any order. A zero-length span inserts; inserts at the same offset keep their given
    /// order and go before a replacement that starts at that offset.
    /// </param>
    /// <exception cref="ArgumentException">
    /// Edits overlap, a span is out of range or names another file, or the text at a span is not the edit's
    /// <see cref="TextEdit.OldText"/>.
    /// </exception>
    public static string Apply(SourceText original, IReadOnlyList<TextEdit> edits)
    {
        var ordered = Validate(original, edits);
        if (ordered.Length == 0)
        {
            return original.Text;
        }

        var text = original.Text;
        var capacity = text.Length;
        foreach (var edit in ordered)
        {
            capacity += edit.NewText.Length - edit.Span.Length;
        }

        var builder = new StringBuilder(capacity);
        var position = 0;
        foreach (var edit in ordered)
        {
            builder.Append(text, position, edit.Span.Start - position);
            builder.Append(edit.NewText);
            position = edit.Span.End;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>
    /// Describes each edit as an <see cref="AppliedChange"/> for reports, in file order, with the 1-based line and
    /// column of its start in <paramref name="original"/>. One change per edit, no-op edits included.
    /// </summary>
    /// <exception cref="ArgumentException">The edits are not valid for <paramref name="original"/> (see <see cref="Apply"/>).</exception>
    public static EquatableArray<AppliedChange> ToAppliedChanges(SourceText original, IReadOnlyList<TextEdit> edits)
    {
        var ordered = Validate(original, edits);
        var changes = new AppliedChange[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var edit = ordered[i];

            // Recompute the position from the text rather than trusting the span's cached line and column.
            var line = original.LineOf(edit.Span.Start);
            var column = edit.Span.Start - original.LineStart(line) + 1;
            changes[i] = new AppliedChange(original.File, line, column, edit.OldText, edit.NewText, edit.Code);
        }

        return EquatableArray<AppliedChange>.TakeOwnership(changes);
    }

    /// <summary>Checks every edit against the text and returns them sorted in the order they apply.</summary>
    private static TextEdit[] Validate(SourceText original, IReadOnlyList<TextEdit> edits)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        if (edits is null)
        {
            throw new ArgumentNullException(nameof(edits));
        }

        var text = original.Text;
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i] ?? throw new ArgumentException($"Edit {i} is null.", nameof(edits));
            var span = edit.Span;
            if (!string.Equals(span.File, original.File, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Edit {i} ({edit.Code}) targets '{span.File}' but the text is '{original.File}'.", nameof(edits));
            }

            if (span.Start < 0 || span.Length < 0 || span.Start > text.Length - span.Length)
            {
                throw new ArgumentException(
                    $"Edit {i} ({edit.Code}) spans [{span.Start}, {span.Start + span.Length}) outside '{original.File}' ({text.Length} chars).",
                    nameof(edits));
            }

            if (edit.OldText is null || edit.NewText is null)
            {
                throw new ArgumentException($"Edit {i} ({edit.Code}) has a null OldText or NewText.", nameof(edits));
            }

            if (edit.OldText.Length != span.Length || string.CompareOrdinal(text, span.Start, edit.OldText, 0, span.Length) != 0)
            {
                throw new ArgumentException(
                    $"Edit {i} ({edit.Code}) expects \"{edit.OldText}\" at {original.File}({span.Line},{span.Column}) but the text there is \"{text.Substring(span.Start, span.Length)}\".",
                    nameof(edits));
            }
        }

        // OrderBy is stable, so inserts at one offset keep their given order. Inserts sort before a replacement that
        // starts at the same offset: "insert at X" then "replace [X, Y)" touch no common char.
        var ordered = edits
            .Select((edit, index) => (edit, index))
            .OrderBy(pair => pair.edit.Span.Start)
            .ThenBy(pair => pair.edit.Span.Length == 0 ? 0 : 1)
            .ToArray();

        for (var i = 1; i < ordered.Length; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (previous.edit.Span.End > current.edit.Span.Start)
            {
                throw new ArgumentException(
                    $"Edits {previous.index} ({previous.edit.Code}, [{previous.edit.Span.Start}, {previous.edit.Span.End})) and {current.index} ({current.edit.Code}, [{current.edit.Span.Start}, {current.edit.Span.End})) overlap in '{original.File}'.",
                    nameof(edits));
            }
        }

        return ordered.Select(pair => pair.edit).ToArray();
    }
}
