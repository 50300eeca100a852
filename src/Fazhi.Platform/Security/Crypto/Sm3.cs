using Org.BouncyCastle.Crypto.Digests;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>SM3 hash (GB/T 32905-2016) through BouncyCastle.</summary>
public static class Sm3
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));

    public static string HashHex(string text) => HashHex(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Hashes a stream without loading it whole.</summary>
    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken ct = default)
    {
        var digest = new SM3Digest();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            digest.BlockUpdate(buffer, 0, read);
        }
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }
}
