using System.Buffers;
using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.Intrinsics;
#endif
using System.Text;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Parsing.Frontmatter;
using PlanState.Text;

namespace PlanState.Parsing.Files;

/// <summary>
/// A file as loaded: its text (null when it is missing or could not be used) and the problems met.
/// A missing file has a null <see cref="Text"/> and no problem: whether that matters is the caller's call.
/// </summary>
public sealed record FileLoadResult(SourceText? Text, EquatableArray<Finding> Problems)
{
    /// <summary>True when <see cref="Text"/> holds only the head of the file (see <see cref="PlanningFileLoader.LoadHead"/>).</summary>
    public bool IsPartial { get; init; }

    /// <summary>True when there was no file at all.</summary>
    public bool IsMissing => Text is null && Problems.IsEmpty;
}

/// <summary>
/// Reads planning files from disk into <see cref="SourceText"/>. Never throws for what is on disk: a file that
/// cannot be used becomes an input problem (PLAN1009, 1010, 1011, 1014, 1018, 1020).
/// </summary>
public static class PlanningFileLoader
{
    /// <summary>Files larger than this (4 MiB) are not analysed: no planning file is anywhere near it.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Reads a whole file.</summary>
    /// <param name="planningRoot">The <c>.planning/</c> folder.</param>
    /// <param name="relativePath">The file, relative to <paramref name="planningRoot"/>, with forward slashes.</param>
    public static FileLoadResult Load(string planningRoot, string relativePath) => Load(planningRoot, relativePath, FileSystemAccess.Default);

    /// <summary>
    /// Reads only as much of a file as its frontmatter needs: the first <paramref name="maxBytes"/> bytes, and when
    /// those open a <c>---</c> block without closing it, further chunks until the block closes (and one line of
    /// body follows it, so a second block can be seen) or the file ends. The text is cut after the last whole line
    /// read, so no UTF-8 sequence is ever split; <see cref="FileLoadResult.IsPartial"/> tells whether it was cut.
    /// </summary>
    public static FileLoadResult LoadHead(string planningRoot, string relativePath, int maxBytes = 4096) =>
        LoadHead(planningRoot, relativePath, maxBytes, FileSystemAccess.Default);

    internal static FileLoadResult Load(string planningRoot, string relativePath, FileSystemAccess access) =>
        Read(planningRoot, relativePath, access, headBytes: null, cutSmallFiles: false);

    internal static FileLoadResult LoadHead(string planningRoot, string relativePath, int maxBytes, FileSystemAccess access) =>
        Read(planningRoot, relativePath, access, CheckedHeadBytes(maxBytes), cutSmallFiles: false);

    /// <summary>
    /// <see cref="LoadHead(string, string, int)"/> that also cuts a file read whole at the end of its frontmatter
    /// head (as a larger file is cut), when what follows is clean UTF-8 without NUL, so that the problems are those
    /// of the whole file. The phase scanners read PLAN and SUMMARY files this way: their bodies are two to four times
    /// their frontmatter, and decoding, hashing and holding them is most of what a file costs once it is read.
    /// A SUMMARY that needs its body sees <see cref="FileLoadResult.IsPartial"/> and reads the whole file.
    /// The text is borrowed (<see cref="SourceText.FromBytesBorrowed"/>): valid until the next file this thread reads
    /// this way, which is how the scanners use it (they parse a file before reading the next one, and keep no text).
    /// </summary>
    internal static FileLoadResult LoadFrontmatterHead(string planningRoot, string relativePath, int maxBytes, FileSystemAccess access) =>
        Read(planningRoot, relativePath, access, CheckedHeadBytes(maxBytes), cutSmallFiles: true);

