using System.Text;
using PlanState.Model;

namespace PlanState.Rewriting.Formatting;

/// <summary>Writes a progress bar's glyph run in the bar's own glyphs and width.</summary>
public static class ProgressBarFormatter
{
    /// <summary>
    /// The glyph run that replaces <see cref="ProgressBarGlyphs.GlyphRange"/>: the filled glyph
    /// <paramref name="filledCells"/> times, then the empty glyph for the rest of the width. Brackets and backticks sit
    /// outside the range and are left as they are. <paramref name="filledCells"/> is clamped to [0, width].
    /// </summary>
    public static string RenderGlyphs(ProgressBarGlyphs bar, int filledCells)
    {
        if (bar is null)
        {
            throw new ArgumentNullException(nameof(bar));
        }

        var width = Math.Max(0, bar.Width);
        var filled = Math.Max(0, Math.Min(width, filledCells));
        var builder = new StringBuilder((filled * bar.Filled.Length) + ((width - filled) * bar.Empty.Length));
        for (var i = 0; i < filled; i++)
        {
            builder.Append(bar.Filled);
        }

        for (var i = filled; i < width; i++)
        {
            builder.Append(bar.Empty);
        }

        return builder.ToString();
    }
}
