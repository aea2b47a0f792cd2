#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
#endif
using System.Text;

namespace PlanState.Text;

/// <summary>
/// The decoded text of one planning file, with what is needed to map offsets to lines and to write the file
/// back byte for byte: whether it had a UTF-8 BOM and whether it decoded cleanly.
/// </summary>
public sealed class SourceText : IEquatable<SourceText>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Built on first use: most heads are parsed without ever asking for a line, and a cold analysis loads 17,000 of them.
    private int[]? lineStarts;

    // The text: a string, or (for a borrowed text, until something asks for the string) chars in this thread's
    // DecodeBuffer, valid while the buffer's generation is still the one the text was decoded in.
    private string? text;
    private readonly DecodeBuffer? borrowed;
    private readonly int generation;
    private readonly int length;

    private SourceText(string file, string text, bool hasBom, bool isValidUtf8, bool looksBinary, ulong contentHash)
        : this(file, hasBom, isValidUtf8, looksBinary, contentHash)
    {
        this.text = text;
        length = text.Length;
    }

    private SourceText(string file, DecodeBuffer borrowed, int length, bool hasBom, bool isValidUtf8, bool looksBinary, ulong contentHash)
        : this(file, hasBom, isValidUtf8, looksBinary, contentHash)
    {
        this.borrowed = borrowed;
        generation = borrowed.Generation;
        this.length = length;
    }

    private SourceText(string file, bool hasBom, bool isValidUtf8, bool looksBinary, ulong contentHash)
    {
        File = file;
        HasBom = hasBom;
        IsValidUtf8 = isValidUtf8;
        LooksBinary = looksBinary;
        ContentHash = contentHash;
    }

    /// <summary>Path relative to the planning root, with forward slashes.</summary>
    public string File { get; }

    /// <summary>The decoded text (for a borrowed text, made into a string on first use; see <see cref="Chars"/>).</summary>
    public string Text => text ??= Chars.ToString();

    /// <summary>The length of <see cref="Text"/>, without making it a string.</summary>
    public int Length => length;

    /// <summary>
    /// The decoded text without making it a string. A borrowed text (<see cref="FromBytesBorrowed"/>) reads it from
    /// this thread's decode buffer, and throws once that buffer holds another file: the parsers that take a borrowed
    /// text are done with it before the next one is decoded.
    /// </summary>
    internal ReadOnlySpan<char> Chars
    {
        get
        {
            if (text is not null)
            {
                return text.AsSpan();
            }

            if (borrowed!.Generation != generation)
            {
                throw new InvalidOperationException($"The borrowed text of '{File}' was read after its decode buffer was reused.");
            }

            return borrowed.Chars.AsSpan(0, length);
        }
    }

    /// <summary>
    /// Where the first lines of a borrowed text end (the offset of each line break), when the loader found them in
    /// the bytes and the bytes decoded one char each (ASCII); empty otherwise. The frontmatter reader takes them
    /// instead of searching its lines again. Valid as long as <see cref="Chars"/> is.
    /// </summary>
    internal ReadOnlySpan<int> KnownLineEnds
    {
        get
        {
            if (borrowed is null)
            {
                return ReadOnlySpan<int>.Empty;
            }

            if (borrowed.Generation != generation)
            {
                throw new InvalidOperationException($"The borrowed text of '{File}' was read after its decode buffer was reused.");
            }

            return borrowed.LineEnds.AsSpan(0, borrowed.LineEndCount);
        }
    }

    public bool HasBom { get; }

    /// <summary>False when the bytes were not valid UTF-8; <see cref="Text"/> then holds replacement chars and must never be written back.</summary>
    public bool IsValidUtf8 { get; }

    /// <summary>True when the bytes contain NUL, which no markdown file does.</summary>
    public bool LooksBinary { get; }

    /// <summary>A 64-bit hash of the raw bytes (see <see cref="Fnv1a"/>); the incremental pipeline keys parses on it.</summary>
    public ulong ContentHash { get; }

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(Chars);

    public static SourceText From(string file, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SourceText(file, text, hasBom: false, isValidUtf8: true, looksBinary: text.IndexOf('\0') >= 0, Fnv1a(bytes));
    }

    public static SourceText FromBytes(string file, byte[] bytes) => FromBytes(file, bytes, bytes.Length);

    /// <summary>Like <see cref="FromBytes(string, byte[])"/> over <c>bytes[0..count)</c>, so a reused read buffer needs no copy.</summary>
    internal static SourceText FromBytes(string file, byte[] bytes, int count) =>
        FromBytes(file, bytes, count, looksBinary: Array.IndexOf(bytes, (byte)0, 0, count) >= 0);

    /// <summary><see cref="FromBytes(string, byte[], int)"/> for a caller that has already looked for NUL bytes.</summary>
    internal static SourceText FromBytes(string file, byte[] bytes, int count, bool looksBinary)
    {
        var hasBom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;
        string text;
        var valid = true;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, count - offset);
        }
        catch (DecoderFallbackException)
        {
            valid = false;
            text = Encoding.UTF8.GetString(bytes, offset, count - offset);
        }

        return new SourceText(file, text, hasBom, valid, looksBinary, Fnv1a(bytes, count));
    }

    /// <summary>
    /// Like <see cref="FromBytes(string, byte[], int, bool)"/>, but decodes into a char buffer that this thread reuses
    /// instead of a new string, so reading 17,000 frontmatter heads allocates no text at all. The result is valid
    /// until the next borrowed decode on this thread (<see cref="Chars"/> then throws); <see cref="Text"/> copies it
    /// out while it is valid. Texts longer than <see cref="MaxBorrowedChars"/> get a string of their own.
    /// </summary>
    /// <param name="byteLineEnds">Where lines of the bytes end, as far as the caller looked (see <see cref="KnownLineEnds"/>).</param>
    internal static SourceText FromBytesBorrowed(string file, byte[] bytes, int count, bool looksBinary, ReadOnlySpan<int> byteLineEnds = default)
    {
        var hasBom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;

        // UTF-8 never decodes to more UTF-16 chars than it has bytes (a replacement char stands for at least one).
        if (count - offset > MaxBorrowedChars)
        {
            return FromBytes(file, bytes, count, looksBinary);
        }

        var buffer = decodeBuffer ??= new DecodeBuffer();
        buffer.Generation++;
        int length;
        var valid = true;
        try
        {
            length = StrictUtf8.GetChars(bytes, offset, count - offset, buffer.Chars, 0);
        }
        catch (DecoderFallbackException)
        {
            valid = false;
            length = Encoding.UTF8.GetChars(bytes, offset, count - offset, buffer.Chars, 0);
        }

        // One char per byte: every byte was ASCII (a multi-byte char, or a replacement for more than one byte, makes
        // fewer chars), so a line break's byte offset is its char offset, less the BOM.
        buffer.LineEndCount = 0;
        if (length == count - offset)
        {
            var kept = 0;
            while (kept < byteLineEnds.Length && kept < buffer.LineEnds.Length && byteLineEnds[kept] < count)
            {
                buffer.LineEnds[kept] = byteLineEnds[kept] - offset;
                kept++;
            }

            buffer.LineEndCount = kept;
        }

        return new SourceText(file, buffer, length, hasBom, valid, looksBinary, Fnv1a(bytes, count));
    }

    /// <summary>How many line ends a borrowed text keeps at most; the lines after them are searched as usual.</summary>
    internal const int MaxKnownLineEnds = 256;

    /// <summary>The longest text <see cref="FromBytesBorrowed"/> decodes into the thread's buffer (64 KiB of chars).</summary>
    internal const int MaxBorrowedChars = 32 * 1024;

    [ThreadStatic]
    private static DecodeBuffer? decodeBuffer;

    /// <summary>One thread's buffer for borrowed texts; the generation counts the decodes into it.</summary>
    private sealed class DecodeBuffer
    {
        public readonly char[] Chars = new char[MaxBorrowedChars];

        /// <summary>The known line ends of the text decoded last (see <see cref="KnownLineEnds"/>); a frontmatter block has a few dozen lines.</summary>
        public readonly int[] LineEnds = new int[MaxKnownLineEnds];

        public int LineEndCount;

        public int Generation;
    }

    /// <summary>Encodes text for writing with the same BOM habit as this file.</summary>
    public byte[] Encode(string newText)
    {
        var body = StrictUtf8.GetBytes(newText);
        if (!HasBom)
        {
            return body;
        }

        var result = new byte[body.Length + 3];
        result[0] = 0xEF;
        result[1] = 0xBB;
        result[2] = 0xBF;
        Buffer.BlockCopy(body, 0, result, 3, body.Length);
        return result;
    }

    /// <summary>The 1-based line of a char offset.</summary>
    public int LineOf(int offset)
    {
        // The last line start at or before the offset. Not Array.BinarySearch: its int instantiation is not in the
        // precompiled framework, so every new process JIT-compiled it (the roadmap reader asks for thousands of lines).
        var starts = LineStarts;
        var low = 0;
        var high = starts.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (starts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low + 1;
    }

    /// <summary>The char offset where a 1-based line starts.</summary>
    public int LineStart(int line) => LineStarts[line - 1];

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string LineText(int line)
    {
        var starts = LineStarts;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text.Substring(start, end - start);
    }

    /// <summary>The line break that starts at <paramref name="offset"/> (CRLF, LF or CR), or LF when none does, so added lines match the file.</summary>
    public string LineBreakAt(int offset)
    {
        if (offset < Text.Length && Text[offset] == '\r')
        {
            return offset + 1 < Text.Length && Text[offset + 1] == '\n' ? "\r\n" : "\r";
        }

        return "\n";
    }

    public SourceSpan Span(int start, int length)
    {
        var starts = LineStarts;
        var line = LineOf(start);
        var column = start - starts[line - 1] + 1;
        var end = start + length;
        var endLine = length == 0 ? line : LineOf(end);
        var endColumn = end - starts[endLine - 1] + 1;
        return new SourceSpan(File, start, length, line, column, endLine, endColumn);
    }

    /// <summary>
    /// <see cref="Span(int, int)"/> for a caller that already knows the lines: the span starts on 1-based
    /// <paramref name="line"/>, which begins at <paramref name="lineStart"/>, and ends on <paramref name="endLine"/>,
    /// which begins at <paramref name="endLineStart"/>. A scanner that counts lines as it goes gets exact spans this
    /// way without the whole-text line index (which a cold analysis would otherwise build for 17,000 heads).
    /// </summary>
    internal SourceSpan Span(int start, int length, int line, int lineStart, int endLine, int endLineStart) =>
        new(File, start, length, line, start - lineStart + 1, endLine, start + length - endLineStart + 1);

    /// <summary><see cref="Span(int, int, int, int, int, int)"/> for a span within one line.</summary>
    internal SourceSpan SpanOnLine(int start, int length, int line, int lineStart) =>
        new(File, start, length, line, start - lineStart + 1, line, start + length - lineStart + 1);

    public string Slice(SourceSpan span) => Text.Substring(span.Start, span.Length);

    public bool Equals(SourceText? other) =>
        other is not null && other.File == File && other.ContentHash == ContentHash && other.Text == Text && other.HasBom == HasBom;

    public override bool Equals(object? obj) => Equals(obj as SourceText);

    public override int GetHashCode() => unchecked((int)ContentHash ^ File.GetHashCode());

    /// <summary>
    /// Counts the lines first, then fills an array of that size: ROADMAP.md's index at 10,000 plans (32,000 lines) is
    /// big enough for the large object heap, where a growing list would leave each smaller copy behind for a full
    /// collection to find.
    /// </summary>
    private static int[] ComputeLineStarts(ReadOnlySpan<char> text)
    {
        var lines = 1;
        for (var end = TextLines.LineEnd(text, 0); end < text.Length; end = TextLines.LineEnd(text, TextLines.NextLineStart(text, end)))
        {
            lines++;
        }

        var starts = new int[lines];
        var line = 1;
        for (var end = TextLines.LineEnd(text, 0); end < text.Length; end = TextLines.LineEnd(text, starts[line - 1]))
        {
            starts[line++] = TextLines.NextLineStart(text, end);
        }

        return starts;
    }

    /// <summary>
    /// FNV-1a taken a 64-bit word at a time instead of a byte at a time (eight times fewer multiplies), with a shift
    /// folded in after each multiply so high bits reach low bits, the tail bytes one by one, and the length and a
    /// final avalanche mixed in at the end. Only compared within one process, never stored, so the word order of the
    /// machine does not matter.
    /// </summary>
    internal static ulong Fnv1a(byte[] bytes) => Fnv1a(bytes, bytes.Length);

    /// <summary><see cref="Fnv1a(byte[])"/> of <c>bytes[0..count)</c>.</summary>
    internal static ulong Fnv1a(byte[] bytes, int count)
    {
        // The word reads below are unchecked.
        if ((uint)count > (uint)bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        var i = 0;
        for (var words = count - 7; i < words; i += 8)
        {
#if NET8_0_OR_GREATER
            // An intrinsic: precompiled code calls BitConverter (another assembly's code) once per word.
            hash ^= Unsafe.ReadUnaligned<ulong>(ref bytes[i]);
#else
            hash ^= BitConverter.ToUInt64(bytes, i);
#endif
            hash *= prime;
            hash ^= hash >> 32;
        }

        for (; i < count; i++)
        {
            hash ^= bytes[i];
            hash *= prime;
        }

        hash ^= (ulong)count;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
