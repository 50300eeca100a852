using Fazhi.Enforcement.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.CaseFiles;

/// <summary>The read-only case file with its full-process record.</summary>
internal sealed record CaseFileResponse(CaseResponse Case, IReadOnlyList<string> Officers, IReadOnlyList<StepResponse> Steps);

/// <summary>/api/enforcement/case-files: the read-only case file and its evidence for everyone who acts on the case (ADR 0040).</summary>
internal static class CaseFilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var files = api.MapGroup("/case-files").RequireAuthorization(CaseFileAccess.Policy);
        files.MapGet("/{id:guid}", GetAsync)
            .WithDescription("案卷（只读）：案件、执法人员和全过程记录；办案人员、执法监督人员、已提请法制审核案件的审核人员、已抽取评查案卷的评查人员可查阅。");
        files.MapGet("/{id:guid}/evidence/{attachmentId:guid}", EvidenceAsync)
            .WithDescription("全过程记录中的一份证据文件（下载记入审计）。");
    }

    private static async Task<Results<Ok<CaseFileResponse>, NotFound<ProblemDetails>>> GetAsync(Guid id, CaseFileAccess access, CancellationToken ct)
    {
        if (await access.FileAsync(id, ct) is not { } file)
        {
            return NotFound("案件不存在或不在您的数据范围内。");
        }
        var officers = file.Officers.Select(o => $"{o.Name}（{o.CertificateNumber}）").ToList();
        var steps = file.Steps
            .Select(x => new StepResponse(x.Seq, x.Kind, DateTime.SpecifyKind(x.RecordedAtUtc, DateTimeKind.Utc), x.OnDate, x.Actor, x.Summary, x.EvidenceJson, x.PrevHash, x.Hash)).ToList();
        return TypedResults.Ok(new CaseFileResponse(CasesApi.ToResponse(file.Case), officers, steps));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound<ProblemDetails>>> EvidenceAsync(Guid id, Guid attachmentId, CaseFileAccess access, HttpContext http, CancellationToken ct)
    {
        if (await access.EvidenceAsync(id, attachmentId, ct) is not var (meta, content))
        {
            return NotFound("证据文件不存在，或不在本案全过程记录中，或不在您的数据范围内。");
        }
        // Never let a browser second-guess the type the store detected.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, meta.ContentType, meta.FileName);
    }

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = detail, Status = StatusCodes.Status404NotFound });
}
