using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Contracts;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Assessment;

internal sealed record FrameworkResponse(Guid Id, string Code, string Name, bool IsSample, IReadOnlyList<VersionResponse> Versions);

internal sealed record VersionResponse(Guid Id, int Number, string Label, string Note, Guid? BasedOnId, bool IsSample, DateTime CreatedAtUtc);

internal sealed record IndicatorResponse(Guid Id, Guid? ParentId, int Level, int Seq, string Code, string Title, string Description, string ScoringCriteria,
    ScoringMethod Method, decimal MaxScore, decimal Weight, string EvidenceRequirements, string SourceReference, string? ProviderKey,
    string LeadUnits, string CoUnits, string Due, bool IsLocalRefinement, Guid? PredecessorId);

internal sealed record ImportResponse(Guid VersionId, int Number, int Indicators, VersionDiff Diff);

internal sealed record CopyRequest(string? Label);

internal sealed record RefineRequest(IReadOnlyList<RefinementInput> Items);

internal sealed record CampaignResponse(Guid Id, string Name, Guid FrameworkVersionId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly StartsOn, DateOnly Deadline,
    bool BottomUpApproval, CampaignStatus Status, string StatusReason, IReadOnlyList<string> UnitCodes);

internal sealed record StatusRequest(CampaignStatus Status, string? Reason);

internal sealed record AssignmentResponse(int Tasks, int CoUnits);

internal sealed record ReasonRequest(string? Reason);

internal sealed record StatementRequest(string? Statement);

internal sealed record AnswerRequest(string? Answer, decimal? NewScore);

internal sealed record TaskDetailResponse(Guid Id, Guid CampaignId, string IndicatorCode, string IndicatorTitle, ScoringMethod Method, decimal MaxScore,
    string EvidenceRequirements, string LeadUnit, bool IsLead, SubmissionStatus Status, string? AwaitingUnit, DateOnly DueDate, int ReturnCount, string ReturnReason,
    string Statement, decimal? SubmittedValue, string? LockedReason, string? EditRefusal, decimal? Score, string ScoreNote, long Version,
    IReadOnlyList<EvidenceRow> Evidence, IReadOnlyList<ContributionRow> Contributions, IReadOnlyList<EventRow> Events,
    IReadOnlyList<DeductionInput> Deductions, AppealRow? Appeal, ComputedIndicatorValue? LiveValue);

internal sealed record ScoreResponse(decimal Score);

internal sealed record BoardResponse(IReadOnlyList<BoardRow> ByIndicator, IReadOnlyList<BoardRow> ByUnit);

internal sealed record ProviderResponse(string Key, string Title, string Description);

