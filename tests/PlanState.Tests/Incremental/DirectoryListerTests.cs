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
