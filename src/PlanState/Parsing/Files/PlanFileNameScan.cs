using PlanState.Model;

namespace PlanState.Parsing.Files;

/// <summary>
/// A plan or summary file name taken apart by a plain scan instead of a Regex (it runs for each of the 17,000 files
/// of a large tree). It accepts exactly what this pattern, matched ignoring case, accepts:
/// <code>
/// ^(?&lt;phase&gt;[0-9]{1,6}(?:\.[0-9]{1,6})*[A-Za-z]{0,2})-(?&lt;plan&gt;[0-9]{1,6})-(?&lt;kind&gt;PLAN|SUMMARY)\.md$
/// </code>
/// including the pattern's two quirks: ignoring case lets the Kelvin sign (U+212A) pass for a <c>k</c>, and <c>$</c>
/// also matches before a final line feed. <c>PlanFileNameScanTests</c> holds the two to the same answers.
/// </summary>
/// <remarks>
/// Real files write PLAN/SUMMARY in upper case; other case is accepted because case-insensitive file systems
/// (Windows, macOS) make it the same file. The name must end in <c>.md</c>: <c>01-02-PLAN.md.bak-1</c> is a backup.
/// </remarks>
internal readonly struct PlanFileNameScan
{
    private const int MaxDigits = 6;
    private const char KelvinSign = '\u212A';

    private PlanFileNameScan(int phaseLength, int idLength, int plan, PlanFileKind kind)
    {
        PhaseLength = phaseLength;
        IdLength = idLength;
        Plan = plan;
        Kind = kind;
    }

    /// <summary>The phase as written is <c>name[0..PhaseLength)</c>.</summary>
    public int PhaseLength { get; }

    /// <summary>The plan id as written (<c>02.1-03</c>) is <c>name[0..IdLength)</c>.</summary>
    public int IdLength { get; }

    public int Plan { get; }

    public PlanFileKind Kind { get; }

    public static bool TryRead(string name, out PlanFileNameScan scan)
    {
        scan = default;

        // The phase: digit runs joined by dots, then up to two letters.
        var i = 0;
        while (true)
        {
            var runStart = i;
            i = SkipDigits(name, i);
            if (i == runStart || i - runStart > MaxDigits)
            {
                return false;
            }

            if (!IsAt(name, i, '.'))
            {
                break;
            }

            i++;
        }

        var letters = i;
        while (i < name.Length && i - letters < 2 && IsSuffixLetter(name[i]))
        {
            i++;
        }

        var phaseLength = i;
        if (!IsAt(name, i, '-'))
        {
            return false;
        }

        var planStart = ++i;
        i = SkipDigits(name, i);
        if (i == planStart || i - planStart > MaxDigits || !IsAt(name, i, '-'))
        {
            return false;
        }

        var plan = 0;
        for (var k = planStart; k < i; k++)
        {
            plan = (plan * 10) + (name[k] - '0');
        }

        var idLength = i;
        var rest = name.Length - (i + 1);
        if (name.Length > 0 && name[name.Length - 1] == '\n')
        {
            rest--;
        }

        PlanFileKind kind;
        if (rest == "PLAN.md".Length && string.Compare(name, i + 1, "PLAN.md", 0, rest, StringComparison.OrdinalIgnoreCase) == 0)
        {
            kind = PlanFileKind.Plan;
        }
        else if (rest == "SUMMARY.md".Length && string.Compare(name, i + 1, "SUMMARY.md", 0, rest, StringComparison.OrdinalIgnoreCase) == 0)
        {
            kind = PlanFileKind.Summary;
        }
        else
        {
            return false;
        }

        scan = new PlanFileNameScan(phaseLength, idLength, plan, kind);
        return true;
    }

    /// <summary>
    /// True when the phase written in <paramref name="name"/> is <paramref name="number"/> (numerically, the
    /// letters ignoring case), so the folder's number can stand for it. False also for what only parsing can settle.
    /// </summary>
    public bool PhaseMatches(string name, PhaseNumber number)
    {
        var parts = number.PartsSpan;
        var part = 0;
        var i = 0;
        while (i < PhaseLength && IsDigit(name[i]))
        {
            var value = 0;
            for (; i < PhaseLength && IsDigit(name[i]); i++)
            {
                value = (value * 10) + (name[i] - '0');
            }

            if (part >= parts.Length || parts[part] != value)
            {
                return false;
            }

            part++;
            if (i < PhaseLength && name[i] == '.')
            {
                i++;
            }
        }

        var suffix = number.Suffix;
        if (part != parts.Length || PhaseLength - i != suffix.Length)
        {
            return false;
        }

        for (var k = 0; k < suffix.Length; k++)
        {
            var c = name[i + k];
            if (c > 'z' || char.ToUpperInvariant(c) != suffix[k])
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipDigits(string name, int i)
    {
        while (i < name.Length && IsDigit(name[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsAt(string name, int i, char c) => i < name.Length && name[i] == c;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsSuffixLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or KelvinSign;
}
