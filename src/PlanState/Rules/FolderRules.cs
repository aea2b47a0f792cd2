using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>
/// The phase folders against themselves: orphans, numbering and frontmatter phase keys (one folder at a time, so the
/// incremental pipeline keeps their findings per folder), and duplicate numbers (across folders).
/// </summary>
internal static class FolderRules
{
    /// <summary>The checks of one active folder's aggregate: SUMMARY files without a PLAN, gaps in plan numbering.</summary>
    public static EquatableArray<Finding> CheckAggregate(PhaseAggregate aggregate)
    {
        List<Finding>? findings = null;
        foreach (var orphan in aggregate.OrphanSummaries.AsSpan())
        {
            Add(ref findings, new Finding(Contradictions.OrphanSummary, SourceSpan.FileStart(orphan.Path), $"'{orphan.Path}' has no matching '{orphan.Id.Text}-PLAN.md' in {aggregate.Folder.Path}"));
        }

        CheckNumberingGaps(ref findings, aggregate.Folder);
        return findings is null ? EquatableArray<Finding>.Empty : findings.ToEquatableArray();
    }

    /// <summary>The checks of one folder (active or archived): each PLAN and SUMMARY against the folder's phase number.</summary>
    public static EquatableArray<Finding> CheckFolder(PhaseFolder folder)
    {
        List<Finding>? findings = null;
        foreach (var plan in folder.Plans.AsSpan())
        {
            if (!plan.Id.Phase.Equals(folder.Number))
            {
                Add(ref findings, new Finding(Contradictions.PlanPhaseMismatch, SourceSpan.FileStart(plan.Path), $"'{plan.Path}' is plan {plan.Id.Text} of phase {plan.Id.Phase} but sits in the folder of phase {folder.Number}"));
            }
        }

        // Every file of a folder usually names the same phase: read each distinct key once.
        var keys = new PhaseKeyReader();
        foreach (var summary in folder.Summaries.AsSpan())
        {
            CheckPhaseKey(ref findings, ref keys, Contradictions.SummaryPhaseMismatch, summary.PhaseKey, folder, "SUMMARY");
        }

        foreach (var plan in folder.Plans.AsSpan())
        {
            CheckPhaseKey(ref findings, ref keys, Contradictions.PlanIdInWrongFolder, plan.PhaseKey, folder, "PLAN");
        }

        return findings is null ? EquatableArray<Finding>.Empty : findings.ToEquatableArray();
    }

    /// <summary>Two active folders with one phase number: every one after the first is reported.</summary>
    public static void CheckDuplicates(RuleContext context)
    {
        var first = new Dictionary<PhaseNumber, PhaseFolder>();
        foreach (var folder in context.Folder.Phases.AsSpan())
        {
            if (folder.IsArchived)
            {
                continue;
            }

            if (first.TryGetValue(folder.Number, out var holder))
            {
                context.Report(Contradictions.DuplicatePhaseFolder, SourceSpan.FileStart(folder.Path), $"Folders '{holder.Path}' and '{folder.Path}' both hold phase {holder.Number}");
            }
            else
            {
                first.Add(folder.Number, folder);
            }
        }
    }

    private static void Add(ref List<Finding>? findings, Finding finding) => (findings ??= new List<Finding>()).Add(finding);

    private static void CheckPhaseKey(ref List<Finding>? findings, ref PhaseKeyReader keys, DiagnosticDescriptor descriptor, Located<string>? key, PhaseFolder folder, string kind)
    {
        if (key is null)
        {
            return;
        }

        var named = keys.Read(key.Value);
        if (named is not null && !named.Equals(folder.Number))
        {
            Add(ref findings, new Finding(descriptor, key.Span, $"{kind} frontmatter says phase '{key.Value}' but it sits in '{folder.Path}' (phase {folder.Number})"));
        }
    }

    private static void CheckNumberingGaps(ref List<Finding>? findings, PhaseFolder folder)
    {
        var numbers = new List<int>(folder.Plans.Count);
        foreach (var plan in folder.Plans.AsSpan())
        {
            if (plan.Id.Phase.Equals(folder.Number))
            {
                numbers.Add(plan.Id.Plan);
            }
        }

        numbers.Sort();
        var previous = 0;
        for (var i = 0; i < numbers.Count; i++)
        {
            var number = numbers[i];
            if (i > 0 && number > previous + 1)
            {
                Add(ref findings, new Finding(InputProblems.PlanNumberingGap, SourceSpan.FileStart(FirstPlan(folder, number).Path), $"Phase {folder.Number} jumps from plan {previous:00} to plan {number:00}"));
            }

            previous = number;
        }
    }

    private static PlanFile FirstPlan(PhaseFolder folder, int number)
    {
        foreach (var plan in folder.Plans.AsSpan())
        {
            if (plan.Id.Plan == number)
            {
                return plan;
            }
        }

        throw new InvalidOperationException($"No plan {number} in {folder.Path}.");
    }

    /// <summary>Reads a frontmatter <c>phase:</c> value, remembering the last one read.</summary>
    private struct PhaseKeyReader
    {
        private string? lastKey;
        private PhaseNumber? lastNumber;

        public PhaseNumber? Read(string key)
        {
            if (!string.Equals(key, lastKey, StringComparison.Ordinal))
            {
                lastNumber = StateParser.ReadLeadingPhaseNumber(key);
                lastKey = key;
            }

            return lastNumber;
        }
    }
}
