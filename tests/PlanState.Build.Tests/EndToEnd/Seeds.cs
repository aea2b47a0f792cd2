using System.Text;

namespace PlanState.Build.Tests.EndToEnd;

/// <summary>What the format reference (§8) expects of the seeds used here, each alone as <c>.planning/STATE.md</c>.</summary>
public static class Seeds
{
    /// <summary>Seed 002: only the bar is stale (width 20 at 18% fills 4 cells, not 2).</summary>
    public const string StaleBarOnly = "002";

    /// <summary>Seed 000: a stale bar and a contradiction (Last activity 01-03, Stopped at 01-02).</summary>
    public const string StaleBarAndContradiction = "000";

    /// <summary>Seed 001: consistent.</summary>
    public const string Consistent = "001";

    /// <summary>Seed 002 with its bar rewritten and every other byte as it was.</summary>
    public static byte[] StaleBarOnlyFixed() =>
        Replace(RepositoryLayout.SeedBytes(StaleBarOnly), "Progress: [==                  ] 18% (2/11)", "Progress: [====                ] 18% (2/11)");

    /// <summary>Seed 000 with its bar rewritten (the contradiction stays for a person to resolve).</summary>
    public static byte[] StaleBarAndContradictionFixed() =>
        Replace(RepositoryLayout.SeedBytes(StaleBarAndContradiction), "Progress: [██░░░░░░░░] 50%", "Progress: [█████░░░░░] 50%");

    /// <summary>The 1-based line of the first line that starts with <paramref name="prefix"/>.</summary>
    public static int LineOf(byte[] content, string prefix)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith(prefix, StringComparison.Ordinal));
        index.Should().BeGreaterThanOrEqualTo(0, $"the seed has a line starting with '{prefix}'");
        return index + 1;
    }

    public static byte[] Replace(byte[] content, string oldText, string newText)
    {
        var text = Encoding.UTF8.GetString(content);
        text.Should().Contain(oldText);
        return Encoding.UTF8.GetBytes(text.Replace(oldText, newText));
    }
}
