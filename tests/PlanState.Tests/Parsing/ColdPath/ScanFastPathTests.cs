using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Files;
using PlanState.Parsing.Frontmatter;
using PlanState.Tests.Parsing.Files;
using PlanState.Tests.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>
/// The shortcuts of the per-file cold path, each held to the plain code it replaces: the first-char test of the wanted
/// keys, the fence test that rejects a line by its first char, the key lookup over the entries' span, the fast path
/// reading line ends found by the fence search, and the head load that takes a short positional read as the end.
/// </summary>
[TestFixture]
public sealed class ScanFastPathTests
{
    private const int HeadBytes = 4096;
    private const string Plan = "phases/01-x/01-01-PLAN.md";
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    private static readonly string[] SummaryKeys =
        ["duration", "metrics.duration", "duration_minutes", "metrics.duration_minutes", "completed", "metrics.completed", "phase"];

    [Test]
    public void Matching_a_key_in_place_equals_comparing_its_path()
    {
        // ASCII key chars, and non-ASCII look-alikes of them (dotless i, long s, Kelvin sign) that culture-aware case rules would fold.
        var keyChar = Gen.Elements("dDpPmMcCuUhHiIsSkK_-./1\u0131\u0130\u017F\u212A\u00E9[".ToCharArray());
        var randomKey = from chars in Gen.NonEmptyListOf(keyChar).Resize(18) select new string(chars.ToArray());
        var prefix = Gen.Elements(string.Empty, "metrics", "METRICS", "metric", "key-files");
        var wantedSets = Gen.Elements(SummaryKeys, ["phase"], ["metrics.duration", "\u0131d", "\u017Ftate", "\u212Aind", "list[0].x", "id", "state", "kind"]);

        // Most keys are a wanted path's last segment with its chars case-flipped or swapped for a confusable.
        var nearKey = from wanted in wantedSets
                      from index in Gen.Choose(0, wanted.Length - 1)
                      let segment = wanted[index].Substring(wanted[index].LastIndexOf('.') + 1)
                      from changes in Gen.ArrayOf(Gen.Choose(0, 3), segment.Length)
                      select new string(segment.Select((c, i) => Changed(c, changes[i])).ToArray());
        var key = Gen.Frequency((1, randomKey), (3, nearKey));
        Check.One(Runs.WithMaxTest(3000), Prop.ForAll(Arb.From(from k in key from p in prefix from w in wantedSets select (k, p, w)), input =>
        {
            var (k, p, wanted) = input;
            var keys = FrontmatterKeys.Only(wanted);
            var text = "x: " + k + " y";
            keys.Match(p, text, 3, k.Length, out var isWanted, out var below, out var spelledPath);
            var path = p.Length == 0 ? k : p + "." + k;
            isWanted.Should().Be(keys.Wants(path), "key path '{0}' against [{1}]", path, string.Join(", ", wanted));
            below.Should().Be(keys.WantsBelow(path), "key path '{0}' against [{1}]", path, string.Join(", ", wanted));

            // The wanted path stands in for the key path only when spelled exactly so.
            spelledPath.Should().Be(wanted.Contains(path, StringComparer.Ordinal) ? path : null, "key path '{0}'", path);
        }));
    }

