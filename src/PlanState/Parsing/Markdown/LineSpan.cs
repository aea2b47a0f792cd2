using PlanState.Text;

namespace PlanState.Parsing.Markdown;

/// <summary>Spans inside one known line, built without looking the line up again.</summary>
internal static class LineSpan
{
    /// <summary>
    /// The span of the chars <c>[offset, offset + length)</c> of 1-based line <paramref name="line"/>, which starts
    /// at <paramref name="lineStart"/>; they must hold no line break. Gives what <see cref="SourceText.Span"/> gives,
    /// without its two searches of the line index (a large table asks for thousands of spans).
    /// </summary>
    public static SourceSpan Within(SourceText text, int line, int lineStart, int offset, int length) =>
        new(text.File, lineStart + offset, length, line, offset + 1, line, offset + length + 1);
}
