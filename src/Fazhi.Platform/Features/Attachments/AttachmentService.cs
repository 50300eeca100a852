using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Org.BouncyCastle.Crypto.Digests;

namespace Fazhi.Platform.Features.Attachments;

/// <summary>An attachment as the API shows it.</summary>
public sealed record AttachmentDto(
    Guid Id, Guid OrgUnitId, string OwnerType, string OwnerId, string FileName, string ContentType, long Size, string Sm3,
    string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>An upload refused, with the HTTP status and a reason the user can act on.</summary>
internal sealed record UploadRefusal(int Status, string Field, string Message);

/// <summary>Where attachment bytes live: content-addressed files under <c>Storage:Root</c> (default <c>./data/files</c>).</summary>
internal sealed class AttachmentStorage(IConfiguration config, IHostEnvironment env)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public string Root { get; } = config["Storage:Root"] is { Length: > 0 } root ? root : Path.Combine(Data.DataFolder.Resolve(config, env.ContentRootPath), "files");

    /// <summary>Largest accepted file, <c>Attachments:MaxBytes</c> (default 50 MB).</summary>
    public long MaxBytes { get; } = config.GetValue("Attachments:MaxBytes", DefaultMaxBytes);

    /// <summary>ab/cd/&lt;hash&gt;: two levels of 256 folders keep directories small.</summary>
    public static string KeyOf(string sm3Hex) => $"{sm3Hex[..2]}/{sm3Hex[2..4]}/{sm3Hex}";

    public string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>Upload, list and download rules shared by the API and pages.</summary>
internal sealed class AttachmentService(PlatformDb db, AttachmentStorage storage, ICurrentUser current)
{
    /// <summary>Why an empty file is refused (every upload path comes through <see cref="SaveAsync"/>).</summary>
    public static string EmptyFileMessage(string fileName) => $"文件“{fileName}”是空文件（0 字节），未保存。请检查文件后重新上传。";

    public static string MaxSizeText(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024.0:0.#} KB";

    /// <summary>Null when the name is acceptable; otherwise why not. Names are never used as paths, but a name that
    /// looks like one is refused so that nobody downstream is tempted to.</summary>
    public static string? FileNameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "缺少文件名。";
        }
        if (name.Length > 200)
        {
            return "文件名过长（最多 200 个字符）。";
        }
        if (name.Any(c => char.IsControl(c)))
        {
            return "文件名不能包含控制字符。";
        }
        if (name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal) || name.Contains(':'))
        {
            return "文件名不能包含路径（/、\\、..、盘符）。";
        }
        if (name.IndexOfAny(['<', '>', '|', '*', '?', '"']) >= 0)
        {
            return "文件名不能包含 < > | * ? \" 等字符。";
        }
        if (name.Trim().Trim('.').Length == 0)
        {
            return "文件名无效。";
        }
        return null;
    }

    public Task<(AttachmentDto? Saved, UploadRefusal? Refusal)> UploadAsync(
        IFormFile file, Guid? orgUnitId, string? ownerType, string? ownerId, CancellationToken ct) =>
        SaveAsync(file.OpenReadStream, file.FileName, file.Length, orgUnitId, ownerType, ownerId, ct);

    public async Task<(AttachmentDto? Saved, UploadRefusal? Refusal)> SaveAsync(
        Func<Stream> open, string rawFileName, long declaredLength, Guid? orgUnitId, string? ownerType, string? ownerId, CancellationToken ct)
    {
        if (declaredLength > storage.MaxBytes)
        {
            return (null, TooLarge());
        }
        var fileName = (rawFileName ?? "").Trim();
        if (FileNameProblem(rawFileName) is { } nameProblem)
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "file", nameProblem));
        }
        if (string.IsNullOrWhiteSpace(ownerType) || string.IsNullOrWhiteSpace(ownerId) || ownerType.Length > 64 || ownerId.Length > 64)
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "owner", "请填写附件所属记录（ownerType、ownerId，各不超过 64 个字符）。"));
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var expected = FileTypes.ForExtension(extension);
        if (expected is null)
        {
            return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "file",
                $"不允许上传该类型的文件（{(extension.Length == 0 ? "无扩展名" : extension)}）。允许的类型：{FileTypes.AllowedExtensions}。"));
        }
        var org = orgUnitId ?? current.OrgUnitId;
        if (org is not { } orgId || !current.Scope.Allows(orgId) || !await db.Set<OrgUnit>().AnyAsync(o => o.Id == orgId, ct))
        {
            return (null, new UploadRefusal(StatusCodes.Status404NotFound, "orgUnitId", "所属单位不存在或不在您的数据范围内。"));
        }

        var temp = Path.Combine(storage.Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            var (hash, size) = await CopyHashingAsync(open, temp, ct);
            if (size > storage.MaxBytes)
            {
                return (null, TooLarge());
            }
            if (size == 0)
            {
                return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "file", EmptyFileMessage(fileName)));
            }
            var (kind, found) = FileTypes.Detect(temp);
            if (kind != expected)
            {
                return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "file",
                    $"文件内容与扩展名不符：扩展名为 {extension}，实际内容为{found}。"));
            }
            var key = AttachmentStorage.KeyOf(hash);
            var target = storage.PathOf(key);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temp, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // The same content arrived concurrently; it is stored once.
                }
            }
            var a = new Attachment
            {
                OrgUnitId = orgId,
                OwnerType = ownerType.Trim(),
                OwnerId = ownerId.Trim(),
                FileName = fileName,
                ContentType = kind.ContentType,
                Size = size,
                Sm3 = hash,
                StorageKey = key,
                UploadedById = current.UserId,
                UploadedBy = current.UserName ?? "system",
                UploadedAt = DateTimeOffset.UtcNow,
            };
            db.Set<Attachment>().Add(a);
            await db.SaveChangesAsync(ct);
            return (ToDto(a), null);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<AttachmentDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == id).Select(a => ToDto(a)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<AttachmentDto>> ListAsync(string ownerType, string ownerId, CancellationToken ct) =>
        await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId)
            .OrderBy(a => a.Id)
            .Select(a => ToDto(a))
            .ToListAsync(ct);

    /// <summary>The file to send, if the caller's scope allows it; the download is recorded in the audit trail.</summary>
    public async Task<(Attachment Meta, string Path)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var path = storage.PathOf(a.StorageKey);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("附件内容在存储中缺失：" + a.StorageKey);
        }
        await db.WriteAuditEventAsync("attachment.downloaded", nameof(Attachment), a.Id.ToString(), new { a.FileName, a.Sm3 }, ct);
        return (a, path);
    }

    /// <summary>
    /// A file of a given owner record, whatever the caller's data scope: for a module that has already authorised the
    /// reader through that record (e.g. a case-file reviewer reading a sampled case of another department). Audited as a
    /// download like <see cref="OpenAsync"/>. Null when no such file belongs to that owner.
    /// </summary>
    public async Task<(AttachmentDto Meta, string Path)?> OpenOfOwnerAsync(Guid id, string ownerType, string ownerId, CancellationToken ct)
    {
        var a = await db.Set<Attachment>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == id && x.OwnerType == ownerType && x.OwnerId == ownerId, ct);
        if (a is null)
        {
            return null;
        }
        var path = storage.PathOf(a.StorageKey);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("附件内容在存储中缺失：" + a.StorageKey);
        }
        await db.WriteAuditEventAsync("attachment.downloaded", nameof(Attachment), a.Id.ToString(), new { a.FileName, a.Sm3, ownerType, ownerId }, ct);
        return (ToDto(a), path);
    }

    private UploadRefusal TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "file", $"文件超过大小上限（{MaxSizeText(storage.MaxBytes)}），未保存。");

    private static async Task<(string Hash, long Size)> CopyHashingAsync(Func<Stream> open, string temp, CancellationToken ct)
    {
        var digest = new SM3Digest();
        var buffer = new byte[81920];
        long size = 0;
        await using var input = open();
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                digest.BlockUpdate(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        var hash = new byte[32];
        digest.DoFinal(hash, 0);
        return (Convert.ToHexStringLower(hash), size);
    }

    private static AttachmentDto ToDto(Attachment a) =>
        new(a.Id, a.OrgUnitId, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sm3, a.UploadedBy, a.UploadedAt);
}
