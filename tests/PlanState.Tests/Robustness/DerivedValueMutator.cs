using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanState.Tests.Robustness;

/// <summary>
/// Makes derived values of a consistent synthetic tree stale the way agents do: a bar filled to the wrong width, a
/// percent, count, duration, table cell, status or checkbox that no longer matches the folders. Every mutation keeps a
/// value the engine must restore (a lower completed count, a higher total, another bar fill), never one that turns into
/// a contradiction a person must resolve (a numerator above its denominator, a phase ticked without its summaries).
/// </summary>
internal static class DerivedValueMutator
{
    private const RegexOptions Options = RegexOptions.Multiline | RegexOptions.CultureInvariant;

    private static readonly Site[] StateSites =
    [
        new("bar fill", new Regex(@"(?<=^Progress: \[)[█░]+(?=\])", Options), (m, r) => OtherFill(m.Value, r)),
        new("bar percent", new Regex(@"(?<=^Progress: \[[█░]+\] )\d+(?=%)", Options), (m, r) => Other(m.Value, 0, 100, r)),
        new("frontmatter total", new Regex(@"(?<=^  total_(?:phases|plans): )\d+", Options), (m, r) => Higher(m.Value, r)),
        new("frontmatter completed", new Regex(@"(?<=^  completed_(?:phases|plans): )\d+", Options), (m, r) => Lower(m.Value, r)),
        new("frontmatter percent", new Regex(@"(?<=^  percent: )\d+", Options), (m, r) => Other(m.Value, 0, 100, r)),
        new("total plans completed", new Regex(@"(?<=^- Total plans completed: )\d+", Options), (m, r) => Lower(m.Value, r)),
        new("average duration", new Regex(@"(?<=^- Average duration: )\d+\.\d(?= min)", Options), (m, r) => OtherDecimal(m.Value, 1, r)),
        new("total execution time", new Regex(@"(?<=^- Total execution time: )\d+\.\d\d(?= hours)", Options), (m, r) => OtherDecimal(m.Value, 2, r)),
        new("By Phase plans", new Regex(@"(?<=^\| \d+\. [^|\r\n]+ \| )\d+(?=/\d+ \|)", Options), (m, r) => Lower(m.Value, r)),
        new("By Phase duration", new Regex(@"\d+\.\d(?= min \|)", Options), (m, r) => OtherDecimal(m.Value, 1, r)),
        new("plan of B", new Regex(@"(?<=^Plan: \d+ of )\d+", Options), (m, r) => Higher(m.Value, r)),
        new("phase of Y", new Regex(@"(?<=^Phase: \d+ of )\d+", Options), (m, r) => Higher(m.Value, r)),
    ];

