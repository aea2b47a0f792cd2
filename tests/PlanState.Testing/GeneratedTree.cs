using System.Text;

namespace PlanState.Testing;

/// <summary>A synthetic <c>.planning/</c> folder on disk, with the numbers it was generated from and helpers to seed defects.</summary>
public sealed class GeneratedTree
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedSet<string> files;

    internal GeneratedTree(string root, SyntheticTreeOptions options, IEnumerable<string> files, ExpectedNumbers expected)
    {
        Root = root;
        Options = options;
        Expected = expected;
        this.files = new SortedSet<string>(files, StringComparer.Ordinal);
    }

    /// <summary>The <c>.planning</c> folder.</summary>
    public string Root { get; }

    public SyntheticTreeOptions Options { get; }

    /// <summary>Files under <see cref="Root"/>, relative, with forward slashes, sorted ordinally. Kept up to date by the helpers below.</summary>
    public IReadOnlyCollection<string> Files => files;

    /// <summary>Integer phases in ROADMAP.md (N).</summary>
    public int PhaseCount => Options.Phases;

    /// <summary>P: plans in the current milestone.</summary>
    public int TotalPlans => Expected.TotalPlans;

    /// <summary>S: completed plans in the current milestone.</summary>
    public int CompletedPlans => Expected.CompletedPlans;

    public ExpectedNumbers Expected { get; }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The decoded text of a file, without its BOM.</summary>
    public string ReadFile(string relativePath) => Decode(File.ReadAllBytes(FullPath(relativePath)), out _);

    /// <summary>
    /// Replaces the only occurrence of <paramref name="oldText"/> and returns the 1-based line and column (UTF-16
    /// chars, BOM excluded, lines broken at CRLF, CR or LF) where the replacement starts. Line breaks written as
    /// <c>\n</c> in either text are converted to the tree's line endings. Throws when the text occurs zero or several times.
    /// </summary>
    public (int Line, int Column) ReplaceOnce(string relativePath, string oldText, string newText)
    {
        if (string.IsNullOrEmpty(oldText))
        {
            throw new ArgumentException("The text to replace must not be empty.", nameof(oldText));
        }

        var path = FullPath(relativePath);
        var text = Decode(File.ReadAllBytes(path), out var hasBom);
        var find = ToTreeLineEndings(oldText);
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0)
        {
            throw new InvalidOperationException($"'{oldText}' does not occur in {relativePath}.");
        }

        if (text.IndexOf(find, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{oldText}' occurs more than once in {relativePath}.");
        }

        var updated = string.Concat(text.AsSpan(0, first), ToTreeLineEndings(newText), text.AsSpan(first + find.Length));
        File.WriteAllBytes(path, Encode(updated, hasBom));
        return Position(text, first);
    }

    public void Delete(string relativePath)
    {
        File.Delete(FullPath(relativePath));
        files.Remove(Normalise(relativePath));
    }

    /// <summary>Writes a file (creating folders) with the tree's line endings, and its BOM habit for markdown files.</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bom = Options.Bom && relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        File.WriteAllBytes(path, Encode(ToTreeLineEndings(content), bom));
        files.Add(Normalise(relativePath));
    }

    /// <summary>Writes raw bytes, for defects no text helper can express (invalid UTF-8, NUL bytes, mixed line endings).</summary>
    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        files.Add(Normalise(relativePath));
    }

    internal static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c == '\r' || c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static string Normalise(string relativePath) => relativePath.Replace('\\', '/');

    private static string Decode(byte[] bytes, out bool hasBom)
    {
        hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;
        return Utf8NoBom.GetString(bytes, offset, bytes.Length - offset);
    }

    private static byte[] Encode(string text, bool bom)
    {
        var body = Utf8NoBom.GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    private string ToTreeLineEndings(string text) =>
        Options.LineEndings == LineEndingStyle.CrLf && !text.Contains("\r\n", StringComparison.Ordinal)
            ? text.Replace("\n", "\r\n", StringComparison.Ordinal)
            : text;
}
