using System.Text.RegularExpressions;
using PlanState.Model;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Recognisers for the one-line shapes of ROADMAP.md. Each works on the raw text of one line (or one block's
/// first line) and returns offsets relative to that text, so the caller can turn them into exact spans.
/// Digits are ASCII only (<c>[0-9]</c>): .NET's <c>\d</c> also matches other scripts' digits, which would not parse.
/// </summary>
internal static partial class RoadmapPatterns
{
    // 1, 02, 2.1, 140.1.1, 12A
    private const string Number = @"[0-9]+(?:\.[0-9]+)*[A-Za-z]?";

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // "Phase 2.1: Name", "Phase 3 - Name", after an optional emoji or bold prefix (heading content only).
    private const string PhaseTitlePattern = @"^[^\p{L}\p{N}]*?Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]|$))[ \t]*(?<name>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PhaseTitlePattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex PhaseTitle();
#else
    private static Regex? phaseTitleRegex;

    private static Regex PhaseTitle() => phaseTitleRegex ??= new(PhaseTitlePattern, Options | RegexOptions.IgnoreCase);
#endif

    // "**Phase 2.1: Hotfix (INSERTED)** - desc"
    internal const string BoldPhaseItemPattern = @"^\*\*Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]))[ \t]*(?<name>[^*]*?)[ \t]*\*\*";

#if NET8_0_OR_GREATER
    [GeneratedRegex(BoldPhaseItemPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex BoldPhaseItem();
#else
    private static Regex? boldPhaseItemRegex;

    private static Regex BoldPhaseItem() => boldPhaseItemRegex ??= new(BoldPhaseItemPattern, Options | RegexOptions.IgnoreCase);
#endif

    // "Phase 1: Foundation (1/1 plan) — completed 2026-03-20", as written in folded milestones.
    internal const string PlainPhaseItemPattern = @"^Phase[ \t]+(?<num>" + Number + @")(?:[ \t]*:|[ \t]+[-–—](?=[ \t]))[ \t]*(?<tail>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlainPhaseItemPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex PlainPhaseItem();
#else
    private static Regex? plainPhaseItemRegex;

    private static Regex PlainPhaseItem() => plainPhaseItemRegex ??= new(PlainPhaseItemPattern, Options | RegexOptions.IgnoreCase);
#endif

    private const string NameSeparatorPattern = @"(?<![ \t])[ \t]+[-–—][ \t]";

#if NET8_0_OR_GREATER
    [GeneratedRegex(NameSeparatorPattern, Options)]
    private static partial Regex NameSeparator();
#else
    private static Regex? nameSeparatorRegex;

    private static Regex NameSeparator() => nameSeparatorRegex ??= new(NameSeparatorPattern, Options);
#endif

    private const string TrailingCountOrDatePattern = @"\((?:[0-9]+/[0-9]+[ \t]+plans?|completed[^)]*)\)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(TrailingCountOrDatePattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCountOrDate();
#else
    private static Regex? trailingCountOrDateRegex;

    private static Regex TrailingCountOrDate() => trailingCountOrDateRegex ??= new(TrailingCountOrDatePattern, Options | RegexOptions.IgnoreCase);
#endif

    private const string CompletedDatePattern = @"\bcompleted:?[ \t]+(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\b";

#if NET8_0_OR_GREATER
    [GeneratedRegex(CompletedDatePattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex CompletedDate();
#else
    private static Regex? completedDateRegex;

    private static Regex CompletedDate() => completedDateRegex ??= new(CompletedDatePattern, Options | RegexOptions.IgnoreCase);
#endif

    // "01-02-PLAN.md — desc", "01-02: desc", "**01-02**", "`02.1-01-PLAN.md`", "✅ **03-08: Title**"
    internal const string PlanItemPattern = @"^(?:[^\p{L}\p{N}*`\[(~]{1,8}?[ \t]+)?(?:\*\*|`)?(?:Plan[ \t]+)?(?<id>" + Number + @"-[0-9]+)(?:-PLAN\.md)?(?:\*\*|`)?(?=$|[ \t:,;)]|\*\*)";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlanItemPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex PlanItem();
#else
    private static Regex? planItemRegex;

    private static Regex PlanItem() => planItemRegex ??= new(PlanItemPattern, Options | RegexOptions.IgnoreCase);
#endif

    // "**Plans**: 3 plans", "**Plans:** 2/3 plans complete", "**Plans**: TBD"
    internal const string PlansFieldPattern = @"^[ \t]*\*\*Plans(?::\*\*|\*\*[ \t]*:)[ \t]*(?<value>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlansFieldPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex PlansField();
#else
    private static Regex? plansFieldRegex;

    private static Regex PlansField() => plansFieldRegex ??= new(PlansFieldPattern, Options | RegexOptions.IgnoreCase);
#endif

    private const string PlansCountPattern = @"^(?:(?<done>[0-9]{1,6})[ \t]*/[ \t]*(?<count>[0-9]{1,6})|(?<count>[0-9]{1,6}))(?![0-9/.])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlansCountPattern, Options)]
    private static partial Regex PlansCount();
#else
    private static Regex? plansCountRegex;

    private static Regex PlansCount() => plansCountRegex ??= new(PlansCountPattern, Options);
#endif

    // A milestone's version as the first word after any emoji or "Milestone:" prefix.
    private const string MilestoneTitlePattern = @"^[^\p{L}\p{N}]*?(?:Milestone[ \t]*:?[ \t]*)?(?<version>[vV][0-9]+(?:\.[0-9]+)*)(?![\p{L}\p{N}_]|\.[0-9])(?<rest>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(MilestoneTitlePattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex MilestoneTitle();
#else
    private static Regex? milestoneTitleRegex;

    private static Regex MilestoneTitle() => milestoneTitleRegex ??= new(MilestoneTitlePattern, Options | RegexOptions.IgnoreCase);
#endif

    // "✅ **v1.0 MVP** - Phases 1-4 (shipped 2026-01-10)"
    private const string BoldMilestoneItemPattern = @"^(?<prefix>[^\p{L}\p{N}*]*)\*\*(?<body>[^*]+)\*\*(?<rest>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(BoldMilestoneItemPattern, Options)]
    private static partial Regex BoldMilestoneItem();
#else
    private static Regex? boldMilestoneItemRegex;

    private static Regex BoldMilestoneItem() => boldMilestoneItemRegex ??= new(BoldMilestoneItemPattern, Options);
#endif

    // A milestone list item without bold needs a dotted version, so "- v2 of the API…" is not read as one.
    private const string PlainMilestoneItemPattern = @"^(?<prefix>[^\p{L}\p{N}*]*)(?<version>[vV][0-9]+\.[0-9]+(?:\.[0-9]+)*)(?![\p{L}\p{N}_]|\.[0-9])(?<rest>.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PlainMilestoneItemPattern, Options)]
    private static partial Regex PlainMilestoneItem();
#else
    private static Regex? plainMilestoneItemRegex;

    private static Regex PlainMilestoneItem() => plainMilestoneItemRegex ??= new(PlainMilestoneItemPattern, Options);
#endif

    private const string PhaseRangePattern = @"\bPhases?[ \t]+(?<first>" + Number + @")(?:[ \t]*(?:[-–—]|to)[ \t]*(?<last>" + Number + @"))?(?![0-9A-Za-z.])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PhaseRangePattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex PhaseRange();
#else
    private static Regex? phaseRangeRegex;

    private static Regex PhaseRange() => phaseRangeRegex ??= new(PhaseRangePattern, Options | RegexOptions.IgnoreCase);
#endif

    private const string ShippedPattern = @"✅|✓|✔|\bshipped\b";

#if NET8_0_OR_GREATER
    [GeneratedRegex(ShippedPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex Shipped();
#else
    private static Regex? shippedRegex;

    private static Regex Shipped() => shippedRegex ??= new(ShippedPattern, Options | RegexOptions.IgnoreCase);
#endif

    private const string InProgressPattern = @"🚧|🔄|\bin[ \t-]progress\b";

#if NET8_0_OR_GREATER
    [GeneratedRegex(InProgressPattern, Options | RegexOptions.IgnoreCase)]
    private static partial Regex InProgress();
#else
    private static Regex? inProgressRegex;

    private static Regex InProgress() => inProgressRegex ??= new(InProgressPattern, Options | RegexOptions.IgnoreCase);
#endif

    // Cuts a heading's name before "(In Progress)", "— SHIPPED …" and the like.
    private const string NameEndPattern = @"(?<![ \t])[ \t]+(?:\(|[-–—][ \t])";

#if NET8_0_OR_GREATER
    [GeneratedRegex(NameEndPattern, Options)]
    private static partial Regex NameEnd();
#else
    private static Regex? nameEndRegex;

    private static Regex NameEnd() => nameEndRegex ??= new(NameEndPattern, Options);
#endif

    public static bool TryPhaseTitle(string content, out PhaseTitleMatch result)
    {
        result = default;
        var match = PhaseTitle().Match(content);
        if (!match.Success || !PhaseNumber.TryParse(match.Groups["num"].Value, out var number))
        {
            return false;
        }

        result = new PhaseTitleMatch(number, CleanName(match.Groups["name"].Value));
        return true;
    }

    /// <summary>What <see cref="TryTaskItem"/> reads by hand; its tests hold it to this pattern.</summary>
    internal const string TaskItemPattern = @"^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\[(?<box>[ xX])\](?:[ \t]+|$)";

    /// <summary>What <see cref="AfterBullet"/> reads by hand; its tests hold it to this pattern.</summary>
    internal const string BulletPattern = @"^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+";

    /// <summary>
    /// A list item's checkbox (<c>- [x] </c>, <c>* [ ] </c>, <c>1. [X] </c>): the offset of the char inside the brackets
    /// and where the item text starts. Scanned by hand, as every list item of a roadmap is asked; it matches exactly
    /// what <see cref="TaskItemPattern"/> does.
    /// </summary>
    public static bool TryTaskItem(string line, out int boxOffset, out bool isChecked, out int restOffset) =>
        TryTaskItem(line, 0, line.Length, out boxOffset, out isChecked, out restOffset);

    /// <summary>
    /// <see cref="TryTaskItem(string, out int, out bool, out int)"/> over <c>text[start..end)</c> as if it were the
    /// line, without cutting it out; the offsets are indexes into <paramref name="text"/>.
    /// </summary>
    public static bool TryTaskItem(string text, int start, int end, out int boxOffset, out bool isChecked, out int restOffset)
    {
        boxOffset = restOffset = -1;
        isChecked = false;
        var i = AfterBullet(text, start, end);
        if (i < 0 || i + 2 >= end || text[i] != '[' || text[i + 1] is not (' ' or 'x' or 'X') || text[i + 2] != ']')
        {
            return false;
        }

        var blanksEnd = SkipBlanks(text, i + 3, end);
        var atLineEnd = blanksEnd == end || (blanksEnd == end - 1 && text[blanksEnd] == '\n');
        if (blanksEnd == i + 3 && !atLineEnd)
        {
            return false;
        }

        boxOffset = i + 1;
        isChecked = text[i + 1] is 'x' or 'X';
        restOffset = blanksEnd;
        return true;
    }

    /// <summary>
    /// The offset where a list item's text starts after its bullet (<c>-</c>, <c>*</c>, <c>+</c> or up to nine digits
    /// and <c>.</c> or <c>)</c>) and at least one blank, or -1, as <see cref="BulletPattern"/> matches.
    /// </summary>
    public static int AfterBullet(string line) => AfterBullet(line, 0, line.Length);

    private static int AfterBullet(string text, int start, int end)
    {
        var i = start;
        if (i < end && text[i] is '-' or '*' or '+')
        {
            i++;
        }
        else
        {
            while (i < end && i - start < 9 && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i == start || i >= end || text[i] is not ('.' or ')'))
            {
                return -1;
            }

            i++;
        }

        var blanksEnd = SkipBlanks(text, i, end);
        return blanksEnd > i ? blanksEnd : -1;
    }

    private static int SkipBlanks(string text, int i) => SkipBlanks(text, i, text.Length);

    private static int SkipBlanks(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    public static bool TryPhaseItem(string rest, out PhaseTitleMatch result)
    {
        result = default;
        if (!MayBePhaseItem(rest))
        {
            return false;
        }

        var bold = BoldPhaseItem().Match(rest);
        if (bold.Success && PhaseNumber.TryParse(bold.Groups["num"].Value, out var boldNumber))
        {
            result = new PhaseTitleMatch(boldNumber, CleanName(bold.Groups["name"].Value));
            return true;
        }

        var plain = PlainPhaseItem().Match(rest);
        if (!plain.Success || !PhaseNumber.TryParse(plain.Groups["num"].Value, out var number))
        {
            return false;
        }

        var tail = plain.Groups["tail"].Value;
        var separator = NameSeparator().Match(tail);
        var name = separator.Success ? tail.Substring(0, separator.Index) : tail;
        name = name.Trim();

        // Anchored at the end, so it matches at most once.
        var trailing = TrailingCountOrDate().Match(name);
        if (trailing.Success)
        {
            name = name.Remove(trailing.Index, trailing.Length);
        }

        result = new PhaseTitleMatch(number, CleanName(name));
        return true;
    }

    /// <summary>
    /// False when <paramref name="rest"/> cannot match <see cref="BoldPhaseItemPattern"/> or <see cref="PlainPhaseItemPattern"/>:
    /// both open with <c>**Phase</c> or <c>Phase</c>, and no ASCII char but <c>p</c> and <c>P</c> matches <c>P</c> even
    /// ignoring case. Every plan item of a roadmap is asked, so most are turned away without running a regex.
    /// </summary>
    internal static bool MayBePhaseItem(string rest) => MayBePhaseItem(rest, 0, rest.Length);

    internal static bool MayBePhaseItem(string text, int start, int end) => start < end && (text[start] >= 0x80 || text[start] is '*' or 'P' or 'p');

    /// <summary>
    /// False when <paramref name="line"/> cannot match <see cref="PlansFieldPattern"/>, which opens with blanks, a literal
    /// <c>**</c> and <c>Plans</c> in any case; a non-ASCII char there is left to the regex (the long s matches <c>s</c>).
    /// </summary>
    internal static bool MayBePlansField(string line)
    {
        const string Word = "plans";
        var start = SkipBlanks(line, 0);
        if (!IsDoubleStar(line, start) || start + 2 + Word.Length > line.Length)
        {
            return false;
        }

        for (var k = 0; k < Word.Length; k++)
        {
            var c = line[start + 2 + k];
            if (c < 0x80 && char.ToLowerInvariant(c) != Word[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDoubleStar(string text, int i) => IsDoubleStar(text, i, text.Length);

    private static bool IsDoubleStar(string text, int i, int end) => i + 1 < end && text[i] == '*' && text[i + 1] == '*';

    /// <summary>The date in <c>(completed 2026-01-02)</c> or <c>— completed 2026-01-02</c>.</summary>
    public static bool TryCompletedDate(string text, out int index, out int length)
    {
        var match = CompletedDate().Match(text);
        index = match.Success ? match.Groups["date"].Index : -1;
        length = match.Success ? match.Groups["date"].Length : 0;
        return match.Success;
    }

    public static bool TryPlanItem(string rest, out string planId)
    {
        if (TryPlainPlanItem(rest, out var idLength))
        {
            planId = rest.Substring(0, idLength);
            return true;
        }

        var match = PlanItem().Match(rest);
        planId = match.Success ? match.Groups["id"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>
    /// The common plan item, <c>01-02-PLAN.md — desc</c> or <c>01-02: desc</c>, read by hand: a roadmap holds
    /// thousands. Starting with a digit, none of <see cref="PlanItemPattern"/>'s optional prefixes can match, and
    /// this follows the regex's first path (every quantifier greedy). When that path meets a non-ASCII char or does
    /// not end in the look-ahead, it returns false and the regex, with its backtracking, decides; when it succeeds,
    /// the regex would have returned the same match, as it returns the first path that succeeds.
    /// </summary>
    internal static bool TryPlainPlanItem(string text, out int idLength)
    {
        var found = TryPlainPlanItem(text, 0, text.Length, out var idEnd);
        idLength = found ? idEnd : 0;
        return found;
    }

    /// <summary>
    /// <see cref="TryPlainPlanItem(string, out int)"/> over <c>text[start..end)</c> as if it were the whole text; gives
    /// the index in <paramref name="text"/> where the id ends.
    /// </summary>
    internal static bool TryPlainPlanItem(string text, int start, int end, out int idEnd)
    {
        idEnd = 0;
        var i = SkipDigits(text, start, end);
        if (i == start)
        {
            return false;
        }

        while (i + 1 < end && text[i] == '.' && IsDigit(text[i + 1]))
        {
            i = SkipDigits(text, i + 1, end);
        }

        // [A-Za-z]? ignoring case also takes non-ASCII letters such as the Kelvin sign: the regex decides those.
        if (i < end && (text[i] >= 0x80 || IsAsciiLetter(text[i])))
        {
            if (text[i] >= 0x80)
            {
                return false;
            }

            i++;
        }

        if (i >= end || text[i] != '-' || !(i + 1 < end && IsDigit(text[i + 1])))
        {
            return false;
        }

        i = SkipDigits(text, i + 1, end);
        var idStop = i;
        if (!TryAsciiIgnoreCase(text, i, end, "-PLAN.md", out var matched))
        {
            return false;
        }

        i += matched ? 8 : 0;
        if (IsDoubleStar(text, i, end))
        {
            i += 2;
        }
        else if (i < end && text[i] == '`')
        {
            i++;
        }

        var lookAhead = i == end || (i == end - 1 && text[i] == '\n') || text[i] is ' ' or '\t' or ':' or ',' or ';' or ')'
            || IsDoubleStar(text, i, end);
        idEnd = lookAhead ? idStop : 0;
        return lookAhead;
    }

    /// <summary>Whether <paramref name="word"/> (ASCII) stands at <paramref name="index"/> ignoring ASCII case; false when a non-ASCII char there leaves it to the regex.</summary>
    private static bool TryAsciiIgnoreCase(string text, int index, int end, string word, out bool matched)
    {
        matched = false;
        for (var k = 0; k < word.Length; k++)
        {
            if (index + k >= end)
            {
                return true;
            }

            var c = text[index + k];
            if (c >= 0x80)
            {
                return false;
            }

            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(word[k]))
            {
                return true;
            }
        }

        matched = true;
        return true;
    }

    private static int SkipDigits(string text, int i, int end)
    {
        while (i < end && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';

    /// <summary>A <c>**Plans**:</c> line: where its trimmed value starts in <paramref name="line"/>, and the counts.</summary>
    public static bool TryPlansField(string line, out PlansFieldMatch result)
    {
        result = default;
        if (!MayBePlansField(line))
        {
            return false;
        }

        var match = PlansField().Match(line);
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

        var count = PlansCount().Match(valueText);
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
        var match = MilestoneTitle().Match(content);
        if (!match.Success)
        {
            return false;
        }

        var rest = match.Groups["rest"].Value;
        var name = rest.TrimStart(' ', '\t', ':', '-', '–', '—', '*');
        var end = NameEnd().Match(name);
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
        var bold = BoldMilestoneItem().Match(rest);
        if (bold.Success)
        {
            var body = MilestoneTitle().Match(bold.Groups["body"].Value.Trim());
            if (!body.Success)
            {
                return false;
            }

            var name = body.Groups["rest"].Value.TrimStart(' ', '\t', ':', '-', '–', '—');
            result = Describe(body.Groups["version"].Value, CleanName(name), rest);
            return true;
        }

        var plain = PlainMilestoneItem().Match(rest);
        if (!plain.Success)
        {
            return false;
        }

        var plainName = plain.Groups["rest"].Value.TrimStart(' ', '\t', ':', '-', '–', '—');
        var end = NameEnd().Match(plainName);
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
        var range = PhaseRange().Match(wholeText);
        if (range.Success && PhaseNumber.TryParse(range.Groups["first"].Value, out var f))
        {
            first = f;
            last = range.Groups["last"].Success && PhaseNumber.TryParse(range.Groups["last"].Value, out var l) ? l : f;
        }

        return new MilestoneMatch(version, name, first, last, Shipped().IsMatch(wholeText), InProgress().IsMatch(wholeText));
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
