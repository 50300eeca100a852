using System.Text;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Platform.Features.PersonalData;

/// <summary>
/// Encrypts personal data with SM4-GCM and computes its blind index with HMAC-SM3, both under keys from the key file.
/// The kind is authenticated with the ciphertext, so a phone's ciphertext cannot be passed off as an ID number.
/// </summary>
internal sealed class SensitiveDataProtector(KeyFileProvider keys)
{
    /// <summary>Base64 of <c>SM4-GCM(normalised value)</c> in the <see cref="Sm4Gcm"/> format.</summary>
    public string Protect(SensitiveText value) =>
        Convert.ToBase64String(Sm4Gcm.Encrypt(keys.DataKey, Encoding.UTF8.GetBytes(value.Reveal()), Context(value.Kind)));

    public SensitiveText Unprotect(SensitiveKind kind, string stored) =>
        SensitiveText.Create(kind, Encoding.UTF8.GetString(Sm4Gcm.Decrypt(keys.DataKey, Convert.FromBase64String(stored), Context(kind))));

    /// <summary>Lower-case hex HMAC-SM3 of the kind and normalised value: equal values give equal indexes, nothing else is learnt.</summary>
    public string BlindIndex(SensitiveText value) => HmacSm3.ComputeHex(keys.IndexKey, $"{value.Kind}\n{value.Reveal()}");

    private static byte[] Context(SensitiveKind kind) => Encoding.UTF8.GetBytes($"fazhi:personal-data:{kind}");
}
