using System.Text;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Frontmatter;

public class FrontmatterReaderTests
{
    private const string File = "phases/01-x/01-01-SUMMARY.md";

    [Test]
    public void File_without_a_block_has_no_frontmatter_and_no_problem()
    {
        var result = Read("# Title\n\nphase: 1\n");

        result.Frontmatter.Should().BeNull();
        result.Problems.Should().BeEmpty();
    }

    [Test]
    public void Empty_file_has_no_frontmatter()
    {
        Read(string.Empty).Frontmatter.Should().BeNull();
    }

    [TestCase("---- \na: 1\n---\n")]
    [TestCase("--- x\na: 1\n---\n")]
    [TestCase(" ---\na: 1\n---\n")]
    [TestCase("# Title\n---\na: 1\n---\n")]
    public void A_block_starts_only_on_line_1_with_exactly_three_dashes(string content)
    {
        var result = Read(content);

        result.Frontmatter.Should().BeNull();
        result.Problems.Should().BeEmpty();
    }

    [Test]
    public void Reads_top_level_scalars_with_exact_key_and_value_spans()
    {
        const string content = "---\nphase: 01-foundation\nplan: 02\nduration: 5 min\n---\n# Body\n";
        var text = SourceText.From(File, content);

        var result = FrontmatterReader.Read(text);

        result.Problems.Should().BeEmpty();
        var fm = result.Frontmatter!;
        fm.Entries.Select(e => (e.KeyPath, e.Value)).Should().Equal(("phase", "01-foundation"), ("plan", "02"), ("duration", "5 min"));
        var duration = fm.Find("duration")!;
        text.Slice(duration.KeySpan).Should().Be("duration");
        text.Slice(duration.ValueSpan).Should().Be("5 min");
        duration.ValueSpan.Line.Should().Be(4);
        duration.ValueSpan.Column.Should().Be(11);
        duration.ValueSpan.EndColumn.Should().Be(16);
        fm.BodyStart.Should().Be(content.IndexOf("# Body", StringComparison.Ordinal));
        text.Slice(fm.Span).Should().Be("---\nphase: 01-foundation\nplan: 02\nduration: 5 min\n---");
    }

    [Test]
    public void Flattens_nested_mappings_and_sequences_to_dotted_paths()
    {
        const string content = """
            ---
            progress:
              total_plans: 9
              percent: 67
            metrics:
              duration: 2m 39s
            depends_on:
              - 01-01
              - "01-02"
            tags: [a, b]
            ---
            """;
        var text = SourceText.From(File, content.Replace("\r\n", "\n"));

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        fm.Entries.Select(e => e.KeyPath).Should().Equal(
            "progress.total_plans", "progress.percent", "metrics.duration", "depends_on[0]", "depends_on[1]", "tags[0]", "tags[1]");
        fm.Find("progress.percent")!.Value.Should().Be("67");
        text.Slice(fm.Find("progress.percent")!.ValueSpan).Should().Be("67");
        text.Slice(fm.Find("progress.percent")!.KeySpan).Should().Be("percent");
        fm.Find("depends_on[1]")!.Value.Should().Be("01-02");
        text.Slice(fm.Find("depends_on[1]")!.ValueSpan).Should().Be("\"01-02\"");
        text.Slice(fm.Find("depends_on[1]")!.KeySpan).Should().Be("depends_on");
        text.Slice(fm.Find("tags[1]")!.ValueSpan).Should().Be("b");
        fm.Find("METRICS.DURATION")!.Value.Should().Be("2m 39s", "Find ignores case");
    }

    [Test]
    public void Quoted_values_keep_their_quotes_in_the_span_and_lose_them_in_the_value()
    {
        var text = SourceText.From(File, "---\na: \"x: y\"\nb: 'it''s'\nc: plain # comment\n---\n");

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        fm.Find("a")!.Value.Should().Be("x: y");
        text.Slice(fm.Find("a")!.ValueSpan).Should().Be("\"x: y\"");
        fm.Find("b")!.Value.Should().Be("it's");
        text.Slice(fm.Find("b")!.ValueSpan).Should().Be("'it''s'");
        text.Slice(fm.Find("c")!.ValueSpan).Should().Be("plain", "a comment is not part of the value");
    }

    [TestCase("a:\n", 2)]
    [TestCase("a: ~\n", 3)]
    [TestCase("a: null\n", 3)]
    public void Empty_and_null_values_read_as_null(string line, int valueColumn)
    {
        var text = SourceText.From(File, "---\n" + line + "b: 1\n---\n");

        var entry = FrontmatterReader.Read(text).Frontmatter!.Find("a")!;

        entry.Value.Should().BeNull();
        entry.ValueSpan.Line.Should().Be(2);
        entry.ValueSpan.Column.Should().Be(valueColumn + 1);
    }

