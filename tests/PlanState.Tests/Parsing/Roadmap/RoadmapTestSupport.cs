using PlanState.Model;
using PlanState.Parsing.Roadmap;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Roadmap;

internal static class RoadmapTestSupport
{
    public const string RoadmapPath = "ROADMAP.md";

    /// <summary>A fixture with its line breaks set to <paramref name="newline"/>, so each test runs on LF and CRLF alike.</summary>
    public static SourceText Fixture(string name, string newline = "\n")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Parsing", "Roadmap", "Fixtures", name);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        return SourceText.From(RoadmapPath, newline == "\n" ? text : text.Replace("\n", newline));
    }

    public static SourceText Source(string markdown, string newline = "\n") =>
        SourceText.From(RoadmapPath, newline == "\n" ? markdown : markdown.Replace("\n", newline));

    public static RoadmapDocument Parse(string markdown, string newline = "\n") => RoadmapParser.Parse(Source(markdown, newline));

    /// <summary>Asserts a single-line span: the exact text it covers and where it starts and ends.</summary>
    public static void ShouldCover(this SourceSpan span, SourceText text, string expected, int line, int column)
    {
        text.Slice(span).Should().Be(expected);
        span.File.Should().Be(text.File);
        span.Line.Should().Be(line, "span \"{0}\" should start on line {1}", expected, line);
        span.Column.Should().Be(column, "span \"{0}\" should start at column {1}", expected, column);
        span.EndLine.Should().Be(line);
        span.EndColumn.Should().Be(column + expected.Length);
    }

    public static void ShouldCover(this Located<string>? located, SourceText text, string expected, int line, int column)
    {
        located.Should().NotBeNull();
        located!.Value.Should().Be(expected);
        located.Span.ShouldCover(text, expected, line, column);
    }

    /// <summary>Every span the document holds, for bounds checks.</summary>
    public static IEnumerable<SourceSpan> AllSpans(RoadmapDocument document)
    {
        foreach (var section in document.Sections)
        {
            yield return section.HeadingSpan;
            if (section.PlansLine is { } plans)
            {
                yield return plans.Value.Span;
                if (plans.CountSpan is { } count)
                {
                    yield return count;
                }

                if (plans.CompletedSpan is { } completed)
                {
                    yield return completed;
                }
            }

            foreach (var item in section.PlanItems)
            {
                yield return item.CheckboxSpan;
                yield return item.LineSpan;
            }
        }

        foreach (var item in document.PhaseChecklist)
        {
            yield return item.CheckboxSpan;
            yield return item.LineSpan;
            if (item.CompletedDate is { } date)
            {
                yield return date.Span;
            }
        }

        foreach (var milestone in document.Milestones)
        {
            yield return milestone.Span;
        }

        if (document.ProgressTable is { } table)
        {
            yield return table.HeaderSpan;
            foreach (var row in table.Rows)
            {
                yield return row.RowSpan;
                foreach (var cell in new[] { row.PhaseCell, row.MilestoneCell, row.PlansCell, row.StatusCell, row.CompletedCell })
                {
                    if (cell is not null)
                    {
                        yield return cell.Span;
                    }
                }
            }
        }

        foreach (var problem in document.Problems)
        {
            yield return problem.Span;
        }
    }
}
