using PlanState.Testing;

namespace PlanState.Benchmarks;

/// <summary>A generated tree in a temp folder, with the one-file edit the warm benchmarks make.</summary>
public sealed class BenchmarkFolder : IDisposable
{
    private readonly string directory;
    private readonly string summaryPath;
    private readonly byte[] original;
    private readonly byte[] edited;
    private bool isEdited;

    public BenchmarkFolder(int plans)
    {
        directory = Path.Combine(Path.GetTempPath(), $"planstate-bench-{plans}-{Guid.NewGuid():N}");
        Tree = BenchmarkTrees.Write(directory, plans);

        // A folder nobody is editing: files written in the last seconds are hashed again until their stamps settle.
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Tree.Files)
        {
            File.SetLastWriteTimeUtc(Tree.FullPath(file), anHourAgo);
        }

        summaryPath = Tree.FullPath(BenchmarkTrees.EditableSummary(Tree));
        original = File.ReadAllBytes(summaryPath);

        // A real change to what the SUMMARY says: its duration gains a leading 1 ("5 min" becomes "15 min").
        var text = System.Text.Encoding.UTF8.GetString(original);
        edited = System.Text.Encoding.UTF8.GetBytes(text.Replace("\nduration: ", "\nduration: 1"));
    }

    public GeneratedTree Tree { get; }

    public string Root => Tree.Root;

    /// <summary>Flips the SUMMARY between its original and its edited text: one file changes, on every call.</summary>
    public void EditOneSummary()
    {
        isEdited = !isEdited;
        File.WriteAllBytes(summaryPath, isEdited ? edited : original);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
