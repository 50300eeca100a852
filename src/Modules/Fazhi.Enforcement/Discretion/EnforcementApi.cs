using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.Discretion;

internal sealed record EvaluateRequest(Guid MatterId, Guid? BenchmarkId, DiscretionFacts Facts);

internal sealed record EvaluateResponse(Guid BenchmarkId, int BenchmarkNumber, bool TimeBarred, DiscretionTier? Tier, string? TierName,
    IReadOnlyList<DiscretionTier> PermittedTiers, bool Mandatory, LawfulRange? Range, bool OnNoLightList, IReadOnlyList<AppliedRule> Rules,
    IReadOnlyList<string> BlockingRequirements, IReadOnlyList<string> SupervisionFlags, bool RequiresWrittenReason, bool CanDecide);

internal sealed record MatterResponse(Guid Id, string Code, string Name, MatterKind Kind, string LegalBasis, string IssuingOrgCode, string IssuingBody, long Version);

internal sealed record MatterUpdate(long Version, string Code, string Name, MatterKind Kind, string LegalBasis, string IssuingOrgCode, string IssuingBody);

internal sealed record TierResponse(DiscretionTier Tier, string Conditions, RangeKind RangeKind, decimal? Min, decimal? Max, string RangeText, bool OnNoLightList);

internal sealed record BenchmarkResponse(Guid Id, Guid MatterId, int Number, string Violation, string ViolationBasis, string PenaltyBasis, string IssuingAuthority,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsSample, IReadOnlyList<TierResponse> Tiers);

internal sealed record ImportResponse(int Matters, int Versions, int Rows);

/// <summary>A rules-profile version. On PUT, <c>Number</c> is the latest version the caller saw and <c>EffectiveFrom</c> the new version's first day (default: today).</summary>
internal sealed record RulesProfileDto(long Version, int NoPenaltyBelowAge, int MinorBelowAge, int LimitationYears, int ExtendedLimitationYears, bool OrderToCorrectBeforeLeniency,
    int? Number = null, DateOnly? EffectiveFrom = null, string? Note = null);

