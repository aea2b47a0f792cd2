using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.Roadmap;
using PlanState.Parsing.State;
using PlanState.Parsing.Values;
using PlanState.Text;

namespace PlanState.Tests.Robustness;

/// <summary>Runs every parser over one text, as each planning file kind, and checks what they report.</summary>
internal static class ParserHarness
{
    private static readonly PlanId SomePlan = new(PhaseNumber.Parse("140.1.1"), 2, "140.1.1-02");

    /// <summary>
    /// Parses <paramref name="text"/> as STATE.md, ROADMAP.md, a SUMMARY and a PLAN, and each of its lines as a
    /// duration, a position and a progress line. Throws (and so fails a property) if any parser throws, or reports a
    /// finding whose span lies outside the text or whose line and column do not match its offset.
    /// </summary>
    public static void ParseAll(SourceText text)
    {
        var frontmatter = FrontmatterReader.Read(text);
        var state = StateParser.Parse(text, frontmatter.Frontmatter);
        var roadmap = RoadmapParser.Parse(text);
        var summary = SummaryFileParser.Parse(SomePlan, text);
        var plan = PlanFileParser.Parse(SomePlan, text);
        SpansAreExact(text, frontmatter.Problems.Concat(state.Problems).Concat(roadmap.Problems).Concat(summary.Problems).Concat(plan.Problems));

        for (var line = 1; line <= text.LineCount; line++)
        {
            var lineText = text.LineText(line);
            DurationParser.Parse(lineText);
            PositionParser.ParsePhase(lineText);
            PositionParser.ParsePlan(lineText);
            ProgressLineParser.Parse(lineText);
        }
    }

    public static void SpansAreExact(SourceText text, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings.Where(f => f.Span.File == text.File))
        {
            var span = finding.Span;
            if (span.Start < 0 || span.Length < 0 || span.End > text.Text.Length)
            {
                throw new InvalidOperationException($"{finding.Code} at {span.Start}+{span.Length} lies outside the {text.Text.Length} chars of {text.File}: {finding}");
            }

            if (text.Span(span.Start, span.Length) != span)
            {
                throw new InvalidOperationException($"{finding.Code}'s line and column do not match its offset {span.Start}: {finding}");
            }
        }
    }
}
