namespace PlanState.Testing;

/// <summary>
/// Every derived number the generator wrote into ROADMAP.md and STATE.md, computed with <see cref="Oracle"/>.
/// Scope: the current milestone's phases (all phases when there is no archive), which are also the phase
/// folders under <c>phases/</c>, so the milestone and active scopes coincide in generated trees.
/// </summary>
/// <param name="TotalPhases">Phases in scope (frontmatter <c>total_phases</c>).</param>
/// <param name="CompletedPhases">Complete phases in scope (frontmatter <c>completed_phases</c>).</param>
/// <param name="TotalPlans">P: plans in scope.</param>
/// <param name="CompletedPlans">S: plans in scope with a SUMMARY; also Velocity's "Total plans completed".</param>
/// <param name="Percent">Body bar percent.</param>
/// <param name="BarWidth">Body bar width (cells).</param>
/// <param name="BarFilled">Body bar filled cells.</param>
/// <param name="FrontmatterPercent">Frontmatter <c>progress.percent</c>.</param>
/// <param name="IntegerPhasesInRoadmap">Y in <c>Phase: X of Y</c>: every integer phase in ROADMAP.md, archived ones included.</param>
/// <param name="CurrentPhase">X in <c>Phase: X of Y</c>.</param>
/// <param name="CurrentPlan">A in <c>Plan: A of B</c>.</param>
/// <param name="CurrentPhasePlans">B in <c>Plan: A of B</c>.</param>
/// <param name="LastCompletedPlanId">The plan named by <c>Last activity</c> and <c>Stopped at</c>; null when none is complete.</param>
/// <param name="TotalMinutes">Σ durations of completed plans in scope, in minutes.</param>
/// <param name="AverageMinutes">TotalMinutes / CompletedPlans (0 when none).</param>
/// <param name="LastFivePlanIds">Recent Trend items, oldest first.</param>
/// <param name="TrendWord">Recent Trend word.</param>
/// <param name="PlansIncludingArchive">All PLAN files written, archived ones included.</param>
/// <param name="CompletedIncludingArchive">All SUMMARY files written, archived ones included.</param>
public sealed record ExpectedNumbers(
    int TotalPhases,
    int CompletedPhases,
    int TotalPlans,
    int CompletedPlans,
    int Percent,
    int BarWidth,
    int BarFilled,
    int FrontmatterPercent,
    int IntegerPhasesInRoadmap,
    int CurrentPhase,
    int CurrentPlan,
    int CurrentPhasePlans,
    string? LastCompletedPlanId,
    double TotalMinutes,
    double AverageMinutes,
    IReadOnlyList<string> LastFivePlanIds,
    string TrendWord,
    int PlansIncludingArchive,
    int CompletedIncludingArchive);
