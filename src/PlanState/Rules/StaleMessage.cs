using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PlanState.Rules;

/// <summary>
/// The message of <see cref="RuleContext.Stale(Diagnostics.DiagnosticDescriptor, Text.SourceSpan, string, string, ref StaleMessage)"/>,
/// built only when the two texts differ: the compiler skips every part of the interpolated string otherwise. The
/// rules check thousands of values that agree (every row, checkbox and cell of a 10,000-plan roadmap), and
/// formatting a message for each of them was a measurable part of a check.
/// </summary>
/// <remarks>Values are formatted with the invariant culture, as the files write them, whatever the host's culture.</remarks>
[InterpolatedStringHandler]
internal ref struct StaleMessage
{
    private readonly StringBuilder? builder;

    public StaleMessage(int literalLength, int formattedCount, string oldText, string newText, out bool isStale)
    {
        isStale = !string.Equals(oldText, newText, StringComparison.Ordinal);
        builder = isStale ? new StringBuilder(literalLength + (formattedCount * 8)) : null;
    }

    public void AppendLiteral(string value) => builder!.Append(value);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    public void AppendFormatted<T>(T value, string? format) =>
        builder!.Append(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

    /// <summary>The message; empty when the texts agree (nothing was built).</summary>
    public override string ToString() => builder?.ToString() ?? string.Empty;
}
