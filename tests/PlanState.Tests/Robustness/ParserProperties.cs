using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PlanState.Text;

namespace PlanState.Tests.Robustness;

/// <summary>
/// The parsers never throw and always report exact spans, on random markdown built from the shapes real planning
/// files have, on real files (the seeds, the sample, a synthetic tree) mutated at random, on truncated files and on
/// random bytes. The engine, on whole folders of such files, never throws, and its update stays idempotent and
/// within its edit spans whatever the input.
/// </summary>
[TestFixture]
public sealed class ParserProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static IReadOnlyList<string> realFiles = [];
    private TempDirectory? generated;

    [OneTimeSetUp]
    public void LoadRealFiles()
    {
        generated = new TempDirectory();
        var tree = SyntheticPlanningTree.Write(generated.Path, new SyntheticTreeOptions { Phases = 6, PlansPerPhase = 3, ArchivedPhases = 2, Seed = 7 });
        var files = new List<string>();
        files.AddRange(Directory.GetFiles(RepositoryLayout.SeedsFolder).Select(File.ReadAllText));
        files.AddRange(Directory.GetFiles(RepositoryLayout.SamplePlanningFolder, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        files.AddRange(new[] { "STATE.md", "ROADMAP.md" }.Select(tree.ReadFile));
        files.AddRange(tree.Files.Where(f => f.EndsWith("-SUMMARY.md", StringComparison.Ordinal)).Take(3).Select(tree.ReadFile));
        realFiles = files;
    }

    [OneTimeTearDown]
    public void DeleteGenerated() => generated?.Dispose();

    [Test]
    public void Random_planning_markdown_never_throws_and_spans_are_exact() =>
        Check.One(Runs.WithMaxTest(500).WithEndSize(200), Prop.ForAll(Arb.From(FuzzText.Markdown()), text => ParserHarness.ParseAll(SourceText.From("STATE.md", text))));

    [Test]
    public void Mutated_and_truncated_real_files_never_throw_and_spans_are_exact() =>
        Check.One(Runs.WithMaxTest(400), Prop.ForAll(Arb.From(FuzzText.Mutated(realFiles)), text => ParserHarness.ParseAll(SourceText.From("STATE.md", text))));

    [Test]
    public void Random_bytes_never_throw() =>
        Check.One(
            Runs.WithMaxTest(300).WithEndSize(4000),
            Prop.ForAll(Arb.From(FuzzText.Bytes(realFiles)), bytes => ParserHarness.ParseAll(SourceText.FromBytes("STATE.md", bytes))));

    [Test]
    public void Engine_on_folders_of_mutated_files_never_throws_and_update_is_idempotent_within_its_edit_spans() =>
        Check.One(Runs.WithMaxTest(120), Prop.ForAll(Arb.From(Folders()), AssertEngineSurvives));

    private static Gen<string[]> Folders()
    {
        var file = FuzzText.Mutated(realFiles);
        return from state in file from roadmap in file from summary in file from plan in file select new[] { state, roadmap, summary, plan };
    }

    private static void AssertEngineSurvives(string[] files)
    {
        var (state, roadmap, summary, plan) = (files[0], files[1], files[2], files[3]);
        using var temp = new TempDirectory();
        var root = temp.Combine(".planning");
        var phase = Path.Combine(root, "phases", "01-foundation");
        Directory.CreateDirectory(phase);
        File.WriteAllBytes(Path.Combine(root, "STATE.md"), Utf8.GetBytes(state));
        File.WriteAllBytes(Path.Combine(root, "ROADMAP.md"), Utf8.GetBytes(roadmap));
        File.WriteAllBytes(Path.Combine(phase, "01-01-SUMMARY.md"), Utf8.GetBytes(summary));
        File.WriteAllBytes(Path.Combine(phase, "01-01-PLAN.md"), Utf8.GetBytes(plan));
        var before = RewriterProperties.Snapshot(root);

        var engine = new PlanStateEngine();
        var analysis = engine.Analyze(root);
        foreach (var source in new[] { analysis.Folder.StateSource, analysis.Folder.RoadmapSource }.OfType<SourceText>())
        {
            ParserHarness.SpansAreExact(source, analysis.Findings);
        }

        var first = engine.Update(root);
        var after = RewriterProperties.Snapshot(root);
        after.Keys.Should().BeEquivalentTo(before.Keys, "no temp or lock file is left behind");
        foreach (var file in before.Keys.Where(f => !before[f].AsSpan().SequenceEqual(after[f])))
        {
            EditSpanAssertions.OnlyEditedSpansChanged(file, before[file], after[file], first.Before.Edits);
        }

        var second = engine.Update(root);
        second.Changes.Should().BeEmpty("a second update changes nothing, even on a messy folder; the first changed: " + string.Join("; ", first.Changes));
        RewriterProperties.Snapshot(root).Should().BeEquivalentTo(after);
    }
}