    /// <summary>A key char unchanged (0), in the other ASCII case (1), or as a non-ASCII look-alike (2, 3).</summary>
    private static char Changed(char c, int change) => change switch
    {
        1 when char.IsLetter(c) => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c),
        >= 2 => c switch { 'i' or 'I' => '\u0131', '\u0131' => 'i', 's' or 'S' => '\u017F', '\u017F' => 's', 'k' or 'K' => '\u212A', '\u212A' => 'k', _ => c },
        _ => c,
    };

    [Test]
    public void The_closing_fence_test_equals_its_definition()
    {
        var lineChar = Gen.Elements('-', '.', ' ', '\t', '\r', 'a');
        var line = from chars in Gen.ListOf(lineChar).Resize(7) select new string(chars.ToArray());
        Check.One(Runs.WithMaxTest(3000), Prop.ForAll(Arb.From(line), l =>
        {
            var text = "x\n" + l + "\ny";
            var trimmed = l.TrimEnd(' ', '\t', '\r', '\n');
            FrontmatterFences.IsClosing(text, 2, 2 + l.Length).Should().Be(trimmed is "---" or "...", "line '{0}'", l);
        }));
    }

    [Test]
    public void The_fast_path_reads_the_same_with_and_without_the_fence_search_line_ends()
    {
        Check.One(Runs.WithMaxTest(1500), Prop.ForAll(Arb.From(SimpleFrontmatterEquivalenceTests.Blocks()), block =>
        {
            var text = SourceText.From("01-01-PLAN.md", block.Replace("\n", RandomBreak(block.Length)));
            var read = FrontmatterReader.Read(text);
            if (read.Frontmatter is not { } frontmatter)
            {
                return;
            }

            // The block's content runs from line 2 to the closing fence, which starts the line the span ends on.
            var contentStart = text.LineStart(2);
            var closingStart = text.LineStart(frontmatter.Span.EndLine);
            var entries = new List<FrontmatterEntry>();
            if (SimpleFrontmatter.TryRead(text, contentStart, closingStart, entries))
            {
                frontmatter.Entries.Should().Equal(entries, "{0}", text.Text);
            }
        }));
    }

    [Test]
    public void A_file_read_in_short_pieces_loads_as_through_the_handle()
    {
        using var temp = new TempPlanningRoot();
        var random = new Random(5);
        foreach (var size in new[] { 0, 1, 100, 4095, 4096, 4097, 8191, 8192, 8193, 20_000 })
        {
            foreach (var frontmatterLines in new[] { 0, 3, 150, 400 })
            {
                temp.WriteBytes(Plan, Content(size, frontmatterLines));
                foreach (var load in new Func<FileSystemAccess, FileLoadResult>[]
                         {
                             access => PlanningFileLoader.Load(temp.Root, Plan, access),
                             access => PlanningFileLoader.LoadHead(temp.Root, Plan, HeadBytes, access),
                             access => PlanningFileLoader.LoadFrontmatterHead(temp.Root, Plan, HeadBytes, access),
                         })
                {
                    var byHandle = load(FileSystemAccess.Default);

                    // The scanners' head is a borrowed text: copied out before the next load reuses the thread's buffer.
                    _ = byHandle.Text?.Text;
                    var inPieces = load(new TricklingAccess(random));
                    byHandle.Should().Be(inPieces, "{0} bytes, {1} frontmatter lines", size, frontmatterLines);
                    byHandle.IsPartial.Should().Be(inPieces.IsPartial);
                    byHandle.Text?.Text.Length.Should().Be(inPieces.Text?.Text.Length);
                }
            }
        }
    }

    /// <summary><paramref name="size"/> bytes: a block of <paramref name="frontmatterLines"/> lines (none: no block), then body lines.</summary>
    private static byte[] Content(int size, int frontmatterLines)
    {
        var text = new StringBuilder();
        if (frontmatterLines > 0)
        {
            text.Append("---\n");
            for (var i = 0; i < frontmatterLines; i++)
            {
                text.Append("key_").Append(i).Append(": value é ").Append(i).Append('\n');
            }

            text.Append("---\n");
        }

        while (text.Length < size)
        {
            text.Append("body line ").Append(text.Length).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return bytes.Length <= size ? bytes : bytes.AsSpan(0, size).ToArray();
    }

    private static string RandomBreak(int seed) => (seed % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };

    /// <summary>Reads the real file a few bytes at a time, as a stream may: a short read there is not the end.</summary>
    private sealed class TricklingAccess : FileSystemAccess
    {
        private readonly Random random;

        public TricklingAccess(Random random)
        {
            this.random = random;
        }

        public override FileSource Open(string fullPath) => new Trickle(File.ReadAllBytes(fullPath), random);

        private sealed class Trickle : FileSource
        {
            private readonly byte[] bytes;
            private readonly Random random;
            private int position;

            public Trickle(byte[] bytes, Random random)
            {
                this.bytes = bytes;
                this.random = random;
            }

            public override long Length => bytes.Length;

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = Math.Min(Math.Min(count, random.Next(1, 700)), bytes.Length - position);
                Buffer.BlockCopy(bytes, position, buffer, offset, read);
                position += read;
                return read;
            }

            public override void Dispose()
            {
            }
        }
    }
}
