namespace PlanState.Diagnostics;

/// <summary>
/// Codes for input problems (1xxx): text that could not be read as written. Parsers report these instead of
/// throwing. Contradictions (2xxx) and stale text (3xxx) live with the rules that find them.
/// </summary>
public static class InputProblems
{
    public static readonly DiagnosticDescriptor UnparseableDuration = Warning("PLAN1001", "Unparseable duration");
    public static readonly DiagnosticDescriptor BareNumberDuration = Warning("PLAN1002", "Duration without a unit is read as minutes");
    public static readonly DiagnosticDescriptor UnclosedFrontmatter = Warning("PLAN1003", "Frontmatter block is not closed");
    public static readonly DiagnosticDescriptor MalformedYaml = Warning("PLAN1004", "Frontmatter is not valid YAML");
    public static readonly DiagnosticDescriptor ShiftedTableRow = Warning("PLAN1005", "Table row does not line up with its header");
    public static readonly DiagnosticDescriptor UnrecognisedProgressBar = Warning("PLAN1006", "Progress line has no recognisable bar or percent");
    public static readonly DiagnosticDescriptor StaleLock = Warning("PLAN1007", "STATE.md.lock is older than 10 seconds");
    public static readonly DiagnosticDescriptor PlanNumberingGap = Warning("PLAN1008", "Gap in plan numbering");
    public static readonly DiagnosticDescriptor InvalidUtf8 = Warning("PLAN1009", "File is not valid UTF-8");
    public static readonly DiagnosticDescriptor EmptyFile = Warning("PLAN1010", "File is empty");
    public static readonly DiagnosticDescriptor BinaryFile = Warning("PLAN1011", "File is binary");
    public static readonly DiagnosticDescriptor MissingRoadmap = Info("PLAN1012", "No ROADMAP.md: STATE.md is checked against itself only");
    public static readonly DiagnosticDescriptor MissingPhasesFolder = Info("PLAN1013", "No phases/ folder: plan counts come from STATE.md only");
    public static readonly DiagnosticDescriptor UnreadableFile = Warning("PLAN1014", "File or folder cannot be read");
    public static readonly DiagnosticDescriptor SecondFrontmatter = Warning("PLAN1015", "A second frontmatter block is read as body text");
    public static readonly DiagnosticDescriptor UnrecognisedPosition = Info("PLAN1016", "Position line is not in a recognised form");
    public static readonly DiagnosticDescriptor UnparseableDate = Warning("PLAN1017", "Completed date cannot be read");
    public static readonly DiagnosticDescriptor FileTooLarge = Warning("PLAN1018", "File is too large to analyse");
    public static readonly DiagnosticDescriptor DirectoryLoop = Warning("PLAN1019", "Folder link loops back on itself");
    public static readonly DiagnosticDescriptor NotAFile = Warning("PLAN1020", "A folder stands where a file is expected");
    public static readonly DiagnosticDescriptor MalformedTableRow = Warning("PLAN1021", "Table row cannot be read");

    private static DiagnosticDescriptor Warning(string code, string title) => new(code, title, FindingKind.InputProblem, Severity.Warning);

    private static DiagnosticDescriptor Info(string code, string title) => new(code, title, FindingKind.InputProblem, Severity.Info);
}
