using PlanState.Diagnostics;

namespace PlanState.Rules;

/// <summary>Codes for contradictions (2xxx): two facts disagree and a person must decide. Errors in every mode.</summary>
public static class Contradictions
{
    public static readonly DiagnosticDescriptor OrphanSummary = Error("PLAN2001", "SUMMARY has no matching PLAN");
    public static readonly DiagnosticDescriptor DuplicatePhaseFolder = Error("PLAN2002", "Two phase folders have the same number");
    public static readonly DiagnosticDescriptor PhaseTickedIncomplete = Error("PLAN2003", "ROADMAP phase is ticked but summaries are missing");
    public static readonly DiagnosticDescriptor RoadmapPhaseWithoutFolder = Error("PLAN2004", "ROADMAP phase has no folder while later phases have one");
    public static readonly DiagnosticDescriptor FolderNotInRoadmap = Error("PLAN2005", "Phase folder is not in ROADMAP.md");
    public static readonly DiagnosticDescriptor UnknownCurrentPhase = Error("PLAN2006", "STATE.md points at a phase that does not exist");
    public static readonly DiagnosticDescriptor PlanPositionBeyondTotal = Error("PLAN2007", "Plan position is past the phase's plan count");
    public static readonly DiagnosticDescriptor LastActivityWithoutSummary = Error("PLAN2008", "Last activity names a plan that has no SUMMARY");
    public static readonly DiagnosticDescriptor StoppedAtDisagrees = Error("PLAN2009", "Stopped at and Last activity name different plans");
    public static readonly DiagnosticDescriptor SummaryPhaseMismatch = Error("PLAN2010", "SUMMARY frontmatter phase disagrees with its folder");
    public static readonly DiagnosticDescriptor FractionOverflow = Error("PLAN2011", "A completed count is greater than its total");
    public static readonly DiagnosticDescriptor CurrentFocusDisagrees = Error("PLAN2012", "Current focus names a different phase than Phase:");
    public static readonly DiagnosticDescriptor PlanTotalDisagrees = Error("PLAN2013", "Plan: A of B disagrees with the plan fraction");
    public static readonly DiagnosticDescriptor TrendSumDisagrees = Error("PLAN2014", "Recent Trend durations disagree with the By Phase totals");
    public static readonly DiagnosticDescriptor PlanPhaseMismatch = Error("PLAN2015", "Plan file belongs to a different phase than its folder");
    public static readonly DiagnosticDescriptor PlanIdInWrongFolder = Error("PLAN2016", "PLAN frontmatter phase disagrees with its folder");

    private static DiagnosticDescriptor Error(string code, string title) => new(code, title, FindingKind.Contradiction, Severity.Error);
}
