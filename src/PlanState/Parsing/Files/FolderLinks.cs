using PlanState.Diagnostics;
using PlanState.Text;

namespace PlanState.Parsing.Files;

/// <summary>Folder links under <c>phases/</c>: one that leads back to a folder containing it would make a walk loop.</summary>
internal static class FolderLinks
{
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// True when <paramref name="entry"/> is a link that resolves to <paramref name="containerFullPath"/> or one of its
    /// ancestors, or cannot be resolved at all; <paramref name="detail"/> then says why.
    /// </summary>
    public static bool LinkLoops(FileSystemInfo? entry, string containerFullPath, out string detail)
    {
        detail = string.Empty;
#if NET6_0_OR_GREATER
        if (entry?.LinkTarget is null)
        {
            return false;
        }

        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException ex)
        {
            detail = ex.Message;
            return true;
        }

        if (target is null)
        {
            return false;
        }

        var targetPath = Normalize(target.FullName);
        for (var folder = new DirectoryInfo(containerFullPath); folder is not null; folder = folder.Parent)
        {
            if (string.Equals(Normalize(folder.FullName), targetPath, PathComparison))
            {
                detail = $"it points to '{entry.LinkTarget}', which contains the link itself";
                return true;
            }
        }

        return false;
#else
        // netstandard2.0 cannot resolve links. The scans do not descend, so a loop cannot hang them; a link that
        // cannot be followed at all is still reported when its folder is listed.
        _ = entry;
        _ = containerFullPath;
        _ = PathComparison;
        return false;
#endif
    }

    /// <summary>The PLAN1019 finding for a folder link that is not followed.</summary>
    public static Finding LoopFinding(string relativePath, string detail) => new(
        InputProblems.DirectoryLoop,
        SourceSpan.FileStart(relativePath),
        $"Folder link '{relativePath}' loops back on itself ({detail}); it is not followed.");

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
