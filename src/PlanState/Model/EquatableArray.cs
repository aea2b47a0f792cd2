using System.Collections;

namespace PlanState.Model;

/// <summary>
/// An immutable array compared by its elements, so records that hold collections stay value-equatable
/// (the incremental pipeline relies on that to skip unchanged steps).
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? items;

    public EquatableArray(IEnumerable<T> items)
    {
        this.items = items.ToArray();
    }

    private EquatableArray(T[] items, bool _)
    {
        this.items = items;
    }

    public static EquatableArray<T> Empty => default;

    public int Count => items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public ReadOnlySpan<T> AsSpan() => items;

    /// <summary>Wraps an array the caller promises never to change again; no copy.</summary>
    internal static EquatableArray<T> TakeOwnership(T[] array) => new(array, true);

    public bool Equals(EquatableArray<T> other)
    {
        var left = items ?? Array.Empty<T>();
        var right = other.items ?? Array.Empty<T>();
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        if (items is not null)
        {
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in items)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : comparer.GetHashCode(item)));
            }
        }

        return hash;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public override string ToString() => $"[{string.Join(", ", this)}]";
}

public static class EquatableArray
{
    public static EquatableArray<T> Create<T>(params T[] items) => new(items);

    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}
