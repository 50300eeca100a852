using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Contracts;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Assessment;

internal sealed record FrameworkResponse(Guid Id, string Code, string Name, bool IsSample, IReadOnlyList<VersionResponse> Versions);

internal sealed record VersionResponse(Guid Id, int Number, string Label, string Note, Guid? BasedOnId, bool IsSample, DateTime CreatedAtUtc);

internal sealed record IndicatorResponse(Guid Id, Guid? ParentId, int Level, int Seq, string Code, string Title, string Description, string ScoringCriteria,
    ScoringMethod Method, decimal MaxScore, decimal Weight, string EvidenceRequirements, string SourceReference, string? ProviderKey,
    string LeadUnits, string CoUnits, string Due, bool IsLocalRefinement, Guid? PredecessorId);

internal sealed record ImportResponse(Guid VersionId, int Number, int Indicators, VersionDiff Diff);

internal sealed record CopyRequest(string? Label);

internal sealed record RefineRequest(IReadOnlyList<RefinementInput?>? Items);

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
        api.MapPost("/frameworks/import", ImportFrameworkAsync).RequirePermission(AssessmentPermissions.Define).RequireAntiforgeryForCookies();
        api.MapGet("/versions/{id:guid}/indicators", IndicatorsAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/versions/{id:guid}/export", ExportAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/versions/{id:guid}/diff/{otherId:guid}", DiffAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/versions/{id:guid}/copy", CopyAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/indicators/{id:guid}/refine", RefineAsync).RequirePermission(AssessmentPermissions.Define);

        api.MapGet("/campaigns", CampaignsAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/campaigns", CreateCampaignAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/status", StatusAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/assign-from-framework", AssignFromFrameworkAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/campaigns/{id:guid}/assignments/import", ImportAssignmentsAsync).RequirePermission(AssessmentPermissions.Define).RequireAntiforgeryForCookies();
        api.MapGet("/campaigns/{id:guid}/board", BoardAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/campaigns/{id:guid}/ranking", async (Guid id, CampaignQueries q, CancellationToken ct) => TypedResults.Ok(await q.RankingAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/campaigns/{id:guid}/supervise", async (Guid id, SupervisionService s, CancellationToken ct) => TypedResults.Ok(await s.RunAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Review);

        api.MapGet("/tasks", async (Guid? campaignId, Guid? orgUnitId, ICurrentUser user, CampaignQueries q, CancellationToken ct) =>
                TypedResults.Ok(AssessmentAccess.MayRead(user) ? await q.TaskListAsync(campaignId, orgUnitId, ct) : []))
            .RequireAuthorization();
        api.MapGet("/tasks/export", async ([AsParameters] TaskListQuery list, ICurrentUser user, CampaignQueries q, CancellationToken ct) =>
                ListOutput.Xlsx(await TaskTableAsync(list, user, q, ct)))
            .RequireAuthorization();
        api.MapGet("/tasks/print", async ([AsParameters] TaskListQuery list, ICurrentUser user, CampaignQueries q, TimeProvider clock, CancellationToken ct) =>
                ListOutput.Print(await TaskTableAsync(list, user, q, ct), clock.GetUtcNow().ToOffset(ChinaTime.Offset)))
            .RequireAuthorization();
        api.MapGet("/tasks/{id:guid}", TaskAsync).RequireAuthorization();
        api.MapPut("/tasks/{id:guid}/draft", (Guid id, DraftInput input, SubmissionService s, CancellationToken ct) => RunAsync(s.SaveDraftAsync(id, input, ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPut("/tasks/{id:guid}/contribution", (Guid id, StatementRequest input, SubmissionService s, CancellationToken ct) => RunAsync(s.SaveContributionAsync(id, input.Statement, ct)))
            .RequirePermission(AssessmentPermissions.Submit);
        api.MapPost("/tasks/{id:guid}/evidence", AddEvidenceAsync).RequirePermission(AssessmentPermissions.Submit).RequireAntiforgeryForCookies();
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

    /// <summary>The task list's rows for the export and the print view: the list's reading rule (the caller's tasks, none without a module permission) and query.</summary>
    private static async Task<ListTable> TaskTableAsync(TaskListQuery list, ICurrentUser user, CampaignQueries q, CancellationToken ct)
    {
        var request = TaskList.Shape.Check(list);
        var rows = AssessmentAccess.MayRead(user) ? await q.TaskListAsync(list.Campaign, null, ct) : [];
        return TaskList.Table(rows, list.Status, request, list.Campaign is null ? null : rows.FirstOrDefault()?.Campaign);
    }

    private static async Task<NoContent> RunAsync(Task action)
    {
        await action;
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ComputedIndicatorValue>> ComputeAsync(string key, Guid orgUnitId, DateOnly from, DateOnly to, ComputedIndicators c, CancellationToken ct) =>
        TypedResults.Ok(await c.ComputeAsync(key, from, to, orgUnitId, ct) ?? throw Missing.Of($"计算指标“{key}”"));

    private static async Task<Ok<List<FrameworkResponse>>> FrameworksAsync(FrameworkService s, CancellationToken ct)
    {
        var versions = (await s.VersionsAsync(null, ct)).ToLookup(v => v.FrameworkId);
        return TypedResults.Ok((await s.FrameworksAsync(ct)).Select(f => new FrameworkResponse(f.Id, f.Code, f.Name, f.IsSample,
            versions[f.Id].Select(v => new VersionResponse(v.Id, v.Number, v.Label, v.Note, v.BasedOnId, v.IsSample, v.CreatedAtUtc)).ToList())).ToList());
    }

    internal static Dictionary<string, string[]> RowErrors(IReadOnlyList<ImportError> errors) =>
        errors.GroupBy(e => $"rows[{e.Row}]").ToDictionary(g => g.Key, g => g.Select(e => e.Row > 0 ? $"第 {e.Row} 行：{e.Message}" : e.Message).ToArray());

    /// <summary>Refuses an import whose rows have errors: nothing was imported, each row's reason under rows[n].</summary>
    internal static RefusalException RowsRefused(IReadOnlyList<ImportError> errors, string detail) => Refuse.Fields(RowErrors(errors), detail);

    private static string RowsDetail(IReadOnlyList<ImportError> errors) => $"导入未执行：{errors.Select(e => e.Row).Distinct().Count()} 行有错误，请修改后重新导入。";

    /// <summary>Multipart: file, code, name, label, note. A new version of the framework; any row error and nothing is imported.</summary>
    private static async Task<Ok<ImportResponse>> ImportFrameworkAsync(HttpContext http, FrameworkService s, CancellationToken ct)
    {
        var (form, file) = await ImportUploads.ReadAsync(http, ct);
        var checks = new FieldChecks();
        var code = TextRules.Required(checks, "code", "指标体系编码", form["code"], 64);
        var name = TextRules.Optional(checks, "name", "指标体系名称", form["name"], 200) ?? "";
        var label = TextRules.Optional(checks, "label", "版本说明", form["label"], 200) ?? "";
        var note = TextRules.Optional(checks, "note", "备注", form["note"], 4000) ?? "";
        checks.ThrowIfAny();
        await using var stream = file.OpenReadStream();
        var result = await s.ImportAsync(stream, code, name, label, note, ct);
        if (!result.Succeeded)
        {
            throw RowsRefused(result.Errors, RowsDetail(result.Errors));
        }
        return TypedResults.Ok(new ImportResponse(result.Version!.Id, result.Version.Number, result.Indicators, result.Diff!));
    }

    private static async Task<Ok<List<IndicatorResponse>>> IndicatorsAsync(Guid id, FrameworkService s, CancellationToken ct)
    {
        _ = await s.VersionAsync(id, ct) ?? throw Missing.Of("指标体系版本");
        return TypedResults.Ok((await s.TreeAsync(id, ct)).Select(ToResponse).ToList());
    }

    internal static IndicatorResponse ToResponse(Indicator i) => new(i.Id, i.ParentId, i.Level, i.Seq, i.Code, i.Title, i.Description, i.ScoringCriteria, i.Method,
        i.MaxScore, i.Weight, i.EvidenceRequirements, i.SourceReference, i.ProviderKey, i.LeadUnitText, i.CoUnitsText, i.DueText, i.IsLocalRefinement, i.PredecessorId);

    private static async Task<FileContentHttpResult> ExportAsync(Guid id, FrameworkService s, CancellationToken ct) =>
        TypedResults.File(await s.ExportAsync(id, ct) ?? throw Missing.Of("指标体系版本"), XlsxWriter.ContentType, "指标体系.xlsx");

    private static async Task<Ok<VersionDiff>> DiffAsync(Guid id, Guid otherId, FrameworkService s, CancellationToken ct) =>
        TypedResults.Ok(await s.DiffAsync(id, otherId, ct) ?? throw Missing.Of("指标体系版本"));

    private static async Task<Ok<VersionResponse>> CopyAsync(Guid id, CopyRequest? r, FrameworkService s, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var label = TextRules.Optional(checks, "label", "版本说明", r?.Label, 200) ?? "";
        checks.ThrowIfAny();
        var v = await s.CopyAsync(id, label, ct) ?? throw Missing.Of("指标体系版本");
        return TypedResults.Ok(new VersionResponse(v.Id, v.Number, v.Label, v.Note, v.BasedOnId, v.IsSample, v.CreatedAtUtc));
    }

    private static async Task<Ok<List<IndicatorResponse>>> RefineAsync(Guid id, RefineRequest r, FrameworkService s, CancellationToken ct) =>
        TypedResults.Ok((await s.RefineAsync(id, r.Items, ct)).Select(ToResponse).ToList());

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

    private static async Task<Created<CampaignResponse>> CreateCampaignAsync(CampaignInput input, CampaignService s, CancellationToken ct)
    {
        var campaign = await s.CreateAsync(input with { UnitCodes = input.UnitCodes ?? [] }, ct);
        return TypedResults.Created($"/api/assessment/campaigns/{campaign.Id}", ToResponse(campaign, await s.UnitsAsync(campaign.Id, ct)));
    }

    private static Task<NoContent> StatusAsync(Guid id, StatusRequest r, CampaignService s, CancellationToken ct) =>
        RunAsync(s.SetStatusAsync(id, r.Status, r.Reason, ct));

    private static async Task<Ok<AssignmentResponse>> AssignFromFrameworkAsync(Guid id, CampaignService s, CancellationToken ct)
    {
        var result = await s.AssignFromFrameworkAsync(id, ct);
        return result.Succeeded
            ? TypedResults.Ok(new AssignmentResponse(result.Tasks, result.CoUnits))
            : throw RowsRefused(result.Errors, "分配未执行：部分指标的牵头单位、配合单位或完成时限有误。");
    }

    /// <summary>Multipart, field file: the office workbook with 牵头单位/配合单位/完成时限 filled in. All or nothing.</summary>
    private static async Task<Ok<AssignmentResponse>> ImportAssignmentsAsync(Guid id, HttpContext http, CampaignService s, CancellationToken ct)
    {
        var upload = await ImportUploads.ReadAsync(http, ct);
        await using var stream = upload.File.OpenReadStream();
        var result = await s.ImportAssignmentsAsync(id, stream, ct);
        return result.Succeeded
            ? TypedResults.Ok(new AssignmentResponse(result.Tasks, result.CoUnits))
            : throw RowsRefused(result.Errors, RowsDetail(result.Errors));
    }

    private static async Task<Ok<BoardResponse>> BoardAsync(Guid id, CampaignService s, CampaignQueries q, CancellationToken ct)
    {
        _ = await s.CampaignAsync(id, ct) ?? throw Missing.Of("考评活动");
        var (byIndicator, byUnit) = await q.BoardAsync(id, ct);
        return TypedResults.Ok(new BoardResponse(byIndicator, byUnit));
    }

    private static async Task<Ok<TaskDetailResponse>> TaskAsync(Guid id, ICurrentUser user, CampaignQueries q, SubmissionService s, CancellationToken ct)
    {
        if (!AssessmentAccess.MayRead(user) || await q.DetailAsync(id, s, ct) is not { } d)
        {
            throw Missing.Of("考评任务");
        }
        var t = d.Task;
        return TypedResults.Ok(new TaskDetailResponse(t.Id, t.CampaignId, d.Indicator.Code, d.Indicator.Title, d.Indicator.Method, d.Indicator.MaxScore,
            d.Indicator.EvidenceRequirements, d.LeadUnit, d.IsLead, t.Status, d.AwaitingUnit, t.DueDate, t.ReturnCount, t.ReturnReason, t.Statement, t.SubmittedValue,
            t.LockedReason, d.EditRefusal, t.Score, t.ScoreNote, t.Version, d.Evidence, d.Contributions, d.Events,
            d.Deductions.Select(x => new DeductionInput(x.Points, x.Reason)).ToList(), d.Appeal, d.Live));
    }

    /// <summary>
    /// JSON (kind, title, recordType, recordId, value, unit) or multipart with a file (kind File). JSON takes the kind by
    /// name only (the platform's JSON options); the form likewise, and a value that is not a number is refused naming it.
    /// </summary>
    private static async Task<Created<EvidenceRow>> AddEvidenceAsync(Guid id, HttpContext http, SubmissionService s, CancellationToken ct)
    {
        EvidenceInput? input;
        IFormFile? file = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            file = form.Files.GetFile("file");
            var checks = new FieldChecks();
            var kind = EvidenceKind.Record;
            if (file is not null)
            {
                kind = EvidenceKind.File;
            }
            else if (form["kind"].ToString() is { Length: > 0 } kindText)
            {
                checks.When(!Enum.GetNames<EvidenceKind>().Contains(kindText, StringComparer.Ordinal), "kind",
                    $"字段 kind 的值“{kindText}”无法识别：应为以下之一：{string.Join("、", Enum.GetNames<EvidenceKind>())}。");
                kind = Enum.TryParse<EvidenceKind>(kindText, out var k) ? k : kind;
            }
            decimal? value = null;
            if (form["value"].ToString() is { Length: > 0 } valueText)
            {
                if (decimal.TryParse(valueText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    value = v;
                }
                else
                {
                    checks.Add("value", $"字段 value 的值“{valueText}”无法识别：应为数字。");
                }
            }
            checks.ThrowIfAny();
            input = new EvidenceInput(kind, form["title"].ToString(), form["recordType"], form["recordId"], value, form["unit"]);
        }
        else
        {
            input = await http.Request.ReadFromJsonAsync<EvidenceInput>(ct);
        }
        if (input is null)
        {
            throw Refuse.Invalid("请提交佐证材料。");
        }
        await using var stream = file?.OpenReadStream();
        var e = await s.AddEvidenceAsync(id, input, stream, file?.FileName, ct);
        return TypedResults.Created($"/api/assessment/tasks/{id}", new EvidenceRow(e.Id, e.Kind, e.Title, "", e.RecordType, e.RecordId, e.AttachmentId, e.Value, e.Unit,
            e.AttachmentId is { } a ? Fazhi.Platform.Features.Attachments.AttachmentLinks.ContentUrl(a) : null));
    }

    private static async Task<Ok<ScoreResponse>> ScoreAsync(Guid id, ScoreInput input, SubmissionService s, CampaignQueries q, CancellationToken ct)
    {
        decimal? live = null;
        if (await q.DetailAsync(id, s, ct) is { Live: { } value })
        {
            live = value.Value;
        }
        return TypedResults.Ok(new ScoreResponse(await s.ScoreAsync(id, input, live, ct)));
    }
}
