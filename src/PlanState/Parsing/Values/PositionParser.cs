using PlanState.Model;
using static PlanState.Parsing.Values.ValueScanner;

namespace PlanState.Parsing.Values;

/// <summary>
/// Reads the values of the <c>Phase:</c> and <c>Plan:</c> position lines. Forms that are not recognised come back with
/// <c>Recognised</c> false and nothing else set, so that they are left alone. Ranges are relative to the text given.
/// Never throws.
/// </summary>
public static class PositionParser
{
    private static readonly PhasePositionValue UnrecognisedPhase = new(string.Empty, false, null, default, null, default, null, default);

    /// <summary>
    /// Phase forms: <c>1 of 2 (Name)</c>, <c>2.1 of 8 (Hotfix)</c>, <c>12A of 20</c>, <c>140.1.1 of 150</c>,
    /// <c>3 (Name) — EXECUTING</c>, <c>3 — name</c>, <c>3 - name</c>, <c>3: name</c>, bare <c>09</c>, each optionally
    /// preceded by the word <c>Phase</c>. After <c>X of Y</c> any text is allowed; a name is read from a parenthesis
    /// (up to its matching close) or from the rest of the line after a dash or colon. <c>X of TBD</c> leaves Total null.
    /// </summary>
    public static PhasePositionValue ParsePhase(string text)
    {
        if (text is null)
        {
            return UnrecognisedPhase;
        }

        var unrecognised = UnrecognisedPhase with { Text = text };
        var index = SkipWhitespace(text, 0, text.Length);
        var end = TrimEnd(text, index);
        if (IsWordAt(text, index, end, "phase"))
        {
            var afterWord = SkipWhitespace(text, index + 5, end);
            if (afterWord < end && IsDigit(text[afterWord]))
            {
                index = afterWord;
            }
        }

        var numberStart = index;
        var numberEnd = ScanPhaseNumber(text, index, end);
        if (numberEnd == numberStart || !PhaseNumber.TryParse(text.Substring(numberStart, numberEnd - numberStart), out var current))
        {
            return unrecognised;
        }

        var value = unrecognised with { Recognised = true, Current = current, CurrentRange = new TextRange(numberStart, numberEnd - numberStart) };
        if (numberEnd == end)
        {
            return value;
        }

        var next = SkipWhitespace(text, numberEnd, end);
        var spaced = next > numberEnd;
        if (spaced && IsWordAt(text, next, end, "of"))
        {
            var totalStart = SkipWhitespace(text, next + 2, end);
            if (TryReadInt(text, totalStart, end, out var total, out var totalEnd) && (totalEnd == end || !char.IsLetterOrDigit(text[totalEnd])))
            {
                value = value with { Total = total, TotalRange = new TextRange(totalStart, totalEnd - totalStart) };
            }
            else if (IsWordAt(text, totalStart, end, "TBD"))
            {
                totalEnd = totalStart + 3;
            }
            else
            {
                return unrecognised;
            }

            // After "X of Y" anything may follow; a name only in the parenthesised or dashed forms.
            next = SkipWhitespace(text, totalEnd, end);
            return next < end && TryReadName(text, next, end, spaced: next > totalEnd, out var range)
                ? WithName(value, text, range)
                : value;
        }

        return TryReadName(text, next, end, spaced, out var nameRange) ? WithName(value, text, nameRange) : unrecognised;
    }

