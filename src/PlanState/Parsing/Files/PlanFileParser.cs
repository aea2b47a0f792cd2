using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Parsing.Files;

/// <summary>
/// Reads what a <c>NN-MM-PLAN.md</c> says: only its frontmatter (spec §4: <c>phase</c>, <c>plan</c>, <c>type</c>,
/// <c>wave</c>, <c>depends_on</c>, …), so the head of the file from <see cref="PlanningFileLoader.LoadHead"/> is enough.
/// </summary>
public static class PlanFileParser
{
    /// <summary>The one frontmatter key a PLAN is read for; the other keys of the block are only checked.</summary>
    private static readonly FrontmatterKeys PhaseKey = FrontmatterKeys.Only("phase");

    public static PlanFile Parse(PlanId id, SourceText text) => Parse(id, text, PhaseKey);

    /// <summary>Tests hold <see cref="Parse(PlanId, SourceText)"/> to the same result as with <see cref="FrontmatterKeys.All"/>.</summary>
    internal static PlanFile Parse(PlanId id, SourceText text, FrontmatterKeys keys)
    {
        var read = FrontmatterReader.Read(text, keys);
        Located<string>? phase = null;
        if (read.Frontmatter?.Find("phase") is { Value: not null } entry)
        {
            phase = new Located<string>(entry.Value, entry.ValueSpan);
        }

        return new PlanFile(id, text.File, phase, read.Problems);
    }
}
