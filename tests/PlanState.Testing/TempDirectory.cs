using System.Text;

namespace PlanState.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planstate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The full path of <paramref name="relative"/>, written with forward slashes.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Write(string relative, byte[] bytes)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Every file in the folder, relative, with forward slashes, sorted.</summary>
    public string[] AllFiles() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Copies a seed alone to <c>.planning/STATE.md</c> (optionally transformed) and returns the planning root.</summary>
    public string WithSeed(string prefix, Func<byte[], byte[]>? transform = null)
    {
        var bytes = RepositoryLayout.SeedBytes(prefix);
        Write(".planning/STATE.md", transform is null ? bytes : transform(bytes));
        return Combine(".planning");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder under the temp folder; the OS cleans it up eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
