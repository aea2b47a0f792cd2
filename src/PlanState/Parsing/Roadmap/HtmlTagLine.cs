using System.Text.RegularExpressions;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Lines of an HTML block that hold only tags: <c>&lt;details&gt;</c>, <c>&lt;summary&gt;…&lt;/summary&gt;</c>,
/// <c>&lt;/details&gt;</c>, <c>&lt;div&gt;</c>. The other lines of such a block are markdown that Markdig swallowed
/// because no blank line separated it from the tags.
/// </summary>
internal static class HtmlTagLine
{
    private static readonly Regex Token = new(
        @"<summary\b[^>]*>(?<summary>.*?)</summary\s*>|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)\b[^<>]*>|<!--.*?-->",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex InnerTag = new(@"<[^<>]*>", RegexOptions.CultureInvariant);

    /// <summary>The details/summary tokens of a line that holds only tags, in order; false for any other line.</summary>
    public static bool TryRead(string line, out List<HtmlTagToken> tokens)
    {
        tokens = new List<HtmlTagToken>();
        var last = 0;
        var sawTag = false;
        for (var match = Token.Match(line); match.Success; match = match.NextMatch())
        {
            if (!IsBlank(line, last, match.Index))
            {
                return false;
            }

            sawTag = true;
            last = match.Index + match.Length;
            var summary = match.Groups["summary"];
            if (summary.Success)
            {
                tokens.Add(new HtmlTagToken(HtmlTagKind.Summary, summary.Index, summary.Length, InnerTag.Replace(summary.Value, string.Empty)));
            }
            else if (string.Equals(match.Groups["name"].Value, "details", StringComparison.OrdinalIgnoreCase))
            {
                var kind = match.Groups["close"].Success ? HtmlTagKind.DetailsClose : HtmlTagKind.DetailsOpen;
                tokens.Add(new HtmlTagToken(kind, match.Index, match.Length, string.Empty));
            }
        }

        return sawTag && IsBlank(line, last, line.Length);
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

internal enum HtmlTagKind
{
    DetailsOpen,
    DetailsClose,
    Summary,
}

/// <param name="Index">Offset in the line: of the tag, or of the summary's inner text.</param>
/// <param name="Text">For a summary, its inner text with tags removed.</param>
internal readonly record struct HtmlTagToken(HtmlTagKind Kind, int Index, int Length, string Text);
