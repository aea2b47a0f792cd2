using System.Text;

namespace PlanState.Tests.Rewriting.FileSafety;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planstate-safety-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Write(string relative, byte[] bytes)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Every file left in the folder, relative, with forward slashes, sorted.</summary>
    public string[] AllFiles() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Finds the shared seeds beside the repository (X/main with X/shared; a worktree may sit deeper).</summary>
internal static class SharedFiles
{
    public static string SeedsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "PlanState.Build.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException("PlanState.Build.sln not found above " + AppContext.BaseDirectory);
        }

        for (var ancestor = folder.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            var seeds = System.IO.Path.Combine(ancestor.FullName, "shared", "seeds");
            if (Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        throw new InvalidOperationException("shared/seeds not found beside " + folder.FullName);
    }

    public static byte[] Seed(string prefix) =>
        System.IO.File.ReadAllBytes(Directory.GetFiles(SeedsFolder(), prefix + "_*").Single());
}
