using System.Text;
using System.Text.RegularExpressions;

namespace PlanState.Parsing.Roadmap;

/// <summary>
/// Lines of an HTML block that hold only tags: <c>&lt;details&gt;</c>, <c>&lt;summary&gt;…&lt;/summary&gt;</c>,
/// <c>&lt;/details&gt;</c>, <c>&lt;div&gt;</c>. The other lines of such a block are markdown that Markdig swallowed
/// because no blank line separated it from the tags.
/// </summary>
internal static partial class HtmlTagLine
{
    private const string TokenPattern = @"<summary\b[^>]*>(?<summary>.*?)</summary\s*>|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)\b[^<>]*>|<!--.*?-->";

#if NET8_0_OR_GREATER
    [GeneratedRegex(TokenPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Token();
#else
    private static Regex? tokenRegex;

    private static Regex Token() => tokenRegex ??= new(TokenPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
#endif

    /// <summary>The details/summary tokens of a line that holds only tags, in order; false for any other line.</summary>
    public static bool TryRead(string line, out List<HtmlTagToken> tokens)
    {
        tokens = new List<HtmlTagToken>();
        var last = 0;
        var sawTag = false;
        for (var match = Token().Match(line); match.Success; match = match.NextMatch())
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
                tokens.Add(new HtmlTagToken(HtmlTagKind.Summary, summary.Index, summary.Length, StripTags(summary.Value)));
            }
            else if (string.Equals(match.Groups["name"].Value, "details", StringComparison.OrdinalIgnoreCase))
            {
                var kind = match.Groups["close"].Success ? HtmlTagKind.DetailsClose : HtmlTagKind.DetailsOpen;
                tokens.Add(new HtmlTagToken(kind, match.Index, match.Length, string.Empty));
            }
        }

        return sawTag && IsBlank(line, last, line.Length);
    }

    /// <summary>The text without its tags: every <c>&lt;…&gt;</c> that holds no other <c>&lt;</c> or <c>&gt;</c> is removed.</summary>
    internal static string StripTags(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '<')
            {
                var close = i + 1;
                while (close < text.Length && text[close] != '<' && text[close] != '>')
                {
                    close++;
                }

                if (close < text.Length && text[close] == '>')
                {
                    i = close + 1;
                    continue;
                }
            }

            result.Append(text[i]);
            i++;
        }

        return result.ToString();
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
/// <remarks>A class, not a struct: a list of it then shares the framework's precompiled code instead of being JIT-compiled at start-up.</remarks>
internal sealed record HtmlTagToken(HtmlTagKind Kind, int Index, int Length, string Text);
