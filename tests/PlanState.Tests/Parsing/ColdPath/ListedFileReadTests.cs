using PlanState.Parsing.Files;
using PlanState.Testing;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// The phase scanners open the files their listing showed through <see cref="FileSystemAccess.OpenListedFile"/>, which
/// on Linux reads the bare descriptor instead of a managed handle: it must give the same bytes and length, and fall
/// back to the managed open (and its exceptions) when the descriptor cannot be had.
/// </summary>
[TestFixture]
public sealed class ListedFileReadTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(100)]
    [TestCase(4096)]
    [TestCase(4097)]
    [TestCase(70_000)]
    public void A_listed_file_reads_the_same_bytes_and_length_as_the_managed_open(int size)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("01-01-PLAN.md");
        var bytes = Enumerable.Range(0, size).Select(i => (byte)((i * 31) + (i >> 8))).ToArray();
        File.WriteAllBytes(path, bytes);

        using var listed = FileSystemAccess.Default.OpenListedFile(temp.Path, "01-01-PLAN.md");
        using var managed = FileSystemAccess.Default.Open(path);

        listed.Length.Should().Be(size).And.Be(managed.Length);
        ReadAll(listed, 1000).Should().Equal(bytes);
        ReadAll(managed, 1000).Should().Equal(bytes);
        if (OperatingSystem.IsLinux())
        {
            listed.GetType().Name.Should().Be("DescriptorSource", "Linux reads listed files through the bare descriptor");
            listed.ShortReadIsEnd.Should().BeTrue();
        }
    }

    [TestCase("", "phases/01-x/01-01-PLAN.md")]
    [TestCase("/", "phases/01-x/01-01-PLAN.md")]
    [TestCase("", "phases/01-über-ß/01-01-PLAN.md")]
    [TestCase("", "phases/01-计划/01-01-PLAN.md")]
    public void A_listed_file_is_found_below_the_root_whatever_the_root_ends_with_and_the_names_spell(string rootEnd, string relativePath)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "---\nphase: 01\n---\n");

        using var listed = FileSystemAccess.Default.OpenListedFile(temp.Path + rootEnd, relativePath);

        ReadAll(listed, 1000).Should().Equal(File.ReadAllBytes(path));
    }

    [Test]
    public void A_missing_listed_file_throws_as_the_managed_open_does()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("gone-PLAN.md");

        var listed = () => FileSystemAccess.Default.OpenListedFile(temp.Path, "gone-PLAN.md");
        var managed = () => FileSystemAccess.Default.Open(missing);

        listed.Should().Throw<FileNotFoundException>();
        managed.Should().Throw<FileNotFoundException>();
    }

    [Test]
    public void A_path_too_long_for_the_system_throws_as_the_managed_open_does()
    {
        using var temp = new TempDirectory();
        var relativePath = string.Join("/", Enumerable.Repeat(new string('d', 200), 25)) + "/01-01-PLAN.md";

        var listed = () => FileSystemAccess.Default.OpenListedFile(temp.Path, relativePath);
        var managed = () => FileSystemAccess.Default.Open(Path.Combine(temp.Path, relativePath));

        var expected = managed.Should().Throw<IOException>().Which.GetType();
        listed.Should().Throw<IOException>().Which.Should().BeOfType(expected);
    }

    [Test]
    public void A_listed_file_that_became_a_folder_fails_with_an_io_error_when_read()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("01-01-PLAN.md");
        Directory.CreateDirectory(folder);

        var read = () =>
        {
            using var source = FileSystemAccess.Default.OpenListedFile(temp.Path, "01-01-PLAN.md");
            return source.Read(new byte[16], 0, 16);
        };

        // The managed open refuses a folder outright (an access error); the descriptor opens it and its read fails.
        read.Should().Throw<Exception>().Where(ex => ex is IOException || ex is UnauthorizedAccessException);

        // Either way the loader reports a folder where a file is expected (PLAN1020), not an unreadable file.
        var load = PlanningFileLoader.LoadFrontmatterHead(temp.Path, "01-01-PLAN.md", 4096, FileSystemAccess.Default);
        load.Problems.Should().ContainSingle().Which.Code.Should().Be("PLAN1020");
    }

    [TestCase("phases/01-x")]
    [TestCase("phases/01-über-ß")]
    [TestCase("phases/01-计划")]
    public void The_files_of_a_listed_folder_read_as_by_their_paths_first_and_later_alike(string folderPath)
    {
        using var temp = new TempDirectory();
        var names = new[] { "01-01-PLAN.md", "01-01-SUMMARY.md", "01-02-PLAN-ü.md" };
        Directory.CreateDirectory(temp.Combine(folderPath));
        foreach (var name in names)
        {
            File.WriteAllText(temp.Combine(folderPath + "/" + name), $"---\nphase: 01 {name}\n---\n");
        }

        using var folder = FileSystemAccess.Default.OpenListedFolder(temp.Path, folderPath);
        foreach (var name in names)
        {
            using var listed = FileSystemAccess.Default.OpenListedFile(folder, name);
            ReadAll(listed, 1000).Should().Equal(File.ReadAllBytes(temp.Combine(folderPath + "/" + name)), name);
            if (OperatingSystem.IsLinux())
            {
                listed.GetType().Name.Should().Be("DescriptorSource");
            }
        }
    }

    [Test]
    public void Two_files_of_a_listed_folder_open_at_once_read_apart()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("phases/01-x"));
        File.WriteAllText(temp.Combine("phases/01-x/01-01-PLAN.md"), "first");
        File.WriteAllText(temp.Combine("phases/01-x/01-02-PLAN.md"), "second file");
        using var folder = FileSystemAccess.Default.OpenListedFolder(temp.Path, "phases/01-x");

        // The folder reuses a disposed file's source for the next file; one still open must not be taken over.
        using var first = FileSystemAccess.Default.OpenListedFile(folder, "01-01-PLAN.md");
        using var second = FileSystemAccess.Default.OpenListedFile(folder, "01-02-PLAN.md");

        second.Should().NotBeSameAs(first);
        ReadAll(first, 3).Should().Equal("first"u8.ToArray());
        ReadAll(second, 3).Should().Equal("second file"u8.ToArray());
        first.Dispose();
        using var third = FileSystemAccess.Default.OpenListedFile(folder, "01-01-PLAN.md");
        ReadAll(third, 100).Should().Equal("first"u8.ToArray());
    }

    [Test]
    public void A_listed_folder_holds_at_most_one_descriptor_and_none_once_disposed()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("phases/01-x"));
        File.WriteAllText(temp.Combine("phases/01-x/01-01-PLAN.md"), "---\nphase: 01\n---\n");
        var before = OpenDescriptorsUnder(temp.Path);

        var folder = FileSystemAccess.Default.OpenListedFolder(temp.Path, "phases/01-x");
        for (var i = 0; i < 3; i++)
        {
            using var listed = FileSystemAccess.Default.OpenListedFile(folder, "01-01-PLAN.md");
        }

        var whileOpen = OpenDescriptorsUnder(temp.Path);
        folder.Dispose();
        var after = OpenDescriptorsUnder(temp.Path);

        if (OperatingSystem.IsLinux())
        {
            whileOpen.Should().Be(before + 1, "the folder's own descriptor, opened with its first file");
        }

        after.Should().Be(before);
    }

    [Test]
    public void A_missing_file_of_a_listed_folder_throws_as_the_managed_open_does()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("phases/01-x"));
        File.WriteAllText(temp.Combine("phases/01-x/01-01-PLAN.md"), "x");
        using var folder = FileSystemAccess.Default.OpenListedFolder(temp.Path, "phases/01-x");
        using (FileSystemAccess.Default.OpenListedFile(folder, "01-01-PLAN.md"))
        {
        }

        var missing = () => FileSystemAccess.Default.OpenListedFile(folder, "gone-PLAN.md");

        missing.Should().Throw<FileNotFoundException>();
    }

    [Test]
    public void A_listed_folder_gone_before_its_first_file_is_read_fails_as_the_managed_open_does()
    {
        using var temp = new TempDirectory();
        using var folder = FileSystemAccess.Default.OpenListedFolder(temp.Path, "phases/01-gone");

        var listed = () => FileSystemAccess.Default.OpenListedFile(folder, "01-01-PLAN.md");
        var managed = () => FileSystemAccess.Default.Open(temp.Combine("phases/01-gone/01-01-PLAN.md"));

        var expected = managed.Should().Throw<IOException>().Which.GetType();
        listed.Should().Throw<IOException>().Which.Should().BeOfType(expected);
    }

    [Test]
    public void A_cold_analysis_leaves_no_descriptor_open()
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions { Phases = 12, PlansPerPhase = 3, CompletedFraction = 0.5, Seed = 7, ArchivedPhases = 3 });
        var before = OpenDescriptorsUnder(temp.Path);

        foreach (var reuse in new[] { false, true })
        {
            using var engine = new PlanStateEngine { ReuseAcrossAnalyses = reuse };
            engine.Analyze(tree.Root).Folder.Phases.Should().HaveCount(12);
        }

        OpenDescriptorsUnder(temp.Path).Should().Be(before);
    }

    /// <summary>
    /// How many descriptors the process holds on <paramref name="folder"/> or anything below it (Linux; elsewhere 0, so
    /// the comparisons hold trivially). Only those: other tests run in the same process meanwhile.
    /// </summary>
    private static int OpenDescriptorsUnder(string folder)
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return 0;
        }

        var count = 0;
        // Entries, not files: a descriptor of a folder is a link to a folder.
        foreach (var descriptor in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(descriptor).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed meanwhile
            }

            if (target is not null && (target == folder || target.StartsWith(folder + "/", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    private static byte[] ReadAll(FileSource source, int chunk)
    {
        var result = new List<byte>();
        var buffer = new byte[chunk];
        int read;
        while ((read = source.Read(buffer, 0, chunk)) > 0)
        {
            result.AddRange(buffer.Take(read));
        }

        return result.ToArray();
    }
}
