using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.Roadmap;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Parsing;

/// <summary>What one whole-file parse produced: the text (null when missing or unusable), the document, and every problem met loading and parsing it.</summary>
internal sealed record ParsedFile<TDocument>(SourceText? Source, TDocument? Document, EquatableArray<Finding> Problems)
    where TDocument : class;

/// <summary>Reads a whole <c>.planning/</c> folder into a <see cref="PlanningFolder"/>. Never throws on content.</summary>
public static class PlanningFolderReader
{
    public const string StateFile = "STATE.md";
    public const string RoadmapFile = "ROADMAP.md";
    public const string LockFile = "STATE.md.lock";

    /// <summary>
    /// GSD's age past which <see cref="LockFile"/> is stale: an analysis reports such a lock (PLAN1007), and an update
    /// takes it over (the default of <see cref="Rewriting.FileSafety.LockOptions.StaleAfter"/>).
    /// </summary>
    public static readonly TimeSpan LockStaleAfter = TimeSpan.FromSeconds(10);

    public static PlanningFolder Read(string planningRoot)
    {
        var root = Path.GetFullPath(planningRoot);
        var state = ParseState(PlanningFileLoader.Load(root, StateFile));
        var roadmap = ParseRoadmap(PlanningFileLoader.Load(root, RoadmapFile));
        return Assemble(root, state, roadmap, PhaseFolderScanner.Scan(root));
    }

    /// <summary>
    /// The last step of a read: puts the parsed files together and adds the problems of the folder as a whole
    /// (no ROADMAP.md, no phases/ folder, a stale lock). The incremental pipeline calls it with cached parts.
    /// </summary>
    internal static PlanningFolder Assemble(string root, ParsedFile<StateDocument> state, ParsedFile<RoadmapDocument> roadmap, PhaseScanResult scan) =>
        Assemble(root, state, roadmap, scan, LockWrittenAtUtc(root));

    /// <summary>The same, given the last write time of <c>STATE.md.lock</c> (null: no lock), which a watched engine keeps between runs.</summary>
    internal static PlanningFolder Assemble(string root, ParsedFile<StateDocument> state, ParsedFile<RoadmapDocument> roadmap, PhaseScanResult scan, DateTime? lockWrittenAtUtc)
    {
        var problems = new List<Finding>();
        problems.AddRange(state.Problems);
        problems.AddRange(roadmap.Problems);
        problems.AddRange(scan.Problems);

        if (state.Document is not null && roadmap.Document is null && roadmap.Source is null)
        {
            problems.Add(new Finding(InputProblems.MissingRoadmap, SourceSpan.FileStart(StateFile), "No ROADMAP.md next to STATE.md: STATE.md is checked against itself only"));
        }

        // With neither ROADMAP.md nor phases/, PLAN1012 already says STATE.md is checked against itself alone.
        if (!scan.HasPhasesFolder && roadmap.Document is not null)
        {
            problems.Add(new Finding(InputProblems.MissingPhasesFolder, SourceSpan.FileStart(RoadmapFile), "No phases/ folder: plan counts cannot be checked against PLAN and SUMMARY files"));
        }

        ReportStaleLock(lockWrittenAtUtc, problems);
        return new PlanningFolder(root, state.Source, state.Document, roadmap.Source, roadmap.Document, scan.HasPhasesFolder, scan.Phases, problems.ToEquatableArray());
    }

    /// <summary>The per-file step for STATE.md: its frontmatter and body, from the file as loaded.</summary>
    internal static ParsedFile<StateDocument> ParseState(FileLoadResult load)
    {
        var problems = new List<Finding>(load.Problems);
        if (load.Text is null || !load.Text.IsValidUtf8)
        {
            return new ParsedFile<StateDocument>(load.Text, null, problems.ToEquatableArray());
        }

        var frontmatter = FrontmatterReader.Read(load.Text);
        problems.AddRange(frontmatter.Problems);
        var document = StateParser.Parse(load.Text, frontmatter.Frontmatter);
        problems.AddRange(document.Problems);
        return new ParsedFile<StateDocument>(load.Text, document, problems.ToEquatableArray());
    }

    /// <summary>The per-file step for ROADMAP.md.</summary>
    internal static ParsedFile<RoadmapDocument> ParseRoadmap(FileLoadResult load)
    {
        var problems = new List<Finding>(load.Problems);
        if (load.Text is null || !load.Text.IsValidUtf8)
        {
            return new ParsedFile<RoadmapDocument>(load.Text, null, problems.ToEquatableArray());
        }

        var document = RoadmapParser.Parse(load.Text);
        problems.AddRange(document.Problems);
        return new ParsedFile<RoadmapDocument>(load.Text, document, problems.ToEquatableArray());
    }

    /// <summary>When <c>STATE.md.lock</c> was last written; null when there is none (or it vanished, or cannot be read).</summary>
    internal static DateTime? LockWrittenAtUtc(string root)
    {
        try
        {
            var lockPath = Path.Combine(root, LockFile);
            return File.Exists(lockPath) ? File.GetLastWriteTimeUtc(lockPath) : null;
        }
        catch (IOException)
        {
            // The lock vanished or cannot be read: nothing stale to report.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void ReportStaleLock(DateTime? lockWrittenAtUtc, List<Finding> problems)
    {
        if (lockWrittenAtUtc is { } written)
        {
            var age = DateTime.UtcNow - written;
            if (age > LockStaleAfter)
            {
                problems.Add(new Finding(InputProblems.StaleLock, SourceSpan.FileStart(LockFile), $"STATE.md.lock is {age.TotalSeconds:0} s old (stale after {LockStaleAfter.TotalSeconds:0} s); the next update takes it over"));
            }
        }
    }
}
