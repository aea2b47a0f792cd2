namespace PlanState.Tests.Support;

/// <summary>A copy of a planning folder in a temp folder, with helpers to seed one defect and find where it is.</summary>
public sealed class PlanningCopy : IDisposable
{
    private readonly TempDirectory temp = new();

    public PlanningCopy(string source)
    {
        Root = temp.Combine(".planning");
        Copy(source, Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Replaces the only occurrence of <paramref name="oldText"/>; returns the 1-based line and column of <paramref name="marker"/> (default: the new text) afterwards.</summary>
    public (int Line, int Column) Replace(string relative, string oldText, string newText, string? marker = null)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"'{oldText}' must be in {relative}");
        text.IndexOf(oldText, index + 1, StringComparison.Ordinal).Should().Be(-1, $"'{oldText}' must be in {relative} once");
        var updated = text.Substring(0, index) + newText + text.Substring(index + oldText.Length);
        File.WriteAllText(path, updated);
        var at = index + (marker is null ? 0 : newText.IndexOf(marker, StringComparison.Ordinal));
        var before = updated.Substring(0, at);
        var line = before.Count(c => c == '\n') + 1;
        var column = at - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    public void Dispose() => temp.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }
}
