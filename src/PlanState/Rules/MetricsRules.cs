using System.Globalization;
using PlanState.Analysis;
using PlanState.Model;
using PlanState.Rewriting.Formatting;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>STATE.md Performance Metrics: Velocity, By Phase and Recent Trend.</summary>
internal static class MetricsRules
{
    public static void Check(RuleContext context, bool stateOnly)
    {
        var state = context.Folder.State;
        if (state is null)
        {
            return;
        }

        if (stateOnly)
        {
            CheckAgainstOwnTable(context, state);
            return;
        }

        CheckVelocity(context, state.Velocity);
        CheckByPhase(context, state.ByPhase);
        CheckRecentTrend(context, state.RecentTrend);
    }

    private static void CheckVelocity(RuleContext context, StateVelocity? velocity)
    {
        if (velocity is null)
        {
            return;
        }

        var metrics = context.Metrics;
        if (velocity.TotalPlansCompleted is { } count && count.Value != metrics.ActiveCompletedPlans)
        {
            context.Stale(StaleValues.TotalPlansCompleted, count.Span, count.Value.ToString(CultureInfo.InvariantCulture), metrics.ActiveCompletedPlans.ToString(CultureInfo.InvariantCulture), $"Total plans completed is {count.Value} but {metrics.ActiveCompletedPlans} plans have a SUMMARY");
        }

        if (!metrics.DurationsKnown)
        {
            return;
        }

        if (velocity.AverageDuration is { } average && metrics.AverageSeconds is { } averageSeconds)
        {
            context.CheckDuration(StaleValues.AverageDuration, average, averageSeconds, "Average duration");
        }

        // With nothing done yet the total is zero, which is as certain as any other sum.
        if (velocity.TotalExecutionTime is { } total)
        {
            context.CheckDuration(StaleValues.TotalExecutionTime, total, metrics.ActiveTotalSeconds, "Total execution time");
        }
    }

    private static void CheckByPhase(RuleContext context, ByPhaseTable? table)
    {
        if (table is null)
        {
            return;
        }

        var listed = new HashSet<PhaseNumber>();
        var rows = table.Rows.AsSpan();
        var cache = context.Memo?.ByPhaseRows;
        cache?.Begin(context.Folder.StateSource, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row.Phase is null)
            {
                continue;
            }

            listed.Add(row.Phase);
            if (context.Metrics.Find(row.Phase)?.Aggregate is { } aggregate)
            {
                context.CheckPiece(cache, i, row, aggregate, CheckByPhaseRow);
            }
        }