internal static class EnforcementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/evaluate", EvaluateAsync).RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapGet("/public/benchmarks", PublicAsync).AllowAnonymous();
        api.MapGet("/matters", async (BenchmarkService s, CancellationToken ct) => TypedResults.Ok((await s.MattersAsync(ct)).Select(ToResponse).ToList()))
            .RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapPost("/matters", CreateMatterAsync).RequirePermission(EnforcementPermissions.BenchmarksManage);
        api.MapPut("/matters/{id:guid}", UpdateMatterAsync).RequirePermission(EnforcementPermissions.BenchmarksManage);
        api.MapGet("/matters/{id:guid}/benchmarks", VersionsAsync).RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapPost("/matters/{id:guid}/benchmarks", AddVersionAsync).RequirePermission(EnforcementPermissions.BenchmarksManage);
        api.MapGet("/benchmarks/export", async (bool? listOnly, BenchmarkTransfer t, CancellationToken ct) =>
                TypedResults.File(await t.ExportAsync(listOnly ?? false, ct), XlsxWriter.ContentType, listOnly == true ? "不罚轻罚清单.xlsx" : "裁量基准.xlsx"))
            .AllowAnonymous();
        api.MapGet("/rules-profile", async (BenchmarkService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.ProfileAsync(ct))))
            .RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapPut("/rules-profile", UpdateProfileAsync).RequirePermission(EnforcementPermissions.BenchmarksManage);
        api.MapGet("/rules-profile/history", ProfileHistoryAsync).RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapPost("/benchmarks/import", ImportAsync).RequirePermission(EnforcementPermissions.BenchmarksManage).RequireAntiforgeryForCookies();
    }

    private static async Task<Results<Ok<EvaluateResponse>, NotFound<ProblemDetails>, ValidationProblem>> EvaluateAsync(EvaluateRequest request, BenchmarkService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Facts.DecisionDate == default)
        {
            errors["facts.decisionDate"] = ["请填写决定日期。"];
        }
        if (request.Facts.ActDate == default)
        {
            errors["facts.actDate"] = ["请填写违法行为发生日期。"];
        }
        if (request.Facts.PartyAge is < 0 or > 150)
        {
            errors["facts.partyAge"] = ["年龄无效。"];
        }
        if (request.Facts.ActEndDate is { } end && end < request.Facts.ActDate)
        {
            errors["facts.actEndDate"] = ["行为终了日期不能早于发生日期。"];
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "案件事实不完整或有误。");
        }
        var (benchmark, result) = await service.EvaluateAsync(request.MatterId, request.BenchmarkId, request.Facts, ct);
        if (benchmark is null || result is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "该执法事项在决定日期没有生效的裁量基准。", Status = 404 });
        }
        return TypedResults.Ok(new EvaluateResponse(benchmark.Id, benchmark.Number, result.TimeBarred, result.Tier,
            result.Tier is { } t ? DiscretionEngine.TierName(t) : null, result.PermittedTiers, result.Mandatory, result.Range, result.OnNoLightList,
            result.Rules, result.BlockingRequirements, result.SupervisionFlags, result.RequiresWrittenReason, result.CanDecide));
    }

    private static async Task<Ok<List<PublishedRow>>> PublicAsync(string? q, bool? listOnly, BenchmarkService service, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await service.PublishedAsync(q, listOnly ?? false, clock.ChinaToday(), ct));

    private static async Task<Results<Created<MatterResponse>, ValidationProblem, Conflict<ProblemDetails>>> CreateMatterAsync(MatterInput input, BenchmarkService service, CancellationToken ct)
    {
        var errors = BenchmarkService.Validate(input);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "执法事项信息不完整。");
        }
        var matter = await service.CreateMatterAsync(input, ct);
        if (matter is null)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "编码重复", Detail = $"事项编码 {input.Code} 已存在。", Status = 409 });
        }
        return TypedResults.Created($"/api/enforcement/matters/{matter.Id}", ToResponse(matter));
    }

    private static async Task<Results<Ok<MatterResponse>, ValidationProblem, NotFound<ProblemDetails>>> UpdateMatterAsync(Guid id, MatterUpdate input, BenchmarkService service, CancellationToken ct)
    {
        var data = new MatterInput(input.Code, input.Name, input.Kind, input.LegalBasis, input.IssuingOrgCode, input.IssuingBody);
        var errors = BenchmarkService.Validate(data);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "执法事项信息不完整。");
        }
        var matter = await service.UpdateMatterAsync(id, input.Version, data, ct);
        return matter is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "执法事项不存在。", Status = 404 })
            : TypedResults.Ok(ToResponse(matter));
    }

    private static async Task<Ok<List<BenchmarkResponse>>> VersionsAsync(Guid id, BenchmarkService service, CancellationToken ct) =>
        TypedResults.Ok((await service.VersionsAsync(id, ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<BenchmarkResponse>, ValidationProblem, NotFound<ProblemDetails>>> AddVersionAsync(Guid id, BenchmarkInput input, BenchmarkService service, CancellationToken ct)
    {
        var errors = BenchmarkService.Validate(input);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "裁量基准不完整或幅度有误。");
        }
        if (await service.CheckNewVersionDateAsync(id, input.EffectiveFrom, ct) is { } dateError)
        {
            throw Refuse.Field("effectiveFrom", dateError);
        }
        var benchmark = await service.AddVersionAsync(id, input, isSample: false, ct);
        return benchmark is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "执法事项不存在。", Status = 404 })
            : TypedResults.Created($"/api/enforcement/matters/{id}/benchmarks", ToResponse(benchmark));
    }

    /// <summary>Multipart upload, field <c>file</c>. On any row error nothing is imported; errors are keyed <c>rows[N]</c>.</summary>
    private static async Task<Ok<ImportResponse>> ImportAsync(HttpContext http, BenchmarkTransfer transfer, CancellationToken ct)
    {
        var upload = await ImportUploads.ReadAsync(http, ct);
        var (form, file) = upload;
        var authority = form["authority"].ToString();
        await using var stream = file.OpenReadStream();
        var result = await transfer.ImportAsync(stream, string.IsNullOrWhiteSpace(authority) ? "未注明" : authority, ct);
        if (!result.Succeeded)
        {
            var errors = result.Errors.GroupBy(e => $"rows[{e.Row}]").ToDictionary(g => g.Key, g => g.Select(e => e.Row > 0 ? $"第 {e.Row} 行：{e.Message}" : e.Message).ToArray());
            throw Refuse.Fields(errors, $"导入未执行：{result.Errors.Select(e => e.Row).Distinct().Count()} 行有错误，请修改后重新导入。");
        }
        return TypedResults.Ok(new ImportResponse(result.Matters, result.Versions, result.Rows));
    }

    private static async Task<Results<Ok<RulesProfileDto>, ValidationProblem>> UpdateProfileAsync(RulesProfileDto input, BenchmarkService service, TimeProvider clock, CancellationToken ct)
    {
        var errors = BenchmarkService.ValidateProfile(input.NoPenaltyBelowAge, input.MinorBelowAge, input.LimitationYears, input.ExtendedLimitationYears);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "裁量规则参数无效。");
        }
        var from = input.EffectiveFrom ?? clock.ChinaToday();
        var profile = await service.AddProfileVersionAsync(input.Number, from, input.NoPenaltyBelowAge, input.MinorBelowAge, input.LimitationYears,
            input.ExtendedLimitationYears, input.OrderToCorrectBeforeLeniency, input.Note, ct);
        if (profile is null)
        {
            throw Refuse.Fields(new Dictionary<string, string[]> { ["effectiveFrom"] = ["新版本的施行日期须晚于现行版本的施行日期，已发布版本的施行期间不得改写。"] }, "施行日期无效。");
        }
        return TypedResults.Ok(ToDto(profile));
    }

    private static async Task<Ok<List<RulesProfileDto>>> ProfileHistoryAsync(BenchmarkService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ProfilesAsync(ct)).Select(ToDto).ToList());

    private static RulesProfileDto ToDto(PenaltyRulesProfile p) => new(p.Version, p.NoPenaltyBelowAge, p.MinorBelowAge, p.LimitationYears, p.ExtendedLimitationYears, p.OrderToCorrectBeforeLeniency,
        p.Number, p.EffectiveFrom, p.Note);

    private static MatterResponse ToResponse(EnforcementMatter m) => new(m.Id, m.Code, m.Name, m.Kind, m.LegalBasis, m.IssuingOrgCode, m.IssuingBody, m.Version);

    private static BenchmarkResponse ToResponse(DiscretionBenchmark b) => new(b.Id, b.MatterId, b.Number, b.Violation, b.ViolationBasis, b.PenaltyBasis, b.IssuingAuthority,
        b.EffectiveFrom, b.EffectiveTo, b.IsSample,
        b.Tiers.OrderBy(t => t.Seq).Select(t => new TierResponse(t.Tier, t.Conditions, t.RangeKind, t.Min, t.Max, t.RangeText, t.OnNoLightList)).ToList());
}
