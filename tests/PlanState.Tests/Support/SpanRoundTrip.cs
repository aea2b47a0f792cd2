using PlanState.Model;
using PlanState.Text;

namespace PlanState.Tests.Support;

/// <summary>Asserts that every span of a parsed document points at exactly the text its value came from.</summary>
public static class SpanRoundTrip
{
    public static void AssertAllSpansExact(SourceText text, StateDocument state)
    {
        void Check(SourceSpan span, string expected, string what)
        {
            text.Slice(span).Should().Be(expected, $"the span of {what} must cover exactly its text");
            text.Span(span.Start, span.Length).Should().Be(span, $"the line and column of {what} must match its offset");
        }

        var p = state.Position;
        if (p.Phase is not null) Check(p.Phase.Span, p.Phase.Value.Text, "Phase");
        if (p.Plan is not null) Check(p.Plan.Span, p.Plan.Value.Text, "Plan");
        foreach (var located in new[] { p.Status, p.LastActivity, p.CurrentFocus, state.Session.LastSession, state.Session.StoppedAt, state.Session.ResumeFile })
        {
            if (located is not null) Check(located.Span, located.Value, "a field");
        }

        if (state.Progress is { } progress)
        {
            Check(progress.Span, progress.Value.Text, "Progress");
            if (progress.Value.Bar is { } bar)
            {
                var glyphs = text.Slice(progress.Span.Slice(bar.GlyphRange.Start, bar.GlyphRange.Length));
                glyphs.Should().Be(string.Concat(Enumerable.Repeat(bar.Filled, bar.FilledCells)) + string.Concat(Enumerable.Repeat(bar.Empty, bar.Width - bar.FilledCells)));
            }

            if (progress.Value.Percent is { } percent)
            {
                text.Slice(progress.Span.Slice(progress.Value.PercentRange.Start, progress.Value.PercentRange.Length)).Should().Be(percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (state.Velocity is { } v)
        {
            if (v.TotalPlansCompleted is not null) Check(v.TotalPlansCompleted.Span, v.TotalPlansCompleted.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "Total plans completed");
            if (v.AverageDuration is not null) Check(v.AverageDuration.Span, v.AverageDuration.Value.Text, "Average duration");
            if (v.TotalExecutionTime is not null) Check(v.TotalExecutionTime.Span, v.TotalExecutionTime.Value.Text, "Total execution time");
        }

        foreach (var row in state.ByPhase?.Rows ?? EquatableArray<ByPhaseRow>.Empty)
        {
            foreach (var cell in new[] { row.PhaseCell, row.PlansCell, row.TotalCell, row.AverageCell })
            {
                Check(cell.Span, cell.Value, "a By Phase cell");
            }
        }

        if (state.RecentTrend is { } trend)
        {
            if (trend.LastPlansText is not null) Check(trend.LastPlansText.Span, trend.LastPlansText.Value, "Last 5 plans");
            foreach (var item in trend.LastPlans) Check(item.Span, item.Text, "a Last 5 item");
            if (trend.TrendWord is not null) Check(trend.TrendWord.Span, trend.TrendWord.Value, "Trend");
        }
    }

    public static void AssertAllSpansExact(SourceText text, RoadmapDocument roadmap)
    {
        void Check(Located<string>? located, string what)
        {
            if (located is not null)
            {
                text.Slice(located.Span).Should().Be(located.Value, $"the span of {what} must cover exactly its text");
                text.Span(located.Span.Start, located.Span.Length).Should().Be(located.Span);
            }
        }

        foreach (var section in roadmap.Sections)
        {
            text.Slice(section.HeadingSpan).Should().Contain("Phase");
            if (section.PlansLine is { } plans)
            {
                Check(plans.Value, "a Plans: line");
                if (plans.CountSpan is { } count)
                {
                    text.Slice(count).TrimStart('0').PadLeft(1, '0').Should().Be(plans.Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            foreach (var item in section.PlanItems)
            {
                text.Slice(item.CheckboxSpan).Should().BeOneOf(" ", "x", "X");
                (text.Slice(item.CheckboxSpan) != " ").Should().Be(item.Checked);
                text.Slice(item.LineSpan).Should().Contain(item.PlanId);
            }
        }

        foreach (var item in roadmap.PhaseChecklist)
        {
            (text.Slice(item.CheckboxSpan) != " ").Should().Be(item.Checked);
            Check(item.CompletedDate, "a completed date");
        }

        foreach (var row in roadmap.ProgressTable?.Rows ?? EquatableArray<ProgressTableRow>.Empty)
        {
            foreach (var cell in new[] { row.PhaseCell, row.MilestoneCell, row.PlansCell, row.StatusCell, row.CompletedCell })
            {
                Check(cell, "a progress table cell");
            }
        }
    }
}
