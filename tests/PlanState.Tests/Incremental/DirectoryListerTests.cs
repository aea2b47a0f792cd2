using PlanState.Incremental;
using PlanState.Testing;

namespace PlanState.Tests.Incremental;

/// <summary>
/// The lister hands back the earlier listing itself when nothing it can see changed, and a fresh, sorted listing equal
/// to a from-scratch one whenever a name, a kind or a stamp changed.
/// </summary>
public class DirectoryListerTests
{
    [Test]
    public void An_unchanged_folder_lists_as_the_earlier_listing_itself()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "b.md", "a.md", "c.md");
        var first = DirectoryLister.Default.List(folder);

        DirectoryLister.Default.List(folder, first).Should().BeSameAs(first);
        first.Select(e => e.Name).Should().Equal("a.md", "b.md", "c.md", "sub");
    }

    [TestCase("add")]
    [TestCase("remove")]
    [TestCase("rename")]
    [TestCase("grow")]
    [TestCase("touch")]
    [TestCase("replace-by-folder")]
    public void Any_visible_change_gives_a_fresh_listing_equal_to_a_from_scratch_one(string change)
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "01-01-PLAN.md", "01-01-SUMMARY.md", "01-02-PLAN.md");
        var first = DirectoryLister.Default.List(folder);
        var file = Path.Combine(folder, "01-01-SUMMARY.md");
        switch (change)
        {
            case "add":
                File.WriteAllText(Path.Combine(folder, "01-02-SUMMARY.md"), "x");
                break;
            case "remove":
                File.Delete(file);
                break;
            case "rename":
                File.Move(file, Path.Combine(folder, "01-02-SUMMARY.md"));
                break;
            case "grow":
                File.AppendAllText(file, "more");
                break;
            case "touch":
                File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(7));
                break;
            case "replace-by-folder":
                File.Delete(file);
                Directory.CreateDirectory(file);
                break;
        }

        var next = DirectoryLister.Default.List(folder, first);
        next.Should().NotBeSameAs(first);
        Describe(next).Should().Equal(Describe(DirectoryLister.Default.List(folder)));
        Describe(next).Should().Equal(Describe(DirectoryLister.ListByEnumeration(folder)), "the readdir listing stamps as .NET's enumeration does");
        next.Select(e => e.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Test]
    public void A_listing_that_is_not_this_folders_is_not_handed_back()
    {
        using var temp = new TempDirectory();
        var one = Folder(temp, "a.md");
        var other = Path.Combine(temp.Path, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "b.md"), "x");

        var listingOfOne = DirectoryLister.Default.List(one);
        var listing = DirectoryLister.Default.List(other, listingOfOne);
        listing.Should().NotBeSameAs(listingOfOne);
        Describe(listing).Should().Equal(Describe(DirectoryLister.Default.List(other)));
    }

    [Test]
    public void A_listing_without_stamps_has_every_name_kind_and_link_of_the_stamped_one()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "01-01-PLAN.md", "01-01-SUMMARY.md", "z.md");
        File.CreateSymbolicLink(Path.Combine(folder, "01-02-PLAN.md"), Path.Combine(folder, "z.md"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked-sub"), Path.Combine(folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.md"), Path.Combine(folder, "gone.md"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), Path.Combine(folder, "loop"));

        var stamped = DirectoryLister.Default.List(folder);
        var unstamped = DirectoryLister.Default.ListWithoutStamps(folder);

        unstamped.Select(e => (e.Name, e.IsDirectory, e.IsLink, e.Info is not null))
            .Should().Equal(stamped.Select(e => (e.Name, e.IsDirectory, e.IsLink, e.Info is not null)));
        unstamped.Should().OnlyContain(e => e.Stamp == default);
        unstamped.Where(e => e.IsLink).Select(e => e.Name).Should().Equal("01-02-PLAN.md", "dangling.md", "linked-sub", "loop");
        stamped.Should().Contain(e => !e.IsDirectory && e.Stamp != default, "the stamped listing is the reference, with real stamps");
    }

    [Test]
    public void A_listing_without_links_is_sorted_like_the_stamped_one()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "b.md", "B.md", "a.md", "ä.md", "10.md", "9.md");

        DirectoryLister.Default.ListWithoutStamps(folder).Select(e => e.Name)
            .Should().Equal(DirectoryLister.Default.List(folder).Select(e => e.Name));
    }

    [Test]
    public void One_readdir_pass_lists_as_the_enumeration_does()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "01-01-PLAN.md", ".hidden.md", "über-ß.md", "计划.md", "z.md");
        File.CreateSymbolicLink(Path.Combine(folder, "01-02-PLAN.md"), Path.Combine(folder, "z.md"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked-sub"), Path.Combine(folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.md"), Path.Combine(folder, "gone.md"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), Path.Combine(folder, "loop"));

        var read = DirectoryStream.TryList(folder);
        var enumerated = DirectoryLister.ListWithoutStampsByEnumeration(folder);

        if (!OperatingSystem.IsLinux())
        {
            read.Should().BeNull("readdir is read directly on Linux only");
            return;
        }

        read.Should().NotBeNull();
        var listed = read!;
        listed.Select(e => (e.Name, e.IsDirectory, e.IsLink, e.Info?.GetType(), e.Stamp))
            .Should().Equal(enumerated.Select(e => (e.Name, e.IsDirectory, e.IsLink, e.Info?.GetType(), e.Stamp)));
        listed.Select(e => e.Name).Should().Contain([".hidden.md", "über-ß.md", "计划.md"]).And.NotContain([".", ".."]);
    }

    [Test]
    public void One_readdir_pass_with_stamps_lists_and_stamps_as_the_enumeration_does()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "01-01-PLAN.md", ".hidden.md", "über-ß.md", "计划.md", "empty.md");
        File.WriteAllBytes(Path.Combine(folder, "empty.md"), []);
        File.WriteAllText(Path.Combine(folder, "big.md"), new string('x', 100_000));

        // Sub-second times, down to the tick, and one before 1970: the stamp keeps what the file system keeps.
        File.SetLastWriteTimeUtc(Path.Combine(folder, "01-01-PLAN.md"), new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567));
        File.SetLastWriteTimeUtc(Path.Combine(folder, "über-ß.md"), new DateTime(1969, 7, 20, 20, 17, 40, DateTimeKind.Utc).AddTicks(5));

        var read = DirectoryStream.TryListWithStamps(folder, previous: null);
        var enumerated = DirectoryLister.ListByEnumeration(folder);

        if (!OperatingSystem.IsLinux())
        {
            read.Should().BeNull("readdir is read directly on Linux only");
            return;
        }

        read.Should().NotBeNull();
        Describe(read!).Should().Equal(Describe(enumerated));
        read!.Should().Contain(e => e.Name == "big.md" && e.Stamp.Length == 100_000);
        DirectoryStream.TryListWithStamps(folder, read).Should().BeSameAs(read, "nothing changed");
    }

    [Test]
    public void A_folder_with_a_link_is_stamped_by_the_enumeration()
    {
        using var temp = new TempDirectory();
        var folder = Folder(temp, "01-01-PLAN.md", "z.md");
        File.CreateSymbolicLink(Path.Combine(folder, "01-02-PLAN.md"), Path.Combine(folder, "z.md"));

        DirectoryStream.TryListWithStamps(folder, previous: null).Should().BeNull("a link's kind and stamp are the enumeration's to decide");
        Describe(DirectoryLister.Default.List(folder)).Should().Equal(Describe(DirectoryLister.ListByEnumeration(folder)));
        DirectoryLister.Default.List(folder).Should().Contain(e => e.Name == "01-02-PLAN.md" && e.IsLink);
    }

    [Test]
    public void A_missing_folder_fails_without_stamps_as_with_them()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "gone");

        DirectoryStream.TryList(missing).Should().BeNull("the enumeration then reports the folder as it always did");
        DirectoryStream.TryListWithStamps(missing, previous: null).Should().BeNull();
        var unstamped = () => DirectoryLister.Default.ListWithoutStamps(missing);
        var stamped = () => DirectoryLister.Default.List(missing);
        unstamped.Should().Throw<DirectoryNotFoundException>();
        stamped.Should().Throw<DirectoryNotFoundException>();
    }

    private static string Folder(TempDirectory temp, params string[] files)
    {
        var folder = Path.Combine(temp.Path, "phase");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            File.WriteAllText(path, file);
            File.SetLastWriteTimeUtc(path, anHourAgo);
        }

        return folder;
    }

    private static IEnumerable<string> Describe(ListedEntry[] entries) =>
        entries.Select(e => $"{e.Name} dir={e.IsDirectory} link={e.IsLink} {e.Stamp}");
}
