using System.Globalization;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using FrontmatterBlock = PlanState.Model.Frontmatter;

namespace PlanState.Parsing.Frontmatter;

/// <summary>The frontmatter of one file (null when the file has none, or when its block is not closed) and what went wrong reading it.</summary>
public sealed record FrontmatterReadResult(FrontmatterBlock? Frontmatter, EquatableArray<Finding> Problems);

/// <summary>
/// Reads the YAML frontmatter block at the top of a planning file, tolerantly: every scalar that can be read is
/// kept with exact spans, and a key YAML cannot read costs only that key (spec §4: about 3% of real blocks are
/// not valid YAML, typically through an unquoted <c>@scope/pkg</c>, <c>%w</c> or a colon inside a value).
/// </summary>
public static class FrontmatterReader
{
    /// <summary>Deeper nesting than this is skipped: no planning key nests so deep, and it bounds recursion on hostile input.</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// How deep a malformed block is taken apart key by key. Each level re-parses the text below it, so this bounds
    /// that work to a few passes; real frontmatter nests two or three levels (<c>key-files.created</c>).
    /// </summary>
    private const int MaxFallbackDepth = 8;

    public static FrontmatterReadResult Read(SourceText text) => Read(text, FrontmatterKeys.All, allowFastPath: true);

    /// <summary>
    /// <paramref name="allowFastPath"/> false reads with YamlDotNet only; tests compare the two ways
    /// (see <see cref="SimpleFrontmatter"/>).
    /// </summary>
    internal static FrontmatterReadResult Read(SourceText text, bool allowFastPath) => Read(text, FrontmatterKeys.All, allowFastPath);

    /// <summary>
    /// Reads the block keeping only the entries <paramref name="keys"/> wants (in file order, as
    /// <see cref="Model.Frontmatter.Find"/> expects); the block span, body start and problems are those of a full read.
    /// </summary>
    internal static FrontmatterReadResult Read(SourceText text, FrontmatterKeys keys, bool allowFastPath = true)
    {
        var s = text.Chars;

        // FromBytes strips a BOM; a text built from a string may still carry U+FEFF, which is not content either.
        var start = s.Length > 0 && s[0] == '\uFEFF' ? 1 : 0;

        // The ends of the first lines, when the loader found them in the bytes (index 0 is line 1's end).
        var knownEnds = text.KnownLineEnds;
        var openingEnd = knownEnds.Length > 0 ? knownEnds[0] : TextLines.LineEnd(s, start);
        if (!FrontmatterFences.IsOpening(s, start, openingEnd))
        {
            return new FrontmatterReadResult(null, EquatableArray<Finding>.Empty);
        }

        // Line 1 holds the opening fence; the lines are counted on the way to the closing one, so that neither the
        // fast path nor the block's span needs the text's whole line index.
        const int contentLine = 2;
        var contentStart = TextLines.NextLineStart(s, openingEnd);
        var closingStart = -1;
        var closingEnd = -1;
        var closingLine = contentLine;
        var lineEnds = LineEndBuffer;
        for (var lineStart = contentStart; lineStart < s.Length; closingLine++)
        {
            var lineEnd = closingLine <= knownEnds.Length ? knownEnds[closingLine - 1] : TextLines.LineEnd(s, lineStart);
            if (FrontmatterFences.IsClosing(s, lineStart, lineEnd))
            {
                closingStart = lineStart;
                closingEnd = lineEnd;
                break;
            }

            var index = closingLine - contentLine;
            if (index == lineEnds.Length)
            {
                Array.Resize(ref lineEnds, lineEnds.Length * 2);
                if (lineEnds.Length <= MaxKeptLineEnds)
                {
                    LineEndBuffer = lineEnds;
                }
            }

            lineEnds[index] = lineEnd;
            lineStart = TextLines.NextLineStart(s, lineEnd);
        }

        if (closingStart < 0)
        {
            return new FrontmatterReadResult(null, EquatableArray.Create(new Finding(
                InputProblems.UnclosedFrontmatter,
                text.Span(start, 3),
                "The frontmatter block opened by '---' on line 1 has no closing '---' or '...' line, so the whole file is read as body text.")));
        }

        // Created only when there is a problem: most blocks have none.
        List<Finding>? problems = null;
        var entries = EntryBuffer;
        entries.Clear();
        if (!allowFastPath || !SimpleFrontmatter.TryRead(text, contentStart, contentLine, closingStart, entries, keys, lineEnds))
        {
            problems = new List<Finding>();
            new BlockReader(text, entries, problems).ReadRegion(contentStart, closingStart, string.Empty, 0, depth: 0);
            if (!keys.IsAll)
            {
                RemoveUnwanted(entries, keys);
            }
        }

        var bodyStart = TextLines.NextLineStart(s, closingEnd);
        if (SecondBlock(text, bodyStart) is { } secondBlock)
        {
            (problems ??= new List<Finding>()).Add(secondBlock);
        }

        var block = new FrontmatterBlock(
            text.Span(start, TextLines.TrimEndWhitespace(s, closingStart, closingEnd) - start, line: 1, lineStart: 0, closingLine, closingStart),
            bodyStart,
            entries.ToEquatableArray());
        ReleaseEntryBuffer(entries);
        return new FrontmatterReadResult(block, problems is null ? EquatableArray<Finding>.Empty : problems.ToEquatableArray());
    }

