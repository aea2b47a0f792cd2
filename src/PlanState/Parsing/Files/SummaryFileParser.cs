using System.Text.RegularExpressions;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.Values;
using PlanState.Text;

namespace PlanState.Parsing.Files;

/// <summary>
/// Reads what a <c>NN-MM-SUMMARY.md</c> says (spec §4): <c>duration</c>, <c>completed</c> and <c>phase</c> from the
/// frontmatter (top level or under <c>metrics:</c>, or <c>duration_minutes:</c>), and for a fact the frontmatter
/// does not have, the legacy body <c>## Performance</c> section's <c>**Duration:**</c> and <c>**Completed:**</c> lines.
/// </summary>
/// <remarks>
/// The text may be only the head of the file (<see cref="PlanningFileLoader.LoadHead"/>). The body is read only when
/// the frontmatter lacks a fact; <see cref="NeedsBody"/> tells whether that search came up short, in which case the
/// caller loads the whole file and parses again.
/// </remarks>
public static class SummaryFileParser
{
    /// <summary>The frontmatter keys a SUMMARY is read for; the other keys of the block are only checked.</summary>
    private static readonly FrontmatterKeys FactKeys = FrontmatterKeys.Only(
        "duration", "metrics.duration", "duration_minutes", "metrics.duration_minutes", "completed", "metrics.completed", "phase");

    public static SummaryFile Parse(PlanId id, SourceText text) => Parse(id, text, out _);

    /// <summary>
    /// True when <paramref name="head"/> lacks a fact that the rest of the body could still supply: the frontmatter
    /// does not have it and the <c>## Performance</c> section, as far as the head reaches, does not either.
    /// </summary>
    public static bool NeedsBody(SourceText head)
    {
        Read(head, FactKeys, new List<Finding>(), out var bodyWanted);
        return bodyWanted;
    }

    /// <summary>Parses, and tells whether a fact was looked for in the body and not found (see <see cref="NeedsBody"/>).</summary>
    internal static SummaryFile Parse(PlanId id, SourceText text, out bool bodyWanted) => Parse(id, text, FactKeys, out bodyWanted);

    /// <summary>
    /// <see cref="Parse(PlanId, SourceText, out bool)"/> reading the frontmatter entries <paramref name="keys"/> wants;
    /// tests hold the fact keys to the same result as <see cref="FrontmatterKeys.All"/>.
    /// </summary>
    internal static SummaryFile Parse(PlanId id, SourceText text, FrontmatterKeys keys, out bool bodyWanted)
    {
        var problems = new List<Finding>();
        var facts = Read(text, keys, problems, out bodyWanted);
        return new SummaryFile(id, text.File, facts.Duration, facts.Completed, facts.Phase, problems.ToEquatableArray());
    }

    private static Facts Read(SourceText text, FrontmatterKeys keys, List<Finding> problems, out bool bodyWanted)
    {
        var read = FrontmatterReader.Read(text, keys);
        foreach (var problem in read.Problems.AsSpan())
        {
            problems.Add(problem);
        }

        var frontmatter = read.Frontmatter;

        Located<DurationValue>? duration = null;
        Located<DateTime>? completed = null;
        Located<string>? phase = null;
        var hasDuration = false;
        var hasCompleted = false;
        if (frontmatter is not null)
        {
            if (FirstWithValue(frontmatter, "duration", "metrics.duration") is { } durationEntry)
            {
                hasDuration = true;
                duration = ReadDuration(durationEntry.Value!, durationEntry.ValueSpan, unitIsMinutes: false, problems);
            }
            else if (FirstWithValue(frontmatter, "duration_minutes", "metrics.duration_minutes") is { } minutesEntry)
            {
                hasDuration = true;
                duration = ReadDuration(minutesEntry.Value!, minutesEntry.ValueSpan, unitIsMinutes: true, problems);
            }

            if (FirstWithValue(frontmatter, "completed", "metrics.completed") is { } completedEntry)
            {
                hasCompleted = true;
                completed = ReadCompleted(completedEntry.Value!, completedEntry.ValueSpan, problems);
            }

            if (FirstWithValue(frontmatter, "phase") is { } phaseEntry)
            {
                phase = new Located<string>(phaseEntry.Value!, phaseEntry.ValueSpan);
            }
        }

        bodyWanted = false;
        if (!hasDuration || !hasCompleted)
        {
            var body = ReadPerformanceSection(text, frontmatter?.BodyStart ?? 0);
            if (!hasDuration && body.Duration is { } durationField)
            {
                hasDuration = true;
                duration = ReadDuration(durationField.Value, durationField.Span, unitIsMinutes: false, problems);
            }

            if (!hasCompleted && body.Completed is { } completedField)
            {
                hasCompleted = true;
                completed = ReadCompleted(completedField.Value, completedField.Span, problems);
            }

            bodyWanted = !hasDuration || !hasCompleted;
        }

        return new Facts(duration, completed, phase);
    }

    /// <summary>The entry of <paramref name="keyPath"/>, else of <paramref name="fallbackPath"/>, that has a value (the first of each, as <see cref="Model.Frontmatter.Find"/>).</summary>
    private static FrontmatterEntry? FirstWithValue(Model.Frontmatter frontmatter, string keyPath, string? fallbackPath = null) =>
        WithValue(frontmatter, keyPath) ?? (fallbackPath is null ? null : WithValue(frontmatter, fallbackPath));

