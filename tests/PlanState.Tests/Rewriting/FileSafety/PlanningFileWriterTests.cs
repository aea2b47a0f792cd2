using System.Text;
using PlanState.Model;
using PlanState.Rewriting;
using PlanState.Rewriting.FileSafety;
using PlanState.Text;

namespace PlanState.Tests.Rewriting.FileSafety;

public class PlanningFileWriterTests
{
    private static readonly LockOptions Quick = new()
    {
        RetryFor = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    private static readonly DateTime OldTime = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private TempDirectory folder = null!;

    [SetUp]
    public void SetUp() => folder = new TempDirectory();

    [TearDown]
    public void TearDown() => folder.Dispose();

    /// <summary>Writes a file and reads it back as the analysis would.</summary>
    private SourceText Analysed(string relative, byte[] bytes)
    {
        var path = folder.Write(relative, bytes);
        File.SetLastWriteTimeUtc(path, OldTime);
        return SourceText.FromBytes(relative, File.ReadAllBytes(path));
    }

    private SourceText Analysed(string relative, string text) => Analysed(relative, Encoding.UTF8.GetBytes(text));

    private static FileRewrite Rewrite(SourceText original, params (string OldText, string NewText)[] replacements) =>
        new(original, replacements.Select(r =>
        {
            var start = original.Text.IndexOf(r.OldText, StringComparison.Ordinal);
            start.Should().BeGreaterThanOrEqualTo(0);
            return new TextEdit(original.Span(start, r.OldText.Length), r.OldText, r.NewText, "PLAN3001");
        }).ToEquatableArray());

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] WithBom(string text) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(text)).ToArray();

    [Test]
    public void Writes_the_edits_and_keeps_every_other_byte()
    {
        var state = Analysed("STATE.md", WithBom("# State  \r\n\r\nProgress: [██░░░░░░░░] 50%\r\nnarrative 中文\n\rend"));

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[██░░░░░░░░]", "[█████░░░░░]")) }, Quick);

        outcome.Succeeded.Should().BeTrue();
        outcome.Failures.Should().BeEmpty();
        outcome.WrittenFiles.Should().Equal("STATE.md");
        outcome.Changes.Should().Equal(new AppliedChange("STATE.md", 3, 11, "[██░░░░░░░░]", "[█████░░░░░]", "PLAN3001"));
        outcome.TakenOverStaleLock.Should().BeNull();
        File.ReadAllBytes(folder.File("STATE.md")).Should().Equal(WithBom("# State  \r\n\r\nProgress: [█████░░░░░] 50%\r\nnarrative 中文\n\rend"));
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void Writes_a_real_seed_with_only_the_bar_changed()
    {
        var seed = RepositoryLayout.SeedBytes("000");
        var state = Analysed("STATE.md", seed);

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[██░░░░░░░░] 50%", "[█████░░░░░] 50%")) }, Quick);

        outcome.WrittenFiles.Should().Equal("STATE.md");
        var expected = Encoding.UTF8.GetString(seed).Replace("[██░░░░░░░░] 50%", "[█████░░░░░] 50%", StringComparison.Ordinal);
        File.ReadAllBytes(folder.File("STATE.md")).Should().Equal(Utf8(expected));
    }

    [Test]
    public void Writes_several_files_including_ones_in_phase_folders()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        var roadmap = Analysed("ROADMAP.md", "- [ ] 01-01-PLAN.md\r\n");
        var summary = Analysed("phases/01-foundation/01-01-SUMMARY.md", "phase: 1\n");

        var outcome = PlanningFileWriter.WriteAll(
            folder.Path,
            new[]
            {
                Rewrite(state, ("[░░] 0%", "[██] 100%")),
                Rewrite(roadmap, ("[ ]", "[x]")),
                Rewrite(summary, ("1", "01")),
            },
            Quick);

        outcome.WrittenFiles.Should().Equal("STATE.md", "ROADMAP.md", "phases/01-foundation/01-01-SUMMARY.md");
        outcome.Changes.Select(c => c.File).Should().Equal("STATE.md", "ROADMAP.md", "phases/01-foundation/01-01-SUMMARY.md");
        File.ReadAllText(folder.File("STATE.md")).Should().Be("Progress: [██] 100%\n");
        File.ReadAllText(folder.File("ROADMAP.md")).Should().Be("- [x] 01-01-PLAN.md\r\n");
        File.ReadAllText(folder.File("phases/01-foundation/01-01-SUMMARY.md")).Should().Be("phase: 01\n");
        folder.AllFiles().Should().Equal("ROADMAP.md", "STATE.md", "phases/01-foundation/01-01-SUMMARY.md");
    }

    [Test]
    public void A_rewrite_with_no_edits_is_never_written()
    {
        var state = Analysed("STATE.md", "Progress: [██] 100%\n");
        var roadmap = Analysed("ROADMAP.md", "- [ ] a\n");

        var outcome = PlanningFileWriter.WriteAll(
            folder.Path,
            new[] { new FileRewrite(state, EquatableArray<TextEdit>.Empty), Rewrite(roadmap, ("[ ]", "[x]")) },
            Quick);

        outcome.WrittenFiles.Should().Equal("ROADMAP.md");
        File.GetLastWriteTimeUtc(folder.File("STATE.md")).Should().Be(OldTime);
        File.GetLastWriteTimeUtc(folder.File("ROADMAP.md")).Should().NotBe(OldTime);
    }

    [Test]
    public void Edits_that_change_nothing_write_nothing_and_need_no_lock()
    {
        var state = Analysed("STATE.md", "Progress: [██] 100%\n");
        folder.Write("STATE.md.lock", "1234");

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[██]", "[██]")) }, Quick);

        outcome.Should().Be(WriteOutcome.Nothing);
        File.GetLastWriteTimeUtc(folder.File("STATE.md")).Should().Be(OldTime);
        File.ReadAllText(folder.File("STATE.md.lock")).Should().Be("1234");
    }

    [Test]
    public void No_op_edits_beside_real_ones_are_not_reported_as_changes()
    {
        var state = Analysed("STATE.md", "a b\n");

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("a", "a"), ("b", "B")) }, Quick);

        outcome.Changes.Should().Equal(new AppliedChange("STATE.md", 1, 3, "b", "B", "PLAN3001"));
        File.ReadAllText(folder.File("STATE.md")).Should().Be("a B\n");
    }

    [Test]
    public void A_file_changed_since_analysis_is_not_overwritten()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        var roadmap = Analysed("ROADMAP.md", "- [ ] a\n");
        folder.Write("STATE.md", "Progress: [░░] 0%\nAn agent added this line.\n");

        var outcome = PlanningFileWriter.WriteAll(
            folder.Path,
            new[] { Rewrite(state, ("[░░] 0%", "[██] 100%")), Rewrite(roadmap, ("[ ]", "[x]")) },
            Quick);

        outcome.Succeeded.Should().BeFalse();
        outcome.Failures.Should().Equal(new WriteFailure("STATE.md", "STATE.md changed on disk since it was read, so it was not written; run the update again."));
        outcome.WrittenFiles.Should().Equal("ROADMAP.md");
        outcome.Changes.Select(c => c.File).Should().Equal("ROADMAP.md");
        File.ReadAllText(folder.File("STATE.md")).Should().Be("Progress: [░░] 0%\nAn agent added this line.\n");
        folder.AllFiles().Should().Equal("ROADMAP.md", "STATE.md");
    }

    [Test]
    public void A_file_that_already_holds_the_new_text_is_left_alone_without_failure()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        var path = folder.Write("STATE.md", "Progress: [██] 100%\n");
        File.SetLastWriteTimeUtc(path, OldTime);

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[░░] 0%", "[██] 100%")) }, Quick);

        outcome.Succeeded.Should().BeTrue();
        outcome.WrittenFiles.Should().BeEmpty();
        outcome.Changes.Should().BeEmpty();
        File.GetLastWriteTimeUtc(path).Should().Be(OldTime);
    }

    [Test]
    public void A_file_deleted_since_analysis_fails()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        File.Delete(folder.File("STATE.md"));

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[░░]", "[██]")) }, Quick);

        outcome.Failures.Should().Equal(new WriteFailure("STATE.md", "STATE.md was deleted since it was read; nothing was written."));
        folder.AllFiles().Should().BeEmpty();
    }

    [Test]
    public void A_file_that_is_not_valid_utf8_is_never_written()
    {
        var bytes = Utf8("Progress: [░░] 0%\n").Append((byte)0xFF).ToArray();
        var state = Analysed("STATE.md", bytes);
        state.IsValidUtf8.Should().BeFalse();

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("0%", "50%")) }, Quick);

        outcome.Failures.Should().ContainSingle().Which.Message.Should().Be("STATE.md is not valid UTF-8, so it is never rewritten; nothing was written.");
        File.ReadAllBytes(folder.File("STATE.md")).Should().Equal(bytes);
        File.GetLastWriteTimeUtc(folder.File("STATE.md")).Should().Be(OldTime);
    }

    [Test]
    public void A_lock_held_by_another_process_fails_every_file_and_writes_nothing()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        var roadmap = Analysed("ROADMAP.md", "- [ ] a\n");
        folder.Write("STATE.md.lock", "1234");

        var outcome = PlanningFileWriter.WriteAll(
            folder.Path,
            new[] { Rewrite(state, ("[░░]", "[██]")), Rewrite(roadmap, ("[ ]", "[x]")) },
            Quick);

        outcome.WrittenFiles.Should().BeEmpty();
        outcome.Changes.Should().BeEmpty();
        outcome.Failures.Select(f => f.File).Should().Equal("STATE.md", "ROADMAP.md");
        outcome.Failures.Should().OnlyContain(f =>
            f.Message.StartsWith("STATE.md.lock is held by process 1234 (created ", StringComparison.Ordinal) &&
            f.Message.EndsWith("; retried for 0.2 s; nothing was written.", StringComparison.Ordinal));
        File.ReadAllText(folder.File("STATE.md")).Should().Be("Progress: [░░] 0%\n");
        File.GetLastWriteTimeUtc(folder.File("STATE.md")).Should().Be(OldTime);
        File.GetLastWriteTimeUtc(folder.File("ROADMAP.md")).Should().Be(OldTime);
        File.ReadAllText(folder.File("STATE.md.lock")).Should().Be("1234");
    }

    [Test]
    public void A_stale_lock_is_taken_over_reported_and_removed()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\n");
        folder.Write("STATE.md.lock", "1234");
        File.SetLastWriteTimeUtc(folder.File("STATE.md.lock"), DateTime.UtcNow.AddSeconds(-11));

        var outcome = PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("[░░]", "[██]")) }, Quick);

        outcome.WrittenFiles.Should().Equal("STATE.md");
        outcome.TakenOverStaleLock!.HolderProcessId.Should().Be(1234);
        outcome.TakenOverStaleLock.Message.Should().MatchRegex(@"^STATE\.md\.lock held by process 1234 was 1\d s old \(stale after 10 s\); it was taken over\.$");
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void Invalid_edits_throw_before_any_file_is_written()
    {
        var state = Analysed("STATE.md", "abc\n");
        var roadmap = Analysed("ROADMAP.md", "xyz\n");
        var wrongOldText = new TextEdit(roadmap.Span(0, 1), "q", "Q", "PLAN3001");

        var act = () => PlanningFileWriter.WriteAll(
            folder.Path,
            new[] { Rewrite(state, ("a", "A")), new FileRewrite(roadmap, EquatableArray.Create(wrongOldText)) },
            Quick);

        act.Should().Throw<ArgumentException>();
        File.ReadAllText(folder.File("STATE.md")).Should().Be("abc\n");
        folder.AllFiles().Should().Equal("ROADMAP.md", "STATE.md");
    }

    [Test]
    public void A_file_given_twice_is_a_programming_error()
    {
        var state = Analysed("STATE.md", "abc\n");

        var act = () => PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("a", "A")), Rewrite(state, ("b", "B")) }, Quick);

        act.Should().Throw<ArgumentException>().WithMessage("*'STATE.md' appears in more than one rewrite*");
    }

    [Test]
    public void Parallel_writers_making_the_same_fix_write_it_once()
    {
        var state = Analysed("STATE.md", "Progress: [░░] 0%\r\n");
        var options = new LockOptions { RetryFor = TimeSpan.FromSeconds(20), RetryDelay = TimeSpan.FromMilliseconds(5) };

        var outcomes = RunInParallel(8, _ =>
        {
            // Each writer analyses the same original, as parallel builds of one project do.
            var original = SourceText.FromBytes("STATE.md", state.Encode(state.Text));
            return PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(original, ("[░░] 0%", "[██] 100%")) }, options);
        });

        outcomes.Count(o => o.WrittenFiles.Count == 1).Should().Be(1);
        outcomes.Should().OnlyContain(o => o.Failures.IsEmpty);
        File.ReadAllText(folder.File("STATE.md")).Should().Be("Progress: [██] 100%\r\n");
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void Parallel_writers_with_different_fixes_never_overwrite_each_other()
    {
        var state = Analysed("STATE.md", "Value: 0\n");
        var options = new LockOptions { RetryFor = TimeSpan.FromSeconds(20), RetryDelay = TimeSpan.FromMilliseconds(5) };

        var outcomes = RunInParallel(8, task =>
            PlanningFileWriter.WriteAll(folder.Path, new[] { Rewrite(state, ("0", $"{task + 1}")) }, options));

        var winners = outcomes.Select((o, task) => (o, task)).Where(p => p.o.WrittenFiles.Count == 1).ToArray();
        winners.Should().ContainSingle();
        File.ReadAllText(folder.File("STATE.md")).Should().Be($"Value: {winners[0].task + 1}\n");
        outcomes.Where(o => o.WrittenFiles.IsEmpty).Should().HaveCount(7).And.OnlyContain(o =>
            o.Failures.Single().Message == "STATE.md changed on disk since it was read, so it was not written; run the update again.");
        folder.AllFiles().Should().Equal("STATE.md");
    }

    /// <summary>Runs <paramref name="count"/> writers at once, each on its own thread, released together.</summary>
    private static WriteOutcome[] RunInParallel(int count, Func<int, WriteOutcome> write)
    {
        using var start = new ManualResetEventSlim(false);
        var results = new WriteOutcome[count];
        var errors = new Exception?[count];
        var threads = Enumerable.Range(0, count).Select(task => new Thread(() =>
        {
            start.Wait();
            try
            {
                results[task] = write(task);
            }
            catch (Exception ex)
            {
                // An exception on a bare thread would end the test run; report it from the test instead.
                errors[task] = ex;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        errors.Should().OnlyContain(e => e == null);
        return results;
    }
}
