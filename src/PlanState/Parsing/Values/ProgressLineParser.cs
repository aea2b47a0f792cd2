using PlanState.Model;
using static PlanState.Parsing.Values.ValueScanner;

namespace PlanState.Parsing.Values;

/// <summary>
/// Reads the value of a <c>Progress:</c> line (or of an older <c>**Progress:**</c> field): an optional bar, an optional
/// integer percent, then trailing text kept as written with any fractions in it.
/// </summary>
/// <remarks>
/// <code>
/// value := ws? [bar] ws? [digits '%'] trailing
/// bar   := ['`'] ['['] filled* empty* [']'] ['`']      (6 to 30 cells; brackets must pair)
/// </code>
/// Filled glyphs are <c>█ # =</c>, empty glyphs <c>░ - .</c>, and a space counts as an empty glyph only inside brackets.
/// A bar with only one kind of glyph gets the usual partner for the other (see <see cref="PartnerOf"/>). Only integer
/// percents are read: <c>18.5%</c> leaves <see cref="ProgressLineValue.Percent"/> null and stays in the trailing text,
/// so it is never rewritten. A value that has neither a bar nor a percent at its start is not a progress value:
/// the result is null, and callers report it as an unrecognised bar. Never throws.
/// </remarks>
public static class ProgressLineParser
{
    public const int MinBarWidth = 6;
    public const int MaxBarWidth = 30;

    public static ProgressLineValue? Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var end = text.Length;
        var index = SkipWhitespace(text, 0, end);
        var bar = TryReadBar(text, ref index);
        var afterBar = index;
        var percentStart = SkipWhitespace(text, index, end);

        int? percent = null;
        TextRange percentRange;
        int trailingStart;
        if (TryReadInt(text, percentStart, end, out var number, out var digitsEnd) && digitsEnd < end && text[digitsEnd] == '%')
        {
            percent = number;
            percentRange = new TextRange(percentStart, digitsEnd - percentStart);
            trailingStart = digitsEnd + 1;
        }
        else if (bar is not null)
        {
            // No percent: an empty range where one would go, right after the bar.
            percentRange = new TextRange(afterBar, 0);
            trailingStart = afterBar;
        }
        else
        {
            return null;
        }

