using System.Text;
using PlanState.Diagnostics;

namespace PlanState.Tests.Robustness;

/// <summary>
/// Bad inputs (issue #6, part 2): each gives a clear finding, with the file and what is wrong in its message, and
/// update writes nothing: every file keeps its bytes and its timestamp, and no temp or lock file appears. The base
/// STATE.md is seed 002, whose bar is stale, so a write would happen if the engine ignored the problem; the folder
/// cases use a consistent ROADMAP.md and phase folder instead.
/// </summary>
[TestFixture]
public sealed class BadInputTests
{
    private const string StaleBar = "Progress: [==                  ] 18% (2/11)";
    private const string FixedBar = "Progress: [====                ] 18% (2/11)";
    private const string Frontmatter = "---\ngsd_state_version: 1.0\nmilestone: v1.0\nstatus: executing\nprogress:\n  total_plans: 11\n  completed_plans: 2\n  percent: 18\n---\n";
    private static readonly DateTime Stamp = new(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    private static string SeedText => File.ReadAllText(Directory.GetFiles(RepositoryLayout.SeedsFolder, "002_*.txt").Single());

    [Test]
    public void An_empty_STATE_md()
    {
        var result = UpdateWith(root => File.WriteAllBytes(State(root), []));

        Single(result, "PLAN1010", "STATE.md").Message.Should().Be("'STATE.md' is empty.");
    }

    [Test]
    public void A_binary_STATE_md()
    {
        var result = UpdateWith(root => File.WriteAllBytes(State(root), [.. Encoding.UTF8.GetBytes(SeedText), 0, 1, 2, 0xFF]));

        Single(result, "PLAN1011", "STATE.md").Message.Should().Contain("NUL byte").And.Contain("binary");
    }

    [Test]
    public void A_STATE_md_that_is_not_valid_UTF8_is_reported_where_the_bad_byte_is_and_never_rewritten()
    {
        // Latin-1 "é" (0xE9) in the narrative, as an editor with the wrong encoding writes it; the bar is still stale.
        var bytes = Encoding.UTF8.GetBytes(SeedText.Replace("## Current Position", "## Current Position caf\u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xE9;

        var result = UpdateWith(root => File.WriteAllBytes(State(root), bytes));

        var finding = Single(result, "PLAN1009", "STATE.md");
        finding.Message.Should().Contain("0xE9").And.Contain("never rewritten");
        (finding.Span.Line, finding.Span.Column).Should().Be((10, 24));
    }

    [Test]
    public void A_10_MB_STATE_md()
    {
        var big = new StringBuilder(SeedText);
        while (big.Length < 10 * 1024 * 1024)
        {
            big.Append("- [07-02]: a decision the agent kept appending, far past anything a planning file needs\n");
        }

        var result = UpdateWith(root => File.WriteAllText(State(root), big.ToString()));

        Single(result, "PLAN1018", "STATE.md").Message.Should().Contain("4 MiB").And.Contain("not read");
    }

    [Test]
    public void An_unclosed_frontmatter()
    {
        var result = UpdateWith(root => File.WriteAllText(State(root), Frontmatter.Substring(0, Frontmatter.Length - "---\n".Length) + "\n" + SeedText));

        var finding = Single(result, "PLAN1003", "STATE.md");
        (finding.Span.Line, finding.Span.Column).Should().Be((1, 1));
        finding.Message.Should().Contain("no closing '---'");
    }

    [Test]
    public void Two_frontmatter_blocks()
    {
        var second = Frontmatter.Replace("percent: 18", "percent: 99", StringComparison.Ordinal);
        var result = UpdateWith(root => File.WriteAllText(State(root), Frontmatter + second + SeedText));

        var finding = Single(result, "PLAN1015", "STATE.md");
        (finding.Span.Line, finding.Span.Column).Should().Be((10, 1));
        finding.Message.Should().Contain("second '---' block");
    }

    [Test]
    public void A_frontmatter_after_a_BOM_is_read_as_frontmatter_and_the_BOM_survives_the_rewrite()
    {
        // Not bad input, but a trap: a reader that looks for "---" at byte 0 misses the block and reads its keys as
        // fields. Its progress: block is current here; only the body bar is stale, and it alone is rewritten.
        using var temp = new TempDirectory();
        var root = temp.Combine(".planning");
        Directory.CreateDirectory(root);
        var text = Frontmatter + SeedText;
        File.WriteAllBytes(State(root), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var analysis = new PlanStateEngine().Analyze(root);
        analysis.Folder.State!.Frontmatter.Should().NotBeNull();
        analysis.Folder.State.Frontmatter!.Find("progress.percent")!.Value.Should().Be("18");
        analysis.Findings.Select(f => f.Code).Should().NotContain(["PLAN1003", "PLAN1004", "PLAN1015"]);

        var result = new PlanStateEngine().Update(root);

        result.Changes.Should().ContainSingle();
        File.ReadAllBytes(State(root)).Should().Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace(StaleBar, FixedBar, StringComparison.Ordinal))]);
    }

    [Test]
    public void A_phase_folder_link_that_points_back_at_phases()
    {
        var result = UpdateWith(root =>
        {
            WriteRoadmapAndPhases(root);
            Directory.CreateSymbolicLink(Path.Combine(root, "phases", "02-loop"), Path.Combine(root, "phases"));
        }, withState: false);

        Single(result, "PLAN1019", "phases/02-loop").Message.Should().Contain("loops back on itself");
    }

    [Test]
    public void A_chain_of_links_that_loops_under_a_phase_folder()
    {
        var result = UpdateWith(root =>
        {
            WriteRoadmapAndPhases(root);
            var phase = Path.Combine(root, "phases", "01-foundation");
            Directory.CreateSymbolicLink(Path.Combine(phase, "a"), Path.Combine(phase, "b"));
            Directory.CreateSymbolicLink(Path.Combine(phase, "b"), Path.Combine(phase, "a"));
            Directory.CreateSymbolicLink(Path.Combine(root, "phases", "03-chain"), Path.Combine(root, "phases", "04-chain"));
            Directory.CreateSymbolicLink(Path.Combine(root, "phases", "04-chain"), Path.Combine(root, "phases", "03-chain"));
        }, withState: false);

        result.Before.Findings.Where(f => f.Code == "PLAN1019").Select(f => f.Span.File)
            .Should().Contain(["phases/03-chain", "phases/04-chain"]);
    }

    [Test]
    public void A_STATE_md_that_cannot_be_opened_for_reading()
    {
        var result = UpdateWith(root =>
        {
            File.WriteAllText(State(root), SeedText);
            MakeUnreadable(root, State(root));
        });

        var finding = Single(result, "PLAN1014", "STATE.md");
        finding.Message.Should().StartWith("'STATE.md' cannot be read: ").And.Contain("denied");
    }

    [Test]
    public void A_folder_named_STATE_md()
    {
        var result = UpdateWith(root => Directory.CreateDirectory(State(root)), withState: false);

        Single(result, "PLAN1020", "STATE.md").Message.Should().Be("'STATE.md' is a folder, but a file is expected here; it is not read.");
    }

    [Test]
    public void A_folder_named_like_a_SUMMARY_file()
    {
        var result = UpdateWith(root =>
        {
            WriteRoadmapAndPhases(root);
            Directory.CreateDirectory(Path.Combine(root, "phases", "01-foundation", "01-02-SUMMARY.md"));
        }, withState: false);

        Single(result, "PLAN1020", "phases/01-foundation/01-02-SUMMARY.md");
    }

    /// <summary>
    /// Builds a planning folder (seed 002 as STATE.md unless <paramref name="withState"/> is false), lets
    /// <paramref name="arrange"/> break it, runs update, and asserts that nothing was written.
    /// </summary>
    private static UpdateResult UpdateWith(Action<string> arrange, bool withState = true)
    {
        using var temp = new TempDirectory();
        var root = temp.Combine(".planning");
        Directory.CreateDirectory(root);
        if (withState)
        {
            File.WriteAllText(State(root), SeedText);
        }

        arrange(root);
        foreach (var file in Files(root))
        {
            File.SetLastWriteTimeUtc(file, Stamp);
        }

        var before = Snapshot(root);

        UpdateResult? result = null;
        var run = Task.Run(() => result = new PlanStateEngine().Update(root));
        run.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("bad input must not make the engine hang");

        var after = Snapshot(root);
        after.Keys.Should().BeEquivalentTo(before.Keys, "no temp or lock file is left");
        foreach (var (file, (time, bytes)) in before)
        {
            var changed = after[file].Time != time || !(after[file].Bytes ?? []).AsSpan().SequenceEqual(bytes ?? []);
            changed.Should().BeFalse($"{file} must not be written; changes: {string.Join("; ", result!.Changes)}");
        }

        result!.Changes.Should().BeEmpty();
        result.WrittenFiles.Should().BeEmpty();
        RestorePermissions(root);
        return result;
    }

    private static Finding Single(UpdateResult result, string code, string file)
    {
        var findings = result.Before.Findings.Where(f => f.Code == code).ToList();
        findings.Should().ContainSingle($"{code} is reported once; all findings: {string.Join("\n", result.Before.Findings)}");
        findings[0].Span.File.Should().Be(file);
        return findings[0];
    }

    private static string State(string root) => Path.Combine(root, "STATE.md");

    private static void WriteRoadmapAndPhases(string root)
    {
        File.WriteAllText(
            Path.Combine(root, "ROADMAP.md"),
            "# Roadmap\n\n## Phases\n\n### Phase 1: Foundation\n**Goal**: Build it\n**Plans:** 2 plans\n\nPlans:\n- [x] 01-01-PLAN.md — first\n- [ ] 01-02-PLAN.md — second\n");
        var phase = Path.Combine(root, "phases", "01-foundation");
        Directory.CreateDirectory(phase);
        File.WriteAllText(Path.Combine(phase, "01-01-PLAN.md"), "---\nphase: 01-foundation\nplan: 01\n---\n");
        File.WriteAllText(Path.Combine(phase, "01-01-SUMMARY.md"), "---\nphase: 01-foundation\nplan: 01\nduration: 5min\ncompleted: 2026-01-02\n---\n");
        File.WriteAllText(Path.Combine(phase, "01-02-PLAN.md"), "---\nphase: 01-foundation\nplan: 02\n---\n");
    }

    /// <summary>
    /// Makes a file fail to open with "permission denied". chmod 000 does that for a normal user; root reads through
    /// any mode, so as root the file is replaced by a link to a write-only kernel setting, which refuses reads even
    /// to root (a real EACCES from open(2), not a simulated one).
    /// </summary>
    private static void MakeUnreadable(string root, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("This test needs a Unix file system.");
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
        if (CanOpen(path))
        {
            File.Delete(path);
            var writeOnly = new[] { "/proc/sys/vm/drop_caches", "/proc/sys/vm/compact_memory" }.FirstOrDefault(File.Exists);
            writeOnly.Should().NotBeNull("as root, a write-only /proc/sys file is the unreadable file");
            File.CreateSymbolicLink(path, writeOnly!);
        }

        CanOpen(path).Should().BeFalse("the file must really be unreadable for this test to mean anything");
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void RestorePermissions(string root)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Files(root))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Every file below the root, links not followed (a loop must not loop the test).</summary>
    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(File.Exists);

    private static Dictionary<string, (DateTime Time, byte[]? Bytes)> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .ToDictionary(
                p => Path.GetRelativePath(root, p),
                p => File.Exists(p) ? (File.GetLastWriteTimeUtc(p), TryRead(p)) : (DateTime.MinValue, null));

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
