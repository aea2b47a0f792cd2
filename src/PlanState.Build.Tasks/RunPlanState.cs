using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PlanState.Diagnostics;

namespace PlanState.Build.Tasks;

/// <summary>
/// Checks a <c>.planning/</c> folder during a build. Update mode rewrites stale derived text through
/// <see cref="PlanStateEngine.Update"/> and logs each change; Verify mode writes nothing and fails on stale text.
/// Contradictions fail the build in both modes. Findings are logged with their code and full span, so NoWarn,
/// WarningsAsErrors, IDE error lists and CI annotations all work on them.
/// </summary>
public sealed class RunPlanState : Microsoft.Build.Utilities.Task
{
    // Build nodes live across builds; one engine per planning root keeps what it has read between them.
    // The key carries the task assembly's module id, so two package versions in one node never share an engine.
    private static readonly string EngineKeyPrefix =
        "PlanState.Build.Engine|" + typeof(RunPlanState).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "|";

    /// <summary>The full path of the <c>.planning/</c> folder (from <see cref="ResolvePlanningRoot"/>).</summary>
    [Required]
    public string PlanningRoot { get; set; } = string.Empty;

    /// <summary><c>Update</c> or <c>Verify</c> (case-insensitive).</summary>
    [Required]
    public string Mode { get; set; } = string.Empty;

    /// <summary>Log errors as warnings, so that PlanState never fails the build.</summary>
    public bool ErrorsAsWarnings { get; set; }

    public override bool Execute()
    {
        if (!PlanStateModes.TryParse(Mode, out var mode))
        {
            Log.LogCodedError(BuildCodes.InvalidMode, $"PlanStateMode '{Mode}' is not valid: use Update (rewrite stale derived text) or Verify (fail on it, write nothing).");
            return false;
        }

        var root = PlanningRoot;
        try
        {
            root = Path.GetFullPath(PlanningRoot);
            var engine = GetEngine(root);
            lock (engine)
            {
                if (mode == PlanStateMode.Update)
                {
                    ReportUpdate(engine.Update(root), root);
                }
                else
                {
                    ReportVerify(engine.Analyze(root), root);
                }
            }
        }
        catch (Exception exception) when (!(exception is OutOfMemoryException))
        {
            EngineFailureLog.Log(Log, root, exception);
            return false;
        }

        return !Log.HasLoggedErrors;
    }

    private void ReportUpdate(UpdateResult result, string root)
    {
        foreach (var change in result.Changes)
        {
            Log.LogMessage(MessageImportance.Normal, BuildDiagnostics.DescribeChange(change));
        }

        var counts = LogFindings(result.Remaining, root, PlanStateMode.Update);
        foreach (var failure in result.WriteFailures)
        {
            counts.Add(LogDiagnostic(BuildDiagnostics.FromWriteFailure(failure, root, ErrorsAsWarnings)));
        }

        LogSummary(root, PlanStateMode.Update, result.Changes.Count, counts);
    }

    private void ReportVerify(PlanningAnalysis analysis, string root)
    {
        var counts = LogFindings(analysis.Findings, root, PlanStateMode.Verify);
        LogSummary(root, PlanStateMode.Verify, changes: 0, counts);
    }

    private DiagnosticCounts LogFindings(IEnumerable<Finding> findings, string root, PlanStateMode mode)
    {
        var counts = new DiagnosticCounts();
        foreach (var finding in findings)
        {
            counts.Add(LogDiagnostic(BuildDiagnostics.FromFinding(finding, root, mode, ErrorsAsWarnings)));
        }

        return counts;
    }

    private BuildDiagnosticLevel LogDiagnostic(BuildDiagnostic d)
    {
        switch (d.Level)
        {
            case BuildDiagnosticLevel.Error:
                Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            case BuildDiagnosticLevel.Warning:
                Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            default:
                Log.LogMessage(null, d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, MessageImportance.Low, d.Message);
                break;
        }

        return d.Level;
    }

    // One line per run, so a log shows that the check ran (and how often: once per project, however many frameworks).
    private void LogSummary(string root, PlanStateMode mode, int changes, DiagnosticCounts counts)
        => Log.LogMessage(
            MessageImportance.Normal,
            $"PlanState: checked '{root}' in {mode} mode: {Plural(changes, "change")}, {Plural(counts.Errors, "error")}, {Plural(counts.Warnings, "warning")}.");

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private PlanStateEngine GetEngine(string root)
    {
        var key = EngineKeyPrefix + root;
        if (BuildEngine is not IBuildEngine4 engine4)
        {
            return new PlanStateEngine();
        }

        if (engine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.AppDomain) is PlanStateEngine cached)
        {
            return cached;
        }

        // A kept engine watches the planning root, so a build with no planning change touches no planning file.
        // MSBuild disposes an IDisposable registered object when its lifetime's cache is disposed
        // (RegisteredTaskObjectCacheBase.DisposeObjects): for AppDomain lifetime that is on AppDomain unload in
        // .NET Framework MSBuild; .NET's MSBuild never unloads it, so the watcher lives as long as the node process
        // and the OS releases it (its inotify watches) when the node exits.
        var created = new PlanStateEngine { WatchForChanges = true };
        engine4.RegisterTaskObject(key, created, RegisteredTaskObjectLifetime.AppDomain, allowEarlyCollection: false);

        // Two builds may race to register: the loser's engine is dropped, and its watcher with it.
        if (engine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.AppDomain) is PlanStateEngine registered && !ReferenceEquals(registered, created))
        {
            created.Dispose();
            return registered;
        }

        return created;
    }

    private sealed class DiagnosticCounts
    {
        public int Errors { get; private set; }

        public int Warnings { get; private set; }

        public void Add(BuildDiagnosticLevel level)
        {
            if (level == BuildDiagnosticLevel.Error)
            {
                Errors++;
            }
            else if (level == BuildDiagnosticLevel.Warning)
            {
                Warnings++;
            }
        }
    }
}