        var trailing = trailingStart == end ? string.Empty : text.Substring(trailingStart);
        return new ProgressLineValue(
            text, bar, percent, percentRange, trailing, new TextRange(trailingStart, end - trailingStart), ReadFractions(text, trailingStart));
    }

    private static ProgressBarGlyphs? TryReadBar(string text, ref int index)
    {
        var end = text.Length;
        var position = index;
        var backticks = position < end && text[position] == '`';
        if (backticks)
        {
            position++;
        }

        var brackets = position < end && text[position] == '[';
        if (brackets)
        {
            position++;
        }

        var glyphStart = position;
        char? filled = null;
        if (position < end && IsFilledGlyph(text[position]))
        {
            filled = text[position];
            position = SkipRun(text, position, filled.Value);
        }

        var filledCells = position - glyphStart;
        char? empty = null;
        if (position < end && IsEmptyGlyph(text[position], brackets))
        {
            empty = text[position];
            position = SkipRun(text, position, empty.Value);
        }

        var width = position - glyphStart;
        if (width is < MinBarWidth or > MaxBarWidth)
        {
            return null;
        }

        if (brackets)
        {
            if (position >= end || text[position] != ']')
            {
                return null;
            }

            position++;
        }
        else if (position < end && !char.IsWhiteSpace(text[position]) && text[position] != '`')
        {
            // Without brackets the run must stand alone: "##--------x" is not a bar.
            return null;
        }

        if (backticks && position < end && text[position] == '`')
        {
            position++;
        }

        var filledGlyph = filled ?? PartnerOf(empty!.Value, brackets);
        var emptyGlyph = empty ?? PartnerOf(filled!.Value, brackets);
        index = position;
        return new ProgressBarGlyphs(
            GlyphText(filledGlyph), GlyphText(emptyGlyph), width, filledCells, brackets, backticks, new TextRange(glyphStart, width));
    }

    private static bool IsFilledGlyph(char c) => c is '█' or '#' or '=';

    private static bool IsEmptyGlyph(char c, bool insideBrackets) => c is '░' or '-' or '.' || (c == ' ' && insideBrackets);

    /// <summary>
    /// The other glyph of a bar that shows only one kind (<c>[██████████]</c>, <c>[----------]</c>), as the pairs seen
    /// in real files go: █/░, #/-, =/space inside brackets, =/░ outside them.
    /// </summary>
    private static char PartnerOf(char glyph, bool insideBrackets) => glyph switch
    {
        '█' => '░',
        '░' => '█',
        '#' => '-',
        '-' or '.' => '#',
        '=' => insideBrackets ? ' ' : '░',
        _ => '=',
    };

    // Cached strings for the known glyphs, so reading a bar allocates no glyph strings.
    private static string GlyphText(char glyph) => glyph switch
    {
        '█' => "█",
        '░' => "░",
        '#' => "#",
        '-' => "-",
        '.' => ".",
        '=' => "=",
        ' ' => " ",
        _ => glyph.ToString(),
    };

    private static int SkipRun(string text, int index, char glyph)
    {
        while (index < text.Length && text[index] == glyph)
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// Every <c>N/M</c> in the trailing text, with the word right after it (<c>2/4 plans</c> gives <c>plans</c>,
    /// <c>(2/11)</c> gives empty). Numbers that belong to something larger (<c>1/2/2026</c>, <c>1.5/3</c>) are skipped.
    /// </summary>
    private static EquatableArray<ProgressFraction> ReadFractions(string text, int start)
    {
        var end = text.Length;
        List<ProgressFraction>? fractions = null;
        var index = start;
        while (index < end)
        {
            if (!IsDigit(text[index]))
            {
                index++;
                continue;
            }

            var numeratorStart = index;
            var numeratorEnd = SkipDigits(text, index, end);
            index = numeratorEnd;
            var standsAlone = numeratorStart == start || (text[numeratorStart - 1] is not ('/' or '.' or ',') && !IsAsciiLetter(text[numeratorStart - 1]));
            if (!standsAlone || numeratorEnd + 1 >= end || text[numeratorEnd] != '/' || !IsDigit(text[numeratorEnd + 1]))
            {
                continue;
            }

            var denominatorStart = numeratorEnd + 1;
            var denominatorEnd = SkipDigits(text, denominatorStart, end);
            index = denominatorEnd;
            var endsCleanly = denominatorEnd == end
                || (text[denominatorEnd] != '/' && !IsAsciiLetter(text[denominatorEnd])
                    && !(text[denominatorEnd] is '.' or ',' && denominatorEnd + 1 < end && IsDigit(text[denominatorEnd + 1])));
            if (!endsCleanly
                || !TryReadInt(text, numeratorStart, numeratorEnd, out var numerator, out _)
                || !TryReadInt(text, denominatorStart, denominatorEnd, out var denominator, out _))
            {
                continue;
            }

            (fractions ??= []).Add(new ProgressFraction(
                numerator,
                denominator,
                ReadUnitWord(text, denominatorEnd),
                new TextRange(numeratorStart, numeratorEnd - numeratorStart),
                new TextRange(denominatorStart, denominatorEnd - denominatorStart)));
        }

        return fractions is null ? EquatableArray<ProgressFraction>.Empty : new EquatableArray<ProgressFraction>(fractions);
    }

    /// <summary>The word after a fraction, past spaces: <c>plans</c> in <c>2/4 plans in phase 1</c>; empty when none.</summary>
    private static string ReadUnitWord(string text, int index)
    {
        var end = text.Length;
        while (index < end && text[index] == ' ')
        {
            index++;
        }

        var wordEnd = index;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return wordEnd == index ? string.Empty : text.Substring(index, wordEnd - index);
    }
}
