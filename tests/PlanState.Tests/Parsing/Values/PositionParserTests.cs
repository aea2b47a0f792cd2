using PlanState.Model;
using PlanState.Parsing.Values;

namespace PlanState.Tests.Parsing.Values;

public class PositionParserTests
{
    // text, current (canonical), current as written, total (-1: none), total as written, name (null: none)
    [TestCase("1 of 2 (Name)", "1", "1", 2, "2", "Name")]
    [TestCase(" 7 of 10 (Backend Chunk Infrastructure)", "7", "7", 10, "10", "Backend Chunk Infrastructure")]
    [TestCase("2.1 of 8 (Hotfix)", "2.1", "2.1", 8, "8", "Hotfix")]
    [TestCase("3 (Name) — EXECUTING", "3", "3", -1, "", "Name")]
    [TestCase("3 — name", "3", "3", -1, "", "name")]
    [TestCase("3 - name", "3", "3", -1, "", "name")]
    [TestCase("3 – name  ", "3", "3", -1, "", "name")]
    [TestCase("3: name", "3", "3", -1, "", "name")]
    [TestCase("09", "9", "09", -1, "", null)]
    [TestCase(" 09 ", "9", "09", -1, "", null)]
    [TestCase("140.1.1 of 150", "140.1.1", "140.1.1", 150, "150", null)]
    [TestCase("12A of 20", "12A", "12A", 20, "20", null)]
    [TestCase("12a of 20 (Polish)", "12A", "12a", 20, "20", "Polish")]
    [TestCase("Phase 3 of 5 (Name)", "3", "3", 5, "5", "Name")]
    [TestCase("1 of 2 (Foundation (core) work) — EXECUTING", "1", "1", 2, "2", "Foundation (core) work")]
    [TestCase("1 of 2 (Unclosed name", "1", "1", 2, "2", "Unclosed name")]
    [TestCase("1 of 2 — Name", "1", "1", 2, "2", "Name")]
    [TestCase("5 of 10 complete", "5", "5", 10, "10", null)]
    [TestCase("5 of 10", "5", "5", 10, "10", null)]
    [TestCase("4 of TBD", "4", "4", -1, "", null)]
    [TestCase("3 ()", "3", "3", -1, "", null)]
    public void Reads_every_phase_form(string text, string current, string currentAsWritten, int total, string totalAsWritten, string? name)
    {
        var value = PositionParser.ParsePhase(text);

        value.Text.Should().Be(text);
        value.Recognised.Should().BeTrue();
        value.Current.Should().Be(PhaseNumber.Parse(current));
        value.Current!.ToString().Should().Be(current);
        Slice(text, value.CurrentRange).Should().Be(currentAsWritten);
        if (total < 0)
        {
            value.Total.Should().BeNull();
            value.TotalRange.Should().Be(default(TextRange));
        }
        else
        {
            value.Total.Should().Be(total);
            Slice(text, value.TotalRange).Should().Be(totalAsWritten);
        }

        value.Name.Should().Be(name);
        if (name is null)
        {
            value.NameRange.Should().Be(default(TextRange));
        }
        else
        {
            Slice(text, value.NameRange).Should().Be(name);
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Planning next milestone")]
    [TestCase("—")]
    [TestCase("3rd phase")]
    [TestCase("3 foo")]
    [TestCase("3-2")]
    [TestCase("v1.1")]
    [TestCase("1 of two")]
    [TestCase("1 of2")]
    [TestCase("Phase")]
    [TestCase("3.")]
    [TestCase("12ab of 20")]
    public void Leaves_free_phase_text_unrecognised(string text)
    {
        PositionParser.ParsePhase(text).Should().Be(new PhasePositionValue(text, false, null, default, null, default, null, default));
    }

    // text, current (-1: none), total (-1: none), total as written (TBD included), TBD, not started, plan id
    [TestCase("2 of 4 in current phase", 2, 4, "4", false, false, null)]
    [TestCase("1 of 2 in phase", 1, 2, "2", false, false, null)]
    [TestCase("3 of 3", 3, 3, "3", false, false, null)]
    [TestCase(" 12 of 15 (05-03)", 12, 15, "15", false, false, null)]
    [TestCase("0 of TBD in current phase", 0, -1, "TBD", true, false, null)]
    [TestCase("0 of tbd", 0, -1, "tbd", true, false, null)]
    [TestCase("Not started", -1, -1, "", false, true, null)]
    [TestCase("not started yet", -1, -1, "", false, true, null)]
    [TestCase("—", -1, -1, "", false, false, null)]
    [TestCase(" - ", -1, -1, "", false, false, null)]
    [TestCase("–", -1, -1, "", false, false, null)]
    [TestCase("17-02 completed", -1, -1, "", false, false, "17-02")]
    [TestCase("02.1-01 completed", -1, -1, "", false, false, "02.1-01")]
    [TestCase("17-02", -1, -1, "", false, false, "17-02")]
    public void Reads_every_plan_form(string text, int current, int total, string totalAsWritten, bool totalIsTbd, bool notStarted, string? planId)
    {
        var value = PositionParser.ParsePlan(text);

        value.Text.Should().Be(text);
        value.Recognised.Should().BeTrue();
        value.Current.Should().Be(current < 0 ? null : current);
        if (current >= 0)
        {
            Slice(text, value.CurrentRange).Should().Be(current.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        value.Total.Should().Be(total < 0 ? null : total);
        Slice(text, value.TotalRange).Should().Be(totalAsWritten);
        value.TotalIsTbd.Should().Be(totalIsTbd);
        value.NotStarted.Should().Be(notStarted);
        value.PlanId.Should().Be(planId);
    }

    [TestCase("")]
    [TestCase("Planning")]
    [TestCase("3")]
    [TestCase("3 of")]
    [TestCase("3 of four")]
    [TestCase("3of 4")]
    [TestCase("Notstarted")]
    [TestCase("--")]
    [TestCase("17-02-PLAN.md completed")]
    [TestCase("All plans complete")]
    public void Leaves_free_plan_text_unrecognised(string text)
    {
        PositionParser.ParsePlan(text).Should().Be(new PlanPositionValue(text, false, null, default, null, default, false, false, null));
    }

    // seed, phase current, phase total, phase name, plan current, plan total (-1: TBD)
    [TestCase("000", 1, 2, "Foundation - Tracing Infrastructure & Storage", 2, 4)]
    [TestCase("001", 1, 5, "Transaction Isolation & Unique Constraints", 1, 2)]
    [TestCase("002", 7, 10, "Backend Chunk Infrastructure", 2, 3)]
    [TestCase("003", 2, 8, "Context Integration", 0, -1)]
    [TestCase("004", 1, 6, "Foundation & Data Ingestion", 3, 3)]
    public void Reads_the_position_lines_of_every_seed(string seed, int phase, int phaseTotal, string name, int plan, int planTotal)
    {
        var phaseText = SeedValues.FieldValue(seed, "Phase");
        var planText = SeedValues.FieldValue(seed, "Plan");

        var phaseValue = PositionParser.ParsePhase(phaseText);
        var planValue = PositionParser.ParsePlan(planText);

        phaseValue.Recognised.Should().BeTrue();
        phaseValue.Current!.Major.Should().Be(phase);
        phaseValue.Total.Should().Be(phaseTotal);
        Slice(phaseText, phaseValue.TotalRange).Should().Be(phaseTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        phaseValue.Name.Should().Be(name);
        Slice(phaseText, phaseValue.NameRange).Should().Be(name);

        planValue.Recognised.Should().BeTrue();
        planValue.Current.Should().Be(plan);
        planValue.Total.Should().Be(planTotal < 0 ? null : planTotal);
        planValue.TotalIsTbd.Should().Be(planTotal < 0);
        Slice(planText, planValue.TotalRange).Should().Be(planTotal < 0 ? "TBD" : planTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void Never_throws_and_keeps_every_range_inside_the_text()
    {
        const string alphabet = "0123456789.aAofTBD ()—–-:Phase notstarted\t";
        var random = new Random(9);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 30)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(10) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var phase = PositionParser.ParsePhase(text);
            var plan = PositionParser.ParsePlan(text);

            // Plain checks: FluentAssertions in a 20,000-step loop would dominate the run time.
            var consistent = ReferenceEquals(phase.Text, text) && ReferenceEquals(plan.Text, text)
                && (phase.Current is null || PhaseNumber.Parse(Slice(text, phase.CurrentRange)) == phase.Current)
                && (phase.Total is null || IsNumber(Slice(text, phase.TotalRange), phase.Total.Value))
                && (phase.Name is null || Slice(text, phase.NameRange) == phase.Name)
                && (phase.Recognised || phase.Current is null)
                && (plan.Current is null || IsNumber(Slice(text, plan.CurrentRange), plan.Current.Value))
                && (plan.Total is null || IsNumber(Slice(text, plan.TotalRange), plan.Total.Value))
                && (plan.Recognised || (plan.Current is null && plan.PlanId is null && !plan.NotStarted));
            Assert.That(consistent, Is.True, $"Inconsistent result for '{text}': {phase} {plan}");
        }
    }

    private static bool IsNumber(string digits, int expected) =>
        digits.All(char.IsAsciiDigit) && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) == expected;

    [Test]
    public void Treats_null_as_unrecognised()
    {
        PositionParser.ParsePhase(null!).Recognised.Should().BeFalse();
        PositionParser.ParsePlan(null!).Recognised.Should().BeFalse();
    }

    private static string Slice(string text, TextRange range) => text.Substring(range.Start, range.Length);
}
