using PlanState.Parsing.Roadmap;

namespace PlanState.Tests.Parsing.Roadmap;

public class MilestoneVersionTests
{
    [TestCase("v1.1", "v1.1", true)]
    [TestCase("v1.1", "V1.1", true)]
    [TestCase("v1.1", "1.1", true)]
    [TestCase(" v1.1 ", "v1.1", true)]
    [TestCase("v1", "v1.0", true)]
    [TestCase("v1.1", "v1.1.0", true)]
    [TestCase("v1.01", "v1.1", true)]
    [TestCase("v1.1", "v1.10", false)]
    [TestCase("v1.10", "v1.1", false)]
    [TestCase("v1.1", "v1.1.2", false)]
    [TestCase("v1.1", "v11", false)]
    [TestCase("v1.1", "v2.1", false)]
    [TestCase("v1.1", "v1.1 MVP", false)]
    [TestCase("v1.1", "", false)]
    [TestCase(null, "v1.1", false)]
    [TestCase("v99999999999999999999.1", "v99999999999999999999.1", true)]
    public void Versions_match_whole(string? left, string right, bool expected)
    {
        MilestoneVersion.Matches(left, right).Should().Be(expected);
        MilestoneVersion.Matches(right, left).Should().Be(expected);
    }

    [TestCase("### 🚧 v1.1 Name (In Progress)", "v1.1", true)]
    [TestCase("### 🚧 v1.10 Name (In Progress)", "v1.1", false)]
    [TestCase("### 🚧 v1.1.2 Patch", "v1.1", false)]
    [TestCase("| 1-64 | v1.0-v2.3 | 166/166 |", "v2.3", true)]
    [TestCase("see v1.0-ROADMAP.md", "v1.0", true)]
    [TestCase("dev1.1 build", "v1.1", false)]
    [TestCase("v1.1a", "v1.1", false)]
    public void A_version_is_mentioned_only_as_a_whole_token(string text, string version, bool expected)
    {
        MilestoneVersion.IsMentionedIn(text, version).Should().Be(expected);
    }

    [Test]
    public void The_first_whole_version_token_is_found_with_its_offset()
    {
        MilestoneVersion.TryFindFirst("✅ v1.10 Name (after v1.1)", out var version, out var index).Should().BeTrue();
        version.Should().Be("v1.10");
        index.Should().Be(2);
        MilestoneVersion.TryFindFirst("no version here, not even xv1.0", out _, out _).Should().BeFalse();
    }
}
