using PlanState.Model;
using PlanState.Parsing.Files;

namespace PlanState.Tests.Parsing.Files;

public class PhaseFolderScannerTests
{
    private TempPlanningRoot temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempPlanningRoot();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [Test]
    public void Root_without_phases_folder_has_no_phases_and_no_problem()
    {
        temp.Write("STATE.md", "# State\n");

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.HasPhasesFolder.Should().BeFalse();
        result.Phases.Should().BeEmpty();
        result.Problems.Should().BeEmpty();
    }

    [Test]
    public void Empty_phases_folder_is_a_phases_folder()
    {
        temp.Folder("phases");

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.HasPhasesFolder.Should().BeTrue();
        result.Phases.Should().BeEmpty();
    }

    [Test]
    public void Reads_active_and_archived_phases_in_phase_order()
    {
        temp.Write("phases/10-ten/10-01-PLAN.md", "---\nphase: 10\n---\n");
        temp.Write("phases/02.1-hotfix/02.1-01-PLAN.md", "---\nphase: 02.1\n---\n");
        temp.Write("phases/02-core/02-01-PLAN.md", "---\nphase: 02\n---\n");
        temp.Write("phases/01-foundation/01-01-PLAN.md", "---\nphase: 01\n---\n");
        temp.Write("milestones/v1.0-phases/01-old/01-01-PLAN.md", "---\nphase: 01\n---\n");
        temp.Write("milestones/v1.0-phases/01-old/01-01-SUMMARY.md", "---\nduration: 3 min\ncompleted: 2025-12-01\n---\n");
        temp.Write("milestones/v1.0-ROADMAP.md", "# old\n");
        temp.Folder("milestones/old-notes/05-x");
        temp.Folder("phases/notes");
        temp.Folder("phases/research");
        temp.Write("phases/README.md", "notes\n");
        temp.Write("phases/03-not-a-folder.md", "notes\n");

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.HasPhasesFolder.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.Phases.Select(p => (p.Number.ToString(), p.Slug, p.Path, p.ArchiveVersion)).Should().Equal(
            ("1", "foundation", "phases/01-foundation", null),
            ("1", "old", "milestones/v1.0-phases/01-old", "v1.0"),
            ("2", "core", "phases/02-core", null),
            ("2.1", "hotfix", "phases/02.1-hotfix", null),
            ("10", "ten", "phases/10-ten", null));
        var archived = result.Phases[1];
        archived.IsArchived.Should().BeTrue();
        archived.Plans.Single().Path.Should().Be("milestones/v1.0-phases/01-old/01-01-PLAN.md");
        archived.Summaries.Single().Completed!.Value.Should().Be(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Reads_plans_and_summaries_and_skips_everything_else()
    {
        const string folder = "phases/01-foundation";
        temp.Write($"{folder}/01-10-PLAN.md", "---\nphase: 01-foundation\n---\n");
        temp.Write($"{folder}/01-02-PLAN.md", "---\nphase: 01-foundation\n---\n");
        temp.Write($"{folder}/01-01-PLAN.md", "---\nphase: 01-foundation\nplan: 01\n---\n");
        temp.Write($"{folder}/01-01-SUMMARY.md", "---\nphase: 01-foundation\nmetrics:\n  duration: 2m 39s\n  completed: 2026-01-02T10:00:00Z\n---\n");
        temp.Write($"{folder}/01-02-SUMMARY.md", "---\nduration_minutes: 4\ncompleted: 2026-01-03\n---\n");
        temp.Write($"{folder}/01-01-REPLAN-INPUTS.md", "---\nphase: 01\n---\n");
        temp.Write($"{folder}/PLAN-REVIEW.md", "review\n");
        temp.Write($"{folder}/notes-PLAN.md", "notes\n");
        temp.Write($"{folder}/01-02-PLAN.md.bak-1", "old\n");
        temp.Write($"{folder}/01-02-PLAN.md.tmp.123", "tmp\n");
        temp.Write($"{folder}/01-CONTEXT.md", "context\n");
        temp.Write($"{folder}/.lock", string.Empty);
        temp.Write($"{folder}/WAITING.json", "{}");
        temp.Folder($"{folder}/assets");

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Problems.Should().BeEmpty();
        phase.Plans.Select(p => p.Id.Text).Should().Equal("01-01", "01-02", "01-10");
        phase.Plans.Select(p => p.Path).Should().Equal($"{folder}/01-01-PLAN.md", $"{folder}/01-02-PLAN.md", $"{folder}/01-10-PLAN.md");
        phase.Plans[0].PhaseKey!.Value.Should().Be("01-foundation");
        phase.Plans[0].PhaseKey!.Span.File.Should().Be($"{folder}/01-01-PLAN.md");
        phase.Summaries.Select(s => s.Id.Text).Should().Equal("01-01", "01-02");
        phase.Summaries[0].Duration!.Value.TotalSeconds.Should().Be(159);
        phase.Summaries[0].Completed!.Value.Should().Be(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        phase.Summaries[1].Duration!.Value.TotalSeconds.Should().Be(240);
    }

    [Test]
    public void Files_named_for_another_phase_are_still_read()
    {
        temp.Write("phases/02-core/03-01-PLAN.md", "---\nphase: 03\n---\n");
        temp.Write("phases/02-core/03-01-SUMMARY.md", "---\nphase: 03\n---\n");

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Number.Should().Be(PhaseNumber.Parse("2"));
        phase.Plans.Single().Id.Phase.Should().Be(PhaseNumber.Parse("3"));
        phase.Summaries.Single().PhaseKey!.Value.Should().Be("03");
    }

    [Test]
    public void Legacy_bare_plan_and_summary_are_plan_1_of_the_folder()
    {
        temp.Write("phases/05-legacy/PLAN.md", "# Plan\n");
        temp.Write("phases/05-legacy/SUMMARY.md", "# Summary\n\n## Performance\n**Duration:** 12 min\n**Completed:** 2024-06-01\n");

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Plans.Single().Id.Text.Should().Be("05-01");
        var summary = phase.Summaries.Single();
        summary.Id.Should().Be(new PlanId(PhaseNumber.Parse("5"), 1, "05-01"));
        summary.Duration!.Value.TotalSeconds.Should().Be(720);
        summary.Completed!.Value.Should().Be(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Folder_named_like_a_plan_file_is_reported()
    {
        temp.Folder("phases/01-x/01-01-SUMMARY.md");
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Summaries.Should().BeEmpty();
        phase.Plans.Should().ContainSingle();
        var problem = phase.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1020");
        problem.Span.File.Should().Be("phases/01-x/01-01-SUMMARY.md");
    }

    [Test]
    public void Unusable_plan_files_still_exist_and_carry_their_problem()
    {
        temp.WriteBytes("phases/01-x/01-01-PLAN.md", [0x2D, 0x00, 0x01]);
        temp.Write("phases/01-x/01-01-SUMMARY.md", string.Empty);

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Plans.Single().Problems.Single().Code.Should().Be("PLAN1011");
        phase.Plans.Single().PhaseKey.Should().BeNull();
        phase.Summaries.Single().Problems.Single().Code.Should().Be("PLAN1010");
    }

    [Test]
    public void Load_and_parse_problems_are_both_kept()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("---\nphase: 1\nduration: soon\n---\n\u00FF").ToList();
        bytes.RemoveRange(bytes.Count - 2, 2);
        bytes.Add(0xFF);
        temp.WriteBytes("phases/01-x/01-01-SUMMARY.md", bytes.ToArray());

        var summary = PhaseFolderScanner.Scan(temp.Root).Phases.Single().Summaries.Single();

        summary.Problems.Select(p => p.Code).Should().Equal("PLAN1009", "PLAN1001");
    }

    [Test]
    public void Legacy_summary_body_past_the_head_is_read_from_the_whole_file()
    {
        var content = "---\nphase: 01\nplan: 01\n---\n# Summary\n\n" + string.Concat(Enumerable.Repeat("Narrative line that pads the file.\n", 300))
            + "\n## Performance\n\n- **Duration:** 7m 56s\n- **Completed:** 2025-02-03\n";
        temp.Write("phases/01-x/01-01-SUMMARY.md", content);
        var access = new CountingFileSystem();

        var summary = PhaseFolderScanner.Scan(temp.Root, access).Phases.Single().Summaries.Single();

        summary.Duration!.Value.TotalSeconds.Should().Be(476);
        summary.Completed!.Value.Should().Be(new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc));
        summary.Duration.Span.Line.Should().Be(content.Split('\n').ToList().FindIndex(l => l.Contains("Duration")) + 1);
        access.Opens.Should().Be(2, "the head lacked the facts, so the whole file was read");
    }

    [Test]
    public void Summary_whose_frontmatter_has_the_facts_is_read_from_its_head_only()
    {
        var content = "---\nduration: 3 min\ncompleted: 2026-01-02\n---\n" + new string('x', 20_000) + "\n";
        temp.Write("phases/01-x/01-01-SUMMARY.md", content);
        var access = new CountingFileSystem();

        var summary = PhaseFolderScanner.Scan(temp.Root, access).Phases.Single().Summaries.Single();

        summary.Duration.Should().NotBeNull();
        access.Opens.Should().Be(1);
        access.BytesRead.Should().BeLessThan(8192);
    }

    [Test]
    public void Phase_folder_link_back_to_its_container_is_a_loop()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        if (!TryLink("phases/03-loop", temp.Full("phases")))
        {
            return;
        }

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.Phases.Select(p => p.Path).Should().Equal("phases/01-x");
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1019");
        problem.Span.File.Should().Be("phases/03-loop");
    }

    [Test]
    public void Link_inside_a_phase_folder_pointing_up_is_a_loop()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        if (!TryLink("phases/01-x/back", ".."))
        {
            return;
        }

        var phase = PhaseFolderScanner.Scan(temp.Root).Phases.Single();

        phase.Plans.Should().ContainSingle();
        var problem = phase.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1019");
        problem.Span.File.Should().Be("phases/01-x/back");
        problem.Message.Should().Contain("'phases/01-x/back'");
    }

    [Test]
    public void Link_that_points_to_itself_is_a_loop()
    {
        if (!TryLink("phases/04-self", temp.Full("phases/04-self")))
        {
            return;
        }

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.Phases.Should().BeEmpty();
        result.Problems.Single().Code.Should().Be("PLAN1019");
    }

    [Test]
    public void Linked_phase_folder_that_does_not_loop_is_read()
    {
        temp.Write("elsewhere/01-01-PLAN.md", "---\nphase: 1\n---\n");
        temp.Folder("phases");
        if (!TryLink("phases/01-linked", temp.Full("elsewhere")))
        {
            return;
        }

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.Problems.Should().BeEmpty();
        result.Phases.Single().Plans.Single().Path.Should().Be("phases/01-linked/01-01-PLAN.md");
    }

    [Test]
    public void Unreadable_phase_folder_is_reported_and_the_others_are_read()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes do not apply on Windows; the injected failure tests cover the path.");
            return;
        }

        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        temp.Write("phases/02-y/02-01-PLAN.md", "# Plan\n");
        if (!temp.DenyAccess("phases/02-y"))
        {
            Assert.Ignore("Running as root: chmod 000 does not block reads. The injected failure tests cover the path.");
        }

