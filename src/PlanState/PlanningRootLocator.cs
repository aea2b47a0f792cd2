namespace PlanState;

/// <summary>Finds the <c>.planning/</c> folder a command or a build means.</summary>
public static class PlanningRootLocator
{
    public const string FolderName = ".planning";

    /// <summary>
    /// Resolves a path given on a command line: a repository root that contains <c>.planning/</c>, a <c>.planning/</c>
    /// folder, or any folder that holds a STATE.md or ROADMAP.md. Returns the full path of the planning root, or null.
    /// </summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            return null;
        }

        var nested = Path.Combine(full, FolderName);
        if (Directory.Exists(nested))
        {
            return nested;
        }

        if (string.Equals(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)), FolderName, StringComparison.Ordinal)
            || File.Exists(Path.Combine(full, "STATE.md"))
            || File.Exists(Path.Combine(full, "ROADMAP.md")))
        {
            return full;
        }

        return null;
    }

    /// <summary>Searches <paramref name="startDirectory"/> and its parents for a <c>.planning/</c> folder, as a build does.</summary>
    public static string? FindUpward(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
