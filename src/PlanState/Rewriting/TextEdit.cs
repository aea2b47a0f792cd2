using PlanState.Text;

namespace PlanState.Rewriting;

/// <summary>
/// Replace the text at <see cref="Span"/> with <see cref="NewText"/>, like Roslyn's <c>TextChange</c>. A zero-length
/// span inserts. <see cref="OldText"/> is what the span held when the edit was computed; applying checks it still does.
/// </summary>
public sealed record TextEdit(SourceSpan Span, string OldText, string NewText, string Code);

/// <summary>A change that was written to disk, for reports: <c>STATE.md(19,1): [██░░░░░░░░] → [█████░░░░░]</c>.</summary>
public sealed record AppliedChange(string File, int Line, int Column, string OldText, string NewText, string Code);
