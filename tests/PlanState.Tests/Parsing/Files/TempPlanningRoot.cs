using System.Text;

namespace PlanState.Tests.Parsing.Files;

/// <summary>A throw-away <c>.planning/</c> folder in the temp directory, removed on dispose (permissions restored first).</summary>
internal sealed class TempPlanningRoot : IDisposable
{
    private readonly List<(string Path, UnixFileMode Mode)> denied = new();

    public TempPlanningRoot()
    {
        Root = Directory.CreateTempSubdirectory("planstate-files-").FullName;
    }

    public string Root { get; }

    public string Full(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Full(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Folder(string relativePath) => Directory.CreateDirectory(Full(relativePath)).FullName;

    /// <summary>
    /// Removes every permission from a file or folder. Returns false when that does not stop this process from
    /// reading it: root (and other privileged users) read through any mode bits.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public bool DenyAccess(string relativePath)
    {
        var full = Full(relativePath);
        denied.Add((full, File.GetUnixFileMode(full)));
        File.SetUnixFileMode(full, UnixFileMode.None);
        try
        {
            if (Directory.Exists(full))
            {
                _ = Directory.GetFileSystemEntries(full);
            }
            else
            {
                File.ReadAllBytes(full);
            }

            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var (path, mode) in denied)
            {
                File.SetUnixFileMode(path, mode);
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test that used it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
