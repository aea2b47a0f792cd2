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
    public static PlanFile Parse(PlanId id, SourceText text)
    {
        var read = FrontmatterReader.Read(text);
        Located<string>? phase = null;
        if (read.Frontmatter?.Find("phase") is { Value: not null } entry)
        {
            phase = new Located<string>(entry.Value, entry.ValueSpan);
        }

        return new PlanFile(id, text.File, phase, read.Problems);
    }
}
