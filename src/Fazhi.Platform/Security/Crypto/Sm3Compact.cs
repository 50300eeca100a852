using System.Buffers.Binary;
using System.Numerics;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>
/// One-shot SM3 (GB/T 32905-2016) over a span, allocation-free, for hot paths that hash many short messages (audit
/// chain verification). Same results as <see cref="Sm3"/> (BouncyCastle); the tests check both against the standard's
/// examples and against each other.
/// </summary>
internal static class Sm3Compact
{
    /// <summary>T_j rotated left by j mod 32, precomputed (GB/T 32905 5.3.3).</summary>
    private static readonly uint[] RotatedT = Enumerable.Range(0, 64)
        .Select(j => BitOperations.RotateLeft(j < 16 ? 0x79CC4519u : 0x7A879D8Au, j % 32))
        .ToArray();

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        Span<uint> v = [0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E];
        Span<uint> w = stackalloc uint[68];
        var full = data.Length / 64;
        for (var i = 0; i < full; i++)
        {
            Compress(v, data.Slice(i * 64, 64), w);
        }
        // Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian number.
        var rest = data.Length - (full * 64);
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        data[(full * 64)..].CopyTo(tail);
        tail[rest] = 0x80;
        var tailLength = rest + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        Compress(v, tail[..64], w);
        if (tailLength == 128)
        {
            Compress(v, tail[64..], w);
        }
        for (var k = 0; k < 8; k++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output[(k * 4)..], v[k]);
        }
    }

    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);

    private static void Compress(Span<uint> v, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var j = 0; j < 16; j++)
        {
            w[j] = BinaryPrimitives.ReadUInt32BigEndian(block[(j * 4)..]);
        }
        for (var j = 16; j < 68; j++)
        {
            w[j] = P1(w[j - 16] ^ w[j - 9] ^ BitOperations.RotateLeft(w[j - 3], 15)) ^ BitOperations.RotateLeft(w[j - 13], 7) ^ w[j - 6];
        }
        uint a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
        for (var j = 0; j < 64; j++)
        {
            var a12 = BitOperations.RotateLeft(a, 12);
            var ss1 = BitOperations.RotateLeft(a12 + e + RotatedT[j], 7);
            var ss2 = ss1 ^ a12;
            uint ff, gg;
            if (j < 16)
            {
                ff = a ^ b ^ c;
                gg = e ^ f ^ g;
            }
            else
            {
                ff = (a & b) | (a & c) | (b & c);
                gg = (e & f) | (~e & g);
            }
            var tt1 = ff + d + ss2 + (w[j] ^ w[j + 4]);
            var tt2 = gg + h + ss1 + w[j];
            d = c;
            c = BitOperations.RotateLeft(b, 9);
            b = a;
            a = tt1;
            h = g;
            g = BitOperations.RotateLeft(f, 19);
            f = e;
            e = P0(tt2);
        }
        v[0] ^= a;
        v[1] ^= b;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }
}
