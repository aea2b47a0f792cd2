using PlanState.Model;
using PlanState.Text;

namespace PlanState.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>The three kinds of finding in the format reference (§6); the code's first digit tells the kind.</summary>
public enum FindingKind
{
    /// <summary>1xxx: the input could not be read as written. Warnings.</summary>
    InputProblem,

    /// <summary>2xxx: two facts disagree and a person must decide. Errors in every mode.</summary>
    Contradiction,

    /// <summary>3xxx: derived text that <c>update</c> would write differently. Fixed in Update mode, errors in Verify mode.</summary>
    Stale,

    /// <summary>4xxx: a rewrite could not be written (lock held, I/O error); nothing was written to that file.</summary>
    WriteFailure,
}

/// <summary>A rule's identity: a stable code, a title for docs and a default severity.</summary>
public sealed record DiagnosticDescriptor(string Code, string Title, FindingKind Kind, Severity DefaultSeverity)
{
    public override string ToString() => Code;
}

/// <summary>One finding at an exact span. <paramref name="Message"/> quotes both disagreeing values.</summary>
public sealed record Finding(DiagnosticDescriptor Descriptor, SourceSpan Span, string Message)
{
    public string Code => Descriptor.Code;

    public Severity Severity => Descriptor.DefaultSeverity;

    public FindingKind Kind => Descriptor.Kind;

    /// <summary>True when <c>planstate update</c> (or a local build) rewrites the text this finding points at.</summary>
    public bool Fixable => Descriptor.Kind == FindingKind.Stale;

    public override string ToString() => $"{Span}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}

public static class FindingOrder
{
    /// <summary>The order of <see cref="InFileOrder"/> as a comparer; <see cref="Compare"/> defines it.</summary>
    private static readonly IComparer<Finding> FileOrder = Comparer<Finding>.Create(Compare);

    /// <summary>Findings as reports list them: by file, line, column, then code (a stable sort: equal ones keep their order).</summary>
    public static EquatableArray<Finding> InFileOrder(this IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f, FileOrder).ToEquatableArray();

    /// <summary>
    /// <c>first.Concat(sortedSecond).Distinct().InFileOrder()</c>, given <paramref name="sortedSecond"/> in file order
    /// already: <paramref name="first"/> is sorted alone and merged in (ties to <paramref name="first"/>, as the
    /// stable sort keeps them), so a warm analysis with few input problems does not sort every finding again.
    /// </summary>
    internal static EquatableArray<Finding> MergeInFileOrder(IReadOnlyList<Finding> first, EquatableArray<Finding> sortedSecond)
    {
        var left = first.Count == 0 ? EquatableArray<Finding>.Empty : first.InFileOrder();
        var right = sortedSecond.AsSpan();
        var merged = new List<Finding>(left.Count + right.Length);
        var seen = new HashSet<Finding>();
        int i = 0, j = 0;
        while (i < left.Count || j < right.Length)
        {
            var next = j == right.Length || (i < left.Count && Compare(left[i], right[j]) <= 0) ? left[i++] : right[j++];

            // Equal findings sort together, so keeping each first one is what Distinct before the sort keeps.
            if (seen.Add(next))
            {
                merged.Add(next);
            }
        }

        return merged.ToEquatableArray();
    }

    /// <summary>The one definition of the file order: file (ordinal), line, column, then code (ordinal).</summary>
    internal static int Compare(Finding a, Finding b)
    {
        var order = string.CompareOrdinal(a.Span.File, b.Span.File);
        if (order == 0)
        {
            order = a.Span.Line.CompareTo(b.Span.Line);
        }

        if (order == 0)
        {
            order = a.Span.Column.CompareTo(b.Span.Column);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Code, b.Code);
    }
}