    // Not inline in Read: a lambda capturing keys there would allocate its closure on every call, not just here.
    private static void RemoveUnwanted(List<FrontmatterEntry> entries, FrontmatterKeys keys) => entries.RemoveAll(entry => !keys.Wants(entry.KeyPath));

    /// <summary>
    /// The entries of the block being read, kept per thread like <see cref="LineEndBuffer"/>: the block's own array is
    /// a copy of them, so a cold analysis does not allocate (and grow) a list for each of its 17,000 blocks.
    /// </summary>
    private static List<FrontmatterEntry> EntryBuffer => entryBuffer ??= new List<FrontmatterEntry>();

    /// <summary>Empties the buffer (it must not keep entries alive) and drops it when a huge block grew it.</summary>
    private static void ReleaseEntryBuffer(List<FrontmatterEntry> entries)
    {
        entries.Clear();
        if (entries.Capacity > MaxKeptEntries)
        {
            entryBuffer = null;
        }
    }

    private const int MaxKeptEntries = 1024;

    [ThreadStatic]
    private static List<FrontmatterEntry>? entryBuffer;

    /// <summary>
    /// Where each line of the block being read ends, kept per thread: the search for the closing fence finds them and
    /// <see cref="SimpleFrontmatter"/> reuses them, and nothing holds the buffer after <see cref="Read(SourceText, FrontmatterKeys, bool)"/>.
    /// </summary>
    /// <remarks>
    /// A buffer grown past <see cref="MaxKeptLineEnds"/> lines (only a huge or hostile block) serves its one read and is
    /// not kept, so a thread-pool thread never holds megabytes for the rest of the process.
    /// </remarks>
    private static int[] LineEndBuffer
    {
        get => lineEndBuffer ??= new int[64];
        set => lineEndBuffer = value;
    }

    internal const int MaxKeptLineEnds = 4096;

    /// <summary>The length of the buffer this thread keeps (0 before its first read); for tests.</summary>
    internal static int KeptLineEndCapacity => lineEndBuffer?.Length ?? 0;

    [ThreadStatic]
    private static int[]? lineEndBuffer;

    /// <summary>A <c>---</c> line after the block with only blank lines between starts what looks like a second block.</summary>
    private static Finding? SecondBlock(SourceText text, int bodyStart)
    {
        var s = text.Chars;
        for (var lineStart = bodyStart; lineStart < s.Length;)
        {
            var lineEnd = TextLines.LineEnd(s, lineStart);
            if (FrontmatterFences.IsOpening(s, lineStart, lineEnd))
            {
                var span = text.Span(lineStart, 3);
                return new Finding(
                    InputProblems.SecondFrontmatter,
                    span,
                    $"A second '---' block starts on line {span.Line}, right after the frontmatter; only the first block is read, the second is body text.");
            }

            if (TextLines.TrimEndWhitespace(s, lineStart, lineEnd) != lineStart)
            {
                return null;
            }

            lineStart = TextLines.NextLineStart(s, lineEnd);
        }

        return null;
    }

