using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Kit;

namespace Fazhi.Disputes.Intake;

/// <summary>A file a citizen attaches to an application on <c>/apply</c> (read as often as it is checked and saved).</summary>
internal sealed record ApplicantFile(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// The applicant's materials (ADR 0056): files sent with an online application. They are checked with the platform's upload
/// rules (allowed types sniffed from the bytes, names that are not paths) and the form's own limits before anything is saved,
/// and stored as the case's files under their own owner type, so that staff tell them from the handling materials and the
/// applicant's tracking page lists only these.
/// </summary>
internal static class ApplicantFiles
{
    /// <summary>The owner type of the applicant's materials (the owner id is the case's id).</summary>
    public const string Owner = "disputes.application";

    /// <summary>How the uploader is shown on the case page and in the audit trail.</summary>
    public const string UploadedBy = "申请人（网上申请）";

    /// <summary>The system work that stores them (the applicant has no account).</summary>
    public const string Work = "公开申请材料";

    /// <summary>At most this many files on one application.</summary>
    public const int MaxCount = 5;

    /// <summary>Each file at most 10 MB: a phone photo or a scanned contract, not a video.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The field the refusals name (the form's file input).</summary>
    public const string Field = "files";

    /// <summary>Checks every file, nothing stored; each refusal names the file and the rule.</summary>
    public static async Task CheckAsync(IReadOnlyList<ApplicantFile> files, IAttachmentStore store, FieldChecks checks, CancellationToken ct)
    {
        if (files.Count > MaxCount)
        {
            checks.Add(Field, $"最多上传 {MaxCount} 个文件，您选择了 {files.Count} 个。");
            return;
        }
        foreach (var f in files)
        {
            if (await store.CheckAsync(f.Open, f.FileName, f.Length, MaxBytes, ct) is { } problem)
            {
                checks.Add(Field, $"{Display(f.FileName)}：{problem}");
            }
        }
    }

    /// <summary>
    /// Stores the checked files of a case about to be written. On any failure the files already stored for it are removed and
    /// the error passes on, so that no file outlives an application that was not saved.
    /// </summary>
    public static async Task SaveAsync(IReadOnlyList<ApplicantFile> files, IAttachmentStore store, Guid caseId, Guid orgUnitId, CancellationToken ct)
    {
        try
        {
            foreach (var f in files)
            {
                var saved = await store.SaveOfOwnerAsync(f.Open, f.FileName, f.Length, orgUnitId, Owner, caseId.ToString(), Work, UploadedBy, ct);
                if (saved.Refusal is { } refusal)
                {
                    throw Refuse.Field(Field, $"{Display(f.FileName)}：{refusal}");
                }
            }
        }
        catch
        {
            await RemoveAsync(store, caseId);
            throw;
        }
    }

    /// <summary>Undoes <see cref="SaveAsync"/> (not cancellable: it runs when the request may already be aborted).</summary>
    public static Task RemoveAsync(IAttachmentStore store, Guid caseId) => store.RemoveOfOwnerAsync(Owner, caseId.ToString(), Work, CancellationToken.None);

    /// <summary>The name as the user chose it, quoted (a refused name is shown, never used as a path).</summary>
    private static string Display(string? name) => $"“{(string.IsNullOrWhiteSpace(name) ? "（无文件名）" : name.Length > 80 ? name[..80] + "…" : name)}”";
}
