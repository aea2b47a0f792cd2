using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Diagnostics;

namespace PlanState.Tests.Robustness;

/// <summary>
/// Properties of <see cref="PlanStateEngine.Update"/> over random synthetic planning folders (random size, seed,
/// completion, archive, LF/CRLF/mixed line endings, BOM) whose derived values were made stale at random:
/// update restores exactly the consistent folder, changes no byte outside the spans of the edits it reported, and a
/// second run changes nothing. On a folder that was not mutated, reading and rendering every derived value gives the
/// same text, so nothing is written.
/// </summary>
[TestFixture]
public sealed class RewriterProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    [Test]
    public void Update_restores_the_consistent_folder_changes_only_edit_spans_and_is_idempotent() =>
        Check.One(Runs.WithMaxTest(50), Prop.ForAll(Arb.From(Cases()), AssertUpdateRestores));

    [Test]
    public void A_consistent_folder_renders_every_derived_value_as_it_is_and_is_never_written() =>
        Check.One(Runs.WithMaxTest(20), Prop.ForAll(Arb.From(Cases()), AssertNothingToWrite));

    /// <summary>A random tree and the mutations to apply to it.</summary>
    public sealed record Case(SyntheticTreeOptions Options, bool MixedLineEndings, int MutationSeed, int MaxMutations);

    private static Gen<Case> Cases() =>
        from phases in Gen.Choose(1, 10)
        from plans in Gen.Choose(1, 6)
        from completedTenths in Gen.Choose(0, 10)
        from archived in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, phases - 1)))
        from seed in Gen.Choose(1, int.MaxValue - 1)
        from crlf in Gen.Elements(LineEndingStyle.Lf, LineEndingStyle.CrLf)
        from bom in Gen.Elements(false, true)
        from mixed in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from mutationSeed in Gen.Choose(0, int.MaxValue - 1)
        from maxMutations in Gen.Choose(1, 6)
        select new Case(
            new SyntheticTreeOptions
            {
                Phases = phases,
                PlansPerPhase = plans,
                CompletedFraction = completedTenths / 10.0,
                ArchivedPhases = archived,
                Seed = seed,
                LineEndings = crlf,
                Bom = bom,
            },
            mixed,
            mutationSeed,
            maxMutations);

    private static void AssertUpdateRestores(Case c)
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp, c);
        var consistent = Snapshot(tree.Root);
        var mutations = DerivedValueMutator.Mutate(tree.Root, c.Options.ArchivedPhases, c.MutationSeed, c.MaxMutations);
        var mutated = Snapshot(tree.Root);
        var because = "mutations: " + string.Join("; ", mutations);

        var engine = new PlanStateEngine();
        var first = engine.Update(tree.Root);
        var updated = Snapshot(tree.Root);

        first.WriteFailures.Should().BeEmpty(because);
        updated.Keys.Should().BeEquivalentTo(mutated.Keys, "update leaves no temp or lock file behind; " + because);
        foreach (var file in mutated.Keys.Where(f => !mutated[f].AsSpan().SequenceEqual(updated[f])))
        {
            first.WrittenFiles.Should().Contain(file, because);
            EditSpanAssertions.OnlyEditedSpansChanged(file, mutated[file], updated[file], first.Before.Edits);
        }

        foreach (var file in consistent.Keys)
        {
            Utf8(updated[file]).Should().Be(Utf8(consistent[file]), $"update restores every stale value of {file}; {because}");
        }

        first.Remaining.Where(f => f.Kind == FindingKind.Stale).Should().BeEmpty(because);
        first.Remaining.Where(IsReported).Should().BeEmpty(because);

        var second = engine.Update(tree.Root);
        second.Changes.Should().BeEmpty("a second update changes nothing; " + because);
        second.WrittenFiles.Should().BeEmpty(because);
        Snapshot(tree.Root).Should().BeEquivalentTo(updated, because);

        var fresh = new PlanStateEngine().Analyze(tree.Root);
        fresh.Edits.Where(e => e.OldText != e.NewText).Should().BeEmpty("a fresh engine finds nothing left to rewrite; " + because);
    }

    private static void AssertNothingToWrite(Case c)
    {
        using var temp = new TempDirectory();
        var tree = Generate(temp, c);
        var stamp = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        foreach (var file in new[] { "STATE.md", "ROADMAP.md" })
        {
            File.SetLastWriteTimeUtc(tree.FullPath(file), stamp);
        }

        var before = Snapshot(tree.Root);

        var analysis = new PlanStateEngine().Analyze(tree.Root);
        analysis.Findings.Where(IsReported).Should().BeEmpty($"the generated folder is consistent ({c})");
        foreach (var edit in analysis.Edits)
        {
            edit.NewText.Should().Be(edit.OldText, $"rendering the unchanged value at {edit.Span} gives it back ({c})");
        }

        var result = new PlanStateEngine().Update(tree.Root);
        result.WrittenFiles.Should().BeEmpty();
        result.Changes.Should().BeEmpty();
        Snapshot(tree.Root).Should().BeEquivalentTo(before);
        File.GetLastWriteTimeUtc(tree.FullPath("STATE.md")).Should().Be(stamp, "a file with nothing stale is not written");
        File.GetLastWriteTimeUtc(tree.FullPath("ROADMAP.md")).Should().Be(stamp, "a file with nothing stale is not written");
    }

    private static bool IsReported(Finding finding) => finding.Severity >= Severity.Warning;

    private static GeneratedTree Generate(TempDirectory temp, Case c)
    {
        var tree = SyntheticPlanningTree.Write(temp.Path, c.Options);
        if (c.MixedLineEndings)
        {
            var random = new Random(c.MutationSeed ^ 0x5eed);
            foreach (var file in new[] { "STATE.md", "ROADMAP.md" })
            {
                var bytes = File.ReadAllBytes(tree.FullPath(file));
                File.WriteAllBytes(tree.FullPath(file), MixLineEndings(bytes, random));
            }
        }

        return tree;
    }

    /// <summary>Rewrites each line break as LF or CRLF at random, as files edited on two systems have.</summary>
    private static byte[] MixLineEndings(byte[] bytes, Random random)
    {
        var output = new List<byte>(bytes.Length + 64);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            if (bytes[i] == (byte)'\n')
            {
                if (random.Next(2) == 0)
                {
                    output.Add((byte)'\r');
                }

                output.Add((byte)'\n');
            }
            else
            {
                output.Add(bytes[i]);
            }
        }

        return output.ToArray();
    }

    internal static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
