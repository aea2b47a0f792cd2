using PlanState.Text;

namespace PlanState.Tests.Text;

/// <summary><see cref="SourceText.Fnv1a(byte[], int)"/> reads words unchecked: it must see exactly <c>bytes[0..count)</c>.</summary>
[TestFixture]
public sealed class SourceTextHashTests
{
    [Test]
    public void The_hash_of_a_prefix_depends_on_the_prefix_alone()
    {
        var random = new Random(20261122);
        for (var count = 0; count <= 40; count++)
        {
            var bytes = new byte[count + 16];
            random.NextBytes(bytes);
            var prefix = bytes[..count];
            var expected = SourceText.Fnv1a(prefix);

            // Whatever follows the prefix in the buffer does not count.
            random.NextBytes(bytes.AsSpan(count));
            SourceText.Fnv1a(bytes, count).Should().Be(expected, $"count {count}");
        }
    }

    [Test]
    public void Every_byte_of_the_prefix_counts()
    {
        var bytes = Enumerable.Range(0, 37).Select(i => (byte)i).ToArray();
        var hash = SourceText.Fnv1a(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 1;
            SourceText.Fnv1a(changed).Should().NotBe(hash, $"byte {i} changed");
        }
    }

    [Test]
    public void A_count_past_the_buffer_is_refused()
    {
        var act = () => SourceText.Fnv1a(new byte[8], 9);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
