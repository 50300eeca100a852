using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode through BouncyCastle: authenticated encryption for data at rest (GB/T 39786).
/// Output format, version 1: <c>[0x01][12-byte random nonce][ciphertext][16-byte tag]</c>. The version byte lets a
/// later format (another key, another mode) sit beside this one.
/// </summary>
public static class Sm4Gcm
{
    public const byte FormatVersion = 1;

    public const int KeySize = 16;

    public const int NonceSize = 12;

    public const int TagSize = 16;

    private const int HeaderSize = 1 + NonceSize;

    /// <summary>Encrypts with a fresh random nonce. <paramref name="associatedData"/> is authenticated, not stored.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default) =>
        Encrypt(key, RandomNumberGenerator.GetBytes(NonceSize), plaintext, associatedData);

    /// <summary>Encrypts with a given nonce; only tests use it (a nonce must never repeat under one key).</summary>
    internal static byte[] Encrypt(ReadOnlySpan<byte> key, byte[] nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        CheckKey(key);
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"SM4-GCM nonce must be {NonceSize} bytes.", nameof(nonce));
        }
        var cipher = NewCipher(true, key, nonce, associatedData);
        var output = new byte[HeaderSize + cipher.GetOutputSize(plaintext.Length)];
        output[0] = FormatVersion;
        nonce.CopyTo(output, 1);
        var body = output.AsSpan(HeaderSize);
        var written = cipher.ProcessBytes(plaintext, body);
        written += cipher.DoFinal(body[written..]);
        return written == body.Length ? output : output[..(HeaderSize + written)];
    }

    /// <summary>Decrypts and verifies. A changed byte, a wrong key or wrong associated data throws <see cref="CryptographicException"/>.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData = default)
    {
        CheckKey(key);
        if (sealedData.Length < HeaderSize + TagSize)
        {
            throw new CryptographicException("SM4-GCM 密文长度不足，数据已损坏。SM4-GCM ciphertext is too short: the data is damaged.");
        }
        if (sealedData[0] != FormatVersion)
        {
            throw new CryptographicException($"不支持的密文格式版本 {sealedData[0]}。Unsupported ciphertext format version {sealedData[0]}.");
        }
        var cipher = NewCipher(false, key, sealedData.Slice(1, NonceSize).ToArray(), associatedData);
        var body = sealedData[HeaderSize..];
        var output = new byte[cipher.GetOutputSize(body.Length)];
        try
        {
            var written = cipher.ProcessBytes(body, output);
            written += cipher.DoFinal(output.AsSpan(written));
            return written == output.Length ? output : output[..written];
        }
        catch (InvalidCipherTextException ex)
        {
            throw new CryptographicException(
                "SM4-GCM 认证失败：密文已被篡改，或密钥与加密时不同。SM4-GCM authentication failed: the ciphertext was altered or the key differs.", ex);
        }
    }

    private static GcmBlockCipher NewCipher(bool encrypt, ReadOnlySpan<byte> key, byte[] nonce, ReadOnlySpan<byte> associatedData)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce, associatedData.ToArray()));
        return cipher;
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An SM4 key is {KeySize} bytes, got {key.Length}.", nameof(key));
        }
    }
}
