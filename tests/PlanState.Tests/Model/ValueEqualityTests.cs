using PlanState.Model;
using PlanState.Parsing.State;
using PlanState.Text;

namespace PlanState.Tests.Model;

/// <summary>The model is compared by value, collections included, so an unchanged input is recognised as unchanged.</summary>
public class ValueEqualityTests
{
    [Test]
    public void Equatable_arrays_compare_their_elements()
    {
        var a = EquatableArray.Create(1, 2, 3);
        var b = new[] { 1, 2, 3 }.ToEquatableArray();

        // Equals itself, not FluentAssertions' collection equivalence, is what the pipeline relies on.
        a.Equals(b).Should().BeTrue();
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Equals(EquatableArray.Create(1, 2)).Should().BeFalse();
        (a != EquatableArray.Create(1, 2, 4)).Should().BeTrue();
        EquatableArray<int>.Empty.Equals(new EquatableArray<int>(Array.Empty<int>())).Should().BeTrue();
    }

    [Test]
    public void Two_parses_of_the_same_text_give_equal_documents_and_an_edit_gives_a_different_one()
    {
        var text = File.ReadAllText(RepositoryLayout.SeedPath("004"));

        var first = StateParser.Parse(SourceText.From("STATE.md", text), null);
        var second = StateParser.Parse(SourceText.From("STATE.md", text), null);
        var edited = StateParser.Parse(SourceText.From("STATE.md", text.Replace("01-02 (4m 7s)", "01-02 (4m 8s)")), null);

        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Should().NotBe(edited);
        first.ByPhase.Should().Be(edited.ByPhase, "the By Phase table did not change");
    }
}
