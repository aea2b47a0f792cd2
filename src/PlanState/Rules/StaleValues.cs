using PlanState.Diagnostics;

namespace PlanState.Rules;

/// <summary>
/// Codes for stale derived text (3xxx): text that <c>planstate update</c> writes differently. Fixed in Update mode;
/// errors in Verify mode and in <c>planstate check</c>.
/// </summary>
public static class StaleValues
{
    public static readonly DiagnosticDescriptor ProgressBar = Error("PLAN3001", "Progress bar fill is stale");
    public static readonly DiagnosticDescriptor ProgressPercent = Error("PLAN3002", "Progress percent is stale");
    public static readonly DiagnosticDescriptor ProgressFraction = Error("PLAN3003", "Progress fraction is stale");
    public static readonly DiagnosticDescriptor FrontmatterProgress = Error("PLAN3004", "Frontmatter progress value is stale");
    public static readonly DiagnosticDescriptor TotalPlansCompleted = Error("PLAN3005", "Total plans completed is stale");
    public static readonly DiagnosticDescriptor AverageDuration = Error("PLAN3006", "Average duration is stale");
    public static readonly DiagnosticDescriptor TotalExecutionTime = Error("PLAN3007", "Total execution time is stale");
    public static readonly DiagnosticDescriptor ByPhaseCell = Error("PLAN3008", "By Phase cell is stale");
    public static readonly DiagnosticDescriptor ByPhaseMissingRow = Error("PLAN3009", "By Phase table lacks a phase with completed plans");
    public static readonly DiagnosticDescriptor RecentPlans = Error("PLAN3010", "Last 5 plans is stale");
    public static readonly DiagnosticDescriptor TrendWord = Error("PLAN3011", "Trend word is stale");
    public static readonly DiagnosticDescriptor PhaseTotal = Error("PLAN3012", "Phase: X of Y has a stale Y");
    public static readonly DiagnosticDescriptor PlanTotal = Error("PLAN3013", "Plan: A of B has a stale B");
    public static readonly DiagnosticDescriptor TablePlans = Error("PLAN3014", "ROADMAP progress table Plans Complete is stale");
    public static readonly DiagnosticDescriptor TableStatus = Error("PLAN3015", "ROADMAP progress table Status is stale");
    public static readonly DiagnosticDescriptor TableCompleted = Error("PLAN3016", "ROADMAP progress table Completed date is stale");
    public static readonly DiagnosticDescriptor PlanCheckbox = Error("PLAN3017", "ROADMAP plan checkbox is stale");
    public static readonly DiagnosticDescriptor PlansLine = Error("PLAN3018", "ROADMAP Plans: count is stale");
    public static readonly DiagnosticDescriptor TableMissingRow = Error("PLAN3019", "ROADMAP progress table lacks a phase");
    public static readonly DiagnosticDescriptor PhaseCheckbox = Error("PLAN3020", "ROADMAP phase checkbox is stale");

    private static DiagnosticDescriptor Error(string code, string title) => new(code, title, FindingKind.Stale, Severity.Error);
}
