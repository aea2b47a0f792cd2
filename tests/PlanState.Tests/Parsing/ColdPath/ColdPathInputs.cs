using PlanState.Text;

namespace PlanState.Tests.Parsing.ColdPath;

/// <summary>The texts the cold-path tests hold the fast ways to the reference ways on: every fixture, and generated trees.</summary>
internal static class ColdPathInputs
{
    /// <summary>Every markdown and text fixture in the repository (samples, test fixtures, corpus) and the shared seeds, as raw bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> FixtureFiles() =>
        new[] { Path.Combine(RepositoryLayout.RepositoryRoot, "samples"), Path.Combine(RepositoryLayout.RepositoryRoot, "tests", "PlanState.Tests") }
            .SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && (f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(RepositoryLayout.SeedsFolder))
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();

    public static IEnumerable<SourceText> FixtureTexts() => FixtureFiles().Select(f => SourceText.FromBytes(f.Name, f.Bytes));

    /// <summary>Writes a generated tree (archives, both line-break styles, with and without BOM by seed) into <paramref name="temp"/>.</summary>
    public static GeneratedTree Generated(TempDirectory temp, int seed) => SyntheticPlanningTree.Write(temp.Path, new SyntheticTreeOptions
    {
        Phases = 6,
        PlansPerPhase = 4,
        ArchivedPhases = 2,
        CompletedFraction = 0.7,
        Seed = seed,
        LineEndings = seed % 2 == 0 ? LineEndingStyle.CrLf : LineEndingStyle.Lf,
        Bom = seed % 3 == 0,
    });
}
