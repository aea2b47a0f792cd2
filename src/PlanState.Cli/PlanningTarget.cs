namespace PlanState.Cli;

/// <summary>
/// The folder a command was pointed at and the planning root found in it. Findings carry paths relative to the
/// planning root; a command shows them relative to the folder the user named, joined onto PATH as it was typed so
/// that a terminal or editor can open them.
/// </summary>
/// <param name="TypedPath">PATH as given on the command line; null when it was left out (the current folder).</param>
/// <param name="FullPath">The absolute folder PATH names.</param>
/// <param name="PlanningRoot">The absolute <c>.planning/</c> folder (or the folder holding STATE.md / ROADMAP.md).</param>
internal sealed record PlanningTarget(string? TypedPath, string FullPath, string PlanningRoot)
{
    /// <summary>Resolves PATH, or explains in one line why it names no planning folder.</summary>
    public static bool TryResolve(string? typedPath, string workingDirectory, out PlanningTarget? target, out string error)
    {
        target = null;
        string full;
        try
        {
            full = Path.GetFullPath(typedPath ?? ".", workingDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"'{typedPath}' is not a valid path: {e.Message}";
            return false;
        }

        var shown = typedPath ?? full;
        if (File.Exists(full))
        {
            error = $"'{shown}' is a file; give the folder that contains .planning/ (or the .planning/ folder itself).";
            return false;
        }

        if (!Directory.Exists(full))
        {
            error = $"'{shown}' does not exist.";
            return false;
        }

        var root = PlanningRootLocator.Resolve(full);
        if (root is null)
        {
            error = $"no planning folder in '{shown}': expected a .planning/ folder, or a folder holding STATE.md or ROADMAP.md.";
            return false;
        }

        error = string.Empty;
        target = new PlanningTarget(typedPath, full, root);
        return true;
    }

    /// <summary>A planning file's path relative to PATH, with forward slashes (<c>.planning/STATE.md</c> for a repository root).</summary>
    public string RelativeToTarget(string planningFile)
    {
        var absolute = Path.GetFullPath(Path.Combine(PlanningRoot, planningFile));
        return Path.GetRelativePath(FullPath, absolute).Replace('\\', '/');
    }

    /// <summary>A planning file's path as a user can open it from the current folder: PATH as typed, then the relative path.</summary>
    public string Display(string planningFile)
    {
        var relative = RelativeToTarget(planningFile).Replace('/', Path.DirectorySeparatorChar);
        return string.IsNullOrEmpty(TypedPath) ? relative : Path.Join(TypedPath, relative);
    }

    /// <summary>The planning root as a user sees it, for summaries.</summary>
    public string DisplayRoot()
    {
        var relative = Path.GetRelativePath(FullPath, PlanningRoot);
        if (relative == ".")
        {
            return string.IsNullOrEmpty(TypedPath) ? "." : TypedPath!;
        }

        return string.IsNullOrEmpty(TypedPath) ? relative : Path.Join(TypedPath, relative);
    }
}