    [Test]
    public void Quoted_empty_and_null_strings_stay_strings()
    {
        var fm = Read("---\na: \"\"\nb: 'null'\n---\n").Frontmatter!;

        fm.Find("a")!.Value.Should().Be(string.Empty);
        fm.Find("b")!.Value.Should().Be("null");
    }

    [Test]
    public void Block_scalar_span_stops_before_the_trailing_line_break()
    {
        var text = SourceText.From(File, "---\nnote: |\n  one\n  two\nz: 1\n---\n");

        var note = FrontmatterReader.Read(text).Frontmatter!.Find("note")!;

        note.Value.Should().Be("one\ntwo\n");
        text.Slice(note.ValueSpan).Should().Be("|\n  one\n  two");
    }

    [TestCase("---\na: 1\n...\nbody\n", "body\n")]
    [TestCase("---  \na: 1\n---\t \nbody\n", "body\n")]
    [TestCase("---\na: 1\n---", "")]
    [TestCase("---\n---\nbody", "body")]
    public void Block_ends_at_the_next_fence_line_and_the_body_starts_after_its_line_break(string content, string body)
    {
        var fm = Read(content).Frontmatter!;

        content.Substring(fm.BodyStart).Should().Be(body);
    }

    [Test]
    public void Unclosed_block_is_reported_at_line_1_and_the_whole_file_is_body()
    {
        var result = Read("---\nphase: 1\nplan: 2\n\n# Body\n");

        result.Frontmatter.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1003");
        problem.Span.Line.Should().Be(1);
        problem.Span.Column.Should().Be(1);
        problem.Span.Length.Should().Be(3);
        problem.Message.Should().Contain("'---'");
    }

    [Test]
    public void Second_block_right_after_the_first_is_reported_and_read_as_body()
    {
        const string content = "---\na: 1\n---\n\n  \n---\nb: 2\n---\n# Body\n";

        var result = Read(content);

        result.Frontmatter!.Entries.Select(e => e.KeyPath).Should().Equal("a");
        result.Frontmatter.BodyStart.Should().Be(13);
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1015");
        problem.Span.Line.Should().Be(6);
        problem.Span.Column.Should().Be(1);
    }

    [Test]
    public void A_rule_after_body_text_is_not_a_second_block()
    {
        Read("---\na: 1\n---\nSome text\n\n---\nmore\n").Problems.Should().BeEmpty();
    }

