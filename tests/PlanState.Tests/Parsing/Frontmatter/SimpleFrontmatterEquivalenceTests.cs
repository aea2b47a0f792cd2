using FsCheck;
using FsCheck.Fluent;
using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Tests.Parsing.Frontmatter;

/// <summary>
/// The fast path (<see cref="SimpleFrontmatter"/>) must give exactly what YamlDotNet gives: the same entries (key
/// paths, values, spans) and the same problems, on every frontmatter in the repository's fixtures, on generated trees
/// and on random blocks built from the subset's shapes and the shapes just outside it.
/// </summary>
[TestFixture]
public sealed class SimpleFrontmatterEquivalenceTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    [Test]
    public void Every_fixture_frontmatter_reads_the_same_both_ways()
    {
        var root = RepositoryLayout.RepositoryRoot;
        var files = new[] { Path.Combine(root, "samples"), Path.Combine(root, "tests", "PlanState.Tests") }
            .SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && (f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(RepositoryLayout.SeedsFolder))
            .ToList();

        var withFrontmatter = 0;
        foreach (var file in files)
        {
            var text = SourceText.FromBytes(Path.GetFileName(file), File.ReadAllBytes(file));
            withFrontmatter += AssertSame(text) ? 1 : 0;
        }

        withFrontmatter.Should().BeGreaterThan(10, "the fixtures hold many frontmatter blocks");
    }

    [TestCase(1, LineEndingStyle.Lf, false)]
    [TestCase(2, LineEndingStyle.CrLf, true)]
    [TestCase(3, LineEndingStyle.Lf, true)]
    [TestCase(4, LineEndingStyle.CrLf, false)]
    public void Every_generated_frontmatter_reads_the_same_both_ways_and_takes_the_fast_path(int seed, LineEndingStyle endings, bool bom)
    {
        using var temp = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
        {
            Phases = 8, PlansPerPhase = 5, ArchivedPhases = 2, Seed = seed, LineEndings = endings, Bom = bom,
        });

        var blocks = 0;
        var fast = 0;
        foreach (var file in tree.Files)
        {
            var text = SourceText.FromBytes(file, File.ReadAllBytes(tree.FullPath(file)));
            if (AssertSame(text))
            {
                blocks++;
                fast += TakesFastPath(text) ? 1 : 0;
            }
        }

        blocks.Should().BeGreaterThan(40);
        fast.Should().Be(blocks, "generated planning frontmatter lies entirely in the fast path's subset");
    }

    [Test]
    public void Random_blocks_read_the_same_both_ways() =>
        Check.One(Runs.WithMaxTest(2000), Prop.ForAll(Arb.From(Blocks()), block => AssertSame(SourceText.From("01-01-PLAN.md", block))));

    [Test]
    public void Random_blocks_of_the_subset_take_the_fast_path()
    {
        var fast = 0;
        var total = 0;
        Check.One(Runs.WithMaxTest(500), Prop.ForAll(Arb.From(Blocks(subsetOnly: true)), block =>
        {
            total++;
            fast += TakesFastPath(SourceText.From("01-01-PLAN.md", block)) ? 1 : 0;
        }));

        // Not all: a random block may repeat keys under one parent in ways the fast path leaves to YamlDotNet.
        fast.Should().BeGreaterThan(total / 2);
    }

    [TestCase("---\nphase: 01-setup\nplan: 2\nwave: ~\ntags: [a, \"b c\", 'd''e']\ndepends_on: []\n---\n")]
    [TestCase("---\nmetrics:\n  duration: 5 min # note\n  tasks: 3\nkey-files:\n  created:\n    - src/a.cs\n    - \"src/b.cs\"\n---\n")]
    [TestCase("---\nlist:\n- one\n- two\nnext: x\nempty:\nlast: \"q\\\"uote\\\\ \\n\"\n---\n")]
    [TestCase("---\nrequires:\n  - phase: 01-setup\n    provides: x\n  - path: \"a\"\n    exports: [\"b\"]\nnext: 1\n---\n")]
    [TestCase("---\r\n# comment\r\n\r\nkey: value\r\n---\r\n")]
    public void Typical_blocks_take_the_fast_path_and_read_the_same(string block)
    {
        var text = SourceText.From("01-01-PLAN.md", block);
        AssertSame(text).Should().BeTrue();
        TakesFastPath(text).Should().BeTrue();
    }

    [TestCase("---\nkey: &a value\n---\n")]
    [TestCase("---\nkey: *a\n---\n")]
    [TestCase("---\nkey: !tag value\n---\n")]
    [TestCase("---\nkey: |\n  text\n---\n")]
    [TestCase("---\nkey: >\n  text\n---\n")]
    [TestCase("---\nkey: [a,\n  b]\n---\n")]
    [TestCase("---\n? key\n: value\n---\n")]
    [TestCase("---\nkey:\n\t- a\n---\n")]
    [TestCase("---\nkey: @scope/pkg\n---\n")]
    [TestCase("---\nkey: a: b\n---\n")]
    [TestCase("---\nkey: {a: 1}\n---\n")]
    [TestCase("---\nkey: plain\n  continued\n---\n")]
    [TestCase("---\nkey: \"\\x41\"\n---\n")]
    public void Blocks_outside_the_subset_fall_back_and_read_the_same(string block)
    {
        var text = SourceText.From("01-01-PLAN.md", block);
        TakesFastPath(text).Should().BeFalse();
        AssertSame(text);
    }

    [Test]
    public void A_character_outside_the_subset_sends_the_block_to_YamlDotNet_wherever_it_stands()
    {
        // Every offset within and around the eight-char steps of the plain-character check, and its tail.
        foreach (var odd in new[] { '\t', '\u0001', '\u001F', '\u007F', '\u0085', '\u009F', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF' })
        {
            for (var at = 0; at < 20; at++)
            {
                var text = SourceText.From("01-01-PLAN.md", $"---\nphase: 01-setup\nnote: {new string('a', at)}{odd}z\nlast: x\n---\n");
                TakesFastPath(text).Should().BeFalse("U+{0:X4} at {1} is outside the subset", (int)odd, at);
                AssertSame(text);
            }
        }
    }

    [Test]
    public void Non_ASCII_text_and_both_line_breaks_stay_on_the_fast_path()
    {
        foreach (var other in new[] { 'é', '—', '→', '█', '\u00A0' })
        {
            for (var at = 0; at < 20; at++)
            {
                var text = SourceText.From("01-01-PLAN.md", $"---\r\nphase: 01-setup\r\nnote: {new string('a', at)}{other}z\nlast: x\r\n---\n");
                TakesFastPath(text).Should().BeTrue("U+{0:X4} at {1} is in the subset", (int)other, at);
                AssertSame(text);
            }
        }
    }

    [TestCase("---\nkey-files.created/x_1: a\n---\n", true)]
    [TestCase("---\n_x: a\n---\n", true)]
    [TestCase("---\n9: a\n---\n", true)]
    [TestCase("---\n-x: a\n---\n", false)]
    [TestCase("---\n.x: a\n---\n", false)]
    [TestCase("---\n/x: a\n---\n", false)]
    [TestCase("---\nké: a\n---\n", false)]
    [TestCase("---\nk+y: a\n---\n", false)]
    [TestCase("---\nkey:a\n---\n", false)]
    public void Simple_keys_start_with_a_letter_digit_or_underscore_and_end_at_a_colon_and_space(string block, bool fast)
    {
        var text = SourceText.From("01-01-PLAN.md", block);
        TakesFastPath(text).Should().Be(fast);
        AssertSame(text);
    }

    /// <summary>Asserts both ways agree; returns whether the text has a frontmatter block.</summary>
    private static bool AssertSame(SourceText text)
    {
        var reference = FrontmatterReader.Read(text, allowFastPath: false);
        var fast = FrontmatterReader.Read(text, allowFastPath: true);
        fast.Problems.Should().Equal(reference.Problems, "problems of {0}:\n{1}", text.File, text.Text);
        fast.Frontmatter.Should().Be(reference.Frontmatter, "{0}:\n{1}\nexpected entries:\n{2}\nfast entries:\n{3}", text.File, text.Text, Describe(reference.Frontmatter), Describe(fast.Frontmatter));
        return reference.Frontmatter is not null;
    }

    private static string Describe(PlanState.Model.Frontmatter? block) =>
        block is null ? "(none)" : string.Join("\n", block.Entries.Select(e => $"{e.KeyPath} = {e.Value ?? "<null>"} key {e.KeySpan.Start}+{e.KeySpan.Length} value {e.ValueSpan.Start}+{e.ValueSpan.Length}"));

    private static bool TakesFastPath(SourceText text)
    {
        var s = text.Text;
        var start = s.Length > 0 && s[0] == '\uFEFF' ? 1 : 0;
        var contentStart = s.IndexOf('\n', start) + 1;
        var closing = s.IndexOf("\n---", contentStart - 1, StringComparison.Ordinal);
        if (contentStart <= 0 || closing < 0)
        {
            return false;
        }

        return SimpleFrontmatter.TryRead(text, contentStart, closing + 1, new List<FrontmatterEntry>());
    }

    internal static Gen<string> Blocks(bool subsetOnly = false)
    {
        var key = Gen.Elements("phase", "plan", "type", "wave", "depends_on", "key-files", "tags", "a.b", "x_1", "requirements-completed", "9");
        var plainValues = new[] { "01-setup", "2", "execute", "~", "null", "Null", "true", "3 min", "src/a.cs", "-1", "a, b", "x [y]", "it's", "a#b", "C#", "v1.0" };
        var oddValues = new[] { "a: b", "@scope/pkg", "&anchor x", "*alias", "!tag x", "|", ">", "{a: 1}", "%w", "`code`", "- x", "--- x", "? x", "a:", "\"open", "'open", "[a,", "[a,]", "[a, [b]]", "\"\\x41\"", "a\tb", "[a: b]", "[a #b]" };
        var quoted = Gen.Elements("\"\"", "''", "\"a b\"", "'a ''q'' b'", "\"q\\\"x\\\\y\\n\\t\\/\"", "\"#not comment\"", "'a: b'", "\"[x]\"");
        var comment = Gen.Elements(string.Empty, string.Empty, " # note", "  #x");
        var plain = Gen.Elements(plainValues);
        var scalar = subsetOnly ? Gen.OneOf(plain, quoted) : Gen.Frequency((4, plain), (2, quoted), (1, Gen.Elements(oddValues)));
        var flowItem = Gen.OneOf(Gen.Elements("a", "b c", "01-02", "~", "x.y"), quoted);
        var flow = from items in Gen.ListOf(flowItem).Resize(4)
                   from spaced in Gen.Elements(true, false)
                   select "[" + string.Join(spaced ? ", " : ",", items) + "]";
        var value = Gen.Frequency((5, scalar), (2, flow), (1, Gen.Constant(string.Empty)));
        var indentStep = Gen.Elements(2, 4);

        Gen<string> Entry(int indent, int depth)
        {
            var pad = new string(' ', indent);
            var simple = from k in key from v in value from c in comment select pad + k + ":" + (v.Length == 0 ? string.Empty : " " + v) + c + "\n";
            var sequence = from k in key
                           from itemIndent in Gen.Elements(0, 2)
                           from items in Gen.NonEmptyListOf(scalar).Resize(3)
                           from c in comment
                           select pad + k + ":" + c + "\n" + string.Concat(items.Select(i => pad + new string(' ', itemIndent) + "- " + i + "\n"));
            var mappingItems = from k in key
                               from itemIndent in Gen.Elements(0, 2)
                               from items in Gen.NonEmptyListOf(
                                   from k1 in key from v1 in scalar from k2 in key from v2 in value
                                   select (first: k1 + ": " + v1, second: k2 + ":" + (v2.Length == 0 ? string.Empty : " " + v2))).Resize(3)
                               select pad + k + ":\n" + string.Concat(items.Select(i =>
                                   pad + new string(' ', itemIndent) + "- " + i.first + "\n" + pad + new string(' ', itemIndent + 2) + i.second + "\n"));
            var extras = Gen.Elements("\n", "# a comment\n", pad + "  # indented comment\n", "   \n");
            if (depth >= 2)
            {
                return Gen.Frequency((6, simple), (2, sequence), (1, mappingItems), (1, extras));
            }

            var nested = from k in key
                         from step in indentStep
                         from children in Gen.NonEmptyListOf(Entry(indent + step, depth + 1)).Resize(3)
                         select pad + k + ":\n" + string.Concat(children);
            return Gen.Frequency((6, simple), (2, sequence), (2, nested), (2, mappingItems), (1, extras));
        }

        var lineEnding = subsetOnly ? Gen.Constant("\n") : Gen.Elements("\n", "\r\n");
        return from entries in Gen.ListOf(Entry(0, 0)).Resize(8)
               from ending in lineEnding
               from close in Gen.Elements("---\n", "...\n", "---\n\n---\nsecond\n")
               select ("---\n" + string.Concat(entries) + close + "# Body\n").Replace("\n", ending);
    }
}
