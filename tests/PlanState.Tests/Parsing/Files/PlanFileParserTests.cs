using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Files;

public class PlanFileParserTests
{
    private static readonly PlanId Id = new(PhaseNumber.Parse("2.1"), 1, "02.1-01");

    [Test]
    public void Reads_the_phase_key_with_its_span()
    {
        var text = SourceText.From("phases/02.1-hotfix/02.1-01-PLAN.md", "---\nphase: 02.1-hotfix\nplan: 01\ntype: execute\nwave: 1\ndepends_on: []\n---\n# Plan\n");

        var plan = PlanFileParser.Parse(Id, text);

        plan.Id.Should().Be(Id);
        plan.Path.Should().Be("phases/02.1-hotfix/02.1-01-PLAN.md");
        plan.Problems.Should().BeEmpty();
        plan.PhaseKey!.Value.Should().Be("02.1-hotfix");
        text.Slice(plan.PhaseKey.Span).Should().Be("02.1-hotfix");
    }

    [Test]
    public void Plan_without_frontmatter_has_no_phase_and_no_problem()
    {
        var plan = PlanFileParser.Parse(Id, SourceText.From("p.md", "# Plan\nphase: 3\n"));

        plan.PhaseKey.Should().BeNull();
        plan.Problems.Should().BeEmpty();
    }

    [Test]
    public void Frontmatter_problems_are_the_plans_problems()
    {
        var plan = PlanFileParser.Parse(Id, SourceText.From("p.md", "---\nphase: 2.1\ndepends_on: @scope/pkg\n---\n"));

        plan.PhaseKey!.Value.Should().Be("2.1");
        plan.Problems.Single().Code.Should().Be("PLAN1004");
    }
}
