using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PlanState.Build.Tasks;

/// <summary>
/// Finds the <c>.planning/</c> folder a project means: <see cref="PlanningRoot"/> when set (the folder itself or the
/// folder that contains it, relative to the project), otherwise the nearest <c>.planning/</c> folder at or above
/// <see cref="ProjectDirectory"/>, exactly as <c>planstate</c> on the command line finds it. No folder is not an
/// error: most projects of a solution have none above them, and they build as before.
/// </summary>
public sealed class ResolvePlanningRoot : Microsoft.Build.Utilities.Task
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The value of <c>$(PlanStateRoot)</c>; empty to search upward.</summary>
    public string? PlanningRoot { get; set; }

    /// <summary>The full path of the <c>.planning/</c> folder, or empty when there is none.</summary>
    [Output]
    public string ResolvedPlanningRoot { get; private set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(PlanningRoot))
            {
                return ResolveExplicit(PlanningRoot!.Trim());
            }

            var found = PlanningRootLocator.FindUpward(ProjectDirectory);
            if (found is null)
            {
                Log.LogMessage(MessageImportance.Low, $"PlanState: no {PlanningRootLocator.FolderName} folder in '{ProjectDirectory}' or above it; nothing to check.");
                return true;
            }

            ResolvedPlanningRoot = found;
            Log.LogMessage(MessageImportance.Low, $"PlanState: planning root '{found}'.");
            return true;
        }
        catch (Exception exception) when (!(exception is OutOfMemoryException))
        {
            EngineFailureLog.Log(Log, ProjectDirectory, exception);
            return false;
        }
    }

    private bool ResolveExplicit(string configured)
    {
        var candidate = Path.GetFullPath(Path.Combine(ProjectDirectory, configured));
        var resolved = PlanningRootLocator.Resolve(candidate);
        if (resolved is null)
        {
            Log.LogCodedError(BuildCodes.PlanningRootNotFound, $"PlanStateRoot '{configured}' (resolved to '{candidate}') is not a {PlanningRootLocator.FolderName} folder and does not contain one. Point it at the folder that holds {PlanningRootLocator.FolderName}/, or leave it empty to search upward from the project.");
            return false;
        }

        ResolvedPlanningRoot = resolved;
        Log.LogMessage(MessageImportance.Low, $"PlanState: planning root '{resolved}' (from PlanStateRoot).");
        return true;
    }
}
