using System.Text;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Platform.Tests.Audit;

public sealed class Sm3CompactTests
{
    /// <summary>GB/T 32905-2016 附录 A: 示例 1 "abc", 示例 2 "abcd" × 16.</summary>
    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Standard_examples(string message, string expected)
    {
        var hash = new byte[32];
        Sm3Compact.Hash(Encoding.ASCII.GetBytes(message), hash);
        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Agrees_with_bouncycastle_at_every_length_around_the_block_boundaries()
    {
        var random = new Random(3704);
        var hash = new byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Sm3Compact.Hash(data, hash);
            Assert.Equal(Sm3.HashHex(data), Convert.ToHexStringLower(hash));
        }
    }
}
