using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Rewriting;

namespace PlanState.Rules;

/// <summary>
/// What the project-wide rules keep from one run for the next, so that a change to one phase re-checks that phase
/// (the incremental pipeline holds one; a plain <see cref="RuleRunner.Run(PlanningFolder, EquatableArray{PhaseAggregate}, ProjectMetrics)"/> has none):
/// <list type="bullet">
/// <item>per-phase pieces: a ROADMAP section, phase checklist item or progress-table row, or a STATE.md By Phase row,
/// checked against its phase's aggregate. A piece's findings and edits are reused while the piece and the aggregate
/// are the same instances as last time (the text they point into is then the same too);</item>
/// <item>the folder checks across phases (duplicate numbers, ROADMAP coverage), which read only each folder's number,
/// path and archive: reused while those are the same, with the same ROADMAP.md and milestone.</item>
/// </list>
/// Pieces are replayed where they ran, so findings and edits come out in the order a full run makes them.
/// </summary>
internal sealed class RuleMemo
{
    public PieceCache<RoadmapPhaseSection> Sections { get; } = new();

    public PieceCache<PhaseChecklistItem> ChecklistItems { get; } = new();

    public PieceCache<ProgressTableRow> TableRows { get; } = new();

    public PieceCache<ByPhaseRow> ByPhaseRows { get; } = new();

    /// <summary>Duplicate phase numbers among the folders.</summary>
    public LayoutCache Duplicates { get; } = new();

    /// <summary>Folders missing from ROADMAP.md and ROADMAP phases missing a folder.</summary>
    public LayoutCache Coverage { get; } = new();

    /// <summary>How many pieces and cross-folder checks were reused (Cached), or checked (New, Modified, Unchanged) in the last run.</summary>
    public int[] Counts { get; } = new int[Incremental.IncrementalRunTrace.Reasons];

    /// <summary>Starts a run: the counts start from zero.</summary>
    public void Begin() => Array.Clear(Counts, 0, Counts.Length);

    /// <summary>Counts one piece: reused, or checked with no entry before, or checked and its findings and edits compared with the entry's.</summary>
    internal void Count((Finding[] Findings, TextEdit[] Edits)? before, (Finding[] Findings, TextEdit[] Edits)? after)
    {
        var reason = after is null ? Incremental.IncrementalStepReason.Cached
            : before is not { } was ? Incremental.IncrementalStepReason.New
            : was.Findings.AsSpan().SequenceEqual(after.Value.Findings) && was.Edits.AsSpan().SequenceEqual(after.Value.Edits) ? Incremental.IncrementalStepReason.Unchanged
            : Incremental.IncrementalStepReason.Modified;
        // Atomically: ROADMAP.md's rules may count on another core meanwhile (see RuleRunner).
        Interlocked.Increment(ref Counts[(int)reason]);
    }

    /// <summary>The last findings and edits of one cross-folder check, with the folder layout, ROADMAP.md and milestone it saw.</summary>
    internal sealed class LayoutCache
    {
        private PhaseFolder[] layout = Array.Empty<PhaseFolder>();
        private object? roadmap;
        private string? milestone;
        private (Finding[] Findings, TextEdit[] Edits)? kept;

        /// <summary>Runs <paramref name="check"/> unless each folder's number, path and archive, ROADMAP.md and the milestone are the last run's.</summary>
        public void Check(RuleContext context, Action<RuleContext> check)
        {
            var phases = context.Folder.Phases.AsSpan();
            var currentRoadmap = context.Folder.Roadmap;
            var currentMilestone = context.Metrics.CurrentMilestone;
            if (kept is { } made && ReferenceEquals(currentRoadmap, roadmap) && string.Equals(currentMilestone, milestone, StringComparison.Ordinal) && SameLayout(phases))
            {
                context.Replay(made.Findings, made.Edits);
                context.Memo?.Count(made, null);
                return;
            }

            var mark = context.Mark();
            check(context);
            var now = context.Since(mark);
            context.Memo?.Count(kept, now);
            kept = now;
            layout = phases.ToArray();
            roadmap = currentRoadmap;
            milestone = currentMilestone;
        }

        private bool SameLayout(ReadOnlySpan<PhaseFolder> phases)
        {
            if (phases.Length != layout.Length)
            {
                return false;
            }

            for (var i = 0; i < phases.Length; i++)
            {
                var (now, then) = (phases[i], layout[i]);
                if (!ReferenceEquals(now, then)
                    && !(now.Number.Equals(then.Number) && string.Equals(now.Path, then.Path, StringComparison.Ordinal) && string.Equals(now.ArchiveVersion, then.ArchiveVersion, StringComparison.Ordinal)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The last findings and edits of each piece of one kind, by the piece's position in its document.</summary>
    internal sealed class PieceCache<TPiece>
        where TPiece : class
    {
        private Entry?[] entries = Array.Empty<Entry?>();
        private object? document;

        /// <summary>Starts a pass over <paramref name="count"/> pieces of <paramref name="document"/>; another document drops every entry.</summary>
        public void Begin(object? document, int count)
        {
            if (!ReferenceEquals(document, this.document) || entries.Length != count)
            {
                entries = new Entry?[count];
                this.document = document;
            }
        }

        /// <summary>Checks the piece at <paramref name="index"/> against <paramref name="aggregate"/>, or replays what that check made last time.</summary>
        public void Check(RuleContext context, RuleMemo memo, int index, TPiece piece, PhaseAggregate aggregate, Action<RuleContext, TPiece, PhaseAggregate> check)
        {
            var entry = entries[index];
            if (entry is not null && ReferenceEquals(entry.Piece, piece) && ReferenceEquals(entry.Aggregate, aggregate))
            {
                context.Replay(entry.Made.Findings, entry.Made.Edits);
                memo.Count(entry.Made, null);
                return;
            }

            var mark = context.Mark();
            check(context, piece, aggregate);
            var made = context.Since(mark);
            memo.Count(entry?.Made, made);
            entries[index] = new Entry(piece, aggregate, made);
        }

        private sealed class Entry
        {
            public Entry(TPiece piece, PhaseAggregate aggregate, (Finding[] Findings, TextEdit[] Edits) made)
            {
                Piece = piece;
                Aggregate = aggregate;
                Made = made;
            }

            public TPiece Piece { get; }

            public PhaseAggregate Aggregate { get; }

            public (Finding[] Findings, TextEdit[] Edits) Made { get; }
        }
    }
}
