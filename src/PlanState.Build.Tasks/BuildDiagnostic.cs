using PlanState.Diagnostics;
using PlanState.Rewriting;

namespace PlanState.Build.Tasks;

internal enum BuildDiagnosticLevel
{
    Error,
    Warning,

    /// <summary>A low-importance message: shown at detailed verbosity only.</summary>
    Message,
}

/// <summary>
/// One line for the build log, already placed: <see cref="File"/> is a full path so that IDE error lists and CI
/// annotations can open it. End line/column are 0 when the span is empty, so MSBuild prints a plain <c>(line,col)</c>.
/// </summary>
internal sealed class BuildDiagnostic
{
    public BuildDiagnostic(BuildDiagnosticLevel level, string code, string file, int line, int column, int endLine, int endColumn, string message)
    {
        Level = level;
        Code = code;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Message = message;
    }

    public BuildDiagnosticLevel Level { get; }

    public string Code { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public string Message { get; }

    public override string ToString() => $"{File}({Line},{Column}): {Level.ToString().ToLowerInvariant()} {Code}: {Message}";
}

/// <summary>
/// Decides how each finding appears in a build, by kind and mode (format reference §6):
/// contradictions are errors in both modes; stale text is an error in Verify mode (and, after an Update, only where a
/// write failed, reported as a warning next to the write failure's error); input problems keep their own severity,
/// info becoming a low-importance message. <c>PlanStateErrorsAsWarnings</c> turns every error into a warning.
/// </summary>
internal static class BuildDiagnostics
{
    public const string VerifyHint = "Run a local build or 'planstate update' to rewrite it.";

    public static BuildDiagnostic FromFinding(Finding finding, string planningRoot, PlanStateMode mode, bool errorsAsWarnings)
    {
        var level = finding.Kind switch
        {
            FindingKind.Contradiction => BuildDiagnosticLevel.Error,
            FindingKind.Stale => mode == PlanStateMode.Verify ? BuildDiagnosticLevel.Error : BuildDiagnosticLevel.Warning,
            _ => FromSeverity(finding.Severity),
        };

        var message = finding.Kind == FindingKind.Stale && mode == PlanStateMode.Verify
            ? $"{finding.Message.TrimEnd('.')}. {VerifyHint}"
            : finding.Message;

        return Create(level, finding, planningRoot, message, errorsAsWarnings);
    }

    /// <summary>A file that Update mode could not write (lock held, I/O error): always an error, nothing was written to it.</summary>
    public static BuildDiagnostic FromWriteFailure(Finding failure, string planningRoot, bool errorsAsWarnings)
        => Create(BuildDiagnosticLevel.Error, failure, planningRoot, failure.Message, errorsAsWarnings);

    /// <summary>The normal-importance line for one rewritten value: <c>PlanState: STATE.md(17,11): [██░░░░░░░░] → [█████░░░░░]</c>.</summary>
    public static string DescribeChange(AppliedChange change)
        => $"PlanState: {change.File}({change.Line},{change.Column}): {change.OldText} \u2192 {change.NewText}";

    /// <summary>The full path of a file named relative to the planning root with forward slashes.</summary>
    public static string FullPath(string planningRoot, string relativeFile)
    {
        if (string.IsNullOrEmpty(relativeFile))
        {
            return Path.GetFullPath(planningRoot);
        }

        var local = relativeFile.Replace('/', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.Combine(planningRoot, local));
    }

    private static BuildDiagnostic Create(BuildDiagnosticLevel level, Finding finding, string planningRoot, string message, bool errorsAsWarnings)
    {
        if (errorsAsWarnings && level == BuildDiagnosticLevel.Error)
        {
            level = BuildDiagnosticLevel.Warning;
        }

        var span = finding.Span;
        var hasExtent = span.EndLine > span.Line || (span.EndLine == span.Line && span.EndColumn > span.Column);
        return new BuildDiagnostic(
            level,
            finding.Code,
            FullPath(planningRoot, span.File),
            span.Line,
            span.Column,
            hasExtent ? span.EndLine : 0,
            hasExtent ? span.EndColumn : 0,
            message);
    }

    private static BuildDiagnosticLevel FromSeverity(Severity severity) => severity switch
    {
        Severity.Error => BuildDiagnosticLevel.Error,
        Severity.Warning => BuildDiagnosticLevel.Warning,
        _ => BuildDiagnosticLevel.Message,
    };
}
