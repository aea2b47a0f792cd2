namespace PlanState.Text;

/// <summary>
/// An exact piece of a planning file. <see cref="Start"/> and <see cref="Length"/> count UTF-16 chars of the
/// decoded text (the BOM excluded); lines and columns are 1-based, as MSBuild and editors expect.
/// </summary>
/// <param name="File">Path relative to the planning root, with forward slashes (for example <c>phases/01-x/01-01-SUMMARY.md</c>).</param>
public readonly record struct SourceSpan(string File, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    /// <summary>A span for a whole file (or an unknown place in it): line 1, column 1, no length.</summary>
    public static SourceSpan FileStart(string file) => new(file, 0, 0, 1, 1, 1, 1);

    /// <summary>A part of a single-line span: <paramref name="offset"/> chars in, <paramref name="length"/> long.</summary>
    public SourceSpan Slice(int offset, int length) =>
        new(File, Start + offset, length, Line, Column + offset, Line, Column + offset + length);

    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>A value read from a file, with the span of the exact text it came from.</summary>
public sealed record Located<T>(T Value, SourceSpan Span);
