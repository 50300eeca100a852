using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>
/// Encrypts the ASP.NET Core data-protection key ring (kept in the database so every node shares it) with SM4-GCM
/// under a key derived from the key file, so the database alone cannot forge cookies or antiforgery tokens.
/// </summary>
internal sealed class Sm4XmlEncryptor(KeyFileProvider keys) : IXmlEncryptor
{
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("fazhi:data-protection-key-ring");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedData = Sm4Gcm.Encrypt(keys.KeyRingKey, plaintext, AssociatedData);
        var element = new XElement("encryptedKey",
            new XComment(" SM4-GCM (GB/T 32907), key derived from Security:KeyFile "),
            new XAttribute("keyFingerprint", keys.Fingerprint),
            new XElement("value", Convert.ToBase64String(sealedData)));
        return new EncryptedXmlInfo(element, typeof(Sm4XmlDecryptor));
    }
}

/// <summary>Decrypts key-ring entries written by <see cref="Sm4XmlEncryptor"/>; data protection creates it by type name.</summary>
internal sealed class Sm4XmlDecryptor : IXmlDecryptor
{
    private readonly KeyFileProvider _keys;

    /// <summary>Called by data protection's activator with the application's services.</summary>
    public Sm4XmlDecryptor(IServiceProvider services)
    {
        _keys = services.GetRequiredService<KeyFileProvider>();
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value
            ?? throw new CryptographicException("数据保护密钥缺少 value 元素。The encrypted data-protection key has no value element.");
        byte[] plaintext;
        try
        {
            plaintext = Sm4Gcm.Decrypt(_keys.KeyRingKey, Convert.FromBase64String(value), Sm4XmlEncryptor.AssociatedData);
        }
        catch (CryptographicException ex)
        {
            var written = encryptedElement.Attribute("keyFingerprint")?.Value ?? "?";
            throw new CryptographicException(
                $"无法解密数据保护密钥：它由指纹为 {written} 的密钥文件加密，当前密钥文件 {_keys.KeyFile} 的指纹为 {_keys.Fingerprint}。多节点须使用同一密钥文件。" +
                $"Cannot decrypt the data-protection key ring: it was encrypted under key file fingerprint {written}, this node's is {_keys.Fingerprint}. All nodes must share one key file.", ex);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

internal static class Sm4KeyRingRegistration
{
    /// <summary>Protects the key ring at rest with <see cref="Sm4XmlEncryptor"/>.</summary>
    public static IDataProtectionBuilder ProtectKeysWithSm4(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new Sm4XmlEncryptor(sp.GetRequiredService<KeyFileProvider>())));
        return builder;
    }
}
