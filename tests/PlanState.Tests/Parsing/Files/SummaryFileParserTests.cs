using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Files;

public class SummaryFileParserTests
{
    private const string File = "phases/01-foundation/01-02-SUMMARY.md";
    private static readonly PlanId Id = new(PhaseNumber.Parse("1"), 2, "01-02");

    [Test]
    public void Reads_top_level_duration_completed_and_phase_with_exact_spans()
    {
        var text = Text("---\nphase: 01-foundation\nplan: 02\nduration: 3min\ncompleted: 2026-02-02\n---\n# Summary\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Id.Should().Be(Id);
        summary.Path.Should().Be(File);
        summary.Problems.Should().BeEmpty();
        summary.Duration!.Value.TotalSeconds.Should().Be(180);
        summary.Duration.Value.Status.Should().Be(DurationStatus.Parsed);
        text.Slice(summary.Duration.Span).Should().Be("3min");
        (summary.Duration.Span.Line, summary.Duration.Span.Column).Should().Be((4, 11));
        summary.Completed!.Value.Should().Be(new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));
        summary.Completed.Value.Kind.Should().Be(DateTimeKind.Utc);
        text.Slice(summary.Completed.Span).Should().Be("2026-02-02");
        summary.PhaseKey!.Value.Should().Be("01-foundation");
        text.Slice(summary.PhaseKey.Span).Should().Be("01-foundation");
    }

