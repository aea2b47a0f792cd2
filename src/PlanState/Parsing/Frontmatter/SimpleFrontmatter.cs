using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif
using System.Text;
using PlanState.Model;
using PlanState.Text;

namespace PlanState.Parsing.Frontmatter;

/// <summary>
/// A fast path for the plain subset of YAML that real planning frontmatter uses: top-level <c>key: scalar</c>,
/// block mappings nested by indentation, <c>- item</c> block sequences, one-line <c>[a, "b"]</c> flow sequences,
/// one-line quoted scalars with the common escapes, comments and blank lines.
/// </summary>
/// <remarks>
/// This is a measured performance decision, not a second YAML parser: YamlDotNet stays the reference
/// implementation. Parsing a block with YamlDotNet costs 50-100 µs, which over the 17,000 files of a 10,000-plan
/// tree is most of a cold analysis; this scanner reads the same blocks in a few µs. It accepts only text it is sure
/// YamlDotNet reads without error, and must then produce exactly the entries (key paths, values, spans) that
/// <see cref="FrontmatterReader"/>'s YamlDotNet path produces; anything else (anchors, aliases, tags, block scalars,
/// multi-line values, flow mappings, complex keys, tabs, document markers, reserved indicators, odd characters)
/// makes <see cref="TryRead"/> return false and the block goes to YamlDotNet unchanged, diagnostics included.
/// <c>SimpleFrontmatterEquivalenceTests</c> holds the two paths to the same output.
/// </remarks>
internal ref struct SimpleFrontmatter
{
    /// <summary>Deeper than this is left to YamlDotNet; no planning key nests more than three levels.</summary>
    private const int MaxDepth = 16;

    private readonly SourceText source;
    private readonly ReadOnlySpan<char> s;
    private readonly int end;
    private readonly List<FrontmatterEntry> entries;
    private readonly FrontmatterKeys keys;

    /// <summary>Where each line of the block ends, from the reader's search for the closing fence; null to search here.</summary>
    private readonly int[]? lineEnds;

    /// <summary>The 1-based line number of the block's first line, which <see cref="lineEnds"/> starts with.</summary>
    private readonly int firstLine;

    private int position;

    /// <summary>The 1-based line number of <see cref="position"/>, counted as the scan goes so spans need no line index.</summary>
    private int lineNumber;

    /// <summary>The rest of a <c>- key: value</c> line, read as the first line of the item's mapping.</summary>
    private Line? pending;

    private SimpleFrontmatter(SourceText source, int start, int startLine, int end, List<FrontmatterEntry> entries, FrontmatterKeys keys, int[]? lineEnds)
    {
        this.lineEnds = lineEnds;
        firstLine = startLine;
        this.source = source;
        s = source.Chars;
        position = start;
        lineNumber = startLine;
        this.end = end;
        this.entries = entries;
        this.keys = keys;
    }

    /// <summary>
    /// Reads the block content <c>[start, end)</c> (whole lines) into <paramref name="entries"/> when it lies in the
    /// subset; otherwise adds nothing and returns false.
    /// </summary>
    public static bool TryRead(SourceText source, int start, int end, List<FrontmatterEntry> entries) =>
        TryRead(source, start, source.LineOf(start), end, entries, FrontmatterKeys.All, lineEnds: null);

    /// <summary>
    /// <see cref="TryRead(SourceText, int, int, List{FrontmatterEntry})"/> given the 1-based line on which
    /// <paramref name="start"/> lies, adding only the entries <paramref name="keys"/> wants (the whole block is
    /// still read: whether it lies in the subset does not depend on the keys). <paramref name="lineEnds"/>, when given,
    /// holds where each line of the block ends, first line first (the reader finds them on its way to the closing
    /// fence, so the lines are not searched twice).
    /// </summary>
    public static bool TryRead(SourceText source, int start, int startLine, int end, List<FrontmatterEntry> entries, FrontmatterKeys keys, int[]? lineEnds)
    {
        if (!HasOnlyPlainChars(source.Chars, start, end))
        {
            return false;
        }

        var before = entries.Count;
        var reader = new SimpleFrontmatter(source, start, startLine, end, entries, keys, lineEnds);
        if (reader.ReadDocument())
        {
            return true;
        }

        entries.RemoveRange(before, entries.Count - before);
        return false;
    }

    /// <summary>
    /// False when <c>text[start..end)</c> holds a tab, a control character other than a line break, or one of YAML's
    /// extra line breaks and non-characters: YamlDotNet's rules for them are subtle, so such blocks are left to it.
    /// </summary>
    private static bool HasOnlyPlainChars(ReadOnlySpan<char> text, int start, int end)
    {
        if ((uint)start > (uint)end || (uint)end > (uint)text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }

        var i = start;
#if NET8_0_OR_GREATER
        // Eight chars at a time (the loads below are unchecked, hence the check above): a vector of printable ASCII
        // and line breaks needs no further look. Not the framework's IndexOfAnyExcept(SearchValues): that search
        // stopped at every line break, and the tool's precompiled code cannot inline the framework's span methods, so
        // each stop cost calls; its SearchValues also built itself (JIT-compiling) on first use. Side by side in one
        // process, on the frontmatter of a 10,000-plan tree, the blocks read about 7 % faster this way.
        if (Vector128.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var space = Vector128.Create((ushort)' ');
            var printableWidth = Vector128.Create((ushort)('~' - ' '));
            var lineFeed = Vector128.Create((ushort)'\n');
            var carriageReturn = Vector128.Create((ushort)'\r');
            for (; i <= end - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref first, (nuint)i);
                var other = Vector128.GreaterThan(v - space, printableWidth) & ~(Vector128.Equals(v, lineFeed) | Vector128.Equals(v, carriageReturn));
                if (other != Vector128<ushort>.Zero && !HasOnlySupported(text, i, i + Vector128<ushort>.Count))
                {
                    return false;
                }
            }
        }
#endif
        return HasOnlySupported(text, i, end);
    }

    private static bool HasOnlySupported(ReadOnlySpan<char> text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsUnsupported(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUnsupported(char c) =>
        (c < ' ' && c is not ('\n' or '\r')) || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';

    private bool ReadDocument()
    {
        if (!Peek(out var first))
        {
            return true;
        }

        return first.Indent == 0 && ReadMapping(0, string.Empty, depth: 0) && !Peek(out _);
    }

    /// <param name="prefix">The key path of the mapping; null when nothing below it is wanted (it is only checked).</param>
    private bool ReadMapping(int indent, string? prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        while (Peek(out var line))
        {
            if (line.Indent < indent)
            {
                return true;
            }

            if (line.Indent > indent)
            {
                return false;
            }

            var keyEnd = KeyEnd(line.Content, line.End);
            if (keyEnd < 0)
            {
                return false;
            }

            var colonEnd = keyEnd + 1;
            var keyPath = KeyPath(prefix, line.Content, keyEnd - line.Content, out var wanted);
            var keySpan = SpanOn(line, line.Content, keyEnd - line.Content);
            Consume(line);

            var valueStart = colonEnd;
            while (valueStart < line.End && s[valueStart] == ' ')
            {
                valueStart++;
            }

            var valueEnd = TrimEndSpaces(valueStart, line.End);
            if (valueStart == valueEnd || s[valueStart] == '#')
            {
                if (!ReadNestedOrNull(indent, line, keyPath, wanted, keySpan, colonEnd, depth))
                {
                    return false;
                }
            }
            else if (s[valueStart] == '[')
            {
                if (!ReadFlowSequence(line, valueStart, valueEnd, keyPath, keySpan))
                {
                    return false;
                }
            }
            else if (ReadScalar(valueStart, valueEnd, flow: false, wanted, out var value, out var spanEnd) < 0)
            {
                return false;
            }
            else if (wanted)
            {
                entries.Add(new FrontmatterEntry(keyPath!, value, keySpan, SpanOn(line, valueStart, spanEnd - valueStart)));
            }
        }

        return true;
    }

    /// <summary>A key with nothing after its colon: a nested mapping, a block sequence, or a null value.</summary>
    /// <param name="keyPath">The key's path; null when neither it nor anything below it is wanted.</param>
    private bool ReadNestedOrNull(int indent, Line keyLine, string? keyPath, bool wanted, SourceSpan keySpan, int colonEnd, int depth)
    {
        if (Peek(out var next))
        {
            if (next.Indent > indent)
            {
                return IsSequenceItem(next)
                    ? ReadSequence(next.Indent, indent, keyPath, keySpan, depth)
                    : ReadMapping(next.Indent, BelowWanted(keyPath), depth + 1);
            }

            if (next.Indent == indent && IsSequenceItem(next))
            {
                return ReadSequence(indent, indent, keyPath, keySpan, depth);
            }
        }

        // YamlDotNet gives a key without a value an empty scalar right after the colon.
        if (wanted)
        {
            entries.Add(new FrontmatterEntry(keyPath!, null, keySpan, SpanOn(keyLine, colonEnd, 0)));
        }

        return true;
    }

    /// <param name="keyPath">The sequence's key path; null when nothing in it is wanted (it is only checked).</param>
    private bool ReadSequence(int indent, int parentIndent, string? keyPath, SourceSpan keySpan, int depth)
    {
        keyPath = BelowWanted(keyPath);
        var index = 0;
        while (Peek(out var line) && line.Indent >= indent)
        {
            if (line.Indent > indent)
            {
                return false;
            }

            if (!IsSequenceItem(line))
            {
                // Under `key:` at the key's own column, a key line ends the list; deeper in, it is an error.
                if (indent > parentIndent)
                {
                    return false;
                }

                break;
            }

            Consume(line);
            var itemStart = line.Content + 1;
            while (itemStart < line.End && s[itemStart] == ' ')
            {
                itemStart++;
            }

            if (itemStart < line.End && KeyEnd(itemStart, line.End) >= 0)
            {
                // `- path: x` opens a mapping whose keys line up with `path`.
                var column = line.Indent + (itemStart - line.Content);
                pending = new Line(column, itemStart, line.End, line.Number, line.Start);
                if (!ReadMapping(column, keyPath is null ? null : BelowWanted(ItemPath(keyPath, index)), depth + 1))
                {
                    return false;
                }

                index++;
                continue;
            }

            var itemEnd = TrimEndSpaces(itemStart, line.End);
            var itemPath = WantedItem(keyPath, index);
            if (itemStart == itemEnd || s[itemStart] == '#' || ReadScalar(itemStart, itemEnd, flow: false, itemPath is not null, out var value, out var spanEnd) < 0)
            {
                return false;
            }

            if (itemPath is not null)
            {
                entries.Add(new FrontmatterEntry(itemPath, value, keySpan, SpanOn(line, itemStart, spanEnd - itemStart)));
            }

            index++;
        }

        return index > 0;
    }

    /// <summary>A one-line <c>[a, "b"]</c> of scalars, then nothing but an optional comment.</summary>
    private bool ReadFlowSequence(Line line, int start, int lineEnd, string? keyPath, SourceSpan keySpan)
    {
        keyPath = BelowWanted(keyPath);
        var i = SkipSpaces(start + 1, lineEnd);
        var index = 0;
        if (i < lineEnd && s[i] == ']')
        {
            i++;
        }
        else
        {
            while (true)
            {
                if (i >= lineEnd)
                {
                    return false;
                }

                var itemStart = i;
                var itemPath = WantedItem(keyPath, index);
                i = ReadScalar(itemStart, lineEnd, flow: true, itemPath is not null, out var value, out var spanEnd);
                if (i < 0)
                {
                    return false;
                }

                if (itemPath is not null)
                {
                    entries.Add(new FrontmatterEntry(itemPath, value, keySpan, SpanOn(line, itemStart, spanEnd - itemStart)));
                }

                index++;
                i = SkipSpaces(i, lineEnd);
                if (i >= lineEnd)
                {
                    return false;
                }

                if (s[i] == ']')
                {
                    i++;
                    break;
                }

                if (s[i] != ',')
                {
                    return false;
                }

                i = SkipSpaces(i + 1, lineEnd);
                if (i >= lineEnd || s[i] is ']' or ',')
                {
                    return false;
                }
            }
        }

        return IsEndOrComment(i, lineEnd);
    }

    /// <summary>
    /// Reads one scalar starting at <paramref name="start"/>. In block context it must fill the rest of the line
    /// (up to an optional comment); in flow context it stops before <c>,</c> or <c>]</c>. Returns where reading
    /// stopped, or -1 when the scalar is outside the subset. Without <paramref name="materialize"/> the value is
    /// only checked (<paramref name="value"/> stays null).
    /// </summary>
    private int ReadScalar(int start, int lineEnd, bool flow, bool materialize, out string? value, out int spanEnd)
    {
        value = null;
        spanEnd = -1;
        var first = s[start];
        if (first is '"' or '\'')
        {
            var close = first == '"' ? ReadDoubleQuoted(start, lineEnd, materialize, out value) : ReadSingleQuoted(start, lineEnd, materialize, out value);
            if (close < 0)
            {
                return -1;
            }

            spanEnd = close;
            return flow ? close : IsEndOrComment(close, lineEnd) ? lineEnd : -1;
        }

        if (!CanStartPlain(start, lineEnd))
        {
            return -1;
        }

        var i = start;
        for (; i < lineEnd; i++)
        {
#if NET8_0_OR_GREATER
            if (!flow)
            {
                // In block context only ':' and '#' can end or refuse a plain scalar: skip to the next of them.
                var skip = s.Slice(i, lineEnd - i).IndexOfAny(':', '#');
                if (skip < 0)
                {
                    i = lineEnd;
                    break;
                }

                i += skip;
            }
#endif
            var c = s[i];
            if (flow)
            {
                if (c is ',' or ']')
                {
                    break;
                }

                if (c is '[' or '{' or '}' or '#' or ':' or '"' or '\'')
                {
                    return -1;
                }
            }
            else if (c == '#' && s[i - 1] == ' ')
            {
                break;
            }
            else if (c == ':' && (i + 1 == lineEnd || s[i + 1] == ' '))
            {
                return -1;
            }
        }

        spanEnd = TrimEndSpaces(start, i);
        if (spanEnd == start)
        {
            return -1;
        }

        if (materialize)
        {
            var text = s.Slice(start, spanEnd - start).ToString();
            value = text is "~" or "null" or "Null" or "NULL" ? null : text;
        }

        return i;
    }

    /// <summary>A plain scalar cannot start with an indicator; <c>-</c>, <c>?</c> and <c>:</c> may start one before a letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CanStartPlain(int start, int lineEnd)
    {
        var c = s[start];
        if (c is '-' or '?' or ':')
        {
            return start + 1 < lineEnd && char.IsLetterOrDigit(s[start + 1]);
        }

        return c is not (',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '"' or '\'');
    }

    /// <summary>Returns the offset after the closing quote, or -1 (no closing quote on this line, or an escape outside the subset).</summary>
    private int ReadDoubleQuoted(int start, int lineEnd, bool materialize, out string? value)
    {
        value = null;
        StringBuilder? builder = null;
        var runStart = start + 1;
        for (var i = start + 1; i < lineEnd; i++)
        {
#if NET8_0_OR_GREATER
            // Only the closing quote and an escape matter: skip to the next of them.
            var skip = s.Slice(i, lineEnd - i).IndexOfAny('"', '\\');
            if (skip < 0)
            {
                return -1;
            }

            i += skip;
#endif
            var c = s[i];
            if (c == '"')
            {
                if (materialize)
                {
                    value = builder is null ? s.Slice(runStart, i - runStart).ToString() : Append(builder, s.Slice(runStart, i - runStart)).ToString();
                }

                return i + 1;
            }

            if (c == '\\')
            {
                if (i + 1 >= lineEnd)
                {
                    return -1;
                }

                var escaped = s[i + 1] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    _ => '\0',
                };
                if (escaped == '\0')
                {
                    return -1;
                }

                if (materialize)
                {
                    builder ??= new StringBuilder();
                    Append(builder, s.Slice(runStart, i - runStart)).Append(escaped);
                }

                i++;
                runStart = i + 1;
            }
        }

        return -1;
    }

    private int ReadSingleQuoted(int start, int lineEnd, bool materialize, out string? value)
    {
        value = null;
        StringBuilder? builder = null;
        var runStart = start + 1;
        for (var i = start + 1; i < lineEnd; i++)
        {
            if (s[i] != '\'')
            {
                continue;
            }

            if (i + 1 < lineEnd && s[i + 1] == '\'')
            {
                if (materialize)
                {
                    builder ??= new StringBuilder();
                    Append(builder, s.Slice(runStart, i + 1 - runStart));
                }

                i++;
                runStart = i + 1;
                continue;
            }

            if (materialize)
            {
                value = builder is null ? s.Slice(runStart, i - runStart).ToString() : Append(builder, s.Slice(runStart, i - runStart)).ToString();
            }

            return i + 1;
        }

        return -1;
    }

    /// <summary>The colon ending a simple key (<c>[A-Za-z0-9_][A-Za-z0-9_.-/]*</c>) followed by a space or the line end, or -1.</summary>
    private int KeyEnd(int start, int lineEnd)
    {
        var text = s;
        if (!AsciiMask.Contains(text[start], KeyStartsBelow64, KeyCharsFrom64))
        {
            return -1;
        }

        for (var i = start + 1; i < lineEnd; i++)
        {
            var c = text[i];
            if (!AsciiMask.Contains(c, KeyCharsBelow64, KeyCharsFrom64))
            {
                return c == ':' && (i + 1 == lineEnd || text[i + 1] == ' ') ? i : -1;
            }
        }

        return -1;
    }

    // The chars of a simple key as bit masks over ASCII (bit c of the first mask, bit c - 64 of the second): the key
    // loop runs for every char of every key, and in the tool's precompiled code the chain of range tests the masks
    // replace was an eighth of the frontmatter reads' time (a table in memory cost a call per key to reach it).
    private const ulong KeyStartsBelow64 = 0x3FFUL << '0';
    private const ulong KeyCharsBelow64 = KeyStartsBelow64 | (0b111UL << '-');
    private const ulong KeyCharsFrom64 = (0x3FFFFFFUL << ('A' - 64)) | (1UL << ('_' - 64)) | (0x3FFFFFFUL << ('a' - 64));

    // The small helpers below are marked for inlining: the tool's precompiled (ReadyToRun) code left them as calls,
    // several per line; inlined, the blocks read about 5 % faster (measured side by side in one process).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSequenceItem(Line line) => s[line.Content] == '-' && (line.Content + 1 == line.End || s[line.Content + 1] == ' ');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsEndOrComment(int i, int lineEnd)
    {
        var next = SkipSpaces(i, lineEnd);
        return next == lineEnd || (next > i && s[next] == '#');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipSpaces(int i, int lineEnd)
    {
        while (i < lineEnd && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TrimEndSpaces(int start, int end)
    {
        while (end > start && s[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    /// <summary>The next line with content (blank and comment-only lines are skipped, as YAML ignores them), without consuming it.</summary>
    private bool Peek(out Line line)
    {
        if (pending is { } first)
        {
            line = first;
            return true;
        }

        while (position < end)
        {
            var lineEnd = lineEnds is null ? Math.Min(TextLines.LineEnd(s, position), end) : lineEnds[lineNumber - firstLine];
            var content = position;
            while (content < lineEnd && s[content] == ' ')
            {
                content++;
            }

            if (content < lineEnd && s[content] != '#')
            {
                line = new Line(content - position, content, lineEnd, lineNumber, position);
                return true;
            }

            position = TextLines.NextLineStart(s, lineEnd);
            lineNumber++;
        }

        line = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Consume(Line line)
    {
        if (pending is not null)
        {
            pending = null;
            return;
        }

        position = TextLines.NextLineStart(s, line.End);
        lineNumber++;
    }

    /// <summary>A span within <paramref name="line"/>, from the line number the scan keeps.</summary>
    private SourceSpan SpanOn(Line line, int start, int length) => source.SpanOnLine(start, length, line.Number, line.Start);

    /// <summary>
    /// The path of the key <c>s[keyStart..+keyLength)</c> under <paramref name="prefix"/>, or null when neither it nor
    /// anything below it is wanted (then no string is built); <paramref name="wanted"/> tells whether it is itself wanted.
    /// </summary>
    private string? KeyPath(string? prefix, int keyStart, int keyLength, out bool wanted)
    {
        wanted = false;
        if (prefix is null)
        {
            return null;
        }

        keys.Match(prefix, s, keyStart, keyLength, out wanted, out var below, out var spelledPath);
        if (!wanted && !below)
        {
            return null;
        }

        if (spelledPath is not null)
        {
            return spelledPath;
        }

        var key = s.Slice(keyStart, keyLength).ToString();
        return prefix.Length == 0 ? key : prefix + "." + key;
    }

    /// <summary><paramref name="keyPath"/> when something below it is wanted, else null.</summary>
    private string? BelowWanted(string? keyPath) => keyPath is not null && keys.WantsBelow(keyPath) ? keyPath : null;

    /// <summary>The path of item <paramref name="index"/> of a sequence whose items may be wanted; null when it is not wanted.</summary>
    private string? WantedItem(string? keyPath, int index)
    {
        if (keyPath is null)
        {
            return null;
        }

        var itemPath = ItemPath(keyPath, index);
        return keys.Wants(itemPath) ? itemPath : null;
    }

    private static StringBuilder Append(StringBuilder builder, ReadOnlySpan<char> chars)
    {
#if NET8_0_OR_GREATER
        return builder.Append(chars);
#else
        foreach (var c in chars)
        {
            builder.Append(c);
        }

        return builder;
#endif
    }

    private static string ItemPath(string keyPath, int index) => keyPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private readonly struct Line
    {
        public Line(int indent, int content, int end, int number, int start)
        {
            Indent = indent;
            Content = content;
            End = end;
            Number = number;
            Start = start;
        }

        /// <summary>The 1-based line number.</summary>
        public int Number { get; }

        /// <summary>Where the line starts (before its indentation).</summary>
        public int Start { get; }

        public int Indent { get; }

        public int Content { get; }

        public int End { get; }
    }
}
