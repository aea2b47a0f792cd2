using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Robustness;

/// <summary>The shapes the properties and the watchdog found to break or stall a parser, pinned as plain examples.</summary>
[TestFixture]
public sealed class HostileInputTests
{
    [Test]
    public void An_unclosed_flow_list_followed_by_more_keys_costs_only_its_own_key()
    {
        // YamlDotNet throws InvalidOperationException (not a YamlException) on this truncated key-files block.
        var text = SourceText.From(
            "01-02-SUMMARY.md",
            "---\nphase: 02.1-hotfix\nkey-files:\n  added: [2/conflicts.ts\n  modified:\n    - server/sync/merge.ts\nduration: 14 min\ncompleted: 2026-02-11\n---\n\n# Summary\n");

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Find("duration")!.Value.Should().Be("14 min");
        result.Frontmatter.Find("completed")!.Value.Should().Be("2026-02-11");
        result.Frontmatter.Find("phase")!.Value.Should().Be("02.1-hotfix");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        (problem.Span.Line, problem.Span.Column).Should().Be((4, 3));
        problem.Message.Should().StartWith("Key 'key-files.added' ('added: [2/conflicts.ts') is not valid YAML");
    }

    [Test]
    public void Brackets_nested_past_the_depth_limit_cost_only_their_key_and_take_no_time()
    {
        var text = SourceText.From("STATE.md", "---\nmilestone: v1.1\nprogress: " + new string('[', 200_000) + "\npercent: 40\n---\n");

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Find("milestone")!.Value.Should().Be("v1.1");
        result.Frontmatter.Find("percent")!.Value.Should().Be("40");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1004");
        problem.Span.Line.Should().Be(3);
        problem.Message.Should().Contain("brackets nest more than 64 levels deep");
    }

    [Test]
    public void A_mapping_nested_deeper_than_the_limit_with_a_bad_value_at_the_bottom_is_reported_once()
    {
        var nested = string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + $"k{i}:\n")) + new string(' ', 300) + "bad: @scope/pkg\n";
        var text = SourceText.From("STATE.md", "---\nmilestone: v1.1\n" + nested + "status: executing\n---\n");

        var result = FrontmatterReader.Read(text);

        result.Frontmatter!.Find("milestone")!.Value.Should().Be("v1.1");
        result.Frontmatter.Find("status")!.Value.Should().Be("executing");
        result.Problems.Should().ContainSingle().Which.Code.Should().Be("PLAN1004");
    }

    [Test]
    public void A_STATE_md_nested_past_Markdigs_depth_limit_is_reported_and_not_written()
    {
        using var temp = new TempDirectory();
        var root = temp.Combine(".planning");
        Directory.CreateDirectory(root);
        var state = "# Project State\n\nProgress: [██░░░░░░░░] 50%\n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- note\n"));
        File.WriteAllText(Path.Combine(root, "STATE.md"), state);

        var result = new PlanStateEngine().Update(root);

        var problem = result.Before.Findings.Should().ContainSingle(f => f.Code == "PLAN1014").Which;
        problem.Message.Should().StartWith("STATE.md could not be read as markdown: ");
        result.Changes.Should().BeEmpty("nothing in a file that could not be read is rewritten");
        File.ReadAllText(Path.Combine(root, "STATE.md")).Should().Be(state);
    }
}