    [Test]
    public void Block_after_a_byte_order_mark_is_recognised()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("---\nphase: 3\n---\nbody\n")).ToArray();
        var text = SourceText.FromBytes(File, bytes);

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        fm.Find("phase")!.Value.Should().Be("3");
        text.Slice(fm.Find("phase")!.ValueSpan).Should().Be("3");
        fm.Find("phase")!.ValueSpan.Line.Should().Be(2);
        fm.Find("phase")!.ValueSpan.Column.Should().Be(8);
    }

    [Test]
    public void Byte_order_mark_char_left_in_a_string_is_skipped_too()
    {
        var text = SourceText.From(File, "\uFEFF---\nphase: 3\n---\n");

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        text.Slice(fm.Find("phase")!.ValueSpan).Should().Be("3");
        fm.Span.Start.Should().Be(1);
    }

    [Test]
    public void Crlf_line_endings_give_exact_spans_and_body_start()
    {
        const string content = "---\r\nphase: 02.1-hotfix\r\nmetrics:\r\n  duration: \"7m\"\r\n---\r\nBody\r\n";
        var text = SourceText.From(File, content);

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        var phase = fm.Find("phase")!;
        text.Slice(phase.ValueSpan).Should().Be("02.1-hotfix");
        (phase.ValueSpan.Line, phase.ValueSpan.Column).Should().Be((2, 8));
        var duration = fm.Find("metrics.duration")!;
        text.Slice(duration.ValueSpan).Should().Be("\"7m\"");
        (duration.ValueSpan.Line, duration.ValueSpan.Column, duration.ValueSpan.EndColumn).Should().Be((4, 13, 17));
        (duration.KeySpan.Line, duration.KeySpan.Column).Should().Be((4, 3));
        content.Substring(fm.BodyStart).Should().Be("Body\r\n");
    }

    [TestCase("dependency: @scope/pkg", "dependency")]
    [TestCase("format: %w", "format")]
    [TestCase("title: Fix: the login bug", "title")]
    [TestCase("notes: \"unclosed", "notes")]
    public void Malformed_entry_is_reported_at_its_line_and_the_other_keys_are_still_read(string badLine, string badKey)
    {
        var content = "---\nphase: 01-foundation\n" + badLine + "\nduration: 5 min\ncompleted: 2026-01-02\n---\nbody\n";
        var text = SourceText.From(File, content);

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Entries.Select(e => e.KeyPath).Should().Equal("phase", "duration", "completed");
        text.Slice(result.Frontmatter.Find("duration")!.ValueSpan).Should().Be("5 min");
        text.Slice(result.Frontmatter.Find("completed")!.ValueSpan).Should().Be("2026-01-02");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        problem.Span.Line.Should().Be(3);
        problem.Span.Column.Should().Be(1);
        text.Slice(problem.Span).Should().Be(badLine);
        problem.Message.Should().Contain($"'{badKey}'").And.Contain(badLine);
    }

    [Test]
    public void Tab_indentation_costs_only_the_entry_it_is_in()
    {
        var text = SourceText.From(File, "---\nphase: 2\nmetrics:\n\tduration: 5 min\ncompleted: 2026-01-02\n---\n");

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Entries.Select(e => e.KeyPath).Should().Equal("phase", "completed");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        problem.Span.Line.Should().Be(3);
        problem.Message.Should().Contain("'metrics'").And.Contain("tab");
    }

    [Test]
    public void Malformed_nested_key_costs_only_itself()
    {
        const string content = "---\nphase: 2\nmetrics:\n  duration: 12 min\n  tool: @scope/pkg\n  completed: 2026-01-02\nplan: 3\n---\n";
        var text = SourceText.From(File, content);

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Entries.Select(e => e.KeyPath).Should().Equal("phase", "metrics.duration", "metrics.completed", "plan");
        text.Slice(result.Frontmatter.Find("metrics.duration")!.ValueSpan).Should().Be("12 min");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        (problem.Span.Line, problem.Span.Column).Should().Be((5, 3));
        problem.Message.Should().Contain("'metrics.tool'");
    }

    [Test]
    public void Every_malformed_entry_is_reported_on_its_own_line()
    {
        const string content = "---\na: @x\nb: ok\nc: %d\nd: k: v\ne: fine\n---\n";

        var result = Read(content);

        result.Frontmatter!.Entries.Select(e => (e.KeyPath, e.Value)).Should().Equal(("b", "ok"), ("e", "fine"));
        result.Problems.Select(p => (p.Code, p.Span.Line)).Should().Equal(("PLAN1004", 2), ("PLAN1004", 4), ("PLAN1004", 5));
    }

    [Test]
    public void Malformed_sequence_is_reported_under_its_key()
    {
        var result = Read("---\ndepends_on:\n- 01-01\n- @bad\nphase: 1\n---\n");

        result.Frontmatter!.Entries.Select(e => e.KeyPath).Should().Equal("phase");
        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("'depends_on'");
    }

    [Test]
    public void Stray_text_before_the_first_key_is_reported_and_the_keys_are_read()
    {
        var result = Read("---\n@@ stray\nphase: 1\n---\n");

        result.Frontmatter!.Find("phase")!.Value.Should().Be("1");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        problem.Span.Line.Should().Be(2);
        problem.Message.Should().Contain("@@ stray");
    }

    [Test]
    public void Malformed_entries_with_crlf_keep_exact_spans()
    {
        var text = SourceText.From(File, "---\r\na: @x\r\nb: \"ok\"\r\n---\r\n");

        var result = FrontmatterReader.Read(text);

        var b = result.Frontmatter!.Find("b")!;
        text.Slice(b.ValueSpan).Should().Be("\"ok\"");
        (b.ValueSpan.Line, b.ValueSpan.Column).Should().Be((3, 4));
        text.Slice(result.Problems.Single().Span).Should().Be("a: @x");
    }

    [Test]
    public void Reads_the_progress_block_of_a_state_file()
    {
        const string content = """
            ---
            gsd_state_version: 1.0
            milestone: v1.1
            milestone_name: Polish
            status: executing
            last_updated: "2026-02-02T10:00:00.000Z"
            progress:
              total_phases: 4
              completed_phases: 1
              total_plans: 9
              completed_plans: 3
              percent: 33
            ---

            # Project State
            """;
        var text = SourceText.From("STATE.md", content.Replace("\r\n", "\n"));

        var fm = FrontmatterReader.Read(text).Frontmatter!;

        fm.Entries.Select(e => e.KeyPath).Should().Equal(
            "gsd_state_version", "milestone", "milestone_name", "status", "last_updated",
            "progress.total_phases", "progress.completed_phases", "progress.total_plans", "progress.completed_plans", "progress.percent");
        fm.Find("last_updated")!.Value.Should().Be("2026-02-02T10:00:00.000Z");
        var percent = fm.Find("progress.percent")!;
        (percent.ValueSpan.Line, percent.ValueSpan.Column, percent.ValueSpan.Length).Should().Be((12, 12, 2));
    }

    [Test]
    public void Values_nested_deeper_than_any_planning_key_are_skipped()
    {
        var shallow = "a: " + new string('[', 10) + "x" + new string(']', 10);
        var deep = "b: " + new string('[', 200) + "y" + new string(']', 200);

        var fm = Read("---\n" + shallow + "\n" + deep + "\nc: 1\n---\n").Frontmatter!;

        fm.Entries.Select(e => e.KeyPath).Should().Equal("a[0][0][0][0][0][0][0][0][0][0]", "c");
    }

    private static readonly string[] YamlFragments =
    [
        "key", "a", "b", ": ", ":", "\n", "\r\n", "  ", "    ", "- ", "@scope/pkg", "%w", "\"", "'", "[", "]", "{", "}", ", ",
        "# c", "\t", "|", ">", "&x ", "*x", "? ", "!tag ", "é", "5 min", "2026-01-02", "...", "~", "\\",
    ];

    /// <summary>Random blocks built from YAML's troublesome pieces: reading never throws and every span lies inside the text.</summary>
    // FsCheck supplies the arguments; the NUnit analyzer cannot see that.