    private static FrontmatterEntry? WithValue(Model.Frontmatter frontmatter, string keyPath) =>
        frontmatter.Find(keyPath) is { Value: not null } entry ? entry : null;

    private static Located<DurationValue> ReadDuration(string value, SourceSpan span, bool unitIsMinutes, List<Finding> problems)
    {
        var duration = DurationParser.Parse(value);
        if (duration.Status == DurationStatus.BareNumber)
        {
            if (unitIsMinutes)
            {
                // `duration_minutes: 12` names its unit in the key: a plain number is what it should hold.
                duration = duration with { Status = DurationStatus.Parsed };
            }
            else
            {
                problems.Add(new Finding(
                    InputProblems.BareNumberDuration,
                    span,
                    $"Duration '{value}' has no unit; it is read as {value.Trim()} minutes. Write '{value.Trim()} min' to say so."));
            }
        }
        else if (duration.Status == DurationStatus.Unparseable)
        {
            problems.Add(new Finding(
                InputProblems.UnparseableDuration,
                span,
                $"Duration '{value}' cannot be read as a duration (such as '5 min', '2m 39s' or '1h 5m'); it is left out of every sum."));
        }

        return new Located<DurationValue>(duration, span);
    }

    private static Located<DateTime>? ReadCompleted(string value, SourceSpan span, List<Finding> problems)
    {
        if (TryParseCompleted(value, out var date))
        {
            return new Located<DateTime>(date, span);
        }

        problems.Add(new Finding(
            InputProblems.UnparseableDate,
            span,
            $"Completed date '{value}' cannot be read; write a date 'YYYY-MM-DD' or an ISO date-time such as '2026-02-02T10:30:00Z'."));
        return null;
    }

    /// <summary>
    /// Reads the date part of <c>YYYY-MM-DD</c> or an ISO date-time, as written (no time-zone shift), at midnight UTC:
    /// <c>2026-02-02</c>, <c>2026-02-02T10:30:00Z</c>, <c>2026-02-02 10:30</c>, <c>2026-02-02T10:30:00.123+02:00</c>,
    /// <c>2026-02-02 10:30 UTC</c> (see <see cref="CompletedDateScan"/> for the exact form).
    /// </summary>
    internal static bool TryParseCompleted(string value, out DateTime date)
    {
        date = default;
        if (!CompletedDateScan.TryRead(value.Trim(), out var year, out var month, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Finds <c>**Duration:**</c> and <c>**Completed:**</c> in the body's <c>## Performance</c> section (first of each wins).</summary>
    private static BodyFields ReadPerformanceSection(SourceText text, int bodyStart)
    {
        var s = text.Chars;
        Located<string>? duration = null;
        Located<string>? completed = null;
        var sectionLevel = 0;
        for (var lineStart = bodyStart; lineStart < s.Length && (duration is null || completed is null);)
        {
            var lineEnd = TextLines.LineEnd(s, lineStart);
            var line = s.Slice(lineStart, lineEnd - lineStart).ToString();
            if (sectionLevel == 0)
            {
                var heading = BodyPatterns.PerformanceHeading.Match(line);
                if (heading.Success)
                {
                    sectionLevel = heading.Groups["hashes"].Length;
                }
            }
            else if (BodyPatterns.AnyHeading.Match(line) is { Success: true } other && other.Groups["hashes"].Length <= sectionLevel)
            {
                break;
            }
            else if (BodyPatterns.BodyField.Match(line) is { Success: true } field && field.Groups["value"].Length > 0)
            {
                var value = field.Groups["value"];
                var located = new Located<string>(value.Value, text.Span(lineStart + value.Index, value.Length));
                if (field.Groups["name"].Value.Equals("Duration", StringComparison.OrdinalIgnoreCase))
                {
                    duration ??= located;
                }
                else
                {
                    completed ??= located;
                }
            }

            lineStart = TextLines.NextLineStart(s, lineEnd);
        }

        return new BodyFields(duration, completed);
    }

    /// <summary>
    /// The legacy body's patterns, in a class of their own so that they are built only when a SUMMARY lacks a fact in
    /// its frontmatter (building a Regex costs start-up time that a tree of modern SUMMARY files never needs).
    /// </summary>
    private static class BodyPatterns
    {
        public static readonly Regex PerformanceHeading = new(
            @"^ {0,3}(?<hashes>#{2,4})[ \t]+Performance\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        public static readonly Regex AnyHeading = new(@"^ {0,3}(?<hashes>#{1,6})[ \t]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        // `**Duration:** 5 min`, `- **Completed:** 2026-01-02`, `**Duration**: 5 min`.
        public static readonly Regex BodyField = new(
            @"^[ \t]*(?:[-*+][ \t]+)?\*\*(?<name>Duration|Completed)(?::\*\*|\*\*:)[ \t]*(?<value>.*?)[ \t]*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    private readonly record struct Facts(Located<DurationValue>? Duration, Located<DateTime>? Completed, Located<string>? Phase);

    private readonly record struct BodyFields(Located<string>? Duration, Located<string>? Completed);
}
