using System.Runtime.CompilerServices;

namespace PlanState.Text;

/// <summary>
/// A set of ASCII chars held in two bit masks: bit <c>c</c> of the first for a char below 64, bit <c>c - 64</c> of the
/// second for one from 64 to 127. Testing a char is two compares and a shift, with no table to reach: the readers'
/// per-char loops use it where the precompiled tool would otherwise call a framework search per line.
/// </summary>
internal static class AsciiMask
{
    /// <summary>Whether <paramref name="c"/> is ASCII and its bit is set in <paramref name="below64"/> or <paramref name="from64"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(char c, ulong below64, ulong from64) =>
        c < 64 ? ((below64 >> c) & 1) != 0 : c < 128 && ((from64 >> (c - 64)) & 1) != 0;
}