    /// <summary>Reads one region of a block: whole if YAML accepts it, else entry by entry.</summary>
    private sealed class BlockReader
    {
        private readonly SourceText text;
        private readonly List<FrontmatterEntry> entries;
        private readonly List<Finding> problems;

        public BlockReader(SourceText text, List<FrontmatterEntry> entries, List<Finding> problems)
        {
            this.text = text;
            this.entries = entries;
            this.problems = problems;
        }

        /// <summary>
        /// Reads <c>[start, end)</c>, whose entries' keys sit at column <paramref name="indent"/> (0-based), under the
        /// key path <paramref name="prefix"/>. On a YAML error it splits the region into entries and reads each alone.
        /// </summary>
        public void ReadRegion(int start, int end, string prefix, int indent, int depth)
        {
            if (TryParse(start, end, prefix, out var error))
            {
                return;
            }

            var chunks = EntrySplitter.Split(text.Text, start, end, indent);
            var failures = 0;
            foreach (var chunk in chunks)
            {
                if (!ReadChunk(chunk, prefix, indent, depth))
                {
                    failures++;
                }
            }

            // Every entry reads alone yet the region does not: report the region's own error, never nothing.
            if (failures == 0)
            {
                ReportAt(ClampedOffset(start, end, error!), error!, keyPath: null, quoted: LineAt(ClampedOffset(start, end, error!)));
            }
        }

        /// <summary>Reads one entry; returns false when it (or something in it) could not be read and was reported.</summary>
        private bool ReadChunk(EntryChunk chunk, string prefix, int indent, int depth)
        {
            var before = problems.Count;
            if (TryParse(chunk.Start, chunk.End, prefix, out var error))
            {
                return true;
            }

            var keyPath = chunk.Key is null ? null : Join(prefix, chunk.Key);

            // `metrics:` with a nested mapping: read the children one by one, so one bad child costs only itself.
            // Each level re-parses what is below it, so the descent stops at MaxFallbackDepth: hostile nesting stays linear.
            if (keyPath is not null && chunk.InlineValueEmpty && chunk.ChildrenStart < chunk.End && depth < MaxFallbackDepth)
            {
                var childIndent = EntrySplitter.NestedMappingIndent(text.Text, chunk.ChildrenStart, chunk.End);
                if (childIndent > indent)
                {
                    ReadRegion(chunk.ChildrenStart, chunk.End, keyPath, childIndent, depth + 1);
                    return problems.Count == before;
                }
            }

            var at = chunk.Key is null ? ClampedOffset(chunk.Start, chunk.End, error!) : chunk.KeyStart;
            ReportAt(at, error!, keyPath, LineAt(at));
            return false;
        }

        private void ReportAt(int offset, YamlException error, string? keyPath, string quoted)
        {
            var lineEnd = TextLines.LineEnd(text.Text, offset);
            var length = TextLines.TrimEndWhitespace(text.Text, offset, lineEnd) - offset;
            var what = keyPath is null ? $"'{quoted}'" : $"Key '{keyPath}' ('{quoted}')";
            var consequence = keyPath is null ? "it is skipped" : "the key is skipped, the other keys are read";
            problems.Add(new Finding(
                InputProblems.MalformedYaml,
                text.Span(offset, Math.Max(length, 0)),
                $"{what} is not valid YAML: {error.Message.TrimEnd('.')}; {consequence}."));
        }

        private string LineAt(int offset)
        {
            var lineStart = text.LineStart(text.LineOf(offset));
            var lineEnd = TextLines.LineEnd(text.Text, lineStart);
            return text.Text.Substring(lineStart, TextLines.TrimEndWhitespace(text.Text, lineStart, lineEnd) - lineStart).Trim();
        }

        private static int ClampedOffset(int start, int end, YamlException error)
        {
            var offset = start + (int)error.Start.Index;
            return Math.Max(start, Math.Min(offset, end));
        }

