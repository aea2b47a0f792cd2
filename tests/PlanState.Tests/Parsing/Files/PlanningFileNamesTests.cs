using PlanState.Model;
using PlanState.Parsing.Files;

namespace PlanState.Tests.Parsing.Files;

public class PlanningFileNamesTests
{
    [TestCase("01-foundation", "1", "foundation")]
    [TestCase("02.1-hotfix", "2.1", "hotfix")]
    [TestCase("140.1.1-x", "140.1.1", "x")]
    [TestCase("14a-x", "14A", "x")]
    [TestCase("14A-x", "14A", "x")]
    [TestCase("100-big", "100", "big")]
    [TestCase("7-x", "7", "x")]
    [TestCase("03-multi-word-slug", "3", "multi-word-slug")]
    [TestCase("05-v1.2_final", "5", "v1.2_final")]
    public void Reads_phase_folder_names(string name, string number, string slug)
    {
        PlanningFileNames.TryParsePhaseFolder(name, out var parsed, out var parsedSlug).Should().BeTrue();

        parsed.Should().Be(PhaseNumber.Parse(number));
        parsed.ToString().Should().Be(number);
        parsedSlug.Should().Be(slug);
    }

    [TestCase("foundation")]
    [TestCase("01")]
    [TestCase("01-")]
    [TestCase("-01-x")]
    [TestCase("v1.0-phases")]
    [TestCase("01.-x")]
    [TestCase("1..2-x")]
    [TestCase("14abc-x")]
    [TestCase(".git")]
    [TestCase("")]
    public void Rejects_other_folder_names(string name)
    {
        PlanningFileNames.TryParsePhaseFolder(name, out _, out _).Should().BeFalse();
    }

    [Test]
    public void Leading_zeros_do_not_change_the_phase()
    {
        PlanningFileNames.TryParsePhaseFolder("02-a", out var padded, out _);
        PlanningFileNames.TryParsePhaseFolder("2-a", out var bare, out _);

        padded.Should().Be(bare);
    }

    [TestCase("01-02-PLAN.md", "01-02", "1", 2, PlanFileKind.Plan)]
    [TestCase("01-02-SUMMARY.md", "01-02", "1", 2, PlanFileKind.Summary)]
    [TestCase("02.1-01-SUMMARY.md", "02.1-01", "2.1", 1, PlanFileKind.Summary)]
    [TestCase("140.1.1-03-PLAN.md", "140.1.1-03", "140.1.1", 3, PlanFileKind.Plan)]
    [TestCase("14a-01-PLAN.md", "14a-01", "14A", 1, PlanFileKind.Plan)]
    [TestCase("100-12-PLAN.md", "100-12", "100", 12, PlanFileKind.Plan)]
    [TestCase("7-1-PLAN.md", "7-1", "7", 1, PlanFileKind.Plan)]
    [TestCase("01-02-plan.md", "01-02", "1", 2, PlanFileKind.Plan)]
    [TestCase("01-02-Summary.MD", "01-02", "1", 2, PlanFileKind.Summary)]
    public void Reads_plan_and_summary_file_names(string fileName, string idText, string phase, int plan, PlanFileKind kind)
    {
        PlanningFileNames.TryParsePlanFile(fileName, PhaseNumber.Parse("1"), out var id, out var parsedKind).Should().BeTrue();

        id.Text.Should().Be(idText);
        id.Phase.Should().Be(PhaseNumber.Parse(phase));
        id.Plan.Should().Be(plan);
        parsedKind.Should().Be(kind);
    }

    [Test]
    public void A_name_for_another_phase_keeps_its_own_phase()
    {
        PlanningFileNames.TryParsePlanFile("03-01-PLAN.md", PhaseNumber.Parse("2"), out var id, out _).Should().BeTrue();

        id.Phase.Should().Be(PhaseNumber.Parse("3"));
    }

