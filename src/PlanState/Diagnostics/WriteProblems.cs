namespace PlanState.Diagnostics;

/// <summary>Codes for rewrites that could not be written (4xxx). The file is left exactly as it was.</summary>
public static class WriteProblems
{
    public static readonly DiagnosticDescriptor WriteFailed = new("PLAN4001", "Planning file could not be written", FindingKind.WriteFailure, Severity.Error);
}
