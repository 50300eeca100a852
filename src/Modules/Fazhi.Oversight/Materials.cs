using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Http;

namespace Fazhi.Oversight;

/// <summary>A material of a record, for its page: the kind's name, the file and the record's own download address.</summary>
internal sealed record MaterialView(Guid Id, string Kind, string FileName, long Size, string Url);

/// <summary>
/// The materials of one kind of record (a lawsuit's complaint, evidence, answer and judgment; a suggestion's letter, reply
/// and rectification evidence), kept in the platform's attachment store: each kind is an owner type of its own
/// (<c>{owner}.{kind}</c>) so a list reads per kind; the store checks the file and the scope, and audits.
/// </summary>
/// <param name="Owner">The record's owner type prefix, e.g. <c>oversight.lawsuit</c>.</param>
/// <param name="Kinds">The kinds of material and their Chinese names.</param>
/// <param name="ApiBase">The record collection's API address, e.g. <c>/api/oversight/lawsuits</c>.</param>
/// <param name="PageBase">The record collection's page address, e.g. <c>/oversight/lawsuits</c>.</param>
internal sealed record MaterialSet(string Owner, IReadOnlyList<(string Key, string Name)> Kinds, string ApiBase, string PageBase)
{
    public async Task<List<MaterialView>> ListAsync(IAttachmentStore store, Guid id, CancellationToken ct)
    {
        var materials = new List<MaterialView>();
        foreach (var (key, name) in Kinds)
        {
            foreach (var a in await store.ListAsync($"{Owner}.{key}", id.ToString(), ct))
            {
                materials.Add(new MaterialView(a.Id, name, a.FileName, a.Size, $"{ApiBase}/{id}/attachments/{a.Id}"));
            }
        }
        return materials;
    }

    /// <summary>Adds a material of one kind to a record of <paramref name="orgUnitId"/>; refused (with the store's reason) for a disallowed or empty file.</summary>
    public async Task AddAsync(IAttachmentStore store, Guid id, Guid orgUnitId, string kind, Stream content, string fileName, CancellationToken ct)
    {
        if (!Kinds.Any(k => k.Key == kind))
        {
            throw Refuse.Field("kind", $"材料类型只能是：{string.Join("、", Kinds.Select(k => $"{k.Key}（{k.Name}）"))}。");
        }
        var saved = await store.SaveAsync(content, fileName, orgUnitId, $"{Owner}.{kind}", id.ToString(), ct);
        if (!saved.Ok)
        {
            throw Refuse.Field("file", saved.Refusal ?? "文件未保存。");
        }
    }

    /// <summary>A material of this record (the caller has read the record; the store checks the scope again); null when it is not the record's.</summary>
    public async Task<(AttachmentDto Meta, Stream Content)?> OpenAsync(IAttachmentStore store, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var meta = await store.GetAsync(attachmentId, ct);
        if (meta is null || !meta.OwnerType.StartsWith(Owner + ".", StringComparison.Ordinal) || meta.OwnerId != id.ToString())
        {
            return null;
        }
        return await store.OpenReadAsync(attachmentId, ct) is { } stream ? (meta, stream) : null;
    }

    /// <summary>
    /// The upload endpoint (multipart fields <c>file</c> and <c>kind</c>). Bearer clients need no antiforgery token and get the
    /// record back; a browser form (cookie) carries one and is sent back to the record's page with the outcome.
    /// </summary>
    public Task<IResult> UploadAsync(HttpContext http, Guid id, Func<string, Stream, string, Task> add, Func<Task<object>> view, CancellationToken ct) =>
        FormUploads.HandleAsync(http, $"{PageBase}/{id}", "material", (form, stream, name) => add(form["kind"].ToString(), stream, name), async () => await view(), ct);
}