internal static class AssessmentApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/providers", (ComputedIndicators c) => TypedResults.Ok(c.Providers.Select(p => new ProviderResponse(p.Key, p.Title, p.Description)).ToList()))
            .RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/providers/{key}/value", ComputeAsync).RequirePermission(AssessmentPermissions.Read);

        api.MapGet("/frameworks", FrameworksAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/frameworks/import", ImportFrameworkAsync).RequirePermission(AssessmentPermissions.Define).DisableAntiforgery();
        api.MapGet("/versions/{id:guid}/indicators", IndicatorsAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/versions/{id:guid}/export", ExportAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/versions/{id:guid}/diff/{otherId:guid}", DiffAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/versions/{id:guid}/copy", CopyAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/indicators/{id:guid}/refine", RefineAsync).RequirePermission(AssessmentPermissions.Define);

        api.MapGet("/campaigns", CampaignsAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/campaigns", CreateCampaignAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/status", StatusAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/assign-from-framework", AssignFromFrameworkAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/assignments/import", ImportAssignmentsAsync).RequirePermission(AssessmentPermissions.Define).DisableAntiforgery();
        api.MapGet("/campaigns/{id:guid}/board", BoardAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/campaigns/{id:guid}/ranking", async (Guid id, CampaignQueries q, CancellationToken ct) => TypedResults.Ok(await q.RankingAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/campaigns/{id:guid}/supervise", async (Guid id, SupervisionService s, CancellationToken ct) => TypedResults.Ok(await s.RunAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Review);

        api.MapGet("/tasks", async (Guid? campaignId, Guid? orgUnitId, ICurrentUser user, CampaignQueries q, CancellationToken ct) =>
                TypedResults.Ok(AssessmentAccess.MayRead(user) ? await q.TaskListAsync(campaignId, orgUnitId, ct) : []))
            .RequireAuthorization();
        api.MapGet("/tasks/{id:guid}", TaskAsync).RequireAuthorization();
        api.MapPut("/tasks/{id:guid}/draft", (Guid id, DraftInput input, SubmissionService s, CancellationToken ct) => RunAsync(s.SaveDraftAsync(id, input, ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPut("/tasks/{id:guid}/contribution", (Guid id, StatementRequest input, SubmissionService s, CancellationToken ct) => RunAsync(s.SaveContributionAsync(id, input.Statement ?? "", ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPost("/tasks/{id:guid}/evidence", AddEvidenceAsync).RequirePermission(AssessmentPermissions.Submit).DisableAntiforgery();
        api.MapPost("/tasks/{id:guid}/submit", (Guid id, SubmissionService s, CancellationToken ct) => RunAsync(s.SubmitAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPost("/tasks/{id:guid}/return", (Guid id, ReasonRequest r, SubmissionService s, CancellationToken ct) => RunAsync(s.ReturnAsync(id, r.Reason, ct)))
            .RequireAuthorization();
        api.MapPost("/tasks/{id:guid}/approve-up", (Guid id, SubmissionService s, CancellationToken ct) => RunAsync(s.ApproveUpAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Approve);
        api.MapPost("/tasks/{id:guid}/accept", (Guid id, SubmissionService s, CancellationToken ct) => RunAsync(s.AcceptAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Review);
        api.MapPost("/tasks/{id:guid}/approve", (Guid id, SubmissionService s, CancellationToken ct) => RunAsync(s.ApproveAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Review);
        api.MapPost("/tasks/{id:guid}/unlock", (Guid id, ReasonRequest r, SubmissionService s, CancellationToken ct) => RunAsync(s.UnlockAsync(id, r.Reason, ct)))
            .RequirePermission(AssessmentPermissions.Review);
        api.MapPost("/tasks/{id:guid}/score", ScoreAsync).RequirePermission(AssessmentPermissions.Review);
        api.MapPost("/tasks/{id:guid}/appeal", (Guid id, ReasonRequest r, SubmissionService s, CancellationToken ct) => RunAsync(s.AppealAsync(id, r.Reason, ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPost("/tasks/{id:guid}/appeal/answer", (Guid id, AnswerRequest r, SubmissionService s, CancellationToken ct) => RunAsync(s.AnswerAppealAsync(id, r.Answer, r.NewScore, ct)))
            .RequirePermission(AssessmentPermissions.Review);
    }

    internal static ProblemHttpResult Problem(Refusal r) => TypedResults.Problem(
        title: r.Status switch { 404 => "未找到", 403 => "无权操作", 409 => "不能修改", _ => "请求无效" }, detail: r.Detail, statusCode: r.Status);

    private static async Task<Results<NoContent, ProblemHttpResult>> RunAsync(Task<Refusal?> action) =>
        await action is { } refusal ? Problem(refusal) : TypedResults.NoContent();

    private static async Task<Results<Ok<ComputedIndicatorValue>, ProblemHttpResult>> ComputeAsync(string key, Guid orgUnitId, DateOnly from, DateOnly to, ComputedIndicators c, CancellationToken ct) =>
        await c.ComputeAsync(key, from, to, orgUnitId, ct) is { } v ? TypedResults.Ok(v) : Problem(Refusal.NotFound($"计算指标“{key}”"));

    private static async Task<Ok<List<FrameworkResponse>>> FrameworksAsync(FrameworkService s, CancellationToken ct)
    {
        var versions = (await s.VersionsAsync(null, ct)).ToLookup(v => v.FrameworkId);
        return TypedResults.Ok((await s.FrameworksAsync(ct)).Select(f => new FrameworkResponse(f.Id, f.Code, f.Name, f.IsSample,
            versions[f.Id].Select(v => new VersionResponse(v.Id, v.Number, v.Label, v.Note, v.BasedOnId, v.IsSample, v.CreatedAtUtc)).ToList())).ToList());
    }

    internal static Dictionary<string, string[]> RowErrors(IReadOnlyList<ImportError> errors) =>
        errors.GroupBy(e => $"rows[{e.Row}]").ToDictionary(g => g.Key, g => g.Select(e => e.Row > 0 ? $"第 {e.Row} 行：{e.Message}" : e.Message).ToArray());

    /// <summary>Multipart: file, code, name, label, note. A new version of the framework; any row error and nothing is imported.</summary>
    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportFrameworkAsync(HttpContext http, IAntiforgery antiforgery, FrameworkService s, CancellationToken ct)
    {
        var (upload, invalid, refused) = await ImportUploads.ReadAsync(http, antiforgery, ct);
        if (upload is null)
        {
            return refused is not null ? refused : invalid!;
        }
        var (form, file) = upload;
        var code = form["code"].ToString().Trim();
        if (code.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["请填写指标体系编码。"] }, detail: "指标体系编码不能为空。");
        }
        await using var stream = file.OpenReadStream();
        var result = await s.ImportAsync(stream, code, form["name"].ToString().Trim(), form["label"].ToString().Trim(), form["note"].ToString().Trim(), ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(RowErrors(result.Errors), detail: $"导入未执行：{result.Errors.Select(e => e.Row).Distinct().Count()} 行有错误，请修改后重新导入。");
        }
        return TypedResults.Ok(new ImportResponse(result.Version!.Id, result.Version.Number, result.Indicators, result.Diff!));
    }

    private static async Task<Results<Ok<List<IndicatorResponse>>, ProblemHttpResult>> IndicatorsAsync(Guid id, FrameworkService s, CancellationToken ct)
    {
        if (await s.VersionAsync(id, ct) is null)
        {
            return Problem(Refusal.NotFound("指标体系版本"));
        }
        return TypedResults.Ok((await s.TreeAsync(id, ct)).Select(ToResponse).ToList());
    }

    internal static IndicatorResponse ToResponse(Indicator i) => new(i.Id, i.ParentId, i.Level, i.Seq, i.Code, i.Title, i.Description, i.ScoringCriteria, i.Method,
        i.MaxScore, i.Weight, i.EvidenceRequirements, i.SourceReference, i.ProviderKey, i.LeadUnitText, i.CoUnitsText, i.DueText, i.IsLocalRefinement, i.PredecessorId);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(Guid id, FrameworkService s, CancellationToken ct) =>
        await s.ExportAsync(id, ct) is { } bytes ? TypedResults.File(bytes, XlsxWriter.ContentType, "指标体系.xlsx") : Problem(Refusal.NotFound("指标体系版本"));

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> DiffAsync(Guid id, Guid otherId, FrameworkService s, CancellationToken ct) =>
        await s.DiffAsync(id, otherId, ct) is { } diff ? TypedResults.Ok(diff) : Problem(Refusal.NotFound("指标体系版本"));

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> CopyAsync(Guid id, CopyRequest? r, FrameworkService s, CancellationToken ct) =>
        await s.CopyAsync(id, r?.Label?.Trim() ?? "", ct) is { } v
            ? TypedResults.Ok(new VersionResponse(v.Id, v.Number, v.Label, v.Note, v.BasedOnId, v.IsSample, v.CreatedAtUtc))
            : Problem(Refusal.NotFound("指标体系版本"));

    private static async Task<Results<Ok<List<IndicatorResponse>>, ValidationProblem, ProblemHttpResult>> RefineAsync(Guid id, RefineRequest r, FrameworkService s, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        for (var k = 0; k < r.Items.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(r.Items[k].Title))
            {
                errors[$"items[{k}].title"] = ["请填写细化指标名称。"];
            }
            if (r.Items[k].MaxScore < 0)
            {
                errors[$"items[{k}].maxScore"] = ["分值不能为负数。"];
            }
        }
        if (r.Items.Count == 0)
        {
            errors["items"] = ["请至少填写一个细化指标。"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "细化指标不完整。");
        }
        var (created, refusal) = await s.RefineAsync(id, r.Items, ct);
        if (refusal is not null)
        {
            return Problem(new Refusal(409, refusal));
        }
        return created.Count == 0 ? Problem(Refusal.NotFound("指标")) : TypedResults.Ok(created.Select(ToResponse).ToList());
    }

    private static async Task<Ok<List<CampaignResponse>>> CampaignsAsync(CampaignService s, CancellationToken ct)
    {
        var list = new List<CampaignResponse>();
        foreach (var c in await s.CampaignsAsync(ct))
        {
            list.Add(ToResponse(c, await s.UnitsAsync(c.Id, ct)));
        }
        return TypedResults.Ok(list);
    }

    private static CampaignResponse ToResponse(Campaign c, IReadOnlyList<CampaignUnit> units) => new(c.Id, c.Name, c.FrameworkVersionId, c.PeriodStart, c.PeriodEnd,
        c.StartsOn, c.Deadline, c.BottomUpApproval, c.Status, c.StatusReason, units.Select(u => u.Code).ToList());

    private static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateCampaignAsync(CampaignInput input, CampaignService s, CancellationToken ct)
    {
        var (campaign, errors) = await s.CreateAsync(input with { UnitCodes = input.UnitCodes ?? [] }, ct);
        if (campaign is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "考评活动信息不完整或有误。");
        }
        return TypedResults.Created($"/api/assessment/campaigns/{campaign.Id}", ToResponse(campaign, await s.UnitsAsync(campaign.Id, ct)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> StatusAsync(Guid id, StatusRequest r, CampaignService s, CancellationToken ct)
    {
        if (r.Status != CampaignStatus.Active && string.IsNullOrWhiteSpace(r.Reason))
        {
            return Problem(new Refusal(400, "关闭或归档考评活动须说明理由。"));
        }
        return await s.SetStatusAsync(id, r.Status, r.Reason ?? "", ct) is { } refusal ? Problem(refusal) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem>> AssignFromFrameworkAsync(Guid id, CampaignService s, CancellationToken ct)
    {
        var result = await s.AssignFromFrameworkAsync(id, ct);
        return result.Succeeded
            ? TypedResults.Ok(new AssignmentResponse(result.Tasks, result.CoUnits))
            : TypedResults.ValidationProblem(RowErrors(result.Errors), detail: "分配未执行：部分指标的牵头单位、配合单位或完成时限有误。");
    }

    /// <summary>Multipart, field file: the office workbook with 牵头单位/配合单位/完成时限 filled in. All or nothing.</summary>
    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> ImportAssignmentsAsync(Guid id, HttpContext http, IAntiforgery antiforgery, CampaignService s, CancellationToken ct)
    {
        var (upload, invalid, refused) = await ImportUploads.ReadAsync(http, antiforgery, ct);
        if (upload is null)
        {
            return refused is not null ? refused : invalid!;
        }
        await using var stream = upload.File.OpenReadStream();
        var result = await s.ImportAssignmentsAsync(id, stream, ct);
        return result.Succeeded
            ? TypedResults.Ok(new AssignmentResponse(result.Tasks, result.CoUnits))
            : TypedResults.ValidationProblem(RowErrors(result.Errors), detail: $"导入未执行：{result.Errors.Select(e => e.Row).Distinct().Count()} 行有错误，请修改后重新导入。");
    }

    private static async Task<Results<Ok<BoardResponse>, ProblemHttpResult>> BoardAsync(Guid id, CampaignService s, CampaignQueries q, CancellationToken ct)
    {
        if (await s.CampaignAsync(id, ct) is null)
        {
            return Problem(Refusal.NotFound("考评活动"));
        }
        var (byIndicator, byUnit) = await q.BoardAsync(id, ct);
        return TypedResults.Ok(new BoardResponse(byIndicator, byUnit));
    }

    private static async Task<Results<Ok<TaskDetailResponse>, ProblemHttpResult>> TaskAsync(Guid id, ICurrentUser user, CampaignQueries q, SubmissionService s, CancellationToken ct)
    {
        if (!AssessmentAccess.MayRead(user) || await q.DetailAsync(id, s, ct) is not { } d)
        {
            return Problem(Refusal.NotFound("考评任务"));
        }
        var t = d.Task;
        return TypedResults.Ok(new TaskDetailResponse(t.Id, t.CampaignId, d.Indicator.Code, d.Indicator.Title, d.Indicator.Method, d.Indicator.MaxScore,
            d.Indicator.EvidenceRequirements, d.LeadUnit, d.IsLead, t.Status, d.AwaitingUnit, t.DueDate, t.ReturnCount, t.ReturnReason, t.Statement, t.SubmittedValue,
            t.LockedReason, d.EditRefusal, t.Score, t.ScoreNote, t.Version, d.Evidence, d.Contributions, d.Events,
            d.Deductions.Select(x => new DeductionInput(x.Points, x.Reason)).ToList(), d.Appeal, d.Live));
    }

    /// <summary>JSON (kind, title, recordType, recordId, value, unit) or multipart with a file (kind File).</summary>
    private static async Task<Results<Created<EvidenceRow>, ProblemHttpResult>> AddEvidenceAsync(Guid id, HttpContext http, SubmissionService s, CancellationToken ct)
    {
        EvidenceInput? input;
        IFormFile? file = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            file = form.Files.GetFile("file");
            input = new EvidenceInput(file is not null ? EvidenceKind.File : Enum.TryParse<EvidenceKind>(form["kind"], out var k) ? k : EvidenceKind.Record,
                form["title"].ToString(), form["recordType"], form["recordId"], decimal.TryParse(form["value"], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null, form["unit"]);
        }
        else
        {
            input = await http.Request.ReadFromJsonAsync<EvidenceInput>(ct);
        }
        if (input is null)
        {
            return Problem(new Refusal(400, "请提交佐证材料。"));
        }
        await using var stream = file?.OpenReadStream();
        var (evidence, refusal) = await s.AddEvidenceAsync(id, input, stream, file?.FileName, ct);
        if (refusal is not null)
        {
            return Problem(refusal);
        }
        var e = evidence!;
        return TypedResults.Created($"/api/assessment/tasks/{id}", new EvidenceRow(e.Id, e.Kind, e.Title, "", e.RecordType, e.RecordId, e.AttachmentId, e.Value, e.Unit,
            e.AttachmentId is { } a ? Fazhi.Platform.Features.Attachments.AttachmentLinks.ContentUrl(a) : null));
    }

    private static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult>> ScoreAsync(Guid id, ScoreInput input, SubmissionService s, CampaignQueries q, CancellationToken ct)
    {
        decimal? live = null;
        if (await q.DetailAsync(id, s, ct) is { Live: { } value })
        {
            live = value.Value;
        }
        var (score, refusal) = await s.ScoreAsync(id, input, live, ct);
        return refusal is not null ? Problem(refusal) : TypedResults.Ok(new ScoreResponse(score!.Value));
    }
}