    /// <summary>
    /// Plan forms: <c>2 of 4 in current phase</c> (any text may follow <c>A of B</c>), <c>0 of TBD</c> (TotalIsTbd, with
    /// <see cref="PlanPositionValue.TotalRange"/> on <c>TBD</c> so it can be replaced by a count), <c>Not started</c>,
    /// a lone dash (recognised, nothing set) and <c>17-02 completed</c> (PlanId).
    /// </summary>
    public static PlanPositionValue ParsePlan(string text)
    {
        text ??= string.Empty;
        var unrecognised = new PlanPositionValue(text, false, null, default, null, default, false, false, null);
        var nothingSet = unrecognised with { Recognised = true };
        var index = SkipWhitespace(text, 0, text.Length);
        var end = TrimEnd(text, index);
        if (index == end)
        {
            return unrecognised;
        }

        if (end - index == 1 && IsDash(text[index]))
        {
            return nothingSet;
        }

        if (IsWordAt(text, index, end, "not") && IsWordAt(text, SkipWhitespace(text, index + 3, end), end, "started"))
        {
            return nothingSet with { NotStarted = true };
        }

        var planIdEnd = ScanPlanId(text, index, end);
        if (planIdEnd > index)
        {
            return nothingSet with { PlanId = text.Substring(index, planIdEnd - index) };
        }

        if (!TryReadInt(text, index, end, out var current, out var currentEnd))
        {
            return unrecognised;
        }

        var ofStart = SkipWhitespace(text, currentEnd, end);
        if (ofStart == currentEnd || !IsWordAt(text, ofStart, end, "of"))
        {
            return unrecognised;
        }

        var value = nothingSet with { Current = current, CurrentRange = new TextRange(index, currentEnd - index) };
        var totalStart = SkipWhitespace(text, ofStart + 2, end);
        if (TryReadInt(text, totalStart, end, out var total, out var totalEnd) && (totalEnd == end || !char.IsLetterOrDigit(text[totalEnd])))
        {
            return value with { Total = total, TotalRange = new TextRange(totalStart, totalEnd - totalStart) };
        }

        return IsWordAt(text, totalStart, end, "TBD")
            ? value with { TotalIsTbd = true, TotalRange = new TextRange(totalStart, 3) }
            : unrecognised;
    }

    /// <summary>digits ('.' digits)* [one letter], the letter only when no letter or digit follows it (so <c>3rd</c> is not <c>3R</c>).</summary>
    private static int ScanPhaseNumber(string text, int index, int end)
    {
        var position = SkipDigits(text, index, end);
        if (position == index)
        {
            return index;
        }

        while (position + 1 < end && text[position] == '.' && IsDigit(text[position + 1]))
        {
            position = SkipDigits(text, position + 1, end);
        }

        if (position < end && IsAsciiLetter(text[position]) && (position + 1 == end || !char.IsLetterOrDigit(text[position + 1])))
        {
            position++;
        }

        return position < end && (char.IsLetterOrDigit(text[position]) || text[position] == '.') ? index : position;
    }

    /// <summary>A plan ID such as <c>17-02</c> or <c>02.1-01</c> standing as its own word; returns <paramref name="index"/> when none.</summary>
    private static int ScanPlanId(string text, int index, int end)
    {
        var phaseEnd = ScanPhaseNumber(text, index, end);
        if (phaseEnd == index || phaseEnd + 1 >= end || text[phaseEnd] != '-' || !IsDigit(text[phaseEnd + 1]))
        {
            return index;
        }

        var planEnd = SkipDigits(text, phaseEnd + 1, end);
        return planEnd == end || char.IsWhiteSpace(text[planEnd]) || text[planEnd] is ',' or ':' or ';' or ')' ? planEnd : index;
    }

    /// <summary>A name in parentheses (to the matching close, or to the end when unclosed) or after a dash or colon.</summary>
    private static bool TryReadName(string text, int index, int end, bool spaced, out TextRange range)
    {
        range = default;
        if (index >= end)
        {
            return false;
        }

        var c = text[index];
        int nameStart;
        int nameEnd;
        if (c == '(')
        {
            nameStart = index + 1;
            nameEnd = end;
            var depth = 1;
            for (var i = nameStart; i < end; i++)
            {
                if (text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == ')' && --depth == 0)
                {
                    nameEnd = i;
                    break;
                }
            }
        }
        else if ((IsDash(c) && (spaced || c != '-')) || c == ':')
        {
            // A hyphen right after the number ("3-2") is not a separator; an em dash or colon may touch it.
            nameStart = index + 1;
            nameEnd = end;
        }
        else
        {
            return false;
        }

        nameStart = SkipWhitespace(text, nameStart, nameEnd);
        nameEnd = TrimEnd(text, nameStart, nameEnd);
        range = new TextRange(nameStart, nameEnd - nameStart);
        return true;
    }

    private static PhasePositionValue WithName(PhasePositionValue value, string text, TextRange range) =>
        range.Length == 0 ? value : value with { Name = text.Substring(range.Start, range.Length), NameRange = range };
}
