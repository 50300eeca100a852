using System.Security.Cryptography;
using System.Xml.Linq;
using Fazhi.Platform.Security.Crypto;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Crypto;

public sealed class KeyFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fazhi-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void First_start_creates_a_private_key_file_and_later_starts_reuse_it()
    {
        var path = Path.Combine(_dir, "keys", "fazhi.key");

        var first = new KeyFileProvider(path);
        var second = new KeyFileProvider(path);

        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(path).Trim()).Length);
        Assert.Equal(first.DataKey, second.DataKey);
        Assert.Equal(first.IndexKey, second.IndexKey);
        Assert.Equal(16, first.DataKey.Length);
        Assert.NotEqual(first.DataKey, first.IndexKey);
        Assert.NotEqual(first.DataKey, first.KeyRingKey);
        Assert.NotEqual(first.DataKey, new KeyFileProvider(Path.Combine(_dir, "other.key")).DataKey);
    }

    [Fact]
    public void A_raw_32_byte_key_file_is_accepted()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "raw.key");
        var master = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(path, master);
        var base64 = Path.Combine(_dir, "b64.key");
        File.WriteAllText(base64, Convert.ToBase64String(master) + "\n");

        Assert.Equal(new KeyFileProvider(path).DataKey, new KeyFileProvider(base64).DataKey);
    }

    [Fact]
    public void A_damaged_key_file_fails_with_a_clear_message()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "bad.key");
        File.WriteAllText(path, "not a key");

        var ex = Assert.Throws<InvalidOperationException>(() => new KeyFileProvider(path));
        Assert.Contains("密钥文件", ex.Message);
        Assert.Contains("key file", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void An_unreadable_key_file_fails_with_a_clear_message()
    {
        var path = Path.Combine(_dir, "a-folder.key");
        Directory.CreateDirectory(path);

        var ex = Assert.Throws<InvalidOperationException>(() => new KeyFileProvider(path));
        Assert.Contains("无法读取密钥文件", ex.Message);
        Assert.Contains("Cannot read the key file", ex.Message);
    }

    [Fact]
    public void The_data_protection_key_ring_is_encrypted_and_decrypts_only_under_the_same_key_file()
    {
        var keys = new KeyFileProvider(Path.Combine(_dir, "a.key"));
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));

        var info = new Sm4XmlEncryptor(keys).Encrypt(secret);

        Assert.DoesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA", info.EncryptedElement.ToString());
        Assert.Equal(typeof(Sm4XmlDecryptor), info.DecryptorType);
        var back = new Sm4XmlDecryptor(Services(keys)).Decrypt(info.EncryptedElement);
        Assert.Equal(secret.ToString(), back.ToString());

        var other = new KeyFileProvider(Path.Combine(_dir, "b.key"));
        var ex = Assert.Throws<CryptographicException>(() => new Sm4XmlDecryptor(Services(other)).Decrypt(info.EncryptedElement));
        Assert.Contains(keys.Fingerprint, ex.Message);
        Assert.Contains(other.Fingerprint, ex.Message);
    }

    private static ServiceProvider Services(KeyFileProvider keys) => new ServiceCollection().AddSingleton(keys).BuildServiceProvider();
}
