using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.State;
using PlanState.Tests.Support;
using PlanState.Text;

namespace PlanState.Tests.Parsing.State;

/// <summary>The five real STATE.md files the project started from: every value read, with exact spans.</summary>
public class SeedParsingTests
{
    private static (SourceText Text, StateDocument Document) Parse(string seed)
    {
        var text = SourceText.FromBytes("STATE.md", File.ReadAllBytes(RepositoryLayout.SeedPath(seed)));
        var frontmatter = FrontmatterReader.Read(text).Frontmatter;
        return (text, StateParser.Parse(text, frontmatter));
    }

    [Test]
    public void Seed_000_position_progress_velocity_table_and_trend()
    {
        var (text, state) = Parse("000");

        state.Position.Phase!.Value.Current.Should().Be(PhaseNumber.Parse("1"));
        state.Position.Phase.Value.Total.Should().Be(2);
        state.Position.Phase.Value.Name.Should().Be("Foundation - Tracing Infrastructure & Storage");
        state.Position.Phase.Span.Line.Should().Be(12);
        state.Position.Plan!.Value.Current.Should().Be(2);
        state.Position.Plan.Value.Total.Should().Be(4);
        state.Position.Status!.Value.Should().Be("In progress");
        state.Position.LastActivity!.Value.Should().Be("2026-02-02 — Completed 01-03-PLAN.md");
        state.Position.CurrentFocus!.Value.Should().Be("Phase 1 - Foundation (Tracing Infrastructure & Storage)");

        var progress = state.Progress!;
        progress.Span.Line.Should().Be(17);
        progress.Span.Column.Should().Be(11);
        progress.Value.Bar!.Filled.Should().Be("█");
        progress.Value.Bar.Empty.Should().Be("░");
        progress.Value.Bar.Width.Should().Be(10);
        progress.Value.Bar.FilledCells.Should().Be(2);
        progress.Value.Bar.Brackets.Should().BeTrue();
        progress.Value.Percent.Should().Be(50);
        progress.Value.Fractions.Should().ContainSingle().Which.Should().Match<ProgressFraction>(f => f.Numerator == 2 && f.Denominator == 4 && f.Unit == "plans");

        state.Velocity!.TotalPlansCompleted!.Value.Should().Be(2);
        state.Velocity.AverageDuration!.Value.TotalSeconds.Should().BeApproximately(156, 0.001);
        state.Velocity.TotalExecutionTime!.Value.TotalSeconds.Should().BeApproximately(324, 0.001);

        state.ByPhase!.Rows.Should().HaveCount(2);
        var row1 = state.ByPhase.Rows[0];
        row1.Phase.Should().Be(PhaseNumber.Parse("1"));
        row1.PhaseCell.Value.Should().Be("1. Foundation");
        (row1.PlansCompleted, row1.PlansTotal, row1.PlansCellStyleHasTotal).Should().Be((2, 4, true));
        row1.Total!.TotalSeconds.Should().BeApproximately(312, 0.001);
        row1.Average!.TotalSeconds.Should().BeApproximately(156, 0.001);
        var row2 = state.ByPhase.Rows[1];
        row2.Phase.Should().Be(PhaseNumber.Parse("2"));
        (row2.PlansCompleted, row2.PlansTotal, row2.PlansCellStyleHasTotal).Should().Be((0, null, true));
        row2.Total.Should().BeNull();
        row2.Average.Should().BeNull();

        state.RecentTrend!.LastPlans.Select(i => i.Duration.TotalSeconds).Should().Equal(204, 108);
        state.RecentTrend.LastPlans.Select(i => i.PlanId).Should().Equal(null, null);
        state.RecentTrend.TrendWord!.Value.Should().Be("Accelerating");
        state.RecentTrend.TrendNote.Should().Be(" (shorter plans)");

        state.Session.LastSession!.Value.Should().Be("2026-02-02");
        state.Session.StoppedAt!.Value.Should().Be("Completed 01-02-PLAN.md (Handler Instrumentation)");
        state.Session.ResumeFile!.Value.Should().Be("None");
        state.Problems.Should().BeEmpty();
        SpanRoundTrip.AssertAllSpansExact(text, state);
    }