        AddMissingRows(context, table, listed);
    }

    /// <summary>One By Phase row against its phase's folder.</summary>
    private static readonly Action<RuleContext, ByPhaseRow, PhaseAggregate> CheckByPhaseRow = static (context, row, aggregate) =>
    {
        CheckPlansCell(context, row, aggregate.CompletedCount, aggregate.PlanCount);
        if (!aggregate.DurationsKnown)
        {
            return;
        }

        var table = context.Folder.State!.ByPhase!;
        CheckDurationCell(context, row.TotalCell, row.Total, aggregate.DurationCount > 0 ? aggregate.TotalSeconds : null, table, isAverage: false);
        CheckDurationCell(context, row.AverageCell, row.Average, Formulas.AverageSeconds(aggregate.TotalSeconds, aggregate.DurationCount), table, isAverage: true);
    };

    private static void CheckPlansCell(RuleContext context, ByPhaseRow row, int completed, int total)
    {
        if (row.PlansCompleted is null && !StateParser.IsEmptyCell(row.PlansCell.Value))
        {
            return;
        }

        var expected = RenderPlansCell(completed, total, row.PlansCellStyleHasTotal);
        if (row.PlansCompleted != completed || (row.PlansCellStyleHasTotal && row.PlansTotal != total))
        {
            context.Stale(StaleValues.ByPhaseCell, row.PlansCell.Span, row.PlansCell.Value, expected, $"By Phase Plans for phase {row.Phase} is '{row.PlansCell.Value}' but the folder has '{expected}'");
        }
    }

    internal static string RenderPlansCell(int completed, int total, bool withTotal) =>
        withTotal ? $"{completed}/{total}" : completed.ToString(CultureInfo.InvariantCulture);

    private static void CheckDurationCell(RuleContext context, Located<string> cell, DurationValue? written, double? expectedSeconds, ByPhaseTable table, bool isAverage)
    {
        var what = isAverage ? "Avg/Plan" : "Total";
        if (written is not null)
        {
            if (expectedSeconds is { } seconds)
            {
                context.CheckDuration(StaleValues.ByPhaseCell, new Located<DurationValue>(written, cell.Span), seconds, $"By Phase {what}");
            }

            return;
        }

        // A placeholder ('-') where a value now exists: write it in the style of the table's other cells.
        if (expectedSeconds is { } value && StateParser.IsEmptyCell(cell.Value))
        {
            var style = TableDurationStyle(table, isAverage);
            context.Stale(StaleValues.ByPhaseCell, cell.Span, cell.Value, DurationFormatter.Format(value, style), $"By Phase {what} is '{cell.Value}' but the completed plans add up to '{DurationFormatter.Format(value, style)}'");
        }
    }

    private static DurationStyle TableDurationStyle(ByPhaseTable table, bool isAverage) =>
        table.Rows.Select(r => isAverage ? r.Average?.Style : r.Total?.Style).FirstOrDefault(s => s is not null)
        ?? table.Rows.Select(r => r.Total?.Style ?? r.Average?.Style).FirstOrDefault(s => s is not null)
        ?? DurationStyle.Default;

    /// <summary>A phase gains its first completed plan: add its row after the last one, in the style of that row.</summary>
    private static void AddMissingRows(RuleContext context, ByPhaseTable table, HashSet<PhaseNumber> listed)
    {
        var template = table.Rows.LastOrDefault();
        var source = context.Folder.StateSource;
        if (template is null || source is null)
        {
            return;
        }

        var newline = source.LineBreakAt(template.RowSpan.End);
        if (template.RowSpan.End + newline.Length > source.Text.Length)
        {
            return;
        }

        foreach (var facts in context.Metrics.Phases)
        {
            var aggregate = facts.Aggregate;
            if (aggregate is null || aggregate.CompletedCount == 0 || listed.Contains(facts.Number) || !aggregate.DurationsKnown)
            {
                continue;
            }

            // In phase order: before the first listed phase that comes later, else after the last row.
            var before = table.Rows.FirstOrDefault(r => r.Phase is not null && r.Phase > facts.Number);
            var insertAt = before is not null ? before.RowSpan.Start - (before.RowSpan.Column - 1) : template.RowSpan.End + newline.Length;
            var row = RenderRow(source, template, facts, aggregate, table) + newline;
            context.Stale(StaleValues.ByPhaseMissingRow, source.Span(insertAt, 0), string.Empty, row, $"By Phase table has no row for phase {facts.Number}, which has {aggregate.CompletedCount} completed plans: adds '{row.TrimEnd()}'");
        }
    }

    /// <summary>Writes a row by replacing each cell of the template row with this phase's values.</summary>
    private static string RenderRow(SourceText source, ByPhaseRow template, PhaseFacts facts, PhaseAggregate aggregate, ByPhaseTable table)
    {
        var rowText = source.Slice(template.RowSpan);
        var phaseCell = RenderPhaseCell(template, facts);
        var plans = RenderPlansCell(aggregate.CompletedCount, aggregate.PlanCount, template.PlansCellStyleHasTotal);
        var total = aggregate.DurationCount > 0 ? DurationFormatter.Format(aggregate.TotalSeconds, TableDurationStyle(table, false)) : "-";
        var average = Formulas.AverageSeconds(aggregate.TotalSeconds, aggregate.DurationCount) is { } avg ? DurationFormatter.Format(avg, TableDurationStyle(table, true)) : "-";
        var cells = new[] { (template.PhaseCell.Span, phaseCell), (template.PlansCell.Span, plans), (template.TotalCell.Span, total), (template.AverageCell.Span, average) };
        var builder = new System.Text.StringBuilder(rowText);
        foreach (var (span, value) in cells.OrderByDescending(c => c.Span.Start))
        {
            var offset = span.Start - template.RowSpan.Start;
            builder.Remove(offset, span.Length).Insert(offset, value);
        }

        return builder.ToString();
    }

    /// <summary>The phase cell in the template's form: <c>1. Name</c>, <c>01</c>, <c>7</c> or <c>01-slug</c>.</summary>
    private static string RenderPhaseCell(ByPhaseRow template, PhaseFacts facts)
    {
        var cell = template.PhaseCell.Value;
        var padded = cell.Length > 1 && cell[0] == '0';
        var number = padded ? facts.Number.ToPaddedString() : facts.Number.ToString();
        if (cell.Contains(". "))
        {
            return $"{number}. {facts.Name ?? facts.Aggregate?.Folder.Slug ?? string.Empty}".TrimEnd();
        }

        if (cell.Length > 3 && cell.IndexOf('-') > 0 && facts.Aggregate is not null)
        {
            return $"{facts.Number.ToPaddedString()}-{facts.Aggregate.Folder.Slug}";
        }

        return number;
    }

    private static void CheckRecentTrend(RuleContext context, RecentTrend? trend)
    {
        if (trend is null)
        {
            return;
        }

        var recent = context.Metrics.RecentPlans;
        if (!context.Metrics.RecentTrendKnown)
        {
            return;
        }

        if (trend.LastPlansText is { } last && recent.Count > 0)
        {
            var expected = RenderRecentPlans(trend, recent);
            if (expected is not null && !string.Equals(expected, last.Value, StringComparison.Ordinal))
            {
                context.Stale(StaleValues.RecentPlans, last.Span, last.Value, expected, $"Last 5 plans is '{last.Value}' but the latest completed plans are '{expected}'");
            }
        }

        if (trend.TrendWord is { } word && Formulas.TryParseTrendWord(word.Value, out var current) && current != context.Metrics.Trend)
        {
            var expected = Formulas.TrendText(context.Metrics.Trend);
            context.Stale(StaleValues.TrendWord, word.Span, word.Value, expected, $"Trend is '{word.Value}' but the last {recent.Count} plans against the earlier ones give '{expected}'");
        }
    }

    /// <summary>
    /// Renders the recent plans in the existing item style. An item whose plan and duration already agree keeps its
    /// text, so a hand-written <c>~30min</c> survives. Returns null when a duration is unknown (nothing certain to write).
    /// </summary>
    private static string? RenderRecentPlans(RecentTrend trend, EquatableArray<CompletedPlan> recent)
    {
        var labelled = trend.LastPlans.Count == 0 || trend.LastPlans.Any(i => i.PlanId is not null);
        var style = trend.LastPlans.Select(i => i.Duration.Style).FirstOrDefault(s => s is not null) ?? DurationStyle.Default;
        var items = new List<string>();
        for (var i = 0; i < recent.Count; i++)
        {
            var plan = recent[i];
            if (plan.Seconds is not { } seconds)
            {
                return null;
            }

            var existing = labelled
                ? trend.LastPlans.FirstOrDefault(x => x.PlanId == plan.Id.Text)
                : (i < trend.LastPlans.Count ? trend.LastPlans[i] : null);
            if (existing?.Duration.Style is { } own && existing.Duration.TotalSeconds is { } was
                && DurationFormatter.Format(was, own) == DurationFormatter.Format(seconds, own))
            {
                items.Add(existing.Text);
                continue;
            }

            // A listed plan keeps its own item's style; a newly listed one takes the list's first style.
            var duration = DurationFormatter.Format(seconds, existing?.Duration.Style ?? style);
            items.Add(labelled ? $"{plan.Id.Text} ({duration})" : duration);
        }

        return string.Join(", ", items);
    }

    /// <summary>STATE-only mode (spec §5): the file's own numbers checked against each other.</summary>
    private static void CheckAgainstOwnTable(RuleContext context, StateDocument state)
    {
        var table = state.ByPhase;
        var velocity = state.Velocity;
        if (table is not null)
        {
            foreach (var row in table.Rows)
            {
                if (row.PlansCompleted is { } done && row.PlansTotal is { } all && done > all)
                {
                    context.Report(Contradictions.FractionOverflow, row.PlansCell.Span, $"By Phase Plans '{row.PlansCell.Value}' counts more completed than total");
                }

                if (row.Total?.TotalSeconds is { } rowTotal && row.Total.Status == DurationStatus.Parsed && row.PlansCompleted is > 0 && row.Average is not null)
                {
                    context.CheckDuration(StaleValues.ByPhaseCell, new Located<DurationValue>(row.Average, row.AverageCell.Span), rowTotal / row.PlansCompleted.Value, $"By Phase Avg/Plan for phase {row.Phase}");
                }
            }
        }

        var rows = table?.Rows ?? EquatableArray<ByPhaseRow>.Empty;
        var countsKnown = rows.Count > 0 && rows.All(r => r.PlansCompleted is not null || StateParser.IsEmptyCell(r.PlansCell.Value));
        var tableCount = rows.Sum(r => r.PlansCompleted ?? 0);
        var totalsKnown = rows.Count > 0 && rows.All(r => r.PlansCompleted is null or 0 || r.Total?.Status == DurationStatus.Parsed);
        var tableSeconds = rows.Sum(r => r.Total?.TotalSeconds ?? 0);

        if (velocity?.TotalPlansCompleted is { } count && countsKnown && count.Value != tableCount)
        {
            context.Stale(StaleValues.TotalPlansCompleted, count.Span, count.Value.ToString(CultureInfo.InvariantCulture), tableCount.ToString(CultureInfo.InvariantCulture), $"Total plans completed is {count.Value} but the By Phase table counts {tableCount}");
        }

        if (totalsKnown && tableCount > 0)
        {
            if (velocity?.AverageDuration is { } average)
            {
                context.CheckDuration(StaleValues.AverageDuration, average, tableSeconds / tableCount, "Average duration");
            }

            if (velocity?.TotalExecutionTime is { } total)
            {
                context.CheckDuration(StaleValues.TotalExecutionTime, total, tableSeconds, "Total execution time");
            }

            // When Last 5 lists every completed plan, its durations must add up to the table's.
            var items = state.RecentTrend?.LastPlans ?? EquatableArray<RecentTrendItem>.Empty;
            if (items.Count == tableCount && items.All(i => i.Duration.TotalSeconds is not null) && table is not null)
            {
                var itemSeconds = items.Sum(i => i.Duration.TotalSeconds!.Value);
                var style = table.Rows.Select(r => r.Total?.Style).First(s => s is not null)!;
                var fromItems = DurationFormatter.Format(itemSeconds, style);
                var fromTable = DurationFormatter.Format(tableSeconds, style);
                if (fromItems != fromTable)
                {
                    context.Report(Contradictions.TrendSumDisagrees, state.RecentTrend!.LastPlansText!.Span, $"Last 5 plans add up to '{fromItems}' but the By Phase totals add up to '{fromTable}'");
                }
            }
        }
    }
}
