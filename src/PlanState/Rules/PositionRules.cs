using System.Globalization;
using System.Text.RegularExpressions;
using PlanState.Model;

namespace PlanState.Rules;

/// <summary>STATE.md Current Position, Current focus and Session Continuity.</summary>
internal static partial class PositionRules
{
    // A plan ID such as 01-03 or 02.1-01, never part of a date (2026-02-02). Digits are ASCII, as plan IDs are read
    // elsewhere (and \d would also make the generated regex build a Unicode digit search the JIT compiles in every process).
    private const string PlanIdPatternText = @"(?<![\w.\-])(?<id>[0-9]{1,3}(?:\.[0-9]+)*[A-Za-z]?-[0-9]{1,3})(?![0-9]|-[0-9])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlanIdPatternText, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlanIdPattern();
#else
    private static Regex? planIdPatternRegex;

    private static Regex PlanIdPattern() => planIdPatternRegex ??= new(PlanIdPatternText, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
#endif

    private const string FocusPhasePattern = @"^\s*Phase\s+(?<phase>[0-9]+(?:\.[0-9]+)*[A-Za-z]?)\b";

#if NET8_0_OR_GREATER
    [GeneratedRegex(FocusPhasePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FocusPhase();
#else
    private static Regex? focusPhaseRegex;

    private static Regex FocusPhase() => focusPhaseRegex ??= new(FocusPhasePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
#endif

    public static void Check(RuleContext context, bool stateOnly)
    {
        var state = context.Folder.State;
        if (state is null)
        {
            return;
        }

        var phase = state.Position.Phase;
        var plan = state.Position.Plan;
        var currentPhase = phase?.Value.Current;

        if (plan?.Value is { Current: { } a, Total: { } b } && a > b)
        {
            context.Report(Contradictions.PlanPositionBeyondTotal, plan.Span, $"Plan: {a} of {b} puts the current plan past the phase's {b} plans");
        }

        CheckCurrentFocus(context, state, currentPhase);
        CheckLastActivity(context, state, stateOnly);

        if (stateOnly)
        {
            CheckPlanTotalAgainstOwnNumbers(context, state, currentPhase);
            return;
        }

        if (phase is null || currentPhase is null)
        {
            return;
        }

        var facts = context.Metrics.Find(currentPhase);
        var archived = context.Folder.Phases.Any(p => p.IsArchived && p.Number.Equals(currentPhase));
        if (facts is null && !archived)
        {
            context.Report(Contradictions.UnknownCurrentPhase, phase.Span.Slice(phase.Value.CurrentRange.Start, phase.Value.CurrentRange.Length), $"Phase: {currentPhase} names a phase that is neither in ROADMAP.md nor under phases/");
            return;
        }

        if (phase.Value.Total is { } y && context.Metrics.IntegerPhaseCount is { } phases && phases > 0 && y != phases)
        {
            var range = phase.Value.TotalRange;
            context.Stale(StaleValues.PhaseTotal, phase.Span.Slice(range.Start, range.Length), phase.Value.Text.Substring(range.Start, range.Length), phases.ToString(CultureInfo.InvariantCulture), $"Phase: {currentPhase} of {y} but ROADMAP.md has {phases} phases");
        }

        if (plan is not null && facts?.Aggregate is { } aggregate && aggregate.PlanCount > 0 && plan.Value.Recognised && (plan.Value.Total is not null || plan.Value.TotalIsTbd))
        {
            var range = plan.Value.TotalRange;
            var old = plan.Value.Text.Substring(range.Start, range.Length);
            var expected = aggregate.PlanCount.ToString(CultureInfo.InvariantCulture);
            if (plan.Value.Total != aggregate.PlanCount)
            {
                context.Stale(StaleValues.PlanTotal, plan.Span.Slice(range.Start, range.Length), old, expected, $"Plan: {plan.Value.Current} of {old} but phase {currentPhase} has {expected} plans");
            }
        }
    }

    private static void CheckCurrentFocus(RuleContext context, StateDocument state, PhaseNumber? currentPhase)
    {
        var focus = state.Position.CurrentFocus;
        if (focus is null || currentPhase is null)
        {
            return;
        }

        var match = FocusPhase().Match(focus.Value);
        if (match.Success && PhaseNumber.TryParse(match.Groups["phase"].Value, out var named) && !named.Equals(currentPhase))
        {
            var group = match.Groups["phase"];
            context.Report(Contradictions.CurrentFocusDisagrees, focus.Span.Slice(group.Index, group.Length), $"Current focus names phase {named} but Phase: says {currentPhase}");
        }
    }

    private static void CheckLastActivity(RuleContext context, StateDocument state, bool stateOnly)
    {
        var activity = state.Position.LastActivity;
        var activityMatch = activity is null ? null : PlanIdPattern().Match(activity.Value);
        if (activity is null || activityMatch is null || !activityMatch.Success)
        {
            return;
        }

        var activityPlan = activityMatch.Groups["id"].Value;
        var stopped = state.Session.StoppedAt;
        var stoppedMatch = stopped is null ? null : PlanIdPattern().Match(stopped.Value);
        if (stopped is not null && stoppedMatch is { Success: true } && !SamePlan(stoppedMatch.Groups["id"].Value, activityPlan))
        {
            var group = stoppedMatch.Groups["id"];
            context.Report(Contradictions.StoppedAtDisagrees, stopped.Span.Slice(group.Index, group.Length), $"Stopped at names plan {group.Value} but Last activity names {activityPlan}");
        }

        if (!stateOnly && TryParsePlanId(activityPlan, out var phase, out var number) && context.Folder.Phases.Any(p => !p.IsArchived))
        {
            var hasSummary = context.Folder.Phases.Any(f => f.Number.Equals(phase) && f.Summaries.Any(s => s.Id.Plan == number));
            if (!hasSummary && activity.Value.IndexOf("complet", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var group = activityMatch.Groups["id"];
                context.Report(Contradictions.LastActivityWithoutSummary, activity.Span.Slice(group.Index, group.Length), $"Last activity says '{activity.Value}' but plan {activityPlan} has no SUMMARY");
            }
        }
    }

    /// <summary>STATE-only: B in Plan: A of B against the phase's fraction on the Progress line and its By Phase row.</summary>
    private static void CheckPlanTotalAgainstOwnNumbers(RuleContext context, StateDocument state, PhaseNumber? currentPhase)
    {
        var plan = state.Position.Plan;
        if (plan?.Value.Total is not { } b || currentPhase is null)
        {
            return;
        }

        var span = plan.Span.Slice(plan.Value.TotalRange.Start, plan.Value.TotalRange.Length);
        if (state.Progress is { } progress)
        {
            foreach (var fraction in progress.Value.Fractions.Where(ProgressRules.IsPlanFraction))
            {
                if (ProgressRules.FractionPhase(progress.Value, fraction) is { } scoped && scoped.Equals(currentPhase) && fraction.Denominator != b)
                {
                    context.Report(Contradictions.PlanTotalDisagrees, span, $"Plan: {plan.Value.Current} of {b} but the Progress line counts {fraction.Numerator}/{fraction.Denominator} plans in phase {currentPhase}");
                }
            }
        }

        var row = state.ByPhase?.Rows.FirstOrDefault(r => r.Phase is not null && r.Phase.Equals(currentPhase));
        if (row?.PlansTotal is { } p && p != b)
        {
            context.Report(Contradictions.PlanTotalDisagrees, span, $"Plan: {plan.Value.Current} of {b} but the By Phase row for phase {currentPhase} says '{row.PlansCell.Value}'");
        }
    }

    private static bool SamePlan(string left, string right) =>
        TryParsePlanId(left, out var lp, out var ln) && TryParsePlanId(right, out var rp, out var rn) ? lp.Equals(rp) && ln == rn : left == right;

    internal static bool TryParsePlanId(string text, out PhaseNumber phase, out int plan)
    {
        plan = 0;
        phase = null!;
        var dash = text.LastIndexOf('-');
        return dash > 0
            && PhaseNumber.TryParse(text.Substring(0, dash), out phase!)
            && int.TryParse(text.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out plan);
    }
}