    [Test]
    public void Reads_duration_and_completed_under_metrics()
    {
        var text = Text("---\nphase: 01\nmetrics:\n  duration: \"2m 39s\"\n  completed: 2026-01-15T14:32:00Z\n---\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Problems.Should().BeEmpty();
        summary.Duration!.Value.TotalSeconds.Should().Be(159);
        text.Slice(summary.Duration.Span).Should().Be("\"2m 39s\"");
        summary.Completed!.Value.Should().Be(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        text.Slice(summary.Completed.Span).Should().Be("2026-01-15T14:32:00Z");
    }

    [Test]
    public void Top_level_duration_wins_over_metrics()
    {
        var summary = Parse("---\nduration: 5 min\nmetrics:\n  duration: 9 min\n---\n");

        summary.Duration!.Value.Text.Should().Be("5 min");
    }

    [TestCase("12", 720)]
    [TestCase("2.5", 150)]
    [TestCase("\"45\"", 2700)]
    public void Reads_duration_minutes_as_minutes_without_a_warning(string value, double seconds)
    {
        var text = Text("---\nduration_minutes: " + value + "\ncompleted: 2026-01-02\n---\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Problems.Should().BeEmpty();
        summary.Duration!.Value.TotalSeconds.Should().Be(seconds);
        summary.Duration.Value.Status.Should().Be(DurationStatus.Parsed);
        text.Slice(summary.Duration.Span).Should().Be(value);
    }

    [Test]
    public void Reads_duration_minutes_under_metrics()
    {
        Parse("---\nmetrics:\n  duration_minutes: 4\n---\n").Duration!.Value.TotalSeconds.Should().Be(240);
    }

    [Test]
    public void Duration_minutes_that_is_not_a_number_is_unparseable()
    {
        var summary = Parse("---\nduration_minutes: about ten\ncompleted: 2026-01-02\n---\n");

        summary.Duration!.Value.Status.Should().Be(DurationStatus.Unparseable);
        summary.Problems.Single().Code.Should().Be("PLAN1001");
    }

    [TestCase("1h 5m", 3900)]
    [TestCase("96s", 96)]
    [TestCase("0.09 hours", 324)]
    [TestCase("~30min", 1800)]
    public void Reads_every_duration_form(string value, double seconds)
    {
        Parse("---\nduration: " + value + "\ncompleted: 2026-01-02\n---\n").Duration!.Value.TotalSeconds.Should().BeApproximately(seconds, 1e-9);
    }

    [TestCase("~1 session")]
    [TestCase("not tracked")]
    public void Unparseable_duration_is_reported_with_its_text_and_kept(string value)
    {
        var text = Text("---\nduration: " + value + "\ncompleted: 2026-01-02\n---\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Duration!.Value.Status.Should().Be(DurationStatus.Unparseable);
        summary.Duration.Value.HasValue.Should().BeFalse();
        var problem = summary.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1001");
        problem.Message.Should().Contain($"'{value}'");
        text.Slice(problem.Span).Should().Be(value);
        (problem.Span.Line, problem.Span.Column).Should().Be((2, 11));
    }

    [Test]
    public void Bare_number_duration_is_read_as_minutes_and_reported()
    {
        var text = Text("---\nduration: 7\ncompleted: 2026-01-02\n---\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Duration!.Value.Status.Should().Be(DurationStatus.BareNumber);
        summary.Duration.Value.TotalSeconds.Should().Be(420);
        var problem = summary.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1002");
        problem.Message.Should().Contain("'7'");
        text.Slice(problem.Span).Should().Be("7");
    }

    [TestCase("2026-02-02")]
    [TestCase("2026-02-02T23:59:59Z")]
    [TestCase("2026-02-02T23:30:00+05:30")]
    [TestCase("2026-02-02T01:00:00-08:00")]
    [TestCase("2026-02-02T10:30:00.123Z")]
    [TestCase("2026-02-02 10:30")]
    [TestCase("2026-02-02 10:30 UTC")]
    [TestCase("'2026-02-02'")]
    public void Completed_is_the_date_as_written_at_midnight_utc(string value)
    {
        var completed = Parse("---\ncompleted: " + value + "\n---\n").Completed!.Value;

        completed.Should().Be(new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));
        completed.Kind.Should().Be(DateTimeKind.Utc);
    }

    [TestCase("yesterday")]
    [TestCase("2026-13-01")]
    [TestCase("2026-02-30")]
    [TestCase("02/02/2026")]
    [TestCase("2026-02-02 and more")]
    public void Unreadable_completed_is_reported_and_left_out(string value)
    {
        var text = Text("---\nduration: 3 min\ncompleted: " + value + "\n---\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Completed.Should().BeNull();
        var problem = summary.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1017");
        problem.Message.Should().Contain($"'{value}'");
        text.Slice(problem.Span).Should().Be(value);
    }

    [Test]
    public void Legacy_body_performance_section_supplies_missing_facts()
    {
        const string content = "# Phase 1 Plan 2 Summary\n\n## Performance\n\n- **Duration:** 4m 7s\n- **Started:** 2025-01-15T14:28:00Z\n- **Completed:** 2025-01-15T14:32:07Z\n- **Tasks:** 3\n\n## Accomplishments\n";
        var text = Text(content);

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Problems.Should().BeEmpty();
        summary.Duration!.Value.TotalSeconds.Should().Be(247);
        text.Slice(summary.Duration.Span).Should().Be("4m 7s");
        (summary.Duration.Span.Line, summary.Duration.Span.Column).Should().Be((5, 17));
        summary.Completed!.Value.Should().Be(new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        text.Slice(summary.Completed.Span).Should().Be("2025-01-15T14:32:07Z");
        summary.PhaseKey.Should().BeNull();
    }

    [Test]
    public void Body_fields_are_read_only_in_the_performance_section()
    {
        var summary = Parse("# S\n\n**Duration:** 1 min\n\n## Performance\n**Duration**: 6 min\n\n## Next\n**Completed:** 2025-01-01\n");

        summary.Duration!.Value.Text.Should().Be("6 min");
        summary.Completed.Should().BeNull();
    }

    [Test]
    public void Frontmatter_wins_and_the_body_fills_only_what_it_lacks()
    {
        var text = Text("---\nphase: 01\nduration: 5 min\n---\n\n## Performance\n**Duration:** 9 min\n**Completed:** 2025-03-04\n");

        var summary = SummaryFileParser.Parse(Id, text);

        summary.Duration!.Value.Text.Should().Be("5 min");
        summary.Completed!.Value.Should().Be(new DateTime(2025, 3, 4, 0, 0, 0, DateTimeKind.Utc));
        text.Slice(summary.Completed.Span).Should().Be("2025-03-04");
    }

    [Test]
    public void Unreadable_frontmatter_value_does_not_fall_back_to_the_body()
    {
        var summary = Parse("---\ncompleted: soon\n---\n## Performance\n**Completed:** 2025-03-04\n");

        summary.Completed.Should().BeNull();
        summary.Problems.Single().Code.Should().Be("PLAN1017");
    }

    [Test]
    public void Body_under_an_unclosed_frontmatter_is_still_searched()
    {
        var summary = Parse("---\nphase: 1\n## Performance\n**Duration:** 2 min\n");

        summary.Duration!.Value.TotalSeconds.Should().Be(120);
        summary.Problems.Single().Code.Should().Be("PLAN1003");
    }

    [Test]
    public void Malformed_frontmatter_is_reported_and_the_readable_keys_are_used()
    {
        var summary = Parse("---\nphase: 01\nkey-decisions: @scope/pkg is used\nduration: 3min\ncompleted: 2026-01-02\n---\n");

        summary.Duration!.Value.TotalSeconds.Should().Be(180);
        summary.Completed.Should().NotBeNull();
        summary.Problems.Single().Code.Should().Be("PLAN1004");
    }

    [Test]
    public void Crlf_file_has_exact_spans()
    {
        var text = Text("---\r\nmetrics:\r\n  duration: 3min\r\n---\r\n\r\n## Performance\r\n**Completed:** 2026-01-02\r\n");

        var summary = SummaryFileParser.Parse(Id, text);

        text.Slice(summary.Duration!.Span).Should().Be("3min");
        (summary.Duration.Span.Line, summary.Duration.Span.Column).Should().Be((3, 13));
        text.Slice(summary.Completed!.Span).Should().Be("2026-01-02");
        (summary.Completed.Span.Line, summary.Completed.Span.Column).Should().Be((7, 16));
    }

    [Test]
    public void Empty_values_count_as_missing()
    {
        var summary = Parse("---\nduration:\ncompleted: ''\nphase:\n---\n## Performance\n**Duration:** 2 min\n");

        summary.Duration!.Value.TotalSeconds.Should().Be(120);
        summary.PhaseKey.Should().BeNull();
        summary.Problems.Single().Code.Should().Be("PLAN1017", "an empty quoted string is a value, and not a date");
    }

    [TestCase("---\nduration: 3 min\ncompleted: 2026-01-02\n---\n", false)]
    [TestCase("---\nduration: 3 min\n---\n", true)]
    [TestCase("---\nduration: 3 min\n---\n## Performance\n**Completed:** 2026-01-02\n", false)]
    [TestCase("# Summary\n## Performance\n**Duration:** 3 min\n", true)]
    [TestCase("---\ncompleted: never\nduration: x\n---\n", false)]
    public void Needs_the_body_only_when_a_fact_is_still_missing(string head, bool needsBody)
    {
        SummaryFileParser.NeedsBody(Text(head)).Should().Be(needsBody);
    }

    private static SourceText Text(string content) => SourceText.From(File, content);

    private static SummaryFile Parse(string content) => SummaryFileParser.Parse(Id, Text(content));
}
