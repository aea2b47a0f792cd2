using PlanState.Text;

namespace PlanState.Model;

/// <summary>
/// A plan's identity, from its file name without <c>-PLAN.md</c>/<c>-SUMMARY.md</c>: <c>01-02</c>, <c>02.1-01</c>.
/// Legacy single-plan phases (bare <c>PLAN.md</c>) get the phase's padded number and plan 1.
/// </summary>
public sealed record PlanId(PhaseNumber Phase, int Plan, string Text) : IComparable<PlanId>
{
    public int CompareTo(PlanId? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPhase = Phase.CompareTo(other.Phase);
        return byPhase != 0 ? byPhase : Plan.CompareTo(other.Plan);
    }

    public bool Equals(PlanId? other) => other is not null && Phase.Equals(other.Phase) && Plan == other.Plan;

    public override int GetHashCode() => unchecked((Phase.GetHashCode() * 397) ^ Plan);

    public override string ToString() => Text;
}

/// <summary>What a <c>NN-MM-PLAN.md</c> file says; only its frontmatter is read.</summary>
/// <param name="Path">Relative to the planning root, forward slashes.</param>
/// <param name="PhaseKey">Frontmatter <c>phase:</c>, as written.</param>
public sealed record PlanFile(PlanId Id, string Path, Located<string>? PhaseKey, EquatableArray<Diagnostics.Finding> Problems);

/// <summary>What a <c>NN-MM-SUMMARY.md</c> file says: frontmatter, or the legacy body <c>## Performance</c> section.</summary>
/// <param name="Duration">From <c>duration</c>, <c>metrics.duration</c>, <c>duration_minutes</c> or the body's <c>**Duration:**</c>.</param>
/// <param name="Completed">From <c>completed</c> / <c>metrics.completed</c> / body <c>**Completed:**</c>: the date part, at midnight UTC.</param>
/// <param name="PhaseKey">Frontmatter <c>phase:</c>, as written.</param>
public sealed record SummaryFile(
    PlanId Id,
    string Path,
    Located<DurationValue>? Duration,
    Located<DateTime>? Completed,
    Located<string>? PhaseKey,
    EquatableArray<Diagnostics.Finding> Problems);

/// <summary>A folder <c>NN-slug</c> under <c>phases/</c> or under an archive <c>milestones/vX.Y-phases/</c>.</summary>
/// <param name="Path">Relative to the planning root: <c>phases/01-foundation</c>.</param>
/// <param name="ArchiveVersion">The milestone (<c>v1.0</c>) for an archived phase; null under <c>phases/</c>.</param>
public sealed record PhaseFolder(
    PhaseNumber Number,
    string Slug,
    string Path,
    string? ArchiveVersion,
    EquatableArray<PlanFile> Plans,
    EquatableArray<SummaryFile> Summaries,
    EquatableArray<Diagnostics.Finding> Problems)
{
    public bool IsArchived => ArchiveVersion is not null;

    /// <summary>
    /// The order of a scan's phase folders: by number, an active folder before archived ones of the same number, then
    /// by archive version and path (ordinal). The path makes it total, so an unstable sort gives the same order.
    /// </summary>
    internal static int CompareInScanOrder(PhaseFolder x, PhaseFolder y)
    {
        var byNumber = x.Number.CompareTo(y.Number);
        if (byNumber != 0)
        {
            return byNumber;
        }

        var byArchived = (x.IsArchived ? 1 : 0) - (y.IsArchived ? 1 : 0);
        if (byArchived != 0)
        {
            return byArchived;
        }

        var byVersion = string.CompareOrdinal(x.ArchiveVersion, y.ArchiveVersion);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(x.Path, y.Path);
    }
}
