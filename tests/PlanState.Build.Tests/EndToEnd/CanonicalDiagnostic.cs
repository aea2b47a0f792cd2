using System.Text.RegularExpressions;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>One diagnostic line as MSBuild prints it, in the canonical format IDEs and CI problem matchers read.</summary>
public sealed partial record CanonicalDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
{
    public static CanonicalDiagnostic? TryParse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? new CanonicalDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["col"].Value),
                match.Groups["severity"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value)
            : null;
    }

    // MSBuild prefixes a line with its node ("1>", or "1:8>" at detailed verbosity) and appends " [project path]";
    // the summary at the end repeats every line, hence Distinct().
    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>\S.*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>error|warning) (?<code>PLAN\d{4}): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex Pattern();
}
