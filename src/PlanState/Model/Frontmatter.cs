using PlanState.Text;

namespace PlanState.Model;

/// <summary>
/// A frontmatter block read tolerantly: every scalar that could be read, flattened to a dotted key path
/// (<c>progress.percent</c>, <c>metrics.duration</c>), in file order.
/// </summary>
/// <param name="Span">The whole block, fences included.</param>
/// <param name="BodyStart">Char offset where the markdown body starts (after the closing fence and its line break), or 0 with no block.</param>
/// <remarks>An unclosed block is no frontmatter at all: the reader reports it (PLAN1003) and the whole file is body.</remarks>
public sealed record Frontmatter(SourceSpan Span, int BodyStart, EquatableArray<FrontmatterEntry> Entries)
{
    /// <summary>The first entry of <paramref name="keyPath"/> (ignoring case), or null.</summary>
    /// <remarks>Over the entries' span: the PLAN and SUMMARY parsers ask up to seven times per file, and the array's enumerator is boxed.</remarks>
    public FrontmatterEntry? Find(string keyPath)
    {
        foreach (var entry in Entries.AsSpan())
        {
            if (string.Equals(entry.KeyPath, keyPath, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>One scalar of a frontmatter block.</summary>
/// <param name="KeyPath">Dotted path of mapping keys: <c>progress.total_plans</c>.</param>
/// <param name="Value">The scalar as YAML reads it (quotes removed); null for an empty value.</param>
/// <param name="KeySpan">The key's text.</param>
/// <param name="ValueSpan">The value's text as written (quotes included), so a rewrite can replace it in place.</param>
public sealed record FrontmatterEntry(string KeyPath, string? Value, SourceSpan KeySpan, SourceSpan ValueSpan);