    [Test]
    public void Seed_001_single_plan_and_not_enough_data()
    {
        var (text, state) = Parse("001");

        (state.Position.Phase!.Value.Current!.ToString(), state.Position.Phase.Value.Total).Should().Be(("1", 5));
        state.Position.Phase.Value.Name.Should().Be("Transaction Isolation & Unique Constraints");
        (state.Position.Plan!.Value.Current, state.Position.Plan.Value.Total).Should().Be((1, 2));
        var bar = state.Progress!.Value.Bar!;
        (bar.Filled, bar.Empty, bar.Width, bar.FilledCells).Should().Be(("█", "░", 10, 5));
        state.Progress.Value.Percent.Should().Be(50);
        state.Progress.Value.Fractions.Should().BeEmpty();
        state.Velocity!.TotalPlansCompleted!.Value.Should().Be(1);
        state.Velocity.AverageDuration!.Value.TotalSeconds.Should().Be(180);
        state.Velocity.TotalExecutionTime!.Value.TotalSeconds.Should().BeApproximately(180, 0.001);
        var row = state.ByPhase!.Rows.Should().ContainSingle().Subject;
        (row.PhaseCell.Value, row.PlansCompleted, row.PlansTotal, row.PlansCellStyleHasTotal).Should().Be(("1", 1, null, false));
        (row.Total!.TotalSeconds, row.Average!.TotalSeconds).Should().Be((180, 180));
        state.RecentTrend!.LastPlans.Select(i => i.Duration.TotalSeconds).Should().Equal(180);
        state.RecentTrend.TrendWord!.Value.Should().Be("Not enough data");
        state.Session.LastSession!.Value.Should().Be("2026-01-26 19:21:38 (plan execution)");
        state.Problems.Should().BeEmpty();
        SpanRoundTrip.AssertAllSpansExact(text, state);
    }

    [Test]
    public void Seed_002_equals_bar_width_20_with_fraction_and_labelled_trend()
    {
        var (text, state) = Parse("002");

        (state.Position.Phase!.Value.Current!.ToString(), state.Position.Phase.Value.Total, state.Position.Phase.Value.Name).Should().Be(("7", 10, "Backend Chunk Infrastructure"));
        (state.Position.Plan!.Value.Current, state.Position.Plan.Value.Total).Should().Be((2, 3));
        var progress = state.Progress!.Value;
        (progress.Bar!.Filled, progress.Bar.Empty, progress.Bar.Width, progress.Bar.FilledCells).Should().Be(("=", " ", 20, 2));
        progress.Percent.Should().Be(18);
        progress.Fractions.Should().ContainSingle().Which.Should().Match<ProgressFraction>(f => f.Numerator == 2 && f.Denominator == 11 && f.Unit == "");
        state.Velocity!.TotalPlansCompleted!.Value.Should().Be(2);
        text.Slice(state.Velocity.TotalPlansCompleted.Span).Should().Be("2", "the note '(v1.1)' is not part of the count");
        state.Velocity.AverageDuration!.Value.TotalSeconds.Should().Be(210);
        state.Velocity.TotalExecutionTime!.Value.TotalSeconds.Should().BeApproximately(432, 0.001);
        state.ByPhase!.Rows.Select(r => r.Phase!.ToString()).Should().Equal("7", "8", "9", "10");
        state.ByPhase.Rows.Select(r => (r.PlansCompleted, r.PlansTotal)).Should().Equal((2, 3), (0, 3), (0, 3), (0, 2));
        (state.ByPhase.Rows[0].Total!.TotalSeconds, state.ByPhase.Rows[0].Average!.TotalSeconds).Should().Be((420, 210));
        state.RecentTrend!.LastPlans.Select(i => (i.PlanId, i.Duration.TotalSeconds)).Should().Equal(("07-01", 300), ("07-02", 120));
        state.RecentTrend.TrendWord!.Value.Should().Be("Accelerating");
        state.Problems.Should().BeEmpty();
        SpanRoundTrip.AssertAllSpansExact(text, state);
    }

    [Test]
    public void Seed_003_hash_dash_bar_tbd_plan_and_approximate_duration()
    {
        var (text, state) = Parse("003");

        (state.Position.Phase!.Value.Current!.ToString(), state.Position.Phase.Value.Total, state.Position.Phase.Value.Name).Should().Be(("2", 8, "Context Integration"));
        var plan = state.Position.Plan!.Value;
        (plan.Current, plan.Total, plan.TotalIsTbd).Should().Be((0, null, true));
        var progress = state.Progress!.Value;
        (progress.Bar!.Filled, progress.Bar.Empty, progress.Bar.Width, progress.Bar.FilledCells).Should().Be(("#", "-", 10, 2));
        progress.Percent.Should().Be(12);
        state.Velocity!.TotalPlansCompleted!.Value.Should().Be(3);
        state.Velocity.AverageDuration!.Value.TotalSeconds.Should().Be(1020);
        state.Velocity.TotalExecutionTime!.Value.TotalSeconds.Should().BeApproximately(2988, 0.001);
        var row = state.ByPhase!.Rows.Should().ContainSingle().Subject;
        (row.PhaseCell.Value, row.Phase!.ToString(), row.PlansCompleted).Should().Be(("01-cluster-foundation", "1", 3));
        (row.Total!.TotalSeconds, row.Average!.TotalSeconds).Should().Be((3000, 1020));
        state.RecentTrend!.LastPlans.Select(i => (i.PlanId, i.Duration.TotalSeconds)).Should().Equal(("01-01", 720), ("01-02", 1800), ("01-03", 480));
        state.RecentTrend.LastPlans[1].Duration.Style!.Approximate.Should().BeTrue();
        (state.RecentTrend.TrendWord!.Value, state.RecentTrend.TrendNote).Should().Be(("Stable", " (01-02 was larger scope)"));
        state.Problems.Should().BeEmpty();
        SpanRoundTrip.AssertAllSpansExact(text, state);
    }

