namespace PlanState.Parsing.Frontmatter;

/// <summary>
/// Which entries a frontmatter read keeps: all of them, or only those whose key path is one of a few (compared
/// ignoring case, as <see cref="Model.Frontmatter.Find"/> does). A PLAN needs only <c>phase</c> and a SUMMARY a
/// handful of keys, so their reads skip building the strings, spans and entries of the other twenty-odd keys; the
/// whole block is still read and checked, so the problems are the same either way.
/// </summary>
internal sealed class FrontmatterKeys
{
    private readonly string[]? paths;

    private FrontmatterKeys(string[]? paths)
    {
        this.paths = paths;
    }

    public static FrontmatterKeys All { get; } = new(null);

    public bool IsAll => paths is null;

    /// <summary>Keeps only entries whose key path equals one of <paramref name="keyPaths"/>, ignoring case.</summary>
    public static FrontmatterKeys Only(params string[] keyPaths) => new(keyPaths);

    public bool Wants(string keyPath)
    {
        if (paths is null)
        {
            return true;
        }

        foreach (var path in paths)
        {
            if (string.Equals(path, keyPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For the key <c>text[keyStart..+keyLength)</c> under <paramref name="prefix"/> (empty at the top): whether its
    /// own path is wanted, and whether a wanted path lies below it (<c>metrics</c> for <c>metrics.duration</c>).
    /// Compares in place, so an unwanted key costs no string. <paramref name="spelledPath"/> is the wanted path itself
    /// when the file spells the key path exactly so, which the caller can then use instead of building it.
    /// </summary>
    public void Match(string prefix, ReadOnlySpan<char> text, int keyStart, int keyLength, out bool wanted, out bool below, out string? spelledPath)
    {
        spelledPath = null;
        if (paths is null)
        {
            wanted = true;
            below = true;
            return;
        }

        wanted = false;
        below = false;
        var pathLength = prefix.Length == 0 ? keyLength : prefix.Length + 1 + keyLength;
        var keyAt = prefix.Length == 0 ? 0 : prefix.Length + 1;
        foreach (var path in paths)
        {
            if (path.Length < pathLength
                || (keyLength > 0 && DiffersAsAscii(path[keyAt], text[keyStart]))
                || !StartsWithPath(path, prefix, text, keyStart, keyLength))
            {
                continue;
            }

            if (path.Length == pathLength)
            {
                wanted = true;
                if (string.CompareOrdinal(path, 0, prefix, 0, prefix.Length) == 0 && path.AsSpan(keyAt).SequenceEqual(text.Slice(keyStart, keyLength)))
                {
                    spelledPath = path;
                }
            }
            else if (path[pathLength] is '.' or '[')
            {
                below = true;
            }
        }
    }

    /// <summary>Whether a wanted path lies below <paramref name="keyPath"/> (a <c>.</c> or <c>[</c> follows it).</summary>
    public bool WantsBelow(string keyPath)
    {
        if (paths is null)
        {
            return true;
        }

        foreach (var path in paths)
        {
            if (path.Length > keyPath.Length && path[keyPath.Length] is '.' or '[' && path.StartsWith(keyPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when two chars are both ASCII and differ ignoring case: a first-char test that spares most keys of a block
    /// the full comparison. A non-ASCII char is left to that comparison and its own case rules.
    /// </summary>
    /// <remarks>ASCII case pairs differ only in bit 0x20, so chars that still differ with that bit set differ ignoring case.</remarks>
    private static bool DiffersAsAscii(char a, char b) => (a | b) < 0x80 && (a | 0x20) != (b | 0x20);

    /// <summary>Whether <paramref name="path"/> starts with <c>prefix + "." + key</c> (just the key when the prefix is empty), ignoring case.</summary>
    private static bool StartsWithPath(string path, string prefix, ReadOnlySpan<char> text, int keyStart, int keyLength)
    {
        var at = 0;
        if (prefix.Length > 0)
        {
            if (string.Compare(path, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) != 0 || path[prefix.Length] != '.')
            {
                return false;
            }

            at = prefix.Length + 1;
        }

        return path.AsSpan(at, keyLength).Equals(text.Slice(keyStart, keyLength), StringComparison.OrdinalIgnoreCase);
    }
}
