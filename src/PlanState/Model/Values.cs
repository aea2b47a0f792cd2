namespace PlanState.Model;

// Values read from one field of a file. Offsets here are relative to the field's text, so that the
// document parsers can turn them into SourceSpans by adding where the field starts.

/// <summary>A slice of a field's text: where a sub-value sits, relative to the start of the field.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;
}

public enum DurationStatus
{
    /// <summary>Read with a unit (<c>3min</c>, <c>2m 39s</c>, <c>0.09 hours</c>).</summary>
    Parsed,

    /// <summary>A bare number, read as minutes; reported as an input problem.</summary>
    BareNumber,

    /// <summary>Free text (<c>~1 session</c>, <c>not tracked</c>): reported, never guessed, left out of sums.</summary>
    Unparseable,
}

/// <summary>How a duration was written, so a recomputed one can be written the same way.</summary>
/// <param name="Unit">The unit shape: <c>Seconds</c> (96s), <c>Minutes</c> (3min, 2.6 min), <c>Hours</c> (0.09 hours), <c>MinutesSeconds</c> (2m 39s), <c>HoursMinutes</c> (1h 5m, 1h20min).</param>
/// <param name="UnitText">The unit as written for the largest part: <c>min</c>, <c>m</c>, <c>minutes</c>, <c>hours</c>, <c>hrs</c>, <c>s</c>, <c>seconds</c>, <c>h</c>.</param>
/// <param name="SecondaryUnitText">For compound shapes, the unit of the second part (<c>s</c> in <c>2m 39s</c>, <c>min</c> in <c>1h20min</c>); else empty.</param>
/// <param name="SpaceBeforeUnit">True for <c>5 min</c>, false for <c>5min</c>.</param>
/// <param name="SpaceBetweenParts">True for <c>2m 39s</c>, false for <c>1h20min</c>.</param>
/// <param name="Decimals">Decimal places of the (largest) number: 1 for <c>2.6 min</c>, 2 for <c>0.09 hours</c>.</param>
/// <param name="Approximate">True when written with a leading <c>~</c>.</param>
public sealed record DurationStyle(
    DurationUnit Unit,
    string UnitText,
    string SecondaryUnitText,
    bool SpaceBeforeUnit,
    bool SpaceBetweenParts,
    int Decimals,
    bool Approximate)
{
    /// <summary>The style used when nothing is known: <c>3 min</c>.</summary>
    public static DurationStyle Default { get; } = new(DurationUnit.Minutes, "min", string.Empty, true, false, 0, false);
}

public enum DurationUnit
{
    Seconds,
    Minutes,
    Hours,
    MinutesSeconds,
    HoursMinutes,
}

/// <summary>A duration as written. <see cref="TotalSeconds"/> is null when <see cref="Status"/> is Unparseable.</summary>
public sealed record DurationValue(string Text, DurationStatus Status, double? TotalSeconds, DurationStyle? Style)
{
    public bool HasValue => TotalSeconds.HasValue;
}

/// <summary>A fraction found in the text after a progress percent: <c>(2/11)</c>, <c>2/4 phases</c>, <c>6/9 plans</c>.</summary>
/// <param name="Unit">The word after the fraction: <c>plans</c>, <c>phases</c>, or empty when none (<c>(2/11)</c>).</param>
public sealed record ProgressFraction(int Numerator, int Denominator, string Unit, TextRange NumeratorRange, TextRange DenominatorRange);

/// <summary>
/// The value of a <c>Progress:</c> line: an optional bar, an optional percent and the text after them.
/// Examples: <c>[██░░░░░░░░] 50% (2/4 plans in phase 1)</c>, <c>`[##--------]` 12%</c>, <c>[==        ] 18% (2/11)</c>, <c>50%</c>.
/// </summary>
/// <param name="Text">The whole field value as written.</param>
/// <param name="Bar">The bar, or null when the line has only a percent.</param>
/// <param name="Percent">The percent number, or null when the line has only a bar.</param>
/// <param name="PercentRange">Where the percent's digits are (the <c>%</c> sign excluded).</param>
/// <param name="Trailing">Everything after the percent (or after the bar when there is no percent), kept as written.</param>
/// <param name="TrailingRange">Where <see cref="Trailing"/> starts in <see cref="Text"/>.</param>
/// <param name="Fractions">Fractions in the trailing text, in order.</param>
public sealed record ProgressLineValue(
    string Text,
    ProgressBarGlyphs? Bar,
    int? Percent,
    TextRange PercentRange,
    string Trailing,
    TextRange TrailingRange,
    EquatableArray<ProgressFraction> Fractions);

/// <summary>A bar's glyph run: <c>██░░░░░░░░</c> inside <c>[…]</c>, possibly inside backticks.</summary>
/// <param name="Filled">The filled glyph (<c>█</c>, <c>#</c>, <c>=</c>).</param>
/// <param name="Empty">The empty glyph (<c>░</c>, <c>-</c>, <c>.</c>, space).</param>
/// <param name="Width">Cells in the bar (6 to 30).</param>
/// <param name="FilledCells">Cells currently filled.</param>
/// <param name="GlyphRange">The glyph run only, brackets and backticks excluded; this is what a rewrite replaces.</param>
public sealed record ProgressBarGlyphs(string Filled, string Empty, int Width, int FilledCells, bool Brackets, bool Backticks, TextRange GlyphRange);

/// <summary>
/// The value of a <c>Phase:</c> line. Recognised forms: <c>1 of 2 (Name)</c>, <c>3 (Name) — EXECUTING</c>, <c>3 — name</c>, bare <c>09</c>.
/// Unrecognised text keeps <see cref="Recognised"/> false and every other member null.
/// </summary>
public sealed record PhasePositionValue(
    string Text,
    bool Recognised,
    PhaseNumber? Current,
    TextRange CurrentRange,
    int? Total,
    TextRange TotalRange,
    string? Name,
    TextRange NameRange);

/// <summary>
/// The value of a <c>Plan:</c> line. Recognised forms: <c>2 of 4 in current phase</c>, <c>0 of TBD</c>, <c>Not started</c>, <c>—</c>, <c>17-02 completed</c>.
/// </summary>
/// <param name="Current">A in <c>A of B</c>.</param>
/// <param name="Total">B in <c>A of B</c>; null for <c>TBD</c>.</param>
/// <param name="TotalIsTbd">True for <c>0 of TBD</c>.</param>
/// <param name="PlanId">The plan named in <c>17-02 completed</c>.</param>
public sealed record PlanPositionValue(
    string Text,
    bool Recognised,
    int? Current,
    TextRange CurrentRange,
    int? Total,
    TextRange TotalRange,
    bool TotalIsTbd,
    bool NotStarted,
    string? PlanId);
