using PlanState.Rules;

namespace PlanState.Tests.Rules;

/// <summary>A stale value's message is formatted only when the values differ, and then in the invariant culture.</summary>
public class StaleMessageTests
{
    [Test]
    public void Nothing_is_formatted_when_the_texts_agree()
    {
        var probe = new CountingValue();

        Message("8", "8", $"count {probe} and {probe}").Should().BeEmpty();

        probe.Formatted.Should().Be(0);
    }

    [Test]
    public void The_message_is_formatted_when_the_texts_differ()
    {
        var probe = new CountingValue();

        Message("08", "8", $"count {probe}, {1234.5:0.0} min, {42}").Should().Be("count probe, 1234.5 min, 42");

        probe.Formatted.Should().Be(1);
    }

    [Test]
    [SetCulture("de-DE")]
    public void Numbers_are_written_as_the_files_write_them_whatever_the_culture()
    {
        Message("1", "2", $"{1.5} and {2.25:0.00}").Should().Be("1.5 and 2.25");
    }

    private static string Message(string oldText, string newText, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(oldText), nameof(newText))] ref StaleMessage message) =>
        message.ToString();

    private sealed class CountingValue
    {
        public int Formatted { get; private set; }

        public override string ToString()
        {
            Formatted++;
            return "probe";
        }
    }
}
