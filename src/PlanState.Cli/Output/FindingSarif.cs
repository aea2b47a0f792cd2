using System.Text;
using System.Text.Json;
using PlanState.Diagnostics;

namespace PlanState.Cli.Output;

/// <summary>
/// <c>--format sarif</c>: a SARIF 2.1.0 log with one run. Every code that appears has a rule; every finding is a
/// result whose location is relative to PATH (base id <c>%SRCROOT%</c>, which <c>originalUriBaseIds</c> maps to PATH).
/// </summary>
internal static class FindingSarif
{
    public const string Schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string ToolName = "PlanState.Build";
    public const string InformationUri = "https://github.com/planstate/PlanState.Build";
    public const string SourceRoot = "%SRCROOT%";

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public static string Write(IReadOnlyList<Finding> findings, PlanningTarget target, string toolVersion)
    {
        var rules = findings
            .Select(f => f.Descriptor)
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, FindingJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteString("semanticVersion", toolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(target.FullPath) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(json, finding, ruleIndex[finding.Code], target);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", RuleName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Kind.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, PlanningTarget target)
    {
        var span = finding.Span;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(target.RelativeToTarget(span.File)));
        json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Line);
        json.WriteNumber("startColumn", span.Column);

        // SARIF regions never end before they start; a whole-file finding (no length) is an empty region.
        json.WriteNumber("endLine", Math.Max(span.EndLine, span.Line));
        json.WriteNumber("endColumn", span.EndLine > span.Line ? span.EndColumn : Math.Max(span.EndColumn, span.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteBoolean("fixable", finding.Fixable);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference: each segment percent-encoded, separated by '/'.</summary>
    private static string RelativeUri(string relativePath) =>
        string.Join("/", relativePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>SARIF rule names are identifier-like: <c>Progress bar fill is stale</c> becomes <c>ProgressBarFillIsStale</c>.</summary>
    internal static string RuleName(string title)
    {
        var name = new StringBuilder();
        foreach (var word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
            }
        }

        return name.ToString();
    }
}
