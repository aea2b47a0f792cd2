using PlanState.Diagnostics;

namespace PlanState.Cli.Output;

/// <summary>Findings in the MSBuild canonical form editors and CI logs recognise: <c>path(line,col): error CODE: message</c>.</summary>
internal static class FindingText
{
    public const string UpdateHint = " (run 'planstate update' to fix)";

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <param name="hintUpdate">Ends a fixable finding's message with a hint to run <c>planstate update</c>.</param>
    public static string Format(Finding finding, PlanningTarget target, bool hintUpdate)
    {
        var span = finding.Span;
        var hint = hintUpdate && finding.Fixable ? UpdateHint : string.Empty;
        return $"{target.Display(span.File)}({span.Line},{span.Column}): {SeverityWord(finding.Severity)} {finding.Code}: {OneLine(finding.Message)}{hint}";
    }

    /// <summary>Keeps one finding on one line, whatever its message quotes.</summary>
    public static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Quotes a value so that spaces, emptiness and line breaks stay visible: <c>"==  "</c>, <c>""</c>, <c>"a\nb"</c>.</summary>
    public static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    /// <summary><c>2 errors, 1 warning, 0 infos</c>.</summary>
    public static string Counts(IReadOnlyCollection<Finding> findings)
    {
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var infos = findings.Count(f => f.Severity == Severity.Info);
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")}";
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
