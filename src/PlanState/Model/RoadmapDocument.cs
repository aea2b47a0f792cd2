using PlanState.Diagnostics;
using PlanState.Text;

namespace PlanState.Model;

/// <summary>ROADMAP.md as read: the source of truth for the phase list, plus its derived parts with spans.</summary>
/// <param name="Sections">Phase detail sections (<c>## Phase N: Name</c>), in file order.</param>
/// <param name="PhaseChecklist">Items <c>- [x] **Phase N: Name** - desc (completed DATE)</c>.</param>
/// <param name="Milestones">Milestone list items and milestone headings.</param>
/// <param name="CurrentMilestone">The milestone whose heading marks it in progress, or the one STATE.md's frontmatter names.</param>
/// <param name="ProgressTable">The <c>| Phase | Plans Complete | Status | Completed |</c> table, when present.</param>
public sealed record RoadmapDocument(
    string Path,
    EquatableArray<RoadmapPhaseSection> Sections,
    EquatableArray<PhaseChecklistItem> PhaseChecklist,
    EquatableArray<RoadmapMilestone> Milestones,
    ProgressTable? ProgressTable,
    EquatableArray<Finding> Problems);

/// <summary>A <c>#{2,4} Phase N: Name</c> section, running to the next phase heading.</summary>
/// <param name="Milestone">The version (<c>v1.1</c>) of the milestone heading or <c>&lt;details&gt;</c> block the section sits under, if any.</param>
/// <param name="PlansLine">The <c>**Plans**: 3 plans</c> line's value, when present.</param>
public sealed record RoadmapPhaseSection(
    PhaseNumber Number,
    string Name,
    SourceSpan HeadingSpan,
    string? Milestone,
    PlansLine? PlansLine,
    EquatableArray<PlanChecklistItem> PlanItems);

/// <summary>
/// The value of <c>**Plans**:</c>: <c>3 plans</c>, <c>TBD</c>, <c>2/3 plans complete</c>.
/// </summary>
/// <param name="Count">The plan count (3 in both <c>3 plans</c> and <c>2/3 plans complete</c>); null for TBD.</param>
/// <param name="Completed">The completed count in <c>2/3 plans complete</c>; else null.</param>
/// <param name="CountSpan">The digits of <see cref="Count"/>.</param>
/// <param name="CompletedSpan">The digits of <see cref="Completed"/>, when present.</param>
public sealed record PlansLine(Located<string> Value, int? Count, SourceSpan? CountSpan, int? Completed, SourceSpan? CompletedSpan);

/// <summary>A plan checklist item: <c>- [ ] 01-02-PLAN.md — desc</c>, <c>- [x] 01-02: desc</c>, <c>- [ ] **01-02**</c>.</summary>
/// <param name="CheckboxSpan">The single char inside the brackets (space, <c>x</c> or <c>X</c>).</param>
public sealed record PlanChecklistItem(string PlanId, bool Checked, SourceSpan CheckboxSpan, SourceSpan LineSpan);

/// <summary>A phase checklist item: <c>- [x] **Phase N: Name** - desc (completed 2026-01-02)</c>.</summary>
/// <param name="CompletedDate">The date in <c>(completed DATE)</c>, when present.</param>
public sealed record PhaseChecklistItem(
    PhaseNumber Number,
    string Name,
    bool Checked,
    SourceSpan CheckboxSpan,
    SourceSpan LineSpan,
    Located<string>? CompletedDate);

/// <summary>
/// A milestone: from a list item (<c>- ✅ **v1.0 MVP** - Phases 1-4 (shipped DATE)</c>) or a heading
/// (<c>### 🚧 v1.1 Name (In Progress)</c>). <see cref="Version"/> is matched whole, so <c>v1.1</c> never matches <c>v1.10</c>.
/// </summary>
/// <param name="FirstPhase">First phase of a <c>Phases 1-4</c> range, when written.</param>
/// <param name="LastPhase">Last phase of that range.</param>
/// <param name="Shipped">True for ✅ or "shipped".</param>
/// <param name="InProgress">True for 🚧 or "in progress".</param>
/// <param name="FromHeading">True when read from a heading rather than a list item.</param>
public sealed record RoadmapMilestone(
    string Version,
    string Name,
    SourceSpan Span,
    PhaseNumber? FirstPhase,
    PhaseNumber? LastPhase,
    bool Shipped,
    bool InProgress,
    bool FromHeading);

/// <summary>The progress table. <see cref="HasMilestoneColumn"/> is true for the five-column form.</summary>
public sealed record ProgressTable(
    SourceSpan HeaderSpan,
    bool HasMilestoneColumn,
    int InsertAfter,
    EquatableArray<ProgressTableRow> Rows);

public enum ProgressTableRowKind
{
    /// <summary>A row for one phase, cells lined up with the header.</summary>
    Phase,

    /// <summary>A roll-up row for a range (<c>| 1-64 | v1.0-v2.3 | 166/166 | Complete |</c>); left alone.</summary>
    RollUp,

    /// <summary>A row that left out the Milestone cell under a five-column header; reported, not read.</summary>
    Shifted,
}

/// <summary>One progress table row. Cells are null when the row is not a <see cref="ProgressTableRowKind.Phase"/> row.</summary>
/// <param name="PhaseCell">The first cell: <c>N. Name</c>.</param>
/// <param name="PlansCell">The Plans Complete cell: <c>S/P</c>, <c>0/TBD</c>, <c>N/?</c>, <c>—</c>.</param>
/// <param name="StatusCell">The Status cell, with any ✅/✓ prefix.</param>
/// <param name="CompletedCell">The Completed cell: a date or <c>-</c>.</param>
public sealed record ProgressTableRow(
    ProgressTableRowKind Kind,
    SourceSpan RowSpan,
    PhaseNumber? Phase,
    Located<string>? PhaseCell,
    Located<string>? MilestoneCell,
    Located<string>? PlansCell,
    Located<string>? StatusCell,
    Located<string>? CompletedCell);
