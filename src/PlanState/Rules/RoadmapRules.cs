using System.Globalization;
using PlanState.Analysis;
using PlanState.Model;
using PlanState.Rewriting.Formatting;
using PlanState.Text;

namespace PlanState.Rules;

/// <summary>ROADMAP.md against the phase folders: progress table, checklists, <c>**Plans:**</c> lines and coverage.</summary>
internal static class RoadmapRules
{
    public static void Check(RuleContext context)
    {
        var roadmap = context.Folder.Roadmap;
        if (roadmap is null)
        {
            return;
        }

        var sections = roadmap.Sections.AsSpan();
        var cache = context.Memo?.Sections;
        cache?.Begin(context.Folder.RoadmapSource, sections.Length);
        for (var i = 0; i < sections.Length; i++)
        {
            var section = sections[i];
            var aggregate = context.Metrics.Find(section.Number)?.Aggregate;
            if (aggregate is not null)
            {
                context.CheckPiece(cache, i, section, aggregate, CheckSection);
            }
        }

        CheckPhaseChecklist(context, roadmap);
        if (roadmap.ProgressTable is { } table)
        {
            CheckTable(context, table);
        }

        context.CheckAcrossFolders(static memo => memo.Coverage, CheckCoverage);
    }

    /// <summary>One section's plan checklist and <c>**Plans:**</c> line against its phase's folder.</summary>
    private static readonly Action<RuleContext, RoadmapPhaseSection, PhaseAggregate> CheckSection = static (context, section, aggregate) =>
    {
        CheckPlanItems(context, section, aggregate);
        CheckPlansLine(context, section, aggregate);
    };

    private static void CheckPlanItems(RuleContext context, RoadmapPhaseSection section, PhaseAggregate aggregate)
    {
        foreach (var item in section.PlanItems.AsSpan())
        {
            var plan = FindPlan(aggregate, item.PlanId);
            if (plan is null)
            {
                continue;
            }

            if (plan.IsComplete != item.Checked)
            {
                var old = context.Folder.RoadmapSource?.Slice(item.CheckboxSpan) ?? (item.Checked ? "x" : " ");
                context.Stale(StaleValues.PlanCheckbox, item.CheckboxSpan, old, plan.IsComplete ? "x" : " ", plan.IsComplete
                    ? $"Plan {item.PlanId} is unticked '[{old}]' but its SUMMARY exists"
                    : $"Plan {item.PlanId} is ticked '[{old}]' but it has no SUMMARY");
            }
        }
    }

