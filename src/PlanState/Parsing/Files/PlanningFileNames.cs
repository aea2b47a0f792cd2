using System.Text.RegularExpressions;
using PlanState.Model;

namespace PlanState.Parsing.Files;

public enum PlanFileKind
{
    /// <summary><c>NN-MM-PLAN.md</c> or a legacy bare <c>PLAN.md</c>: the plan exists.</summary>
    Plan,

    /// <summary><c>NN-MM-SUMMARY.md</c> or a legacy bare <c>SUMMARY.md</c>: the plan was executed.</summary>
    Summary,
}

/// <summary>
/// Classifies names in a <c>.planning/</c> folder (spec §1): phase folders, plan and summary files, and the
/// files the tooling leaves behind that must be ignored.
/// </summary>
public static partial class PlanningFileNames
{
    private const string PhaseFolderNamePattern = @"^(?<number>[0-9]{1,6}(?:\.[0-9]{1,6})*[A-Za-z]{0,2})-(?<slug>\S.*)$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(PhaseFolderNamePattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PhaseFolderName();
#else
    private static Regex? phaseFolderNameRegex;

    private static Regex PhaseFolderName() => phaseFolderNameRegex ??= new(PhaseFolderNamePattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
#endif

    private const string ArchiveFolderNamePattern = @"^(?<version>v[0-9]+(?:\.[0-9]+)*)-phases$";

#if NET8_0_OR_GREATER
    [GeneratedRegex(ArchiveFolderNamePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ArchiveFolderName();
#else
    private static Regex? archiveFolderNameRegex;

    private static Regex ArchiveFolderName() => archiveFolderNameRegex ??= new(ArchiveFolderNamePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
#endif

    /// <summary>
    /// Reads a phase folder name <c>NN-slug</c>: <c>01-foundation</c>, <c>02.1-hotfix</c>, <c>140.1.1-x</c>,
    /// <c>14a-x</c>, <c>100-big</c>, <c>7-x</c>. The slug is everything after the first hyphen that follows the number.
    /// </summary>
    public static bool TryParsePhaseFolder(string name, out PhaseNumber number, out string slug)
    {
        number = null!;
        slug = string.Empty;
        var match = PhaseFolderName().Match(name ?? string.Empty);
        if (!match.Success || !PhaseNumber.TryParse(match.Groups["number"].Value, out var parsed))
        {
            return false;
        }

        number = parsed;
        slug = match.Groups["slug"].Value;
        return true;
    }

    /// <summary>
    /// Reads a plan or summary file name: <c>01-02-PLAN.md</c>, <c>02.1-01-SUMMARY.md</c>, <c>140.1.1-03-PLAN.md</c>,
    /// or a legacy bare <c>PLAN.md</c>/<c>SUMMARY.md</c>, whose id is the folder's padded phase and plan 1 (<c>03-01</c>).
    /// The phase in a full name is taken as written, even when it differs from <paramref name="folderPhase"/>: rules
    /// report that. Names that merely contain PLAN (<c>01-01-REPLAN-INPUTS.md</c>, <c>PLAN-REVIEW.md</c>,
    /// <c>notes-PLAN.md</c>) and leftovers (<c>01-02-PLAN.md.bak-1</c>, <c>01-02-PLAN.md.tmp.123</c>) are not plans.
    /// </summary>
    public static bool TryParsePlanFile(string fileName, PhaseNumber folderPhase, out PlanId id, out PlanFileKind kind)
    {
        id = null!;
        kind = PlanFileKind.Plan;
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }

        if (string.Equals(fileName, "PLAN.md", StringComparison.OrdinalIgnoreCase)
            || string.Equals(fileName, "SUMMARY.md", StringComparison.OrdinalIgnoreCase))
        {
            kind = fileName.StartsWith("S", StringComparison.OrdinalIgnoreCase) ? PlanFileKind.Summary : PlanFileKind.Plan;
            id = new PlanId(folderPhase, 1, folderPhase.ToPaddedString() + "-01");
            return true;
        }

        if (!PlanFileNameScan.TryRead(fileName, out var name))
        {
            return false;
        }

        // The phase is nearly always the folder's own, written the same way: then that number is reused, not parsed again.
        PhaseNumber? phase = name.PhaseMatches(fileName, folderPhase) ? folderPhase : null;
        if (phase is null && !PhaseNumber.TryParse(fileName.Substring(0, name.PhaseLength), out phase))
        {
            return false;
        }

        kind = name.Kind;
        id = new PlanId(phase, name.Plan, fileName.Substring(0, name.IdLength));
        return true;
    }

    /// <summary>Reads a milestone archive folder name <c>vX.Y-phases</c> and returns its version (<c>v1.0</c>).</summary>
    public static bool TryParseArchiveFolder(string name, out string version)
    {
        var match = ArchiveFolderName().Match(name ?? string.Empty);
        version = match.Success ? match.Groups["version"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>
    /// True for what the tooling leaves behind and nothing reads (spec §1): <c>STATE.md.lock</c> and other
    /// <c>.lock</c> files, temp files <c>*.tmp.*</c>, backups <c>*.bak-*</c>, and <c>WAITING.json</c>.
    /// </summary>
    public static bool IsIgnored(string fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }

        // Nearly every name has one dot, its extension's: then only an extension of lock or bak-… can make it ignored
        // (.tmp. needs two dots), which spares the three searches below for each of a large tree's 17,000 files.
        var dot = fileName.IndexOf('.');
        if (dot >= 0 && dot == fileName.LastIndexOf('.') && !string.Equals(fileName, "WAITING.json", StringComparison.OrdinalIgnoreCase))
        {
            var extension = fileName.AsSpan(dot);
            return extension.Equals(".lock", StringComparison.OrdinalIgnoreCase) || extension.StartsWith(".bak-", StringComparison.OrdinalIgnoreCase);
        }

        return fileName.EndsWith(".lock", StringComparison.OrdinalIgnoreCase)
            || fileName.IndexOf(".tmp.", StringComparison.OrdinalIgnoreCase) >= 0
            || fileName.IndexOf(".bak-", StringComparison.OrdinalIgnoreCase) >= 0
            || string.Equals(fileName, "WAITING.json", StringComparison.OrdinalIgnoreCase);
    }
}
