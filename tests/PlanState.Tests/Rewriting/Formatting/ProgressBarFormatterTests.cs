using PlanState.Model;
using PlanState.Parsing.Values;
using PlanState.Rewriting.Formatting;

namespace PlanState.Tests.Rewriting.Formatting;

public class ProgressBarFormatterTests
{
    // The three stale seed bars (spec §8) and the other glyph pairs, rewritten in place of GlyphRange.
    [TestCase("[██░░░░░░░░] 50% (2/4 plans in phase 1)", 5, "[█████░░░░░] 50% (2/4 plans in phase 1)")]
    [TestCase("[==                  ] 18% (2/11)", 4, "[====                ] 18% (2/11)")]
    [TestCase("[##--------] 12%", 1, "[#---------] 12%")]
    [TestCase("`[##--------]` 12%", 1, "`[#---------]` 12%")]
    [TestCase("[##........] 17%", 2, "[##........] 17%")]
    [TestCase("#####----- 50%", 10, "########## 50%")]
    [TestCase("[===░░░░░░░] 30%", 0, "[░░░░░░░░░░] 30%")]
    [TestCase("[██████████] 100%", 7, "[███████░░░] 100%")]
    [TestCase("[----------] 0%", 3, "[###-------] 0%")]
    public void Rewrites_the_glyph_run_keeping_glyphs_width_and_everything_around_it(string line, int filledCells, string expected)
    {
        var bar = ProgressLineParser.Parse(line)!.Bar!;

        var glyphs = ProgressBarFormatter.RenderGlyphs(bar, filledCells);

        glyphs.Length.Should().Be(bar.GlyphRange.Length);
        (line.Substring(0, bar.GlyphRange.Start) + glyphs + line.Substring(bar.GlyphRange.End)).Should().Be(expected);
    }

    [TestCase(-3, "░░░░░░")]
    [TestCase(0, "░░░░░░")]
    [TestCase(6, "██████")]
    [TestCase(99, "██████")]
    public void Clamps_the_fill_to_the_width(int filledCells, string expected)
    {
        var bar = new ProgressBarGlyphs("█", "░", 6, 0, true, false, new TextRange(1, 6));

        ProgressBarFormatter.RenderGlyphs(bar, filledCells).Should().Be(expected);
    }

    [Test]
    public void Writes_back_an_unchanged_bar_exactly()
    {
        const string line = "[==                  ] 18% (2/11)";
        var bar = ProgressLineParser.Parse(line)!.Bar!;

        ProgressBarFormatter.RenderGlyphs(bar, bar.FilledCells).Should().Be(line.Substring(bar.GlyphRange.Start, bar.GlyphRange.Length));
    }
}
