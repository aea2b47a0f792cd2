using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PlanState.Tests.Robustness;

/// <summary>Generators of hostile planning text: random markdown in the shapes real files have, mutated real files, raw bytes.</summary>
internal static class FuzzText
{
    private static readonly string[] Prefixes =
    [
        "", "", "", "# ", "## ", "### ", "#### ", "- ", "  - ", "* ", "> ", "| ", "- [ ] ", "- [x] ", "1. ", "    ", "\t", "  ",
    ];

    private static readonly string[] Tokens =
    [
        "Phase:", "Plan:", "Progress:", "Status:", "Last activity:", "Stopped at:", "**Current focus:**", "**Current Phase:**",
        "**Total Phases:**", "**Current Plan:**", "**Progress:**", "**Plans:**", "**Plans**:", "**Goal**:", "**Depends on**:",
        "- Total plans completed:", "- Average duration:", "- Total execution time:", "- Last 5 plans:", "- Trend:",
        "Phase 140.1.1:", "Phase 2.1", "Phase 12A:", "**Phase 3: Name**", "Phase", "Phases 1-4", "total_plans:", "completed_plans:",
        "percent:", "progress:", "completed:", "duration:", "phase:", "plan:", "metrics:", "duration_minutes:", "milestone:",
        "## Performance", "**Duration:**", "**Completed:**", "**Started:**", "## Current Position", "## Performance Metrics",
        "**Velocity:**", "**By Phase:**", "**Recent Trend:**", "## Progress", "## Milestones", "## Phase Details",
        "### 🚧 v1.1 名称 (In Progress)", "- ✅ **v1.0 MVP** - Phases 1-4 (shipped 2026-01-02)", "<details>", "</details>",
        "<summary>✅ v1.0 MVP</summary>", "---", "...", "```", "<!--", "-->",
        "1 of 2 (Foundation)", "X (Name) — EXECUTING", "09", "0 of TBD", "Not started", "—", "17-02 completed", "2 of 4 in current phase",
        "[██░░░░░░░░] 50%", "[##--------] 12%", "`[====      ]` 40%", "[=░░] 25% (2/4 phases, 6/9 plans)", "[", "]", "█", "░", "#", "=",
        "— SHIPPED", "(Phase 12)", "(2/11)", "3min", "5 min", "2.6 min", "3.5m", "2m 39s", "4m 7s", "1h 5m", "1h20min", "~30min",
        "96s", "268 seconds", "45 minutes", "0.09 hours", "~12.5 hrs", "~1 session", "not tracked", "5", "-", "3/4", "0/TBD", "N/?",
        "Complete", "✅ Complete", "✓ In Progress", "Deferred", "Planned", "2026-01-02", "2026-02-02T10:11:12Z", "2026-13-45",
        "1-64", "v1.0-v2.3", "166/166", "v1.10", "01-02-PLAN.md — desc", "01-02: desc", "**01-02**", "02.1-01-SUMMARY.md",
        "@scope/pkg", "%w", "a: b: c", "'unterminated", "\"unterminated", "{", "}", "&anchor", "*anchor", "!!binary", "|", ">",
        "? ", "Improving", "Degrading (longer plans)", "Stable", "Not enough data", "阶段", "名称 — 完成", "进度：", "🚧", "✅",
        "99999999999999999999999", "2147483648", "-1", "1e308", "NaN", "%", "100%", "101%", "(", ")", "/", "\u200b", "\ufeff",
        "\u00a0", "\u0000", "\ud800", "é", "e\u0301",
    ];

    private static readonly string[] Separators = [" ", " ", "", " | ", ", ", "  ", "\t", ": "];

    /// <summary>Random lines built from planning tokens, sometimes under a frontmatter fence, with LF, CRLF and CR mixed.</summary>
    public static Gen<string> Markdown()
    {
        var token = Gen.Frequency((12, Gen.Elements(Tokens)), (1, RandomUnicode()));
        var line =
            from prefix in Gen.Elements(Prefixes)
            from parts in Gen.ListOf(from t in token from s in Gen.Elements(Separators) select t + s).Resize(6)
            select prefix + string.Concat(parts);
        var lineEnding = Gen.Frequency((6, Gen.Constant("\n")), (3, Gen.Constant("\r\n")), (1, Gen.Constant("\r")), (1, Gen.Constant(string.Empty)));
        var body = Gen.ListOf(from l in line from e in lineEnding select l + e).Select(string.Concat);
        return from opening in Gen.Frequency((2, Gen.Constant(string.Empty)), (1, Gen.Constant("---\n")), (1, Gen.Constant("\ufeff---\r\n")))
               from head in body
               from closing in Gen.Elements(string.Empty, "---\n", "...\n", "---")
               from tail in body
               select opening + head + closing + tail;
    }

    /// <summary>A real file changed by a few random edits: truncation, deleted or duplicated ranges, inserted tokens, swapped lines.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> files) =>
        from index in Gen.Choose(0, files.Count - 1)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from edits in Gen.Choose(1, 6)
        select Mutate(files[index], new Random(seed), edits);

    /// <summary>Random bytes, or a real file's bytes with flipped bytes, NULs, a BOM or a cut inside a UTF-8 sequence.</summary>
    public static Gen<byte[]> Bytes(IReadOnlyList<string> files)
    {
        var random = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
        var damaged =
            from index in Gen.Choose(0, files.Count - 1)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select Damage(Encoding.UTF8.GetBytes(files[index]), new Random(seed));
        return Gen.OneOf(random, damaged);
    }

    private static Gen<string> RandomUnicode() =>
        Gen.ArrayOf(Gen.Frequency(
                (4, Gen.Choose(0x20, 0x7e)),
                (2, Gen.Choose(0x4e00, 0x9fff)),
                (1, Gen.Choose(0x2500, 0x25ff)),
                (1, Gen.Choose(0, 0x1f)),
                (1, Gen.Choose(0xd800, 0xdfff)),
                (1, Gen.Choose(0x80, 0xffff)))
            .Select(c => (char)c))
            .Resize(8)
            .Select(chars => new string(chars));

    private static string Mutate(string text, Random random, int edits)
    {
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            var length = Math.Min(text.Length - at, 1 + random.Next(200));
            switch (random.Next(7))
            {
                case 0:
                    text = text.Substring(0, at);
                    break;
                case 1:
                    text = text.Remove(at, length);
                    break;
                case 2:
                    text = text.Insert(at, text.Substring(at, length));
                    break;
                case 3:
                    text = text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 4:
                    var lines = text.Split('\n');
                    var a = random.Next(lines.Length);
                    var b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join("\n", lines);
                    break;
                case 5:
                    text = text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r");
                    break;
                default:
                    text = text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[random.Next(Tokens.Length)], 1 + random.Next(50))));
                    break;
            }
        }

        return text;
    }

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        for (var i = 0; i < 1 + random.Next(4) && list.Count > 0; i++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 1:
                    list[at] = (byte)random.Next(256);
                    break;
                case 2:
                    list.Insert(at, 0);
                    break;
                case 3:
                    list.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                    break;
                default:
                    list.Insert(at, (byte)(0x80 + random.Next(0x80)));
                    break;
            }
        }

        return list.ToArray();
    }
}
