using PlanState.Model;

namespace PlanState.Tests.Model;

public class PhaseNumberTests
{
    [Test]
    public void Phase_numbers_compare_numerically_part_by_part()
    {
        var written = new[] { "100", "12A", "3", "2.1.1", "12", "2", "2.1", "02.2", "140.1.1", "14a" };

        var sorted = written.Select(PhaseNumber.Parse).OrderBy(n => n).Select(n => n.ToString());

        sorted.Should().Equal("2", "2.1", "2.1.1", "2.2", "3", "12", "12A", "14A", "100", "140.1.1");
    }

    [TestCase("02", "2")]
    [TestCase("02.1", "2.1")]
    [TestCase("012A", "12a")]
    public void Leading_zeros_and_letter_case_do_not_matter(string left, string right)
    {
        var (a, b) = (PhaseNumber.Parse(left), PhaseNumber.Parse(right));

        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [TestCase("2", "2.1")]
    [TestCase("2", "20")]
    [TestCase("12", "12A")]
    [TestCase("2.1", "2.10")]
    public void Different_numbers_are_not_equal(string left, string right) =>
        PhaseNumber.Parse(left).Should().NotBe(PhaseNumber.Parse(right));

    [TestCase("02.1", "2.1", "02.1", 2, false)]
    [TestCase("7", "7", "07", 7, true)]
    [TestCase("140.1.1", "140.1.1", "140.1.1", 140, false)]
    [TestCase("12a", "12A", "12A", 12, false)]
    public void Text_forms_and_parts(string text, string canonical, string padded, int major, bool isInteger)
    {
        var number = PhaseNumber.Parse(text);

        (number.ToString(), number.ToPaddedString(), number.Major, number.IsInteger).Should().Be((canonical, padded, major, isInteger));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("x")]
    [TestCase("2.")]
    [TestCase(".2")]
    [TestCase("2..1")]
    [TestCase("-1")]
    [TestCase("12ABC")]
    [TestCase("1234567")]
    public void Anything_else_is_not_a_phase_number(string text) =>
        PhaseNumber.TryParse(text, out _).Should().BeFalse();
}
