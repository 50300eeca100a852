namespace Fazhi.Platform.Features.Attachments;

/// <summary>The outcome of saving a file: the stored attachment, or why it was refused (a message for the user).</summary>
public sealed record AttachmentSaveResult(AttachmentDto? Saved, string? Refusal, int Status)
{
    public bool Ok => Saved is not null;
}

/// <summary>
/// Attachments for modules, in process: the same checks as the upload API (allow-listed types sniffed from the bytes,
/// size limit, names that are not paths, scope of the owning org unit), content-addressed by SM3 and audited.
/// Downloads go through <see cref="ContentUrl"/>, which checks the caller's scope again.
/// </summary>
public interface IAttachmentStore
{
    Task<AttachmentSaveResult> SaveAsync(Stream content, string fileName, Guid orgUnitId, string ownerType, string ownerId, CancellationToken ct);

    Task<IReadOnlyList<AttachmentDto>> ListAsync(string ownerType, string ownerId, CancellationToken ct);

    Task<AttachmentDto?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Opens the stored bytes (scope-checked, audited as a download); null when not found or out of scope.</summary>
    Task<Stream?> OpenReadAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Opens a file of the given owner record whatever the caller's data scope, for a module that has authorised the reader
    /// through that record itself (audited as a download); null when no such file belongs to that owner.
    /// </summary>
    Task<(AttachmentDto Meta, Stream Content)?> OpenOfOwnerAsync(Guid id, string ownerType, string ownerId, CancellationToken ct);

    /// <summary>An owner record's files whatever the caller's data scope, for a module that has authorised the reader through that record itself.</summary>
    Task<IReadOnlyList<AttachmentDto>> ListOfOwnerAsync(string ownerType, string ownerId, CancellationToken ct);

    /// <summary>
    /// Whether a file would be accepted (name, allowed type sniffed from the bytes, size up to <paramref name="maxBytes"/>,
    /// never above the platform's limit), without storing anything: null when acceptable, else why not.
    /// </summary>
    Task<string?> CheckAsync(Func<Stream> open, string fileName, long length, long maxBytes, CancellationToken ct);

    /// <summary>
    /// Saves a file of an owner record that the module has authorised itself, whatever the caller's data scope (e.g. a
    /// citizen's application, which has no account): the same checks, written and audited as system work
    /// <paramref name="work"/>, shown as uploaded by <paramref name="uploadedBy"/>.
    /// </summary>
    Task<AttachmentSaveResult> SaveOfOwnerAsync(Func<Stream> open, string fileName, long length, Guid orgUnitId, string ownerType, string ownerId,
        string work, string uploadedBy, CancellationToken ct);

    /// <summary>Removes an owner record's files as system work, to undo saves whose record was not written.</summary>
    Task RemoveOfOwnerAsync(string ownerType, string ownerId, string work, CancellationToken ct);

    /// <summary>
    /// Gives an owner record's files to another unit as system work <paramref name="work"/> (the module moved the record
    /// itself, e.g. a case passed down or up, ADR 0064): the files' data scope follows the record's.
    /// </summary>
    Task MoveOfOwnerAsync(string ownerType, string ownerId, Guid orgUnitId, string work, CancellationToken ct);
}

/// <summary>Links to the platform's authorised download endpoint.</summary>
public static class AttachmentLinks
{
    public static string ContentUrl(Guid id) => $"/api/platform/attachments/{id}/content";
}

internal sealed class AttachmentStore(AttachmentService service) : IAttachmentStore
{
    public async Task<AttachmentSaveResult> SaveAsync(Stream content, string fileName, Guid orgUnitId, string ownerType, string ownerId, CancellationToken ct)
    {
        var length = content.CanSeek ? content.Length - content.Position : 0;
        var (saved, refusal) = await service.SaveAsync(() => new NonClosingStream(content), fileName, length, orgUnitId, ownerType, ownerId, ct);
        return new AttachmentSaveResult(saved, refusal?.Message, refusal?.Status ?? 201);
    }

    public Task<IReadOnlyList<AttachmentDto>> ListAsync(string ownerType, string ownerId, CancellationToken ct) => service.ListAsync(ownerType, ownerId, ct);

    public Task<AttachmentDto?> GetAsync(Guid id, CancellationToken ct) => service.GetAsync(id, ct);

    public async Task<Stream?> OpenReadAsync(Guid id, CancellationToken ct) =>
        await service.OpenAsync(id, ct) is { } found ? File.OpenRead(found.Path) : null;

    public async Task<(AttachmentDto Meta, Stream Content)?> OpenOfOwnerAsync(Guid id, string ownerType, string ownerId, CancellationToken ct) =>
        await service.OpenOfOwnerAsync(id, ownerType, ownerId, ct) is { } found ? (found.Meta, File.OpenRead(found.Path)) : null;

    public Task<IReadOnlyList<AttachmentDto>> ListOfOwnerAsync(string ownerType, string ownerId, CancellationToken ct) => service.ListOfOwnerAsync(ownerType, ownerId, ct);

    public async Task<string?> CheckAsync(Func<Stream> open, string fileName, long length, long maxBytes, CancellationToken ct) =>
        (await service.CheckAsync(open, fileName, length, maxBytes, ct))?.Message;

    public async Task<AttachmentSaveResult> SaveOfOwnerAsync(Func<Stream> open, string fileName, long length, Guid orgUnitId, string ownerType, string ownerId,
        string work, string uploadedBy, CancellationToken ct)
    {
        var (saved, refusal) = await service.SaveOfOwnerAsync(open, fileName, length, orgUnitId, ownerType, ownerId, work, uploadedBy, ct);
        return new AttachmentSaveResult(saved, refusal?.Message, refusal?.Status ?? 201);
    }

    public Task RemoveOfOwnerAsync(string ownerType, string ownerId, string work, CancellationToken ct) =>
        service.RemoveOfOwnerAsync(ownerType, ownerId, work, ct);

    public Task MoveOfOwnerAsync(string ownerType, string ownerId, Guid orgUnitId, string work, CancellationToken ct) =>
        service.MoveOfOwnerAsync(ownerType, ownerId, orgUnitId, work, ct);

    /// <summary>The caller owns the stream it passed in; saving must not dispose it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { }
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
