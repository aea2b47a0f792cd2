using PlanState.Model;

namespace PlanState.Parsing.Frontmatter;

/// <summary>Key lookups of the PLAN and SUMMARY parsers, which run for every file of a cold analysis.</summary>
internal static class FrontmatterLookup
{
    /// <summary>
    /// <see cref="Model.Frontmatter.Find"/> (the first entry of <paramref name="keyPath"/>, ignoring case) when that
    /// entry has a value, else null. It walks the entries' span: <see cref="EquatableArray{T}"/>'s enumerator is boxed,
    /// and a SUMMARY asks up to seven times.
    /// </summary>
    public static FrontmatterEntry? WithValue(Model.Frontmatter frontmatter, string keyPath)
    {
        foreach (var entry in frontmatter.Entries.AsSpan())
        {
            if (string.Equals(entry.KeyPath, keyPath, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value is null ? null : entry;
            }
        }

        return null;
    }
}
