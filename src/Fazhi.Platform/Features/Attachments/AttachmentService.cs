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
internal sealed class AttachmentService(PlatformDb db, AttachmentStorage storage, ICurrentUser current, Kit.ISystemWork systemWork)
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

    public Task<(AttachmentDto? Saved, UploadRefusal? Refusal)> SaveAsync(
        Func<Stream> open, string rawFileName, long declaredLength, Guid? orgUnitId, string? ownerType, string? ownerId, CancellationToken ct) =>
        SaveCoreAsync(db, checkScope: true, open, rawFileName, declaredLength, orgUnitId ?? current.OrgUnitId, ownerType, ownerId, uploadedBy: null, ct);

    /// <summary>
    /// Saves a file of a record the module has authorised itself, whatever the caller's data scope (a citizen's application
    /// has no account): the same checks of name, type and size, written as system work and audited under
    /// <paramref name="work"/>. The uploader shown is <paramref name="uploadedBy"/>.
    /// </summary>
    public async Task<(AttachmentDto? Saved, UploadRefusal? Refusal)> SaveOfOwnerAsync(
        Func<Stream> open, string rawFileName, long declaredLength, Guid orgUnitId, string ownerType, string ownerId, string work, string uploadedBy, CancellationToken ct)
    {
        await using var system = systemWork.Db<PlatformDb>(work);
        return await SaveCoreAsync(system, checkScope: false, open, rawFileName, declaredLength, orgUnitId, ownerType, ownerId, uploadedBy, ct);
    }

    /// <summary>Removes the files of one record as system work (undoing a save whose record was not written); the bytes stay, content-addressed.</summary>
    public async Task RemoveOfOwnerAsync(string ownerType, string ownerId, string work, CancellationToken ct)
    {
        await using var system = systemWork.Db<PlatformDb>(work);
        var rows = await system.Set<Attachment>().IgnoreQueryFilters().Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId).ToListAsync(ct);
        system.Set<Attachment>().RemoveRange(rows);
        await system.SaveChangesAsync(ct);
    }

    /// <summary>Gives an owner record's files to another unit as system work (audited as entity changes of the rows).</summary>
    public async Task MoveOfOwnerAsync(string ownerType, string ownerId, Guid orgUnitId, string work, CancellationToken ct)
    {
        await using var system = systemWork.Db<PlatformDb>(work);
        var rows = await system.Set<Attachment>().IgnoreQueryFilters()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId && a.OrgUnitId != orgUnitId).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.OrgUnitId = orgUnitId;
        }
        await system.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Whether a file would be accepted, without storing it: its name, its type sniffed from the bytes against the allow-list,
    /// and its size against <paramref name="maxBytes"/> (never above the platform's limit). Null when acceptable.
    /// </summary>
    public async Task<UploadRefusal?> CheckAsync(Func<Stream> open, string rawFileName, long declaredLength, long maxBytes, CancellationToken ct)
    {
        var limit = Math.Min(maxBytes, storage.MaxBytes);
        if (Precheck(rawFileName, declaredLength, limit, out var extension) is { } early)
        {
            return early.Refusal;
        }
        var temp = TempPath();
        try
        {
            var (_, size) = await CopyHashingAsync(open, temp, ct);
            return Inspect(temp, size, limit, (rawFileName ?? "").Trim(), extension).Refusal;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private (FileKind? Kind, UploadRefusal? Refusal)? Precheck(string? rawFileName, long declaredLength, long limit, out string extension)
    {
        extension = "";
        if (declaredLength > limit)
        {
            return (null, TooLarge(limit));
        }
        if (FileNameProblem(rawFileName) is { } nameProblem)
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "file", nameProblem));
        }
        extension = Path.GetExtension(rawFileName!.Trim()).ToLowerInvariant();
        if (FileTypes.ForExtension(extension) is null)
        {
            return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "file",
                $"不允许上传该类型的文件（{(extension.Length == 0 ? "无扩展名" : extension)}）。允许的类型：{FileTypes.AllowedExtensions}。"));
        }
        return null;
    }

    private (FileKind? Kind, UploadRefusal? Refusal) Inspect(string temp, long size, long limit, string fileName, string extension)
    {
        if (size > limit)
        {
            return (null, TooLarge(limit));
        }
        if (size == 0)
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "file", EmptyFileMessage(fileName)));
        }
        var (kind, found) = FileTypes.Detect(temp);
        if (kind != FileTypes.ForExtension(extension))
        {
            return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "file",
                $"文件内容与扩展名不符：扩展名为 {extension}，实际内容为{found}。"));
        }
        return (kind, null);
    }

    private string TempPath()
    {
        var temp = Path.Combine(storage.Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        return temp;
    }

    private async Task<(AttachmentDto? Saved, UploadRefusal? Refusal)> SaveCoreAsync(PlatformDb target, bool checkScope,
        Func<Stream> open, string rawFileName, long declaredLength, Guid? orgUnitId, string? ownerType, string? ownerId, string? uploadedBy, CancellationToken ct)
    {
        if (Precheck(rawFileName, declaredLength, storage.MaxBytes, out var extension) is { } early)
        {
            return (null, early.Refusal);
        }
        var fileName = rawFileName.Trim();
        if (string.IsNullOrWhiteSpace(ownerType) || string.IsNullOrWhiteSpace(ownerId) || ownerType.Length > 64 || ownerId.Length > 64)
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, "owner", "请填写附件所属记录（ownerType、ownerId，各不超过 64 个字符）。"));
        }
        if (orgUnitId is not { } orgId || (checkScope && !current.Scope.Allows(orgId)) || !await target.Set<OrgUnit>().AnyAsync(o => o.Id == orgId, ct))
        {
            return (null, new UploadRefusal(StatusCodes.Status404NotFound, "orgUnitId", "所属单位不存在或不在您的数据范围内。"));
        }

        var temp = TempPath();
        try
        {
            var (hash, size) = await CopyHashingAsync(open, temp, ct);
            var (kind, refusal) = Inspect(temp, size, storage.MaxBytes, fileName, extension);
            if (refusal is not null)
            {
                return (null, refusal);
            }
            var key = AttachmentStorage.KeyOf(hash);
            var path = storage.PathOf(key);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    File.Move(temp, path);
                }
                catch (IOException) when (File.Exists(path))
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
                ContentType = kind!.ContentType,
                Size = size,
                Sm3 = hash,
                StorageKey = key,
                UploadedById = uploadedBy is null ? current.UserId : null,
                UploadedBy = uploadedBy ?? current.UserName ?? "system",
                UploadedAt = DateTimeOffset.UtcNow,
            };
            target.Set<Attachment>().Add(a);
            await target.SaveChangesAsync(ct);
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

    /// <summary>An owner record's files whatever the caller's data scope, for a module that has authorised the reader through that record.</summary>
    public async Task<IReadOnlyList<AttachmentDto>> ListOfOwnerAsync(string ownerType, string ownerId, CancellationToken ct) =>
        await db.Set<Attachment>().IgnoreQueryFilters().AsNoTracking()
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

    private static UploadRefusal TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "file", $"文件超过大小上限（{MaxSizeText(limit)}），未保存。");

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
