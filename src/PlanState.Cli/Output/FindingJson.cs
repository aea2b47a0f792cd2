using System.Text.Encodings.Web;
using System.Text.Json;
using PlanState.Diagnostics;

namespace PlanState.Cli.Output;

/// <summary>
/// <c>--format json</c>: an array of <c>{ code, severity, file, line, column, message, fixable }</c>, in the engine's
/// order (file, line, column, code). <c>file</c> is relative to PATH, with forward slashes.
/// </summary>
internal static class FindingJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,

        // Messages quote glyphs (█, ░, →) and non-ASCII names; keep them readable rather than \uXXXX escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<Finding> findings, PlanningTarget target)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", FindingText.SeverityWord(finding.Severity));
                json.WriteString("file", target.RelativeToTarget(finding.Span.File));
                json.WriteNumber("line", finding.Span.Line);
                json.WriteNumber("column", finding.Span.Column);
                json.WriteString("message", finding.Message);
                json.WriteBoolean("fixable", finding.Fixable);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
