using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Rewriting;

namespace PlanState;

/// <summary>The result of analysing a planning folder: the model, every finding and the edits that fix the stale ones.</summary>
/// <param name="PlanningRoot">Absolute path of the <c>.planning/</c> folder.</param>
/// <param name="Findings">All findings, ordered by file, line and column.</param>
/// <param name="Edits">Edits that rewrite every stale value that can be rewritten safely.</param>
/// <param name="Metrics">Every derived number the findings were checked against (for dashboards and reports).</param>
public sealed record PlanningAnalysis(
    string PlanningRoot,
    PlanningFolder Folder,
    EquatableArray<Finding> Findings,
    EquatableArray<TextEdit> Edits,
    Analysis.ProjectMetrics Metrics)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>What <see cref="PlanStateEngine.Update"/> did.</summary>
/// <param name="Changes">Each value rewritten on disk.</param>
/// <param name="WrittenFiles">Files that were written (relative to the planning root).</param>
/// <param name="Remaining">Findings after the rewrite: contradictions and input problems, plus stale values that could not be written.</param>
/// <param name="WriteFailures">Files that could not be written (lock held, I/O error), as PLAN4xxx findings; nothing was written to them.</param>
public sealed record UpdateResult(
    PlanningAnalysis Before,
    EquatableArray<AppliedChange> Changes,
    EquatableArray<string> WrittenFiles,
    EquatableArray<Finding> Remaining,
    EquatableArray<Finding> WriteFailures)
{
    public bool HasErrors => Remaining.Any(f => f.Severity == Severity.Error) || !WriteFailures.IsEmpty;
}

/// <summary>
/// The entry point: analyse a planning folder, and rewrite its stale derived text. One engine caches what it has
/// read, so keep it for repeated runs over the same folder (the MSBuild task keeps one per build node).
/// </summary>
public sealed partial class PlanStateEngine
{
    /// <summary>Reads and checks a planning folder. Never throws on file content; problems become findings.</summary>
    /// <param name="planningRoot">The <c>.planning/</c> folder (see <see cref="PlanningRootLocator"/>).</param>
    public PlanningAnalysis Analyze(string planningRoot) => AnalyzeCore(planningRoot);

    /// <summary>Analyses, then writes every stale value it safely can: atomically, under <c>STATE.md.lock</c>, never a file with nothing stale.</summary>
    public UpdateResult Update(string planningRoot) => UpdateCore(planningRoot);
}
