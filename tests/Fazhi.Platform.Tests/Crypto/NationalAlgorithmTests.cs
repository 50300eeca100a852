using System.Security.Cryptography;
using System.Text;
using Fazhi.Platform.Security.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Platform.Tests.Crypto;

/// <summary>SM3, SM4 and HMAC-SM3 against the standards' vectors and an independent implementation (OpenSSL).</summary>
public sealed class NationalAlgorithmTests
{
    private static readonly byte[] StandardKey = Convert.FromHexString("0123456789abcdeffedcba9876543210");

    [Fact]
    public void Sm3_matches_gbt_32905_example_1()
    {
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3.HashHex("abc"));
    }

    [Fact]
    public void Sm3_matches_gbt_32905_example_2_of_64_bytes()
    {
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", Sm3.HashHex(string.Concat(Enumerable.Repeat("abcd", 16))));
    }

    [Fact]
    public void Sm4_block_matches_gbt_32907_appendix_a_example_1()
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(StandardKey));
        var output = new byte[16];
        engine.ProcessBlock(StandardKey, 0, output, 0);
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(output));

        engine.Init(false, new KeyParameter(StandardKey));
        var back = new byte[16];
        engine.ProcessBlock(output, 0, back, 0);
        Assert.Equal(StandardKey, back);
    }

    [Fact]
    public void Sm4_block_matches_gbt_32907_appendix_a_example_2_after_a_million_rounds()
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(StandardKey));
        var block = (byte[])StandardKey.Clone();
        var next = new byte[16];
        for (var i = 0; i < 1_000_000; i++)
        {
            engine.ProcessBlock(block, 0, next, 0);
            (block, next) = (next, block);
        }
        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Sm4_gcm_matches_an_independent_implementation()
    {
        // Same inputs through OpenSSL 3 (Python cryptography 48, algorithms.SM4 + modes.GCM).
        var nonce = Enumerable.Range(0, 12).Select(i => (byte)i).ToArray();
        var sealedData = Sm4Gcm.Encrypt(StandardKey, nonce, "13812345678"u8, "fazhi"u8);

        Assert.Equal(1, sealedData[0]);
        Assert.Equal(nonce, sealedData[1..13]);
        Assert.Equal("641220a083829d2a52b7bb" + "a2b2c9ab233c9f40122ec078c524e9c8", Convert.ToHexStringLower(sealedData[13..]));
    }

    [Fact]
    public void Sm4_gcm_round_trips_with_a_fresh_nonce_each_time()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var plaintext = Encoding.UTF8.GetBytes("山东省枣庄市市中区光明路 1 号");

        var a = Sm4Gcm.Encrypt(key, plaintext);
        var b = Sm4Gcm.Encrypt(key, plaintext);

        Assert.NotEqual(a, b);
        Assert.Equal(1 + 12 + plaintext.Length + 16, a.Length);
        Assert.Equal(plaintext, Sm4Gcm.Decrypt(key, a));
        Assert.Equal(plaintext, Sm4Gcm.Decrypt(key, b));
        Assert.Empty(Sm4Gcm.Decrypt(key, Sm4Gcm.Encrypt(key, [])));
    }

    [Theory]
    [InlineData(1)] // nonce
    [InlineData(15)] // ciphertext
    [InlineData(-1)] // tag
    public void Sm4_gcm_refuses_a_flipped_byte(int position)
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var sealedData = Sm4Gcm.Encrypt(key, "370402199001011234"u8);
        sealedData[position < 0 ? sealedData.Length + position : position] ^= 0x01;

        var ex = Assert.Throws<CryptographicException>(() => Sm4Gcm.Decrypt(key, sealedData));
        Assert.Contains("篡改", ex.Message);
    }

    [Fact]
    public void Sm4_gcm_refuses_the_wrong_key_wrong_context_and_unknown_version()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var sealedData = Sm4Gcm.Encrypt(key, "13812345678"u8, "Phone"u8);

        Assert.Throws<CryptographicException>(() => Sm4Gcm.Decrypt(RandomNumberGenerator.GetBytes(16), sealedData, "Phone"u8));
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Decrypt(key, sealedData, "IdNumber"u8));
        sealedData[0] = 2;
        var ex = Assert.Throws<CryptographicException>(() => Sm4Gcm.Decrypt(key, sealedData, "Phone"u8));
        Assert.Contains("版本", ex.Message);
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Decrypt(key, new byte[20]));
    }

    [Fact]
    public void Hmac_sm3_matches_openssl()
    {
        // printf abc | openssl dgst -sm3 -hmac key
        Assert.Equal("28e63256e7c5a087b1f073265dc53092163f7b82729735d06f28f10af9d52393", HmacSm3.ComputeHex("key"u8, "abc"));
    }
}
