using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>The phase folders against themselves: orphans, duplicates, numbering and frontmatter phase keys.</summary>
internal static class FolderRules
{
    public static void Check(RuleContext context)
    {
        foreach (var aggregate in context.Aggregates)
        {
            foreach (var orphan in aggregate.OrphanSummaries)
            {
                context.Report(Contradictions.OrphanSummary, SourceSpan.FileStart(orphan.Path), $"'{orphan.Path}' has no matching '{orphan.Id.Text}-PLAN.md' in {aggregate.Folder.Path}");
            }

            CheckNumberingGaps(context, aggregate.Folder);
        }

        foreach (var folder in context.Folder.Phases)
        {
            foreach (var plan in folder.Plans.Where(p => !p.Id.Phase.Equals(folder.Number)))
            {
                context.Report(Contradictions.PlanPhaseMismatch, SourceSpan.FileStart(plan.Path), $"'{plan.Path}' is plan {plan.Id.Text} of phase {plan.Id.Phase} but sits in the folder of phase {folder.Number}");
            }

            foreach (var summary in folder.Summaries)
            {
                CheckPhaseKey(context, Contradictions.SummaryPhaseMismatch, summary.PhaseKey, folder, "SUMMARY");
            }

            foreach (var plan in folder.Plans)
            {
                CheckPhaseKey(context, Contradictions.PlanIdInWrongFolder, plan.PhaseKey, folder, "PLAN");
            }
        }

        foreach (var group in context.Folder.Phases.Where(p => !p.IsArchived).GroupBy(p => p.Number).Where(g => g.Count() > 1))
        {
            var folders = group.ToList();
            foreach (var duplicate in folders.Skip(1))
            {
                context.Report(Contradictions.DuplicatePhaseFolder, SourceSpan.FileStart(duplicate.Path), $"Folders '{folders[0].Path}' and '{duplicate.Path}' both hold phase {group.Key}");
            }
        }
    }

    private static void CheckPhaseKey(RuleContext context, DiagnosticDescriptor descriptor, Located<string>? key, PhaseFolder folder, string kind)
    {
        if (key is null)
        {
            return;
        }

        var named = StateParser.ReadLeadingPhaseNumber(key.Value);
        if (named is not null && !named.Equals(folder.Number))
        {
            context.Report(descriptor, key.Span, $"{kind} frontmatter says phase '{key.Value}' but it sits in '{folder.Path}' (phase {folder.Number})");
        }
    }

    private static void CheckNumberingGaps(RuleContext context, PhaseFolder folder)
    {
        var numbers = folder.Plans.Where(p => p.Id.Phase.Equals(folder.Number)).Select(p => p.Id.Plan).Distinct().OrderBy(n => n).ToList();
        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] > numbers[i - 1] + 1)
            {
                var next = folder.Plans.First(p => p.Id.Plan == numbers[i]);
                context.Report(InputProblems.PlanNumberingGap, SourceSpan.FileStart(next.Path), $"Phase {folder.Number} jumps from plan {numbers[i - 1]:00} to plan {numbers[i]:00}");
            }
        }
    }
}
