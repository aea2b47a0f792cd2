using System.Runtime.CompilerServices;
using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Rewriting;
using PlanState.Rewriting.Formatting;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>What the rules see, and where they put findings and edits.</summary>
internal sealed class RuleContext
{
    private readonly List<Finding> findings = new();
    private readonly List<TextEdit> edits = new();

    public RuleContext(PlanningFolder folder, EquatableArray<PhaseAggregate> aggregates, ProjectMetrics metrics, RuleMemo? memo = null)
    {
        Folder = folder;
        Aggregates = aggregates;
        Metrics = metrics;
        Memo = memo;
    }

    /// <summary>What the last run of the rules kept for this one, when the incremental pipeline runs them; else null.</summary>
    public RuleMemo? Memo { get; }

    public PlanningFolder Folder { get; }

    public EquatableArray<PhaseAggregate> Aggregates { get; }

    public ProjectMetrics Metrics { get; }

    public IReadOnlyList<Finding> Findings => findings;

    public IReadOnlyList<TextEdit> Edits => edits;

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        findings.Add(new Finding(descriptor, span, message));

    /// <summary>Adds findings made elsewhere (the per-phase checks, kept per folder by the incremental pipeline).</summary>
    public void Report(EquatableArray<Finding> made)
    {
        foreach (var finding in made.AsSpan())
        {
            findings.Add(finding);
        }
    }

    /// <summary>How many findings and edits have been made so far: the start of what a check makes next (see <see cref="Since"/>).</summary>
    public (int Findings, int Edits) Mark() => (findings.Count, edits.Count);

    /// <summary>The findings and edits made since <paramref name="mark"/>, in the order made.</summary>
    public (Finding[] Findings, TextEdit[] Edits) Since((int Findings, int Edits) mark) =>
        (Tail(findings, mark.Findings), Tail(edits, mark.Edits));

    /// <summary>
    /// Runs a check of one per-phase piece, or, with a <see cref="Memo"/>, replays what it made last run when the piece
    /// and the aggregate are the same instances (see <see cref="RuleMemo"/>).
    /// </summary>
    public void CheckPiece<TPiece>(RuleMemo.PieceCache<TPiece>? cache, int index, TPiece piece, PhaseAggregate aggregate, Action<RuleContext, TPiece, PhaseAggregate> check)
        where TPiece : class
    {
        if (cache is null || Memo is null)
        {
            check(this, piece, aggregate);
        }
        else
        {
            cache.Check(this, Memo, index, piece, aggregate, check);
        }
    }

    /// <summary>
    /// Runs a check across the folders, or, with a <see cref="Memo"/>, replays what it made last run while the folder
    /// layout, ROADMAP.md and the milestone are the same (see <see cref="RuleMemo.LayoutCache"/>).
    /// </summary>
    public void CheckAcrossFolders(Func<RuleMemo, RuleMemo.LayoutCache> cache, Action<RuleContext> check)
    {
        if (Memo is null)
        {
            check(this);
        }
        else
        {
            cache(Memo).Check(this, check);
        }
    }

    /// <summary>Makes again the findings and edits a check made in an earlier run (see <see cref="RuleMemo"/>).</summary>
    public void Replay(IReadOnlyList<Finding> madeFindings, IReadOnlyList<TextEdit> madeEdits)
    {
        findings.AddRange(madeFindings);
        edits.AddRange(madeEdits);
    }

    private static T[] Tail<T>(List<T> items, int start)
    {
        if (start == items.Count)
        {
            return Array.Empty<T>();
        }

        var tail = new T[items.Count - start];
        items.CopyTo(start, tail, 0, tail.Length);
        return tail;
    }

    /// <summary>Reports derived text that should read <paramref name="newText"/>, with the edit that makes it so.</summary>
    /// <param name="oldText">
    /// The derived text as the rule read it. The edit replaces what the file has under <paramref name="span"/>, which
    /// differs for a number read as a value: a count of 3 may be written <c>03</c>.
    /// </param>
    public void Stale(DiagnosticDescriptor descriptor, SourceSpan span, string oldText, string newText, string message)
    {
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return;
        }

        findings.Add(new Finding(descriptor, span, message));
        edits.Add(new TextEdit(span, WrittenText(span) ?? oldText, newText, descriptor.Code));
    }

    /// <summary>
    /// <see cref="Stale(DiagnosticDescriptor, SourceSpan, string, string, string)"/> for an interpolated message, which
    /// is formatted only when <paramref name="oldText"/> and <paramref name="newText"/> differ.
    /// </summary>
    public void Stale(
        DiagnosticDescriptor descriptor,
        SourceSpan span,
        string oldText,
        string newText,
        [InterpolatedStringHandlerArgument(nameof(oldText), nameof(newText))] ref StaleMessage message)
    {
        if (!string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            Stale(descriptor, span, oldText, newText, message.ToString());
        }
    }

    /// <summary>The text under <paramref name="span"/> in the file the rewrites edit (STATE.md or ROADMAP.md), or null for another file.</summary>
    private string? WrittenText(SourceSpan span) =>
        Folder.SourceOf(span.File) is { } source && span.End <= source.Text.Length ? source.Slice(span) : null;

    /// <summary>
    /// Checks a written duration against the computed seconds at the written precision, and rewrites it in its own
    /// style when they differ. A duration that could not be read as written is never rewritten.
    /// </summary>
    public void CheckDuration(DiagnosticDescriptor descriptor, Located<DurationValue> written, double expectedSeconds, string what)
    {
        var value = written.Value;
        if (value.Status != DurationStatus.Parsed || value.Style is null || value.TotalSeconds is null)
        {
            return;
        }

        var expected = DurationFormatter.Format(expectedSeconds, value.Style);
        var current = DurationFormatter.Format(value.TotalSeconds.Value, value.Style);
        if (!string.Equals(expected, current, StringComparison.Ordinal))
        {
            Stale(descriptor, written.Span, value.Text, expected, $"{what} is '{value.Text}' but the durations add up to '{expected}'");
        }
    }
}
