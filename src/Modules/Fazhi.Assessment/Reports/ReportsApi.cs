using Fazhi.Assessment.Campaigns;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Assessment.Reports;

/// <summary>Downloads of a campaign's generated documents, under /api/assessment/campaigns/{id}/reports (read in the caller's scope).</summary>
internal static class ReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/campaigns/{id:guid}");
        reports.MapGet("/reports/score-sheet.xlsx", (Guid id, ReportService r, CancellationToken ct) => FileAsync(r.ScoreSheetAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        reports.MapGet("/reports/score-summary.docx", (Guid id, ReportService r, CancellationToken ct) => FileAsync(r.ScoreSummaryAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        reports.MapGet("/reports/self-assessment.docx", (Guid id, ReportService r, CancellationToken ct) => FileAsync(r.SelfAssessmentAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        reports.MapGet("/reports/weekly-digest.docx", (Guid id, ReportService r, CancellationToken ct) => FileAsync(r.WeeklyDigestAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);
        // A unit's own 自查报告: any signed-in user; the data scope decides which units' tasks are visible (404 otherwise).
        reports.MapGet("/units/{orgUnitId:guid}/self-assessment.docx",
                (Guid id, Guid orgUnitId, ICurrentUser user, ReportService r, CancellationToken ct) =>
                    FileAsync(AssessmentAccess.MayRead(user) ? r.UnitSelfAssessmentAsync(id, orgUnitId, ct) : Task.FromResult<ReportFile?>(null), "该单位在本活动中的任务"))
            .RequireAuthorization();
        reports.MapGet("/indicators/{indicatorId:guid}/evidence.zip",
                (Guid id, Guid indicatorId, ReportService r, CancellationToken ct) => FileAsync(r.EvidencePackageAsync(id, indicatorId, ct)))
            .RequirePermission(AssessmentPermissions.Read);
    }

    private static async Task<FileContentHttpResult> FileAsync(Task<ReportFile?> file, string what = "考评活动或指标") =>
        await file is { } f ? TypedResults.File(f.Content, f.ContentType, f.FileName) : throw Missing.Of(what);
}