    /// <summary>
    /// <see cref="LoadFrontmatterHead(string, string, int, FileSystemAccess)"/> of the file <paramref name="name"/> listed
    /// in <paramref name="folder"/>, opened within it (see <see cref="FileSystemAccess.ListedFolder"/>); <paramref name="relativePath"/>
    /// is its path below the planning root, which the text and the problems are named by.
    /// </summary>
    internal static FileLoadResult LoadFrontmatterHead(FileSystemAccess.ListedFolder folder, string name, string relativePath, int maxBytes, FileSystemAccess access) =>
        Read(folder.PlanningRoot, relativePath, access, CheckedHeadBytes(maxBytes), cutSmallFiles: true, folder, name);

    private static int CheckedHeadBytes(int maxBytes) =>
        maxBytes >= 64 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "Read at least 64 bytes.");

    internal static string FullPath(string planningRoot, string relativePath) =>
        Path.Combine(planningRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static FileLoadResult Read(string planningRoot, string relativePath, FileSystemAccess access, int? headBytes, bool cutSmallFiles, FileSystemAccess.ListedFolder? folder = null, string? name = null)
    {
        FileSource stream;
        try
        {
            // Only the phase scanners cut small files, and they read files their listing has just shown.
            stream = folder is not null ? access.OpenListedFile(folder, name!)
                : cutSmallFiles ? access.OpenListedFile(planningRoot, relativePath)
                : access.Open(FullPath(planningRoot, relativePath));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileLoadResult(null, EquatableArray<Finding>.Empty);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return CannotRead(relativePath, FullPath(planningRoot, relativePath), access, ex);
        }

        using (stream)
        {
            try
            {
                return headBytes is { } head ? ReadHeadOrWhole(relativePath, stream, head, cutSmallFiles) : ReadWhole(relativePath, stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return CannotRead(relativePath, FullPath(planningRoot, relativePath), access, ex);
            }
        }
    }

    /// <summary>
    /// A folder where a file is expected fails with an access error when opened on most systems, and with an I/O error
    /// when read where the open succeeds (a listed file's bare descriptor on Linux): either way it is told apart.
    /// </summary>
    private static FileLoadResult CannotRead(string relativePath, string fullPath, FileSystemAccess access, Exception ex) =>
        access.DirectoryExists(fullPath) ? Problem(NotAFile(relativePath)) : Problem(Unreadable(relativePath, ex));

    private static FileLoadResult ReadWhole(string relativePath, FileSource stream)
    {
        var length = stream.Length;
        if (length > MaxFileBytes)
        {
            return Problem(TooLarge(relativePath, length));
        }

        // A pooled buffer: ROADMAP.md at 10,000 plans is 0.8 MB, which a new array would put on the large object heap on
        // every read (nothing keeps the bytes once they are decoded). One byte more than the length, so that a full
        // buffer means the file grew since the length was taken.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            var count = ReadToEnd(stream, ref buffer, ReadFully(stream, buffer, 0, buffer.Length));
            return count < 0 ? Problem(TooLarge(relativePath, stream.Length)) : Decode(relativePath, buffer, count, partial: false, borrow: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the head first and asks for the length only when the head came back full: most PLAN and SUMMARY files
    /// fit in it, and then one read call settles everything (no length query). The head buffer is reused per thread,
    /// as nothing keeps it: <see cref="SourceText"/> holds the decoded string, not the bytes.
    /// </summary>
    private static FileLoadResult ReadHeadOrWhole(string relativePath, FileSource stream, int head, bool cutSmallFiles)
    {
        // One thread-static read per file: in precompiled code each costs a helper call.
        var scratch = headScratch ??= new HeadScratch();
        var buffer = scratch.Bytes is { } reused && reused.Length == head ? reused : scratch.Bytes = new byte[head];
        var count = ReadFully(stream, buffer, 0, head);
        if (count < head)
        {
            return cutSmallFiles ? DecodeFrontmatterHead(relativePath, buffer, count, scratch.LineEnds) : Decode(relativePath, buffer, count, partial: false, borrow: false);
        }

        var length = stream.Length;
        if (length > MaxFileBytes)
        {
            return Problem(TooLarge(relativePath, length));
        }

        if (length > head)
        {
            return ReadHead(relativePath, stream, buffer, count, borrow: cutSmallFiles, scratch.LineEnds);
        }

        // Exactly the head's size (or it shrank meanwhile): read on to the real end, as a whole-file read does.
        var whole = ArrayPool<byte>.Shared.Rent(head + 1);
        try
        {
            Buffer.BlockCopy(buffer, 0, whole, 0, head);
            count = ReadToEnd(stream, ref whole, count + ReadFully(stream, whole, count, whole.Length - count));
            return count < 0 ? Problem(TooLarge(relativePath, stream.Length)) : Decode(relativePath, whole, count, partial: false, borrow: cutSmallFiles);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(whole);
        }
    }

    [ThreadStatic]
    private static HeadScratch? headScratch;

    /// <summary>What reading a head reuses per thread: the bytes, and where <see cref="FrontmatterHeadLength"/> found their lines to end.</summary>
    private sealed class HeadScratch
    {
        public byte[]? Bytes;

        public readonly int[] LineEnds = new int[SourceText.MaxKnownLineEnds];
    }

    /// <summary>
    /// Given the pooled <paramref name="buffer"/> with <paramref name="count"/> bytes read, reads on while it comes back
    /// full (the file grew since its length was taken), into larger pooled buffers; returns how many bytes the file
    /// has, or -1 when it grew past <see cref="MaxFileBytes"/>. <paramref name="buffer"/> is always the one to return.
    /// </summary>
    private static int ReadToEnd(FileSource stream, ref byte[] buffer, int count)
    {
        while (count == buffer.Length)
        {
            if (count > MaxFileBytes)
            {
                return -1;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxFileBytes + 1));
            Buffer.BlockCopy(buffer, 0, larger, 0, count);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
            count += ReadFully(stream, buffer, count, buffer.Length - count);
        }

        return count > MaxFileBytes ? -1 : count;
    }

    private static FileLoadResult ReadHead(string relativePath, FileSource stream, byte[] buffer, int count, bool borrow, int[] lineEnds)
    {
        var atEnd = count < buffer.Length;
        var headLength = FrontmatterHeadLength(buffer, count, lineEnds, out var lines);
        while (!atEnd && headLength == NeedMore && count < MaxFileBytes)
        {
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxFileBytes));
            count += ReadFully(stream, buffer, count, buffer.Length - count);
            atEnd = count < buffer.Length;
            headLength = FrontmatterHeadLength(buffer, count, lineEnds, out lines);
        }

        if (atEnd)
        {
            return Decode(relativePath, buffer, count, partial: false, borrow, lineEnds.AsSpan(0, lines));
        }

        // With a block, the head stops right after it (less text to decode, index and hash). Without one, whatever
        // whole lines were read are kept: a legacy SUMMARY may have its facts there.
        var cut = headLength >= 0 ? headLength : Utf8Scan.CompleteLinesEnd(buffer, count);
        return Decode(relativePath, buffer, cut, partial: true, borrow, lineEnds.AsSpan(0, lines));
    }

    /// <summary><see cref="FrontmatterHeadLength"/>: the bytes read do not settle yet where the block ends.</summary>
    internal const int NeedMore = -1;

    /// <summary><see cref="FrontmatterHeadLength"/>: the file does not open with a frontmatter block.</summary>
    internal const int NoFrontmatter = -2;

    /// <summary>
    /// How many bytes of <c>bytes[0..count)</c> cover the frontmatter block: through its closing fence and any blank
    /// lines after it, plus the first line of content (whole, when that line could open a second block). Returns
    /// <see cref="NeedMore"/> while that is not settled, or <see cref="NoFrontmatter"/> when line 1 is no fence.
    /// </summary>
    internal static int FrontmatterHeadLength(byte[] bytes, int count) => FrontmatterHeadLength(bytes, count, lineEnds: null, out _);

    /// <summary>
    /// <see cref="FrontmatterHeadLength(byte[], int)"/>, storing where each line it looks at ends (the offset of its
    /// break) in <paramref name="lineEnds"/>, as far as it holds them; <paramref name="lines"/> is how many it stored.
    /// Handed with the bytes to <see cref="SourceText.FromBytesBorrowed"/>, they spare the frontmatter reader a
    /// second search of the same lines.
    /// </summary>
    private static int FrontmatterHeadLength(byte[] bytes, int count, int[]? lineEnds, out int lines)
    {
        lines = 0;
        var start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var lineNumber = 0;
        var closed = false;
        for (var lineStart = start; lineStart < count;)
        {
            var lineEnd = LineEnd(bytes, lineStart, count);

            if (lineEnd == count)
            {
                // An unfinished line settles nothing, unless it already cannot be a fence: then line 1 opens no
                // block, or the line after the block is content, and the head can stop before it.
                if (FenceCouldStillFollow(bytes, lineStart, lineEnd))
                {
                    return NeedMore;
                }

                return lineNumber == 0 ? NoFrontmatter : closed ? lineStart : NeedMore;
            }

            var next = bytes[lineEnd] == (byte)'\r' && lineEnd + 1 < count && bytes[lineEnd + 1] == (byte)'\n' ? lineEnd + 2 : lineEnd + 1;
            if (bytes[lineEnd] == (byte)'\r' && next == count)
            {
                // A CR at the very end may be the first half of a CRLF.
                return NeedMore;
            }

            lineNumber++;
            if (lineEnds is not null && lineNumber <= lineEnds.Length)
            {
                lineEnds[lineNumber - 1] = lineEnd;
                lines = lineNumber;
            }
            if (lineNumber == 1)
            {
                if (!FrontmatterFences.IsOpening(bytes, lineStart, lineEnd))
                {
                    return NoFrontmatter;
                }
            }
            else if (!closed)
            {
                closed = FrontmatterFences.IsClosing(bytes, lineStart, lineEnd);
            }
            else if (!IsBlank(bytes, lineStart, lineEnd))
            {
                return next;
            }

            lineStart = next;
        }

        return NeedMore;
    }

    /// <summary>The offset of the first line break in <c>bytes[start..count)</c>, or <paramref name="count"/>.</summary>
    internal static int LineEnd(byte[] bytes, int start, int count)
    {
        if ((uint)count > (uint)bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var end = start;
#if NET8_0_OR_GREATER
        // Sixteen bytes per compare, written out: the framework's IndexOfAny is a call per line in precompiled code
        // (it cannot be inlined across assemblies); these vector operations are intrinsics. The loads are unchecked,
        // hence the check above.
        if (Vector128.IsHardwareAccelerated && end >= 0 && count - end >= Vector128<byte>.Count)
        {
            ref var first = ref bytes[0];
            var lineFeed = Vector128.Create((byte)'\n');
            var carriageReturn = Vector128.Create((byte)'\r');
            for (; end <= count - Vector128<byte>.Count; end += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref first, (nuint)end);
                var breaks = (Vector128.Equals(v, lineFeed) | Vector128.Equals(v, carriageReturn)).ExtractMostSignificantBits();
                if (breaks != 0)
                {
                    return end + BitOperations.TrailingZeroCount(breaks);
                }
            }
        }
#endif
        while (end < count && bytes[end] is not ((byte)'\n' or (byte)'\r'))
        {
            end++;
        }

        return end;
    }

    private static bool FenceCouldStillFollow(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var fencePart = i - start < 3 ? bytes[i] == (byte)'-' : bytes[i] is (byte)' ' or (byte)'\t';
            if (!fencePart)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static int ReadFully(FileSource stream, byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var asked = count - total;
            var read = stream.Read(buffer, offset + total, asked);
            total += read;
            if (read == 0 || (read < asked && stream.ShortReadIsEnd))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// Decodes a whole file's bytes, or only its frontmatter head when the rest is clean: valid UTF-8 (the cut falls
    /// after a line break, never inside a sequence, so the parts are valid exactly when the whole is) and without
    /// NUL, so that the head has every problem the whole file has.
    /// </summary>
    private static FileLoadResult DecodeFrontmatterHead(string relativePath, byte[] buffer, int count, int[] lineEnds)
    {
        var cut = FrontmatterHeadLength(buffer, count, lineEnds, out var lines);
        if (cut >= 0 && cut < count && Array.IndexOf(buffer, (byte)0, cut, count - cut) < 0 && Utf8Scan.IsValid(buffer, cut, count))
        {
            return Decode(relativePath, buffer, cut, partial: true, borrow: true, lineEnds.AsSpan(0, lines));
        }

        return Decode(relativePath, buffer, count, partial: false, borrow: true, lineEnds.AsSpan(0, lines));
    }

    /// <param name="lineEnds">Where lines of <paramref name="buffer"/> end, found on the way here (a borrowed text keeps them).</param>
    private static FileLoadResult Decode(string relativePath, byte[] buffer, int count, bool partial, bool borrow, ReadOnlySpan<int> lineEnds = default)
    {
        var nul = Array.IndexOf(buffer, (byte)0, 0, count);
        if (nul >= 0)
        {
            return Problem(new Finding(
                InputProblems.BinaryFile,
                SourceSpan.FileStart(relativePath),
                $"'{relativePath}' contains a NUL byte (at byte offset {nul.ToString(CultureInfo.InvariantCulture)}), so it is binary, not markdown; it is not read."));
        }

        var text = borrow ? SourceText.FromBytesBorrowed(relativePath, buffer, count, looksBinary: false, lineEnds) : SourceText.FromBytes(relativePath, buffer, count, looksBinary: false);

        // An empty text decoded cleanly, so a file has at most one of the two problems.
        var problems = text.Length == 0 && !partial
            ? EquatableArray.Create(new Finding(InputProblems.EmptyFile, SourceSpan.FileStart(relativePath), $"'{relativePath}' is empty."))
            : !text.IsValidUtf8 ? EquatableArray.Create(InvalidUtf8(text, buffer, count))
            : EquatableArray<Finding>.Empty;
        return new FileLoadResult(text, problems) { IsPartial = partial };
    }

    private static Finding InvalidUtf8(SourceText text, byte[] bytes, int count)
    {
        var bom = text.HasBom ? 3 : 0;
        var bad = Utf8Scan.FirstInvalidByte(bytes, bom, count);
        if (bad < 0)
        {
            return new Finding(InputProblems.InvalidUtf8, SourceSpan.FileStart(text.File), $"'{text.File}' is not valid UTF-8; it is read with replacement characters and never rewritten.");
        }

        // Everything before the first bad byte decodes cleanly, so its char count is where the replacement char sits.
        var charOffset = Encoding.UTF8.GetCharCount(bytes, bom, bad - bom);
        var span = text.Span(charOffset, Math.Min(1, text.Length - charOffset));
        return new Finding(
            InputProblems.InvalidUtf8,
            span,
            $"'{text.File}' is not valid UTF-8 (byte 0x{bytes[bad]:X2} at byte offset {bad.ToString(CultureInfo.InvariantCulture)}); it is read with replacement characters and never rewritten.");
    }

    private static FileLoadResult Problem(Finding finding) => new(null, EquatableArray.Create(finding));

    private static Finding TooLarge(string relativePath, long length) => new(
        InputProblems.FileTooLarge,
        SourceSpan.FileStart(relativePath),
        $"'{relativePath}' is {length.ToString(CultureInfo.InvariantCulture)} bytes, more than the {MaxFileBytes.ToString(CultureInfo.InvariantCulture)} bytes (4 MiB) a planning file may have; it is not read.");

    internal static Finding NotAFile(string relativePath) => new(
        InputProblems.NotAFile,
        SourceSpan.FileStart(relativePath),
        $"'{relativePath}' is a folder, but a file is expected here; it is not read.");

    internal static Finding Unreadable(string relativePath, Exception ex) => new(
        InputProblems.UnreadableFile,
        SourceSpan.FileStart(relativePath),
        $"'{relativePath}' cannot be read: {ex.Message}");
}
