namespace PlanState.Cli.Tests.Support;

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planstate-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    /// <summary>Copies a seed alone to <c>.planning/STATE.md</c> and returns the planning root.</summary>
    public string WithSeed(string prefix)
    {
        var planning = Combine(".planning");
        Directory.CreateDirectory(planning);
        File.Copy(TestPaths.Seed(prefix), System.IO.Path.Combine(planning, "STATE.md"));
        return planning;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
