using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Security.Crypto;

/// <summary>
/// The platform's secret keys, from the key file named by <c>Security:KeyFile</c> (default
/// <c>&lt;content root&gt;/data/keys/fazhi.key</c>); never from the database, so a stolen database or backup reveals no
/// personal data. On first start the file is created with 32 random bytes (base64, mode 0600). Every key the
/// platform uses is derived from those bytes with HMAC-SM3 and a purpose label, so each purpose has its own key.
/// Several nodes must share the same file; losing it makes the encrypted data unreadable: back it up apart from the database.
/// </summary>
internal sealed class KeyFileProvider
{
    public const string ConfigKey = "Security:KeyFile";

    public const int MasterSize = 32;

    private readonly byte[] _master;

    public KeyFileProvider(string path, ILogger<KeyFileProvider>? logger = null)
    {
        KeyFile = Path.GetFullPath(path);
        _master = LoadOrCreate(KeyFile, logger);
        DataKey = Derive("fazhi:sm4:personal-data:v1", Sm4Gcm.KeySize);
        IndexKey = Derive("fazhi:hmac-sm3:blind-index:v1", 16);
        KeyRingKey = Derive("fazhi:sm4:data-protection-key-ring:v1", Sm4Gcm.KeySize);
    }

    /// <summary>The full path of the key file.</summary>
    public string KeyFile { get; }

    /// <summary>SM4 key for personal data columns.</summary>
    public byte[] DataKey { get; }

    /// <summary>HMAC-SM3 key for blind indexes (exact lookup of encrypted values).</summary>
    public byte[] IndexKey { get; }

    /// <summary>SM4 key for the ASP.NET Core data-protection key ring stored in the database.</summary>
    public byte[] KeyRingKey { get; }

    /// <summary>A short public fingerprint of the key file, for logs and comparing nodes; reveals nothing of the keys.</summary>
    public string Fingerprint => Convert.ToHexStringLower(Derive("fazhi:fingerprint:v1", 8));

    public static string ResolvePath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ConfigKey];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Data.DataFolder.Resolve(configuration, contentRoot), "keys", "fazhi.key")
            : Path.GetFullPath(configured, contentRoot);
    }

    private byte[] Derive(string purpose, int size) => HmacSm3.Compute(_master, Encoding.UTF8.GetBytes(purpose))[..size];

    private static byte[] LoadOrCreate(string path, ILogger? logger)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Create(path, logger);
        }
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"无法读取密钥文件 {path}：{ex.Message}。请确认该文件存在且运行 Fazhi 的用户可读（权限 0600）。" +
                $"Cannot read the key file {path}: {ex.Message}. Check that it exists and is readable by the user running Fazhi (mode 0600).", ex);
        }
        var master = Parse(content) ?? throw new InvalidOperationException(
            $"密钥文件 {path} 内容无效：应为 {MasterSize} 字节随机数（原始字节或 Base64）。切勿替换已有密钥文件，否则已加密的数据将无法解密。" +
            $"The key file {path} is invalid: expected {MasterSize} random bytes (raw or base64). Never replace an existing key file: encrypted data would become unreadable.");
        WarnIfOpen(path, logger);
        return master;
    }

    private static byte[]? Parse(byte[] content)
    {
        if (content.Length == MasterSize)
        {
            return content;
        }
        var text = Encoding.ASCII.GetString(content).Trim();
        var buffer = new byte[MasterSize + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == MasterSize ? buffer[..MasterSize] : null;
    }

    private static void Create(string path, ILogger? logger)
    {
        var dir = Path.GetDirectoryName(path)!;
        var tmp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(tmp, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MasterSize)) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            // Publish the complete file in one step; another process starting at the same moment keeps its own copy only if it won.
            File.Move(tmp, path, overwrite: false);
            logger?.LogWarning("已生成新的密钥文件 {KeyFile}（权限 0600）：请与数据库分开备份，多节点部署时复制到每个节点。Generated a new key file; back it up apart from the database.", path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the file first: use theirs.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"无法创建密钥文件 {path}：{ex.Message}。请检查目录权限，或用 Security:KeyFile 指定可写位置。" +
                $"Cannot create the key file {path}: {ex.Message}. Check the folder's permissions or set Security:KeyFile.", ex);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }

    private static void WarnIfOpen(string path, ILogger? logger)
    {
        if (OperatingSystem.IsWindows() || logger is null)
        {
            return;
        }
        var open = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(path) & open) != 0)
        {
            logger.LogWarning("密钥文件 {KeyFile} 对其他用户可读写，应改为 0600。The key file is readable by other users; chmod 600 it.", path);
        }
    }
}

internal static class KeyFileRegistration
{
    /// <summary>Registers the key provider as a singleton; the file is read (or created) when first resolved.</summary>
    public static IServiceCollection AddFazhiKeys(this IServiceCollection services)
    {
        services.AddSingleton(sp => new KeyFileProvider(
            KeyFileProvider.ResolvePath(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            sp.GetRequiredService<ILogger<KeyFileProvider>>()));
        return services;
    }
}