        var result = PhaseFolderScanner.Scan(temp.Root);

        result.Phases.Select(p => p.Path).Should().Equal("phases/01-x", "phases/02-y");
        result.Phases[0].Plans.Should().ContainSingle();
        var problem = result.Phases[1].Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1014");
        problem.Message.Should().Contain("'phases/02-y'").And.Contain("denied");
    }

    [Test]
    public void Unreadable_phase_folder_injected_failure_is_reported_with_the_os_message()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        temp.Write("phases/02-y/02-01-PLAN.md", "# Plan\n");
        var access = FailingFileSystem.Denying("/phases/02-y");

        var result = PhaseFolderScanner.Scan(temp.Root, access);

        result.Phases.Select(p => p.Path).Should().Equal("phases/01-x", "phases/02-y");
        result.Phases[0].Plans.Should().ContainSingle();
        result.Phases[1].Plans.Should().BeEmpty();
        var problem = result.Phases[1].Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1014");
        problem.Message.Should().Be($"Folder 'phases/02-y' cannot be read: Access to the path '{temp.Full("phases/02-y")}' is denied.");
    }

    [Test]
    public void Unreadable_plan_file_injected_failure_still_counts_as_a_plan()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        temp.Write("phases/01-x/01-01-SUMMARY.md", "# Summary\n");
        var access = FailingFileSystem.Denying("/01-01-SUMMARY.md");

        var phase = PhaseFolderScanner.Scan(temp.Root, access).Phases.Single();

        var summary = phase.Summaries.Single();
        summary.Problems.Single().Code.Should().Be("PLAN1014");
        summary.Problems.Single().Span.File.Should().Be("phases/01-x/01-01-SUMMARY.md");
        summary.Duration.Should().BeNull();
    }

    [Test]
    public void Unreadable_phases_folder_injected_failure_is_a_scan_problem()
    {
        temp.Folder("phases/01-x");
        var access = FailingFileSystem.Denying("/phases");

        var result = PhaseFolderScanner.Scan(temp.Root, access);

        result.HasPhasesFolder.Should().BeTrue();
        result.Phases.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("PLAN1014");
        problem.Span.File.Should().Be("phases");
    }

    [Test]
    public void Unreadable_plan_file_is_reported()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes do not apply on Windows; the injected failure tests cover the path.");
            return;
        }

        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        if (!temp.DenyAccess("phases/01-x/01-01-PLAN.md"))
        {
            Assert.Ignore("Running as root: chmod 000 does not block reads. Unreadable_plan_file_injected_failure_still_counts_as_a_plan covers the path.");
        }

        var plan = PhaseFolderScanner.Scan(temp.Root).Phases.Single().Plans.Single();

        plan.Problems.Single().Code.Should().Be("PLAN1014");
    }

    [Test]
    public void File_that_vanishes_after_the_listing_is_left_out()
    {
        temp.Write("phases/01-x/01-01-PLAN.md", "# Plan\n");
        temp.Write("phases/01-x/01-02-PLAN.md", "# Plan\n");
        var access = new FailingFileSystem(path => path.EndsWith("01-02-PLAN.md", StringComparison.Ordinal) ? new FileNotFoundException("gone", path) : null);

        var phase = PhaseFolderScanner.Scan(temp.Root, access).Phases.Single();

        phase.Plans.Select(p => p.Id.Text).Should().Equal("01-01");
        phase.Problems.Should().BeEmpty();
    }

    /// <summary>Creates a folder link, or marks the test ignored when the OS refuses links here.</summary>
    private bool TryLink(string relativePath, string target)
    {
        var full = temp.Full(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            Directory.CreateSymbolicLink(full, target);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Assert.Ignore($"The OS refuses symbolic links here: {ex.Message}");
            return false;
        }
    }

    /// <summary>The real file system, counting what the scanner opens and reads.</summary>
    private sealed class CountingFileSystem : FileSystemAccess
    {
        private readonly List<CountingStream> streams = new();

        public int Opens => streams.Count;

        public long BytesRead => streams.Sum(s => s.BytesRead);

        public override Stream OpenRead(string fullPath)
        {
            var stream = new CountingStream(base.OpenRead(fullPath));
            streams.Add(stream);
            return stream;
        }
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
