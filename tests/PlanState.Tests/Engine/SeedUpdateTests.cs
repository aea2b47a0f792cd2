using System.Text;
using PlanState.Tests.Support;

namespace PlanState.Tests.Engine;

/// <summary>Spec §7–8: update rewrites exactly the stale bar of each seed, byte for byte, and never twice.</summary>
public class SeedUpdateTests
{
    public enum Encoding
    {
        AsIs,
        Crlf,
        CrlfWithBom,
        LfWithBom,
    }

    private static byte[] Transform(byte[] bytes, Encoding encoding)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");
        var result = encoding is Encoding.Crlf or Encoding.CrlfWithBom ? text.Replace("\n", "\r\n") : text;
        var body = System.Text.Encoding.UTF8.GetBytes(result);
        return encoding is Encoding.CrlfWithBom or Encoding.LfWithBom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : encoding == Encoding.AsIs ? bytes : body;
    }

    [Test]
    public void Stale_bars_are_the_only_bytes_that_change([Values("000", "002", "003")] string seed, [Values] Encoding encoding)
    {
        var (oldBar, newBar) = seed switch
        {
            "000" => ("[██░░░░░░░░] 50%", "[█████░░░░░] 50%"),
            "002" => ("[==                  ] 18%", "[====                ] 18%"),
            _ => ("[##--------] 12%", "[#---------] 12%"),
        };
        using var temp = new TempDirectory();
        var root = temp.WithSeed(seed, b => Transform(b, encoding));
        var path = Path.Combine(root, "STATE.md");
        var before = File.ReadAllBytes(path);

        var result = new PlanStateEngine().Update(root);

        var after = File.ReadAllBytes(path);
        var expected = Replace(before, oldBar, newBar);
        after.Should().Equal(expected, "only the bar's glyphs change; line endings and BOM stay");
        result.Changes.Should().ContainSingle().Which.Should().Match<PlanState.Rewriting.AppliedChange>(c => c.File == "STATE.md" && c.Line == 17 && c.Code == "PLAN3001");
        result.WrittenFiles.Should().Equal("STATE.md");
        result.Remaining.Where(f => f.Kind == Diagnostics.FindingKind.Stale).Should().BeEmpty();
        Directory.GetFiles(root).Select(Path.GetFileName).Should().Equal("STATE.md");

        var writeTime = File.GetLastWriteTimeUtc(path);
        var second = new PlanStateEngine().Update(root);
        second.Changes.Should().BeEmpty("update is idempotent");
        File.ReadAllBytes(path).Should().Equal(after);
        File.GetLastWriteTimeUtc(path).Should().Be(writeTime);
    }

    [Test]
    public void Consistent_seeds_are_never_written([Values("001", "004")] string seed, [Values] Encoding encoding)
    {
        using var temp = new TempDirectory();
        var root = temp.WithSeed(seed, b => Transform(b, encoding));
        var path = Path.Combine(root, "STATE.md");
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        var before = File.ReadAllBytes(path);

        var result = new PlanStateEngine().Update(root);

        result.Changes.Should().BeEmpty();
        result.WrittenFiles.Should().BeEmpty();
        File.GetLastWriteTimeUtc(path).Should().Be(stamp);
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Test]
    public void Seed_000_still_reports_its_contradiction_after_the_bar_is_fixed()
    {
        using var temp = new TempDirectory();
        var result = new PlanStateEngine().Update(temp.WithSeed("000"));

        result.Changes.Should().ContainSingle();
        result.Remaining.Select(f => f.Code).Should().Contain("PLAN2009");
        result.HasErrors.Should().BeTrue();
    }

    [Test]
    public void A_fresh_lock_held_by_another_process_blocks_the_write_with_an_error()
    {
        using var temp = new TempDirectory();
        var root = temp.WithSeed("002");
        var path = Path.Combine(root, "STATE.md");
        var before = File.ReadAllBytes(path);
        File.WriteAllText(Path.Combine(root, "STATE.md.lock"), "999999");

        var engine = new PlanStateEngine { LockOptions = new PlanState.Rewriting.FileSafety.LockOptions { RetryFor = TimeSpan.FromMilliseconds(300) } };
        var result = engine.Update(root);

        result.WriteFailures.Should().ContainSingle().Which.Should().Match<Diagnostics.Finding>(f => f.Code == "PLAN4001" && f.Message.Contains("999999"));
        result.HasErrors.Should().BeTrue();
        File.ReadAllBytes(path).Should().Equal(before);
        File.Exists(Path.Combine(root, "STATE.md.lock")).Should().BeTrue("another process's lock is never removed");
    }

    [Test]
    public void A_stale_lock_is_taken_over()
    {
        using var temp = new TempDirectory();
        var root = temp.WithSeed("002");
        var lockPath = Path.Combine(root, "STATE.md.lock");
        File.WriteAllText(lockPath, "999999");
        File.SetLastWriteTimeUtc(lockPath, DateTime.UtcNow.AddSeconds(-30));

        var result = new PlanStateEngine().Update(root);

        result.WriteFailures.Should().BeEmpty();
        result.Changes.Should().ContainSingle();
        File.Exists(lockPath).Should().BeFalse();
    }

    private static byte[] Replace(byte[] bytes, string oldText, string newText)
    {
        var oldBytes = System.Text.Encoding.UTF8.GetBytes(oldText);
        var newBytes = System.Text.Encoding.UTF8.GetBytes(newText);
        for (var i = 0; i <= bytes.Length - oldBytes.Length; i++)
        {
            if (bytes.AsSpan(i, oldBytes.Length).SequenceEqual(oldBytes))
            {
                return bytes.Take(i).Concat(newBytes).Concat(bytes.Skip(i + oldBytes.Length)).ToArray();
            }
        }

        throw new InvalidOperationException($"'{oldText}' not found");
    }
}
