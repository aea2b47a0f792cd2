using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Text;

namespace PlanState.Parsing.Files;

/// <summary>What <see cref="PhaseFolderScanner.Scan"/> found.</summary>
/// <param name="HasPhasesFolder">False when <c>phases/</c> does not exist.</param>
/// <param name="Phases">Active and archived phase folders, by phase number, then archive (active first), then path.</param>
/// <param name="Problems">Problems of the folders that hold phase folders: unreadable, or a link that loops.</param>
public sealed record PhaseScanResult(bool HasPhasesFolder, EquatableArray<PhaseFolder> Phases, EquatableArray<Finding> Problems);

/// <summary>
/// Finds the phase folders of a planning root, <c>phases/NN-slug/</c> and the archives
/// <c>milestones/vX.Y-phases/NN-slug/</c>, and reads every PLAN and SUMMARY file in them.
/// </summary>
/// <remarks>
/// The scan never descends below a phase folder, so no folder structure, however it loops, can make it hang. A
/// folder link that points back at the folder holding it (or above) is still reported (PLAN1019), because whatever
/// else walks the tree will loop on it. PLAN and SUMMARY files are read with <see cref="PlanningFileLoader.LoadFrontmatterHead"/>:
/// only their frontmatter is needed, except for a legacy SUMMARY whose facts sit in its body.
/// </remarks>
public static class PhaseFolderScanner
{
    public const string PhasesFolder = "phases";
    public const string MilestonesFolder = "milestones";

    /// <summary>The first read of a PLAN or SUMMARY file: frontmatter blocks are well under this.</summary>
    private const int HeadBytes = 4096;

    public static PhaseScanResult Scan(string planningRoot) => Scan(planningRoot, FileSystemAccess.Default);

    internal static PhaseScanResult Scan(string planningRoot, FileSystemAccess access)
    {
        var scan = new Scanner(planningRoot, access);
        var hasPhasesFolder = access.DirectoryExists(Path.Combine(planningRoot, PhasesFolder));
        if (hasPhasesFolder)
        {
            scan.ScanContainer(PhasesFolder, archiveVersion: null);
        }

        if (access.DirectoryExists(Path.Combine(planningRoot, MilestonesFolder)) && scan.TryList(MilestonesFolder, out var milestones, scan.Problems))
        {
            foreach (var entry in milestones)
            {
                if (IsDirectory(entry) && PlanningFileNames.TryParseArchiveFolder(entry.Name, out var version))
                {
                    scan.ScanContainer(MilestonesFolder + "/" + entry.Name, version);
                }
            }
        }

        scan.Phases.Sort(PhaseFolder.CompareInScanOrder);
        return new PhaseScanResult(hasPhasesFolder, scan.Phases.ToEquatableArray(), scan.Problems.ToEquatableArray());
    }

    private static bool IsDirectory(FileSystemInfo entry) => entry is DirectoryInfo || (entry.Attributes & FileAttributes.Directory) != 0;

    private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>What a PLAN's loaded head says, with the load's problems first. The incremental pipeline parses the same way.</summary>
    internal static PlanFile PlanFrom(PlanId id, string filePath, FileLoadResult head)
    {
        if (head.Text is null)
        {
            return new PlanFile(id, filePath, null, head.Problems);
        }

        var plan = PlanFileParser.Parse(id, head.Text);
        return head.Problems.IsEmpty ? plan : plan with { Problems = Concat(head.Problems, plan.Problems) };
    }

    /// <summary>
    /// What a SUMMARY says, from its loaded head, or from the whole file when the head is partial and a fact was still
    /// missing (a legacy SUMMARY keeps its facts in the body). <paramref name="parsed"/> is the load the result came
    /// from: <paramref name="head"/> itself, or the whole file.
    /// </summary>
    internal static SummaryFile SummaryFrom(string root, PlanId id, string filePath, FileLoadResult head, FileSystemAccess access, out FileLoadResult parsed)
    {
        parsed = head;
        if (head.Text is null)
        {
            return new SummaryFile(id, filePath, null, null, null, head.Problems);
        }

        var summary = SummaryFileParser.Parse(id, head.Text, out var bodyWanted);
        if (head.IsPartial && bodyWanted)
        {
            parsed = PlanningFileLoader.Load(root, filePath, access);
            if (parsed.Text is not null)
            {
                summary = SummaryFileParser.Parse(id, parsed.Text);
            }
        }

        return parsed.Problems.IsEmpty ? summary : summary with { Problems = Concat(parsed.Problems, summary.Problems) };
    }

    private static EquatableArray<Finding> Concat(EquatableArray<Finding> first, EquatableArray<Finding> second) =>
        first.IsEmpty ? second : second.IsEmpty ? first : first.Concat(second).ToEquatableArray();

