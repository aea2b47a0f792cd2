using System.Text.RegularExpressions;
using PlanState.Model;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Recognisers for the one-line shapes of ROADMAP.md. Each works on the raw text of one line (or one block's
/// first line) and returns offsets relative to that text, so the caller can turn them into exact spans.
/// Digits are ASCII only (<c>[0-9]</c>): .NET's <c>\d</c> also matches other scripts' digits, which would not parse.
/// </summary>
internal static class RoadmapPatterns
{
    // 1, 02, 2.1, 140.1.1, 12A
    private const string Number = @"[0-9]+(?:\.[0-9]+)*[A-Za-z]?";

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // "Phase 2.1: Name", "Phase 3 - Name", after an optional emoji or bold prefix (heading content only).
    private static readonly Regex PhaseTitle = new(
        @"^[^\p{L}\p{N}]*?Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]|$))[ \t]*(?<name>.*)$",
        Options | RegexOptions.IgnoreCase);

    // A list item's bullet and task checkbox: "- [x] ", "* [ ] ", "1. [X] ".
    private static readonly Regex TaskItem = new(@"^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\[(?<box>[ xX])\](?:[ \t]+|$)", Options);

    private static readonly Regex Bullet = new(@"^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+", Options);

    // "**Phase 2.1: Hotfix (INSERTED)** - desc"
    private static readonly Regex BoldPhaseItem = new(
        @"^\*\*Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]))[ \t]*(?<name>[^*]*?)[ \t]*\*\*",
        Options | RegexOptions.IgnoreCase);

    // "Phase 1: Foundation (1/1 plan) — completed 2026-03-20", as written in folded milestones.
    private static readonly Regex PlainPhaseItem = new(
        @"^Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]))[ \t]*(?<tail>.*)$",
        Options | RegexOptions.IgnoreCase);

    private static readonly Regex NameSeparator = new(@"(?<![ \t])[ \t]+[-–—][ \t]", Options);

    private static readonly Regex TrailingCountOrDate = new(
        @"\((?:[0-9]+/[0-9]+[ \t]+plans?|completed[^)]*)\)$",
        Options | RegexOptions.IgnoreCase);

    private static readonly Regex CompletedDate = new(
        @"\bcompleted:?[ \t]+(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\b",
        Options | RegexOptions.IgnoreCase);

    // "01-02-PLAN.md — desc", "01-02: desc", "**01-02**", "`02.1-01-PLAN.md`", "✅ **03-08: Title**"
    private static readonly Regex PlanItem = new(
        @"^(?:[^\p{L}\p{N}*`\[(~]{1,8}?[ \t]+)?(?:\*\*|`)?(?:Plan[ \t]+)?(?<id>" + Number + @"-[0-9]+)(?:-PLAN\.md)?(?:\*\*|`)?(?=$|[ \t:,;)]|\*\*)",
        Options | RegexOptions.IgnoreCase);

    // "**Plans**: 3 plans", "**Plans:** 2/3 plans complete", "**Plans**: TBD"
    private static readonly Regex PlansField = new(@"^[ \t]*\*\*Plans(?::\*\*|\*\*[ \t]*:)[ \t]*(?<value>.*)$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex PlansCount = new(
        @"^(?:(?<done>[0-9]{1,6})[ \t]*/[ \t]*(?<count>[0-9]{1,6})|(?<count>[0-9]{1,6}))(?![0-9/.])",
        Options);

    // A milestone's version as the first word after any emoji or "Milestone:" prefix.
    private static readonly Regex MilestoneTitle = new(
        @"^[^\p{L}\p{N}]*?(?:Milestone[ \t]*:?[ \t]*)?(?<version>[vV][0-9]+(?:\.[0-9]+)*)(?![\p{L}\p{N}_]|\.[0-9])(?<rest>.*)$",
        Options | RegexOptions.IgnoreCase);

    // "✅ **v1.0 MVP** - Phases 1-4 (shipped 2026-01-10)"
    private static readonly Regex BoldMilestoneItem = new(
        @"^(?<prefix>[^\p{L}\p{N}*]*)\*\*(?<body>[^*]+)\*\*(?<rest>.*)$",
        Options);

    // A milestone list item without bold needs a dotted version, so "- v2 of the API…" is not read as one.
    private static readonly Regex PlainMilestoneItem = new(
        @"^(?<prefix>[^\p{L}\p{N}*]*)(?<version>[vV][0-9]+\.[0-9]+(?:\.[0-9]+)*)(?![\p{L}\p{N}_]|\.[0-9])(?<rest>.*)$",
        Options);

    private static readonly Regex PhaseRange = new(
        @"\bPhases?[ \t]+(?<first>" + Number + @")(?:[ \t]*(?:[-–—]|to)[ \t]*(?<last>" + Number + @"))?(?![0-9A-Za-z.])",
        Options | RegexOptions.IgnoreCase);

    private static readonly Regex Shipped = new(@"✅|✓|✔|\bshipped\b", Options | RegexOptions.IgnoreCase);

    private static readonly Regex InProgress = new(@"🚧|🔄|\bin[ \t-]progress\b", Options | RegexOptions.IgnoreCase);

    // Cuts a heading's name before "(In Progress)", "— SHIPPED …" and the like.
    private static readonly Regex NameEnd = new(@"(?<![ \t])[ \t]+(?:\(|[-–—][ \t])", Options);

    public static bool TryPhaseTitle(string content, out PhaseTitleMatch result)
    {
        result = default;
        var match = PhaseTitle.Match(content);
        if (!match.Success || !PhaseNumber.TryParse(match.Groups["num"].Value, out var number))
        {
            return false;
        }

        result = new PhaseTitleMatch(number, CleanName(match.Groups["name"].Value));
        return true;
    }

    /// <summary>A list item's checkbox: the offset of the char inside the brackets and where the item text starts.</summary>
    public static bool TryTaskItem(string line, out int boxOffset, out bool isChecked, out int restOffset)
    {
        boxOffset = restOffset = -1;
        isChecked = false;
        var match = TaskItem.Match(line);
        if (!match.Success)
        {
            return false;
        }

        var box = match.Groups["box"];
        boxOffset = box.Index;
        isChecked = box.Value is "x" or "X";
        restOffset = match.Index + match.Length;
        return true;
    }

    /// <summary>The offset where a list item's text starts after its bullet, or -1.</summary>
    public static int AfterBullet(string line)
    {
        var match = Bullet.Match(line);
        return match.Success ? match.Length : -1;
    }

    public static bool TryPhaseItem(string rest, out PhaseTitleMatch result)
    {
        result = default;
        var bold = BoldPhaseItem.Match(rest);
        if (bold.Success && PhaseNumber.TryParse(bold.Groups["num"].Value, out var boldNumber))
        {
            result = new PhaseTitleMatch(boldNumber, CleanName(bold.Groups["name"].Value));
            return true;
        }

        var plain = PlainPhaseItem.Match(rest);
        if (!plain.Success || !PhaseNumber.TryParse(plain.Groups["num"].Value, out var number))
        {
            return false;
        }

        var tail = plain.Groups["tail"].Value;
        var separator = NameSeparator.Match(tail);
        var name = separator.Success ? tail.Substring(0, separator.Index) : tail;
        name = TrailingCountOrDate.Replace(name.Trim(), string.Empty);
        result = new PhaseTitleMatch(number, CleanName(name));
        return true;
    }

    /// <summary>The date in <c>(completed 2026-01-02)</c> or <c>— completed 2026-01-02</c>.</summary>
    public static bool TryCompletedDate(string text, out int index, out int length)
    {
        var match = CompletedDate.Match(text);
        index = match.Success ? match.Groups["date"].Index : -1;
        length = match.Success ? match.Groups["date"].Length : 0;
        return match.Success;
    }

    public static bool TryPlanItem(string rest, out string planId)
    {
        var match = PlanItem.Match(rest);
        planId = match.Success ? match.Groups["id"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>A <c>**Plans**:</c> line: where its trimmed value starts in <paramref name="line"/>, and the counts.</summary>
    public static bool TryPlansField(string line, out PlansFieldMatch result)
    {
        result = default;
        var match = PlansField.Match(line);
        if (!match.Success)
        {
            return false;
        }

        var value = match.Groups["value"];
        var valueText = value.Value.TrimEnd();
        if (valueText.Length == 0)
        {
            return false;
        }

        var count = PlansCount.Match(valueText);
        if (!count.Success)
        {
            result = new PlansFieldMatch(value.Index, valueText, null, -1, 0, null, -1, 0);
            return true;
        }

        var countGroup = count.Groups["count"];
        var doneGroup = count.Groups["done"];
        int? done = doneGroup.Success && int.TryParse(doneGroup.Value, out var d) ? d : null;
        int? total = int.TryParse(countGroup.Value, out var c) ? c : null;
        result = new PlansFieldMatch(
            value.Index,
            valueText,
            total,
            countGroup.Index,
            countGroup.Length,
            done,
            doneGroup.Success ? doneGroup.Index : -1,
            doneGroup.Success ? doneGroup.Length : 0);
        return true;
    }

    /// <summary>A milestone heading (or <c>&lt;summary&gt;</c> text): <c>🚧 v1.1 Name (In Progress)</c>, <c>✅ v1.0 MVP (Shipped …)</c>.</summary>
    public static bool TryMilestoneTitle(string content, out MilestoneMatch result)
    {
        result = default;
        var match = MilestoneTitle.Match(content);
        if (!match.Success)
        {
            return false;
        }

        var rest = match.Groups["rest"].Value;
        var name = rest.TrimStart(' ', '\t', ':', '-', '–', '—', '*');
        var end = NameEnd.Match(name);
        if (end.Success)
        {
            name = name.Substring(0, end.Index);
        }

        result = Describe(match.Groups["version"].Value, CleanName(name), content);
        return true;
    }

    /// <summary>A milestone list item (text after the bullet): <c>✅ **v1.0 MVP** - Phases 1-4 (shipped DATE)</c>.</summary>
    public static bool TryMilestoneItem(string rest, out MilestoneMatch result)
    {
        result = default;
        var bold = BoldMilestoneItem.Match(rest);
        if (bold.Success)
        {
            var body = MilestoneTitle.Match(bold.Groups["body"].Value.Trim());
            if (!body.Success)
            {
                return false;
            }

            var name = body.Groups["rest"].Value.TrimStart(' ', '\t', ':', '-', '–', '—');
            result = Describe(body.Groups["version"].Value, CleanName(name), rest);
            return true;
        }

        var plain = PlainMilestoneItem.Match(rest);
        if (!plain.Success)
        {
            return false;
        }

        var plainName = plain.Groups["rest"].Value.TrimStart(' ', '\t', ':', '-', '–', '—');
        var end = NameEnd.Match(plainName);
        if (end.Success)
        {
            plainName = plainName.Substring(0, end.Index);
        }

        result = Describe(plain.Groups["version"].Value, CleanName(plainName), rest);
        return true;
    }

    private static MilestoneMatch Describe(string version, string name, string wholeText)
    {
        PhaseNumber? first = null;
        PhaseNumber? last = null;
        var range = PhaseRange.Match(wholeText);
        if (range.Success && PhaseNumber.TryParse(range.Groups["first"].Value, out var f))
        {
            first = f;
            last = range.Groups["last"].Success && PhaseNumber.TryParse(range.Groups["last"].Value, out var l) ? l : f;
        }

        return new MilestoneMatch(version, name, first, last, Shipped.IsMatch(wholeText), InProgress.IsMatch(wholeText));
    }

    private static string CleanName(string name) => name.Trim().Trim('*', '_').Trim();
}

internal readonly record struct PhaseTitleMatch(PhaseNumber Number, string Name);

/// <summary>Offsets are relative to the line given to <see cref="RoadmapPatterns.TryPlansField"/>; count and completed offsets relative to the value.</summary>
internal readonly record struct PlansFieldMatch(
    int ValueOffset,
    string Value,
    int? Count,
    int CountOffset,
    int CountLength,
    int? Completed,
    int CompletedOffset,
    int CompletedLength);

internal readonly record struct MilestoneMatch(
    string Version,
    string Name,
    PhaseNumber? FirstPhase,
    PhaseNumber? LastPhase,
    bool Shipped,
    bool InProgress);