    [TestCase("PLAN.md", "3", "03-01", PlanFileKind.Plan)]
    [TestCase("SUMMARY.md", "3", "03-01", PlanFileKind.Summary)]
    [TestCase("PLAN.md", "2.1", "02.1-01", PlanFileKind.Plan)]
    [TestCase("summary.md", "12A", "12A-01", PlanFileKind.Summary)]
    public void Legacy_bare_names_are_plan_1_of_the_folder_phase(string fileName, string folderPhase, string idText, PlanFileKind kind)
    {
        PlanningFileNames.TryParsePlanFile(fileName, PhaseNumber.Parse(folderPhase), out var id, out var parsedKind).Should().BeTrue();

        id.Text.Should().Be(idText);
        id.Phase.Should().Be(PhaseNumber.Parse(folderPhase));
        id.Plan.Should().Be(1);
        parsedKind.Should().Be(kind);
    }

    [TestCase("01-01-REPLAN-INPUTS.md")]
    [TestCase("PLAN-REVIEW.md")]
    [TestCase("01-02-PLAN.md.bak-1")]
    [TestCase("01-02-PLAN.md.tmp.123")]
    [TestCase("notes-PLAN.md")]
    [TestCase("01-PLAN.md")]
    [TestCase("01-02-PLAN.txt")]
    [TestCase("01-02-PLAN")]
    [TestCase("01-02-PLANS.md")]
    [TestCase("01-02-PLAN-v2.md")]
    [TestCase("01-02-RESEARCH.md")]
    [TestCase("01-CONTEXT.md")]
    [TestCase("x01-02-PLAN.md")]
    [TestCase("PLAN.md.bak-2")]
    [TestCase("")]
    public void Names_that_merely_contain_plan_are_not_plans(string fileName)
    {
        PlanningFileNames.TryParsePlanFile(fileName, PhaseNumber.Parse("1"), out _, out _).Should().BeFalse();
    }

    [TestCase("STATE.md.lock", true)]
    [TestCase(".lock", true)]
    [TestCase("ROADMAP.md.tmp.4711", true)]
    [TestCase("01-02-PLAN.md.tmp.123", true)]
    [TestCase("STATE.md.bak-1", true)]
    [TestCase("WAITING.json", true)]
    [TestCase("STATE.md", false)]
    [TestCase("config.json", false)]
    [TestCase("01-02-PLAN.md", false)]
    [TestCase("locker.md", false)]
    [TestCase("x.LOCK", true)]
    [TestCase("STATE.BAK-x", true)]
    [TestCase("x.bak-", true)]
    [TestCase("waiting.JSON", true)]
    [TestCase("notes.bak", false)]
    [TestCase("a.lockx", false)]
    [TestCase("a.tmp", false)]
    [TestCase("a.TMP.b", true)]
    [TestCase("lock", false)]
    public void Ignores_what_the_tooling_leaves_behind(string fileName, bool ignored)
    {
        PlanningFileNames.IsIgnored(fileName).Should().Be(ignored);
    }

    [Test]
    public void Ignoring_a_name_is_its_three_searches_and_the_one_name_whatever_the_dots()
    {
        // Every name of up to four parts from pieces that approach the patterns, held to the definition itself.
        var pieces = new[] { "", ".", "lock", "LOCK", ".lock", "tmp", ".tmp.", ".TMP", "bak", "-", ".bak-", "BAK-", "md", "WAITING", "json", ".json", "x" };
        foreach (var a in pieces)
        foreach (var b in pieces)
        foreach (var c in pieces)
        foreach (var d in new[] { "", ".md", ".lock", "-1" })
        {
            var name = a + b + c + d;
            var expected = name.Length > 0
                && (name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase)
                    || name.Contains(".tmp.", StringComparison.OrdinalIgnoreCase)
                    || name.Contains(".bak-", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "WAITING.json", StringComparison.OrdinalIgnoreCase));
            PlanningFileNames.IsIgnored(name).Should().Be(expected, "'{0}'", name);
        }
    }

    [TestCase("v1.0-phases", "v1.0")]
    [TestCase("v2-phases", "v2")]
    [TestCase("v10.2.1-phases", "v10.2.1")]
    public void Reads_archive_folder_names(string name, string version)
    {
        PlanningFileNames.TryParseArchiveFolder(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(version);
    }

    [TestCase("v1.0-ROADMAP.md")]
    [TestCase("phases")]
    [TestCase("1.0-phases")]
    [TestCase("v1.0-phases-old")]
    public void Rejects_other_archive_names(string name)
    {
        PlanningFileNames.TryParseArchiveFolder(name, out _).Should().BeFalse();
    }
}
