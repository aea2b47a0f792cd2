using PlanState.Diagnostics;
using PlanState.Text;

namespace PlanState.Model;

/// <summary>
/// STATE.md as read: every derived field with its span, every narrative byte left to the file. Fields that are
/// missing are null. All spans point at the field's value text (after <c>Name:</c>).
/// </summary>
public sealed record StateDocument(
    string Path,
    Frontmatter? Frontmatter,
    StatePosition Position,
    Located<ProgressLineValue>? Progress,
    StateVelocity? Velocity,
    ByPhaseTable? ByPhase,
    RecentTrend? RecentTrend,
    SessionContinuity Session,
    EquatableArray<Finding> Problems);

/// <summary>The <c>## Current Position</c> fields and <c>**Current focus:**</c>.</summary>
/// <param name="CurrentFocus">The text after <c>Current focus:</c>, e.g. <c>Phase 1 - Foundation</c>.</param>
/// <param name="LastActivity">The text after <c>Last activity:</c>.</param>
public sealed record StatePosition(
    Located<PhasePositionValue>? Phase,
    Located<PlanPositionValue>? Plan,
    Located<string>? Status,
    Located<string>? LastActivity,
    Located<string>? CurrentFocus);

/// <summary>The <c>**Velocity:**</c> list.</summary>
/// <param name="TotalPlansCompleted">The count; its span covers the digits only, so a note such as <c>(v1.1)</c> survives a rewrite.</param>
public sealed record StateVelocity(
    Located<int>? TotalPlansCompleted,
    Located<DurationValue>? AverageDuration,
    Located<DurationValue>? TotalExecutionTime);

/// <summary>The <c>**By Phase:**</c> table.</summary>
/// <param name="HeaderSpan">The header row, where a missing row is reported.</param>
/// <param name="InsertAfter">Char offset just after the last row's line break, where an added row goes.</param>
public sealed record ByPhaseTable(SourceSpan HeaderSpan, int InsertAfter, EquatableArray<ByPhaseRow> Rows);

/// <summary>
/// One By Phase row: <c>| 1. Foundation | 2/4 | 5.2 min | 2.6 min |</c>. The phase cell is kept as written;
/// <see cref="Phase"/> is the number read from it (<c>1</c>, <c>01</c>, <c>01-cluster-foundation</c>).
/// </summary>
/// <param name="RowSpan">The whole row line (without its line break), used to copy its style into an added row.</param>
/// <param name="PlansCompleted">S in <c>S</c> or <c>S/P</c>.</param>
/// <param name="PlansTotal">P in <c>S/P</c>; null when the cell is plain <c>S</c>, or when P is <c>TBD</c>/<c>?</c>.</param>
/// <param name="PlansCellStyleHasTotal">True when the cell is written <c>S/P</c>.</param>
/// <param name="Total">The Total cell; null for <c>-</c>.</param>
/// <param name="Average">The Avg/Plan cell; null for <c>-</c>.</param>
public sealed record ByPhaseRow(
    SourceSpan RowSpan,
    Located<string> PhaseCell,
    PhaseNumber? Phase,
    Located<string> PlansCell,
    int? PlansCompleted,
    int? PlansTotal,
    bool PlansCellStyleHasTotal,
    Located<string> TotalCell,
    DurationValue? Total,
    Located<string> AverageCell,
    DurationValue? Average);

/// <summary>The <c>**Recent Trend:**</c> list.</summary>
/// <param name="LastPlans">The items of <c>Last 5 plans:</c> in order; the span covers the whole list value.</param>
/// <param name="TrendWord">The leading word of <c>Trend:</c> (<c>Stable</c>, <c>Improving</c>…), with its span only.</param>
/// <param name="TrendNote">What follows the word, kept as written.</param>
public sealed record RecentTrend(
    Located<string>? LastPlansText,
    EquatableArray<RecentTrendItem> LastPlans,
    Located<string>? TrendWord,
    string TrendNote);

/// <summary>One <c>Last 5 plans</c> item: <c>3.4min</c> or <c>07-01 (5m)</c>.</summary>
/// <param name="PlanId">The plan label when the item names one (<c>07-01</c>).</param>
public sealed record RecentTrendItem(string Text, string? PlanId, DurationValue Duration, SourceSpan Span);

/// <summary>The <c>## Session Continuity</c> fields.</summary>
public sealed record SessionContinuity(
    Located<string>? LastSession,
    Located<string>? StoppedAt,
    Located<string>? ResumeFile);
