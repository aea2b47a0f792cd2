using System.Globalization;
using System.Text.RegularExpressions;
using PlanState.Analysis;
using PlanState.Model;
using PlanState.Rewriting.Formatting;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>The STATE.md <c>Progress:</c> line: bar fill, percent and the fractions after it.</summary>
internal static partial class ProgressRules
{
    private const string InPhasePattern = @"^\s*(?:plans?\s+)?in\s+phase\s+(?<phase>[0-9]+(?:\.[0-9]+)*[A-Za-z]?)";

#if NET8_0_OR_GREATER
    [GeneratedRegex(InPhasePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InPhase();
#else
    private static Regex? inPhaseRegex;

    private static Regex InPhase() => inPhaseRegex ??= new(InPhasePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
#endif

    public static void Check(RuleContext context, bool stateOnly)
    {
        var progress = context.Folder.State?.Progress;
        if (progress is null)
        {
            return;
        }

        var line = progress.Value;
        int? expectedPercent;
        if (stateOnly)
        {
            // No disk truth: the percent follows from a plan fraction on the same line, else it is taken as written.
            var fraction = line.Fractions.FirstOrDefault(f => IsPlanFraction(f));
            expectedPercent = fraction is not null && fraction.Numerator <= fraction.Denominator
                ? Formulas.Percent(fraction.Numerator, fraction.Denominator)
                : line.Percent;
            foreach (var f in line.Fractions.Where(f => f.Numerator > f.Denominator))
            {
                context.Report(Contradictions.FractionOverflow, progress.Span.Slice(f.NumeratorRange.Start, f.DenominatorRange.End - f.NumeratorRange.Start), $"Progress fraction '{f.Numerator}/{f.Denominator}' counts more completed than total");
            }
        }
        else
        {
            expectedPercent = context.Metrics.Percent;
            CheckFractions(context, progress);
        }

        if (expectedPercent is null)
        {
            return;
        }

        if (line.Percent is { } percent && percent != expectedPercent)
        {
            var why = stateOnly ? "the fraction on the same line" : $"{context.Metrics.CompletedPlans} of {context.Metrics.TotalPlans} plans are complete";
            context.Stale(
                StaleValues.ProgressPercent,
                progress.Span.Slice(line.PercentRange.Start, line.PercentRange.Length),
                percent.ToString(CultureInfo.InvariantCulture),
                expectedPercent.Value.ToString(CultureInfo.InvariantCulture),
                $"Progress shows {percent}% but {why} gives {expectedPercent}%");
        }

        if (line.Bar is { } bar)
        {
            var filled = Formulas.BarFill(expectedPercent.Value, bar.Width);
            if (filled != bar.FilledCells)
            {
                context.Stale(
                    StaleValues.ProgressBar,
                    progress.Span.Slice(bar.GlyphRange.Start, bar.GlyphRange.Length),
                    line.Text.Substring(bar.GlyphRange.Start, bar.GlyphRange.Length),
                    ProgressBarFormatter.RenderGlyphs(bar, filled),
                    $"Progress bar shows {bar.FilledCells} of {bar.Width} cells but {expectedPercent}% needs {filled}");
            }
        }
    }

    /// <summary>A fraction that counts plans: <c>(2/11)</c>, <c>6/9 plans</c>, <c>2/4 plans in phase 1</c>.</summary>
    internal static bool IsPlanFraction(ProgressFraction fraction) =>
        fraction.Unit.Length == 0 || fraction.Unit.StartsWith("plan", StringComparison.OrdinalIgnoreCase);

    /// <summary>The phase a fraction is scoped to (<c>2/4 plans in phase 1</c>), or null for a milestone-wide one.</summary>
    internal static PhaseNumber? FractionPhase(ProgressLineValue line, ProgressFraction fraction)
    {
        var after = line.Text.Substring(fraction.DenominatorRange.End);
        var match = InPhase().Match(after);
        return match.Success && PhaseNumber.TryParse(match.Groups["phase"].Value, out var phase) ? phase : null;
    }

    private static void CheckFractions(RuleContext context, Located<ProgressLineValue> progress)
    {
        var metrics = context.Metrics;
        foreach (var fraction in progress.Value.Fractions)
        {
            int completed, total;
            string what;
            if (fraction.Unit.StartsWith("phase", StringComparison.OrdinalIgnoreCase))
            {
                (completed, total, what) = (metrics.CompletedPhases, metrics.TotalPhases, "phases");
            }
            else if (IsPlanFraction(fraction))
            {
                var phase = FractionPhase(progress.Value, fraction);
                if (phase is not null)
                {
                    var facts = metrics.Find(phase);
                    if (facts?.Aggregate is null)
                    {
                        continue;
                    }

                    (completed, total, what) = (facts.CompletedCount, facts.PlanCount, $"plans in phase {phase}");
                }
                else
                {
                    (completed, total, what) = (metrics.CompletedPlans, metrics.TotalPlans, "plans");
                }
            }
            else
            {
                continue;
            }

            StaleNumber(context, progress.Span, progress.Value.Text, fraction.NumeratorRange, completed, $"Progress fraction '{fraction.Numerator}/{fraction.Denominator}' counts {fraction.Numerator} completed {what} but there are {completed}");
            StaleNumber(context, progress.Span, progress.Value.Text, fraction.DenominatorRange, total, $"Progress fraction '{fraction.Numerator}/{fraction.Denominator}' counts {fraction.Denominator} {what} but there are {total}");
        }
    }

    private static void StaleNumber(RuleContext context, SourceSpan valueSpan, string valueText, TextRange range, int expected, string message)
    {
        var old = valueText.Substring(range.Start, range.Length);
        var wanted = expected.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(old.TrimStart('0').PadLeft(1, '0'), wanted, StringComparison.Ordinal))
        {
            context.Stale(StaleValues.ProgressFraction, valueSpan.Slice(range.Start, range.Length), old, wanted, message);
        }
    }
}
