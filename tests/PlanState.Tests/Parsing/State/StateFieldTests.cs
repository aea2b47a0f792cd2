using PlanState.Parsing.State;

namespace PlanState.Tests.Parsing.State;

/// <summary>Fields are <c>Name: value</c> or bold <c>**Name:** value</c>, optionally as list items (spec §2).</summary>
public class StateFieldTests
{
    [TestCase("Phase: 1 of 2 (Foundation)", "phase", 7, "1 of 2 (Foundation)")]
    [TestCase("**Current focus:** Phase 1 - Foundation", "current focus", 19, "Phase 1 - Foundation")]
    [TestCase("**Current Phase**: 05", "current phase", 19, "05")]
    [TestCase("- Total plans completed: 2 (v1.1)", "total plans completed", 25, "2 (v1.1)")]
    [TestCase("* **Progress:** 45%   ", "progress", 16, "45%")]
    [TestCase("  + Last 5 plans: 3min", "last 5 plans", 18, "3min")]
    [TestCase("LAST ACTIVITY:    2026-02-02", "last activity", 18, "2026-02-02")]
    public void Reads_name_and_exact_value(string line, string name, int valueStart, string value)
    {
        StateFields.TryReadField(line, out var readName, out var readStart, out var readValue).Should().BeTrue();

        (readName, readStart, readValue).Should().Be((name, valueStart, value));
        line.Substring(readStart, readValue.Length).Should().Be(value);
    }

    [TestCase("| Phase | Plans | Total |")]
    [TestCase("See .planning/PROJECT.md")]
    [TestCase("**Velocity**")]
    [TestCase("2026-02-02: a date first")]
    [TestCase("**Unclosed: value")]
    [TestCase("https://example.org/x")]
    public void Other_lines_are_not_fields(string line) =>
        StateFields.TryReadField(line, out _, out _, out _).Should().BeFalse();
}