    private static readonly Site[] RoadmapSites =
    [
        new("table plans complete", new Regex(@"(?<=^\| (?<phase>\d+)\. [^|\r\n]+ \| (?:v1\.[01] \| )?)(?<s>\d+)/(?<p>\d+)(?= \|)", Options), (m, r) => Other(m.Groups["s"].Value, 0, int.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture), r) + "/" + m.Groups["p"].Value),
        new("table status", new Regex(@"(?<=^\| (?<phase>\d+)\. [^|\r\n]+ \| (?:v1\.[01] \| )?\d+/\d+ \| )(?:Complete|In Progress|Not started)(?= \|)", Options), (m, r) => OtherOf(m.Value, ["Complete", "In Progress", "Not started"], r)),
        new("plan checkbox", new Regex(@"(?<=^- )\[[ x]\](?= (?<phase>\d+)-\d+-PLAN\.md)", Options), (m, _) => m.Value == "[x]" ? "[ ]" : "[x]"),
        new("plans line", new Regex(@"(?<=^\*\*Plans:\*\* )\d+(?= plans?)", Options), (m, r) => Other(m.Value, 1, 30, r)),
    ];

    /// <summary>
    /// Applies 1..<paramref name="maxMutations"/> mutations to STATE.md and ROADMAP.md of a generated tree (archived
    /// phases, which the engine leaves alone, excepted). Returns what was changed, for the failure message.
    /// </summary>
    public static IReadOnlyList<string> Mutate(string planningRoot, int archivedPhases, int seed, int maxMutations)
    {
        var random = new Random(seed);
        var candidates = new List<(string File, Match Match, Site Site)>();
        var texts = new Dictionary<string, (string Text, bool Bom)>();
        foreach (var (file, sites) in new[] { ("STATE.md", StateSites), ("ROADMAP.md", RoadmapSites) })
        {
            var bytes = File.ReadAllBytes(Path.Combine(planningRoot, file));
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var text = Encoding.UTF8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            texts[file] = (text, bom);
            foreach (var site in sites)
            {
                // Shipped phases sit folded in <details> above the current milestone; a site that names no phase is
                // current only below that block.
                var currentFrom = archivedPhases > 0 && file == "ROADMAP.md" ? text.IndexOf("</details>", StringComparison.Ordinal) : 0;
                foreach (Match match in site.Pattern.Matches(text))
                {
                    var current = match.Groups["phase"].Success
                        ? int.Parse(match.Groups["phase"].Value, CultureInfo.InvariantCulture) > archivedPhases
                        : match.Index > currentFrom;
                    if (current)
                    {
                        candidates.Add((file, match, site));
                    }
                }
            }
        }

        var chosen = candidates.OrderBy(_ => random.Next()).Take(1 + random.Next(maxMutations)).ToList();
        var log = new List<string>();
        foreach (var group in chosen.GroupBy(c => c.File))
        {
            var (text, bom) = texts[group.Key];
            var builder = new StringBuilder(text);
            foreach (var (_, match, site) in group.OrderByDescending(c => c.Match.Index))
            {
                var replacement = site.Replace(match, random);
                builder.Remove(match.Index, match.Length).Insert(match.Index, replacement);
                log.Add($"{group.Key} {site.Name}: '{match.Value}' → '{replacement}'");
            }

            var body = Encoding.UTF8.GetBytes(builder.ToString());
            File.WriteAllBytes(Path.Combine(planningRoot, group.Key), bom ? [0xEF, 0xBB, 0xBF, .. body] : body);
        }

        return log;
    }

    private static string OtherFill(string bar, Random random)
    {
        var width = bar.Length;
        var filled = bar.Count(c => c == '█');
        var next = filled;
        while (next == filled)
        {
            next = random.Next(width + 1);
        }

        return new string('█', next) + new string('░', width - next);
    }

    private static string Other(string value, int min, int max, Random random)
    {
        var current = int.Parse(value, CultureInfo.InvariantCulture);
        if (max <= min)
        {
            return (current + 1).ToString(CultureInfo.InvariantCulture);
        }

        var next = current;
        while (next == current)
        {
            next = random.Next(min, max + 1);
        }

        return next.ToString(CultureInfo.InvariantCulture);
    }

    private static string Lower(string value, Random random)
    {
        var current = int.Parse(value, CultureInfo.InvariantCulture);
        return current == 0 ? "1" : random.Next(current).ToString(CultureInfo.InvariantCulture);
    }

    private static string Higher(string value, Random random) =>
        (int.Parse(value, CultureInfo.InvariantCulture) + 1 + random.Next(5)).ToString(CultureInfo.InvariantCulture);

    private static string OtherDecimal(string value, int decimals, Random random)
    {
        var format = "0." + new string('0', decimals);
        var next = value;
        while (next == value)
        {
            next = (random.Next(1, 100_000) / 1000.0).ToString(format, CultureInfo.InvariantCulture);
        }

        return next;
    }

    private static string OtherOf(string value, string[] options, Random random) =>
        options.Where(o => o != value).ElementAt(random.Next(options.Length - 1));

    private sealed record Site(string Name, Regex Pattern, Func<Match, Random, string> Replace);
}
