using System.Text;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Platform.Features.Audit;

/// <summary>
/// Computes an entry's link hash: SM3 over the previous hash and every field, each length-prefixed so that no two
/// different entries share a canonical form. The one definition of the canonical form, used by append and verify.
/// </summary>
/// <remarks>
/// Canonical form (UTF-8): for each field in order <c>{length}:{value}|</c>, where length is the value's length in
/// UTF-16 code units and the fields are PreviousHash, Sequence, At (Unix milliseconds), ActorId ("N" format or empty),
/// ActorName, OrgUnitId ("N" or empty), Action, EntityType, EntityId, Changes, ClientIp. Changing it breaks every
/// existing chain.
/// </remarks>
internal static class AuditHasher
{
    /// <summary>The previous hash of entry 1.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Hash of one entry as lower-case hex (append path: one buffer per call).</summary>
    public static string Compute(AuditEntry e) => new AuditHashBuffer().ComputeHex(e).ToString();
}

/// <summary>
/// A reusable, single-threaded hashing workspace: the canonical bytes are written into one growing buffer and hashed
/// with the allocation-free <see cref="Sm3Compact"/>, so verifying millions of entries allocates nothing per entry.
/// </summary>
internal sealed class AuditHashBuffer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _hash = new byte[32];
    private readonly char[] _hex = new char[64];
    private byte[] _buffer = new byte[1024];
    private int _length;

    /// <summary>The entry's hash as lower-case hex; the span is valid until the next call.</summary>
    public ReadOnlySpan<char> ComputeHex(AuditEntry e)
    {
        _length = 0;
        Text(e.PreviousHash);
        Number(e.Sequence);
        Number(e.At.ToUnixTimeMilliseconds());
        Id(e.ActorId);
        Text(e.ActorName);
        Id(e.OrgUnitId);
        Text(e.Action);
        Text(e.EntityType);
        Text(e.EntityId ?? "");
        Text(e.Changes);
        Text(e.ClientIp ?? "");
        Sm3Compact.Hash(_buffer.AsSpan(0, _length), _hash);
        Convert.TryToHexStringLower(_hash, _hex, out _);
        return _hex;
    }

    /// <summary>True when the entry's stored hash is what its fields hash to.</summary>
    public bool Matches(AuditEntry e) => ComputeHex(e).SequenceEqual(e.Hash);

    private void Text(string value)
    {
        Ensure(24 + Utf8.GetMaxByteCount(value.Length));
        LengthPrefix(value.Length);
        _length += Utf8.GetBytes(value, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'|';
    }

    private void Number(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        Ascii(digits[..n]);
    }

    private void Id(Guid? id)
    {
        if (id is not { } g)
        {
            Ascii([]);
            return;
        }
        Span<byte> text = stackalloc byte[32];
        g.TryFormat(text, out _, "N");
        Ascii(text);
    }

    private void Ascii(ReadOnlySpan<byte> value)
    {
        Ensure(24 + value.Length);
        LengthPrefix(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        _buffer[_length++] = (byte)'|';
    }

    private void LengthPrefix(int length)
    {
        length.TryFormat(_buffer.AsSpan(_length), out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += n;
        _buffer[_length++] = (byte)':';
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
