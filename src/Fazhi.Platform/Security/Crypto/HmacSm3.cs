using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>HMAC over SM3 (GB/T 32905 + the HMAC construction of GB/T 15852.2): keyed hashes for blind indexes and key derivation.</summary>
public static class HmacSm3
{
    public const int Size = 32;

    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }

    public static string ComputeHex(ReadOnlySpan<byte> key, string text) => Convert.ToHexStringLower(Compute(key, Encoding.UTF8.GetBytes(text)));
}
