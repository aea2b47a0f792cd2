using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Parsing.Roadmap;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Parsing;

/// <summary>Reads a whole <c>.planning/</c> folder into a <see cref="PlanningFolder"/>. Never throws on content.</summary>
public static class PlanningFolderReader
{
    public const string StateFile = "STATE.md";
    public const string RoadmapFile = "ROADMAP.md";
    public const string LockFile = "STATE.md.lock";

    public static PlanningFolder Read(string planningRoot)
    {
        var root = Path.GetFullPath(planningRoot);
        var problems = new List<Finding>();
        var (stateSource, state) = ReadState(root, problems);
        var (roadmapSource, roadmap) = ReadRoadmap(root, problems);
        var scan = PhaseFolderScanner.Scan(root);
        problems.AddRange(scan.Problems);

        if (state is not null && roadmap is null && roadmapSource is null)
        {
            problems.Add(new Finding(InputProblems.MissingRoadmap, SourceSpan.FileStart(StateFile), "No ROADMAP.md next to STATE.md: STATE.md is checked against itself only"));
        }

        // With neither ROADMAP.md nor phases/, PLAN1012 already says STATE.md is checked against itself alone.
        if (!scan.HasPhasesFolder && roadmap is not null)
        {
            problems.Add(new Finding(InputProblems.MissingPhasesFolder, SourceSpan.FileStart(RoadmapFile), "No phases/ folder: plan counts cannot be checked against PLAN and SUMMARY files"));
        }

        ReportStaleLock(root, problems);
        return new PlanningFolder(root, stateSource, state, roadmapSource, roadmap, scan.HasPhasesFolder, scan.Phases, problems.ToEquatableArray());
    }

    private static (SourceText? Source, StateDocument? Document) ReadState(string root, List<Finding> problems)
    {
        var load = PlanningFileLoader.Load(root, StateFile);
        problems.AddRange(load.Problems);
        if (load.Text is null || !load.Text.IsValidUtf8)
        {
            return (load.Text, null);
        }

        var frontmatter = FrontmatterReader.Read(load.Text);
        problems.AddRange(frontmatter.Problems);
        var document = StateParser.Parse(load.Text, frontmatter.Frontmatter);
        problems.AddRange(document.Problems);
        return (load.Text, document);
    }

    private static (SourceText? Source, RoadmapDocument? Document) ReadRoadmap(string root, List<Finding> problems)
    {
        var load = PlanningFileLoader.Load(root, RoadmapFile);
        problems.AddRange(load.Problems);
        if (load.Text is null || !load.Text.IsValidUtf8)
        {
            return (load.Text, null);
        }

        var document = RoadmapParser.Parse(load.Text);
        problems.AddRange(document.Problems);
        return (load.Text, document);
    }

    private static void ReportStaleLock(string root, List<Finding> problems)
    {
        try
        {
            var lockPath = Path.Combine(root, LockFile);
            if (File.Exists(lockPath))
            {
                var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(lockPath);
                if (age > TimeSpan.FromSeconds(10))
                {
                    problems.Add(new Finding(InputProblems.StaleLock, SourceSpan.FileStart(LockFile), $"STATE.md.lock is {age.TotalSeconds:0} s old (stale after 10 s); the next update takes it over"));
                }
            }
        }
        catch (IOException)
        {
            // The lock vanished or cannot be read: nothing stale to report.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
