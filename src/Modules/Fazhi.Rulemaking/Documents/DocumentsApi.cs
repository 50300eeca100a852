using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Fazhi.Rulemaking.Normative;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Rulemaking.Documents;

/// <summary>The .docx downloads (ADR 0047): filing reports, the drafting-explanation template, the decision catalogue, the cleanup list.</summary>
internal static class DocumentsApi
{
    private const string NormativeFilingBasis = "行政规范性文件备案审查的有关规定（自公布之日起 30 日内报送备案）";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/templates/drafting-explanation.docx", () =>
            TypedResults.File(RulemakingDocuments.DraftingExplanationTemplate(), DocxTemplate.ContentType, DownloadName.Safe("起草说明（模板）.docx")))
            .RequirePermission(RulemakingPermissions.Draft);

        api.MapGet("/normative-documents/{id:guid}/filing-report.docx", async (Guid id, NormativeService s, CancellationToken ct) =>
        {
            var d = (await s.GetAsync(id, ct)).Draft;
            if (d.PublishedOn is not { } published)
            {
                throw Refuse.Conflict("规范性文件公布后才能生成备案报告。");
            }
            var facts = new FilingReportFacts(d.IssuingAuthority, d.Title, "行政规范性文件", d.RegistrationNo ?? "", published, d.EffectiveOn,
                d.FiledWith.Length > 0 ? d.FiledWith : "上一级人民政府、本级人民代表大会常务委员会", NormativeFilingBasis,
                ["文件正式文本", "起草说明", "制定依据", "合法性审核意见书"]);
            return TypedResults.File(RulemakingDocuments.FilingReport(facts, s.Today), DocxTemplate.ContentType, DownloadName.Safe($"备案报告-{d.Title}.docx"));
        }).RequirePermission(RulemakingPermissions.Draft);

        api.MapGet("/legislation/projects/{id:guid}/filing-report.docx", async (Guid id, LegislationService s, CancellationToken ct) =>
        {
            var p = (await s.GetAsync(id, ct)).Project;
            if (p.PublishedOn is not { } published)
            {
                throw Refuse.Conflict("公布后才能生成备案报告。");
            }
            var rule = p.Kind == LegislationKind.GovernmentRule;
            // 法规规章备案审查条例 第四条 (a rule, within 30 days of publication); 立法法 第一百零九条 (a local regulation, through the province's standing committee).
            var facts = new FilingReportFacts(rule ? "枣庄市人民政府" : "枣庄市人民代表大会常务委员会", p.Title, rule ? "规章" : "地方性法规", p.DocumentNo, published, p.EffectiveOn,
                p.FiledWith.Length > 0 ? p.FiledWith : rule ? "国务院、山东省人民代表大会常务委员会、山东省人民政府、枣庄市人民代表大会常务委员会" : "全国人民代表大会常务委员会、国务院（经山东省人民代表大会常务委员会报送）",
                rule ? "《法规规章备案审查条例》第四条" : "《中华人民共和国立法法》第一百零九条",
                rule ? ["规章正式文本", "起草说明", "备案报告电子文本"] : ["地方性法规正式文本", "关于草案的说明", "审议结果的报告"]);
            return TypedResults.File(RulemakingDocuments.FilingReport(facts, s.Today), DocxTemplate.ContentType, DownloadName.Safe($"备案报告-{p.Title}.docx"));
        }).RequirePermission(RulemakingPermissions.LegislationWork);

        api.MapGet("/public/decisions/catalogues/{id:guid}/catalogue.docx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, DecisionService s, CancellationToken ct) =>
        {
            var (catalogue, decisions) = (await s.PublicAsync(ct)).FirstOrDefault(c => c.Catalogue.Id == id);
            return catalogue is null
                ? TypedResults.NotFound()
                : TypedResults.File(RulemakingDocuments.DecisionCatalogue(catalogue, decisions), DocxTemplate.ContentType, DownloadName.Safe($"{catalogue.Year}-{catalogue.Title}.docx"));
        }).AllowAnonymous();

        api.MapGet("/public/cleanup/{id:guid}/result.docx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, CleanupPublic p, CancellationToken ct) =>
            await p.GetAsync(id, ct) is { } d
                ? TypedResults.File(RulemakingDocuments.CleanupList(d), DocxTemplate.ContentType, DownloadName.Safe($"清理结果-{d.Campaign.Title}.docx"))
                : TypedResults.NotFound()).AllowAnonymous();
    }
}