        /// <summary>Parses a region with YamlDotNet's event parser; entries are kept only if the whole region parses.</summary>
        private bool TryParse(int start, int end, string prefix, out YamlException? error)
        {
            var found = new List<FrontmatterEntry>();
            if (FlowNestingExceeds(text.Text, start, end, MaxDepth, out var at))
            {
                // YamlDotNet's scanner rechecks every open flow level at each token: quadratic on hostile nesting.
                error = new YamlException(new Mark(at - start, 1, 1), new Mark(at - start, 1, 1), $"brackets nest more than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels deep");
                return false;
            }

            try
            {
                var parser = new Parser(new StringReader(text.Text.Substring(start, end - start)));
                new EventFlattener(text, parser, start, found).Run(prefix);
                entries.AddRange(found);
                error = null;
                return true;
            }
            catch (YamlException ex)
            {
                error = ex;
                return false;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // YamlDotNet's own faults on odd input (seen: InvalidOperationException "The scanner should contain no
                // more tokens" for `...\tkey`, EndOfStreamException for `\t: key`).
                // The text is what is wrong, so it is reported like any other YAML error, at the region's start.
                error = new YamlException(ex.Message);
                return false;
            }
        }
    }

    /// <summary>Walks a YAML event stream and turns every scalar into an entry with a dotted key path.</summary>
    private sealed class EventFlattener
    {
        private readonly SourceText text;
        private readonly IParser parser;
        private readonly int baseOffset;
        private readonly List<FrontmatterEntry> entries;

        public EventFlattener(SourceText text, IParser parser, int baseOffset, List<FrontmatterEntry> entries)
        {
            this.text = text;
            this.parser = parser;
            this.baseOffset = baseOffset;
            this.entries = entries;
        }

        public void Run(string prefix)
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                Node(prefix, keySpan: null, depth: 0);
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }

        private void Node(string path, SourceSpan? keySpan, int depth)
        {
            if (depth > MaxDepth)
            {
                parser.SkipThisAndNestedEvents();
                return;
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                // YAML reserves '@' and '`': no plain scalar may start with them (an unquoted @scope/pkg). YamlDotNet
                // lets them through; the original tool's parser does not, so neither do we.
                if (scalar.Style == ScalarStyle.Plain && scalar.Value.Length > 0 && scalar.Value[0] is '@' or '`')
                {
                    throw new YamlException(scalar.Start, scalar.End, $"a plain value cannot start with the reserved indicator '{scalar.Value[0]}' (quote it)");
                }

                // A bare scalar as the whole block has no key; it holds nothing a rule could ask for.
                if (path.Length > 0)
                {
                    var valueSpan = SpanOf(scalar);
                    entries.Add(new FrontmatterEntry(path, ValueOf(scalar), keySpan ?? valueSpan, valueSpan));
                }
            }
            else if (parser.TryConsume<MappingStart>(out _))
            {
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.TryConsume<Scalar>(out var key))
                    {
                        Node(Join(path, key.Value), SpanOf(key), depth + 1);
                    }
                    else
                    {
                        // A complex key (a mapping or sequence used as a key) names nothing a rule reads: skip key and value.
                        parser.SkipThisAndNestedEvents();
                        parser.SkipThisAndNestedEvents();
                    }
                }
            }
            else if (parser.TryConsume<SequenceStart>(out _))
            {
                var index = 0;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    Node(path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", keySpan, depth + 1);
                    index++;
                }
            }
            else
            {
                // An alias (*name) repeats another node; it has no text of its own to point at.
                parser.SkipThisAndNestedEvents();
            }
        }

        private SourceSpan SpanOf(Scalar scalar)
        {
            var start = baseOffset + (int)scalar.Start.Index;
            var end = baseOffset + (int)scalar.End.Index;
            if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                // Block scalars end after their last line break; the value's text stops before it.
                end = TextLines.TrimEndWhitespace(text.Text, start, end);
            }

            return text.Span(start, end - start);
        }

        private static string? ValueOf(Scalar scalar)
        {
            if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && (scalar.Value is "" or "~" or "null" or "Null" or "NULL"))
            {
                return null;
            }

            return scalar.Value;
        }
    }

    /// <summary>
    /// True when <c>[</c> and <c>{</c> in <c>[start, end)</c> open more than <paramref name="limit"/> levels at once
    /// (quotes are not tracked: a planning value never holds that many brackets); <paramref name="at"/> is the
    /// bracket that went past the limit.
    /// </summary>
    internal static bool FlowNestingExceeds(string text, int start, int end, int limit, out int at)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '[' or '{':
                    if (++depth > limit)
                    {
                        at = i;
                        return true;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        at = -1;
        return false;
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;
}