    /// <summary>The plan an item names: the first with that id as written, or else with the same phase and plan number.</summary>
    private static PlanStatus? FindPlan(PhaseAggregate aggregate, string planId)
    {
        // The plan number is read first, cheaply: the phase number (allocating) is read only for a plan of that number.
        var number = TrailingPlanNumber(planId);
        var phaseRead = false;
        PhaseNumber? phase = null;
        foreach (var plan in aggregate.Plans.AsSpan())
        {
            if (plan.Id.Text == planId)
            {
                return plan;
            }

            if (number is { } n && n != plan.Id.Plan)
            {
                continue;
            }

            if (!phaseRead)
            {
                phaseRead = true;
                if (!PositionRules.TryParsePlanId(planId, out var parsedPhase, out var parsedNumber))
                {
                    number = -1;
                    continue;
                }

                (phase, number) = (parsedPhase, parsedNumber);
                if (parsedNumber != plan.Id.Plan)
                {
                    continue;
                }
            }

            if (phase is not null && plan.Id.Phase.Equals(phase) && plan.Id.Plan == number)
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>
    /// The plan number after the last dash when it is plain ASCII digits (what <see cref="PositionRules.TryParsePlanId"/>
    /// reads there too); null when it is anything else, for which the full parse decides.
    /// </summary>
    private static int? TrailingPlanNumber(string planId)
    {
        var dash = planId.LastIndexOf('-');
        var digits = planId.Length - dash - 1;
        if (dash <= 0 || digits is < 1 or > 9)
        {
            return null;
        }

        var value = 0;
        for (var i = dash + 1; i < planId.Length; i++)
        {
            var c = planId[i];
            if (c is < '0' or > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static void CheckPlansLine(RuleContext context, RoadmapPhaseSection section, PhaseAggregate aggregate)
    {
        var line = section.PlansLine;
        if (line is null || aggregate.PlanCount == 0)
        {
            return;
        }

        if (line.CountSpan is { } countSpan && line.Count is { } count && count != aggregate.PlanCount)
        {
            context.Stale(StaleValues.PlansLine, countSpan, count.ToString(CultureInfo.InvariantCulture), aggregate.PlanCount.ToString(CultureInfo.InvariantCulture), $"Phase {section.Number} Plans: says {count} plans but its folder has {aggregate.PlanCount}");
        }

        if (line.CompletedSpan is { } doneSpan && line.Completed is { } done && done != aggregate.CompletedCount)
        {
            context.Stale(StaleValues.PlansLine, doneSpan, done.ToString(CultureInfo.InvariantCulture), aggregate.CompletedCount.ToString(CultureInfo.InvariantCulture), $"Phase {section.Number} Plans: says {done} complete but {aggregate.CompletedCount} plans have a SUMMARY");
        }
    }

    private static void CheckPhaseChecklist(RuleContext context, RoadmapDocument roadmap)
    {
        var items = roadmap.PhaseChecklist.AsSpan();
        var cache = context.Memo?.ChecklistItems;
        cache?.Begin(context.Folder.RoadmapSource, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var aggregate = context.Metrics.Find(items[i].Number)?.Aggregate;
            if (aggregate is not null && aggregate.PlanCount > 0)
            {
                context.CheckPiece(cache, i, items[i], aggregate, CheckChecklistItem);
            }
        }
    }

    private static readonly Action<RuleContext, PhaseChecklistItem, PhaseAggregate> CheckChecklistItem = static (context, item, aggregate) =>
    {
        if (item.Checked && !aggregate.IsComplete)
        {
            context.Report(Contradictions.PhaseTickedIncomplete, item.CheckboxSpan, $"Phase {item.Number} is ticked '[x]' but only {aggregate.CompletedCount} of {aggregate.PlanCount} plans have a SUMMARY");
        }
        else if (!item.Checked && aggregate.IsComplete)
        {
            var old = context.Folder.RoadmapSource?.Slice(item.CheckboxSpan) ?? " ";
            context.Stale(StaleValues.PhaseCheckbox, item.CheckboxSpan, old, "x", $"Phase {item.Number} is unticked '[{old}]' but all {aggregate.PlanCount} plans have a SUMMARY");
        }
    };

    private static void CheckTable(RuleContext context, ProgressTable table)
    {
        var rows = table.Rows.AsSpan();
        var cache = context.Memo?.TableRows;
        cache?.Begin(context.Folder.RoadmapSource, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row.Kind != ProgressTableRowKind.Phase || row.Phase is null)
            {
                continue;
            }

            if (context.Metrics.Find(row.Phase)?.Aggregate is { } aggregate)
            {
                context.CheckPiece(cache, i, row, aggregate, CheckTableRow);
            }
        }

        AddMissingRows(context, table);
    }

    /// <summary>One phase row of the progress table against its phase's folder.</summary>
    private static readonly Action<RuleContext, ProgressTableRow, PhaseAggregate> CheckTableRow = static (context, row, aggregate) =>
    {
        if (row.PlansCell is { } plans)
        {
            var expected = $"{aggregate.CompletedCount}/{aggregate.PlanCount}";
            if (!string.Equals(plans.Value, expected, StringComparison.Ordinal) && (aggregate.PlanCount > 0 || plans.Value.Contains("/")))
            {
                context.Stale(StaleValues.TablePlans, plans.Span, plans.Value, expected, $"Progress table Plans Complete for phase {row.Phase} is '{plans.Value}' but the folder has '{expected}'");
            }
        }

        if (row.StatusCell is { } status)
        {
            CheckStatus(context, row.Phase!, status, aggregate);
        }

        if (row.CompletedCell is { } completed)
        {
            CheckCompletedDate(context, row.Phase!, completed, aggregate);
        }
    };

    /// <summary>A phase gains its first completed plan: add its table row, in phase order, in the style of an existing row.</summary>
    private static void AddMissingRows(RuleContext context, ProgressTable table)
    {
        // Plain loops, not LINQ: this runs once per analysis, and in a new process each LINQ operator over these
        // types is a generic instantiation for the runtime to set up first (on the longest rule path of a cold run).
        var source = context.Folder.RoadmapSource;
        var rows = table.Rows.AsSpan();
        var phaseRows = new List<ProgressTableRow>(rows.Length);
        var listed = new HashSet<PhaseNumber>();
        foreach (var row in rows)
        {
            if (row.Phase is null)
            {
                continue;
            }

            listed.Add(row.Phase);
            if (row.Kind == ProgressTableRowKind.Phase && row is { PhaseCell: not null, PlansCell: not null, StatusCell: not null, CompletedCell: not null })
            {
                phaseRows.Add(row);
            }
        }

        if (source is null || phaseRows.Count == 0)
        {
            return;
        }

        var template = phaseRows[phaseRows.Count - 1];
        var lastRow = rows[rows.Length - 1];
        var newline = source.LineBreakAt(lastRow.RowSpan.End);
        foreach (var facts in context.Metrics.Phases)
        {
            var aggregate = facts.Aggregate;
            if (aggregate is null || aggregate.CompletedCount == 0 || listed.Contains(facts.Number) || !facts.InMilestoneScope)
            {
                continue;
            }

            var before = phaseRows.Find(r => r.Phase! > facts.Number);
            int insertAt;
            if (before is not null)
            {
                insertAt = before.RowSpan.Start - (before.RowSpan.Column - 1);
            }
            else if (lastRow.RowSpan.End + newline.Length <= source.Text.Length)
            {
                insertAt = lastRow.RowSpan.End + newline.Length;
            }
            else
            {
                continue;
            }

            var status = aggregate.IsComplete ? "Complete" : "In Progress";
            var prefix = SplitStatusPrefix(template.StatusCell!.Value).Prefix;
            var completed = aggregate.IsComplete && aggregate.LatestCompleted is { } date ? IsoDate.Format(date) : "-";
            var cells = new List<(Text.SourceSpan Span, string Value)>
            {
                (template.PhaseCell!.Span, $"{facts.Number}. {PhaseTableName(facts.Name) ?? aggregate.Folder.Slug}"),
                (template.PlansCell!.Span, $"{aggregate.CompletedCount}/{aggregate.PlanCount}"),
                (template.StatusCell.Span, (aggregate.IsComplete ? prefix : string.Empty) + status),
                (template.CompletedCell!.Span, completed),
            };
            if (template.MilestoneCell is { } milestone)
            {
                cells.Add((milestone.Span, context.Metrics.CurrentMilestone ?? milestone.Value));
            }

            var row = new System.Text.StringBuilder(source.Slice(template.RowSpan));
            foreach (var (span, value) in cells.OrderByDescending(c => c.Span.Start))
            {
                row.Remove(span.Start - template.RowSpan.Start, span.Length).Insert(span.Start - template.RowSpan.Start, value);
            }

            var text = row + newline;
            context.Stale(StaleValues.TableMissingRow, source.Span(insertAt, 0), string.Empty, text, $"Progress table has no row for phase {facts.Number}, which has {aggregate.CompletedCount} completed plans: adds '{row}'");
        }
    }

    /// <summary>A phase name as the table writes it: without the <c>(INSERTED)</c> marker of its heading.</summary>
    private static string? PhaseTableName(string? name) =>
        name?.Replace("(INSERTED)", string.Empty).Trim();

    private enum StatusClass
    {
        Unknown,
        NotStarted,
        InProgress,
        Complete,
    }

    private static void CheckStatus(RuleContext context, PhaseNumber phase, Located<string> status, PhaseAggregate aggregate)
    {
        var (prefix, word) = SplitStatusPrefix(status.Value);
        var current = Classify(word);
        if (current == StatusClass.Unknown)
        {
            return; // Deferred, Blocked and other words are the user's.
        }

        var expected = aggregate.IsComplete ? StatusClass.Complete : aggregate.CompletedCount > 0 ? StatusClass.InProgress : StatusClass.NotStarted;
        if (current == expected)
        {
            return;
        }

        var text = expected switch
        {
            StatusClass.Complete => "Complete",
            StatusClass.InProgress => "In Progress",
            _ => "Not started",
        };
        context.Stale(StaleValues.TableStatus, status.Span, status.Value, prefix + text, $"Progress table Status for phase {phase} is '{status.Value}' but {aggregate.CompletedCount} of {aggregate.PlanCount} plans are complete");
    }

    private static readonly string[] StatusMarks = { "✅", "✓", "✔" };

    /// <summary>Splits a ✅ or ✓ prefix (and its space) off a status cell.</summary>
    private static (string Prefix, string Word) SplitStatusPrefix(string value)
    {
        foreach (var mark in StatusMarks)
        {
            if (value.StartsWith(mark, StringComparison.Ordinal))
            {
                var rest = value.Substring(mark.Length);
                var trimmed = rest.TrimStart();
                return (value.Substring(0, value.Length - trimmed.Length), trimmed);
            }
        }

        return (string.Empty, value);
    }

    private static StatusClass Classify(string word) => word.Trim().ToLowerInvariant() switch
    {
        "not started" or "planned" or "pending" => StatusClass.NotStarted,
        "in progress" or "in-progress" or "executing" => StatusClass.InProgress,
        "complete" or "completed" or "done" => StatusClass.Complete,
        _ => StatusClass.Unknown,
    };

    private static void CheckCompletedDate(RuleContext context, PhaseNumber phase, Located<string> cell, PhaseAggregate aggregate)
    {
        if (!aggregate.DatesKnown)
        {
            return;
        }

        var isPlaceholder = Parsing.State.StateParser.IsEmptyCell(cell.Value);
        var isDate = IsoDate.IsExact(cell.Value);
        if (!isPlaceholder && !isDate)
        {
            return;
        }

        if (aggregate.IsComplete && aggregate.LatestCompleted is { } latest)
        {
            var expected = IsoDate.Format(latest);
            context.Stale(StaleValues.TableCompleted, cell.Span, cell.Value, expected, $"Progress table Completed for phase {phase} is '{cell.Value}' but its last SUMMARY was completed {expected}");
        }
        else if (!aggregate.IsComplete && isDate)
        {
            context.Stale(StaleValues.TableCompleted, cell.Span, cell.Value, "-", $"Progress table Completed for phase {phase} is '{cell.Value}' but only {aggregate.CompletedCount} of {aggregate.PlanCount} plans are complete");
        }
    }

    /// <summary>Folders missing from ROADMAP.md, and ROADMAP phases missing a folder while later phases have one.</summary>
    private static void CheckCoverage(RuleContext context)
    {
        var roadmap = context.Folder.Roadmap!;
        var roadmapNumbers = new HashSet<PhaseNumber>();
        foreach (var section in roadmap.Sections.AsSpan())
        {
            roadmapNumbers.Add(section.Number);
        }

        foreach (var item in roadmap.PhaseChecklist.AsSpan())
        {
            roadmapNumbers.Add(item.Number);
        }

        if (roadmapNumbers.Count == 0)
        {
            return;
        }

        var archived = new HashSet<PhaseNumber>();
        var withFolder = new HashSet<PhaseNumber>();
        PhaseNumber? lastWithFolder = null;
        foreach (var folder in context.Folder.Phases.AsSpan())
        {
            if (folder.IsArchived)
            {
                archived.Add(folder.Number);
                continue;
            }

            if (!roadmapNumbers.Contains(folder.Number))
            {
                context.Report(Contradictions.FolderNotInRoadmap, Text.SourceSpan.FileStart(folder.Path), $"Phase folder '{folder.Path}' (phase {folder.Number}) has no 'Phase {folder.Number}:' heading or checklist item in ROADMAP.md");
            }

            withFolder.Add(folder.Number);
            if (lastWithFolder is null || folder.Number > lastWithFolder)
            {
                lastWithFolder = folder.Number;
            }
        }

        if (lastWithFolder is null)
        {
            return;
        }

        foreach (var section in roadmap.Sections.AsSpan())
        {
            var facts = context.Metrics.Find(section.Number);
            if (facts is { InMilestoneScope: true } && !withFolder.Contains(section.Number) && !archived.Contains(section.Number) && section.Number < lastWithFolder)
            {
                context.Report(Contradictions.RoadmapPhaseWithoutFolder, section.HeadingSpan, $"Phase {section.Number} '{section.Name}' has no folder under phases/ but later phase {lastWithFolder} has one");
            }
        }
    }
}
