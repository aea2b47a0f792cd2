namespace PlanState.Parsing.Files;

/// <summary>Byte-level helpers for reading files whose encoding is not yet trusted.</summary>
internal static class Utf8Scan
{
    /// <summary>The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidByte(byte[] bytes, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            int min;
            if (b is >= 0xC2 and <= 0xDF)
            {
                length = 2;
                min = 0x80;
            }
            else if (b is >= 0xE0 and <= 0xEF)
            {
                length = 3;
                min = 0x800;
            }
            else if (b is >= 0xF0 and <= 0xF4)
            {
                length = 4;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + length > end)
            {
                return i;
            }

            var codePoint = b & (0xFF >> (length + 1));
            for (var k = 1; k < length; k++)
            {
                var next = bytes[i + k];
                if ((next & 0xC0) != 0x80)
                {
                    return i;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
            {
                return i;
            }

            i += length;
        }

        return -1;
    }

    /// <summary>True when <c>bytes[start..end)</c> is well-formed UTF-8 (what a strict decoder accepts).</summary>
    public static bool IsValid(byte[] bytes, int start, int end)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start, end - start));
#else
        // Markdown is mostly ASCII: skip it eight bytes at a time, then check the rest byte by byte.
        var i = start;
        while (i + 8 <= end && (BitConverter.ToUInt64(bytes, i) & 0x8080808080808080UL) == 0)
        {
            i += 8;
        }

        return FirstInvalidByte(bytes, i, end) < 0;
#endif
    }

    /// <summary>
    /// Where to cut <c>bytes[0..count)</c> so that it ends on a whole line: after the last line break, or, in a
    /// buffer without one, before any UTF-8 sequence the buffer splits. Never splits a sequence.
    /// </summary>
    public static int CompleteLinesEnd(byte[] bytes, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r')
            {
                return i + 1;
            }
        }

        var cut = count;
        var back = 0;
        while (cut > 0 && back < 4 && (bytes[cut - 1] & 0xC0) == 0x80)
        {
            cut--;
            back++;
        }

        // The run of continuation bytes belongs to the lead byte before it: keep the sequence only if it is whole.
        if (cut > 0 && bytes[cut - 1] >= 0xC0)
        {
            var lead = bytes[cut - 1];
            var expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            return back + 1 >= expected ? count : cut - 1;
        }

        return count;
    }
}