    private sealed class Scanner
    {
        private readonly string root;
        private readonly FileSystemAccess access;

        public Scanner(string root, FileSystemAccess access)
        {
            this.root = root;
            this.access = access;
        }

        public List<PhaseFolder> Phases { get; } = new();

        public List<Finding> Problems { get; } = new();

        /// <summary>Reads every phase folder in <c>phases/</c> or in one archive folder.</summary>
        public void ScanContainer(string relativePath, string? archiveVersion)
        {
            if (!TryList(relativePath, out var entries, Problems))
            {
                return;
            }

            foreach (var entry in entries)
            {
                if (!PlanningFileNames.TryParsePhaseFolder(entry.Name, out var number, out var slug))
                {
                    continue;
                }

                var folderPath = relativePath + "/" + entry.Name;
                if (IsLink(entry) && FolderLinks.LinkLoops(entry, FullPath(relativePath), out var loop))
                {
                    Problems.Add(FolderLinks.LoopFinding(folderPath, loop));
                    continue;
                }

                if (IsDirectory(entry))
                {
                    Phases.Add(ScanPhaseFolder(entry, folderPath, number, slug, archiveVersion));
                }
            }
        }

        private PhaseFolder ScanPhaseFolder(FileSystemInfo folder, string folderPath, PhaseNumber number, string slug, string? archiveVersion)
        {
            var problems = new List<Finding>();
            var plans = new List<PlanFile>();
            var summaries = new List<SummaryFile>();
            if (TryList(folderPath, out var entries, problems, folderIsLink: IsLink(folder)))
            {
                foreach (var entry in entries)
                {
                    var name = entry.Name;
                    if (PlanningFileNames.IsIgnored(name))
                    {
                        continue;
                    }

                    var filePath = folderPath + "/" + name;
                    var isDirectory = IsDirectory(entry);
                    if (PlanningFileNames.TryParsePlanFile(name, number, out var id, out var kind))
                    {
                        if (isDirectory)
                        {
                            problems.Add(PlanningFileLoader.NotAFile(filePath));
                        }
                        else if (kind == PlanFileKind.Plan)
                        {
                            if (ReadPlan(id, filePath) is { } plan)
                            {
                                plans.Add(plan);
                            }
                        }
                        else if (ReadSummary(id, filePath) is { } summary)
                        {
                            summaries.Add(summary);
                        }
                    }
                    else if (isDirectory && IsLink(entry) && FolderLinks.LinkLoops(entry, FullPath(folderPath), out var loop))
                    {
                        problems.Add(FolderLinks.LoopFinding(filePath, loop));
                    }
                }
            }

            return new PhaseFolder(
                number,
                slug,
                folderPath,
                archiveVersion,
                plans.OrderBy(p => p.Id).ThenBy(p => p.Path, StringComparer.Ordinal).ToEquatableArray(),
                summaries.OrderBy(s => s.Id).ThenBy(s => s.Path, StringComparer.Ordinal).ToEquatableArray(),
                problems.ToEquatableArray());
        }

        /// <summary>Reads a plan; null when the file vanished since the folder was listed (an agent renamed it).</summary>
        private PlanFile? ReadPlan(PlanId id, string filePath)
        {
            var head = PlanningFileLoader.LoadFrontmatterHead(root, filePath, HeadBytes, access);
            return head.IsMissing ? null : PlanFrom(id, filePath, head);
        }

        private SummaryFile? ReadSummary(PlanId id, string filePath)
        {
            var head = PlanningFileLoader.LoadFrontmatterHead(root, filePath, HeadBytes, access);
            return head.IsMissing ? null : SummaryFrom(root, id, filePath, head, access, out _);
        }

        /// <summary>Lists a folder, sorted by name; an unreadable folder becomes PLAN1014 (PLAN1019 for a link that cannot be followed).</summary>
        public bool TryList(string relativePath, out IReadOnlyList<FileSystemInfo> entries, List<Finding> problems, bool folderIsLink = false)
        {
            try
            {
                entries = access.ListEntries(FullPath(relativePath)).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries = Array.Empty<FileSystemInfo>();
                problems.Add(folderIsLink && ex is IOException and not DirectoryNotFoundException
                    ? FolderLinks.LoopFinding(relativePath, ex.Message)
                    : new Finding(InputProblems.UnreadableFile, SourceSpan.FileStart(relativePath), $"Folder '{relativePath}' cannot be read: {ex.Message}"));
                return false;
            }
        }

        private string FullPath(string relativePath) => PlanningFileLoader.FullPath(root, relativePath);

    }
}