    [Test]
    public void Seed_004_compound_minutes_seconds()
    {
        var (text, state) = Parse("004");

        (state.Position.Phase!.Value.Current!.ToString(), state.Position.Phase.Value.Total).Should().Be(("1", 6));
        (state.Position.Plan!.Value.Current, state.Position.Plan.Value.Total).Should().Be((3, 3));
        var progress = state.Progress!.Value;
        (progress.Bar!.Filled, progress.Bar.Empty, progress.Bar.Width, progress.Bar.FilledCells).Should().Be(("#", ".", 10, 2));
        progress.Percent.Should().Be(17);
        state.Velocity!.TotalPlansCompleted!.Value.Should().Be(3);
        state.Velocity.AverageDuration!.Value.TotalSeconds.Should().Be(159);
        state.Velocity.TotalExecutionTime!.Value.TotalSeconds.Should().BeApproximately(468, 0.001);
        var row = state.ByPhase!.Rows.Should().ContainSingle().Subject;
        (row.PhaseCell.Value, row.PlansCompleted, row.Total!.TotalSeconds, row.Average!.TotalSeconds).Should().Be(("01", 3, 476, 159));
        state.RecentTrend!.LastPlans.Select(i => (i.PlanId, i.Duration.TotalSeconds)).Should().Equal(("01-01", 169), ("01-02", 247), ("01-03", 60));
        state.RecentTrend.TrendWord!.Value.Should().Be("Progressing");
        state.Session.StoppedAt!.Value.Should().Be("Completed 01-03-PLAN.md (Jobs API Integration) - Phase 1 Complete");
        state.Problems.Should().BeEmpty();
        SpanRoundTrip.AssertAllSpansExact(text, state);
    }

    [Test]
    public void Every_span_of_the_sample_state_points_at_its_text()
    {
        var text = SourceText.FromBytes("STATE.md", File.ReadAllBytes(Path.Combine(RepositoryLayout.SamplePlanningFolder, "STATE.md")));
        var state = StateParser.Parse(text, FrontmatterReader.Read(text).Frontmatter);

        state.Problems.Should().BeEmpty();
        state.ByPhase!.Rows.Should().HaveCount(4);
        state.RecentTrend!.LastPlans.Should().HaveCount(5);
        SpanRoundTrip.AssertAllSpansExact(text, state);
        foreach (var entry in state.Frontmatter!.Entries)
        {
            text.Slice(entry.ValueSpan).Trim('"').Should().Be(entry.Value ?? string.Empty, $"the span of frontmatter {entry.KeyPath} covers its value");
        }
    }

    [TestCase("000")]
    [TestCase("001")]
    [TestCase("002")]
    [TestCase("003")]
    [TestCase("004")]
    public void Seeds_parse_the_same_with_crlf_and_a_bom(string seed)
    {
        var lf = File.ReadAllText(RepositoryLayout.SeedPath(seed)).Replace("\r\n", "\n");
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n");
        var text = SourceText.FromBytes("STATE.md", System.Text.Encoding.UTF8.GetBytes(crlf));
        text.HasBom.Should().BeTrue();
        var viaCrlf = StateParser.Parse(text, FrontmatterReader.Read(text).Frontmatter);
        var viaLf = Parse(seed).Document;

        viaCrlf.Progress!.Value.Should().Be(viaLf.Progress!.Value);
        viaCrlf.Progress.Span.Line.Should().Be(viaLf.Progress.Span.Line);
        viaCrlf.Progress.Span.Column.Should().Be(viaLf.Progress.Span.Column);
        viaCrlf.Velocity.Should().NotBeNull();
        viaCrlf.ByPhase!.Rows.Select(r => r.PlansCell.Value).Should().Equal(viaLf.ByPhase!.Rows.Select(r => r.PlansCell.Value));
        SpanRoundTrip.AssertAllSpansExact(text, viaCrlf);
    }
}