#pragma warning disable NUnit1027
    [FsCheck.NUnit.Property(MaxTest = 500)]
    public void Never_throws_and_every_span_lies_inside_the_text(byte[] picks)
#pragma warning restore NUnit1027
    {
        var block = string.Concat((picks ?? []).Select(p => YamlFragments[p % YamlFragments.Length]));
        var text = SourceText.From(File, "---\n" + block + "\n---\nbody\n");

        var result = FrontmatterReader.Read(text);

        var spans = (result.Frontmatter?.Entries ?? EquatableArray<FrontmatterEntry>.Empty)
            .SelectMany(e => new[] { e.KeySpan, e.ValueSpan })
            .Concat(result.Problems.Select(p => p.Span));
        spans.Where(s => s.Start < 0 || s.End > text.Text.Length).Should().BeEmpty();
    }

    [TestCase("a: [1, 2")]
    [TestCase("a: {b: 1")]
    [TestCase("a: *undefined")]
    [TestCase("? complex\n: value")]
    [TestCase("a: &x 1\nb: *x")]
    [TestCase("\t")]
    [TestCase(": nokey")]
    public void Odd_yaml_never_throws(string block)
    {
        var act = () => Read("---\n" + block + "\n---\n");

        act.Should().NotThrow();
    }

    [Test]
    public void Problems_carry_the_file_of_the_text()
    {
        Read("---\na: @x\n---\n").Problems.Single().Span.File.Should().Be(File);
    }

    [Test]
    public void Malformed_yaml_is_a_warning_input_problem()
    {
        var problem = Read("---\na: @x\n---\n").Problems.Single();

        problem.Kind.Should().Be(FindingKind.InputProblem);
        problem.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void A_huge_block_is_read_whole_but_its_line_buffer_is_not_kept_by_the_thread()
    {
        var lines = FrontmatterReader.MaxKeptLineEnds * 3;
        var huge = new StringBuilder("---\n");
        for (var i = 0; i < lines; i++)
        {
            huge.Append("key").Append(i).Append(": ").Append(i).Append('\n');
        }

        huge.Append("completed_plans: 7\n---\nbody\n");

        // On a dedicated thread, so no earlier read on this test's thread decides what the thread kept.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var result = Read(huge.ToString());
                result.Problems.Should().BeEmpty();
                result.Frontmatter!.Find("completed_plans")!.Value.Should().Be("7");
                FrontmatterReader.KeptLineEndCapacity.Should().BeInRange(1, FrontmatterReader.MaxKeptLineEnds);

                // The next, ordinary block on that thread still reads right with the buffer it kept.
                Read("---\nphase: 2\nplan: 3\n---\n").Frontmatter!.Find("plan")!.Value.Should().Be("3");
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        failure.Should().BeNull();
    }

    private static FrontmatterReadResult Read(string content) => FrontmatterReader.Read(SourceText.From(File, content));
}
