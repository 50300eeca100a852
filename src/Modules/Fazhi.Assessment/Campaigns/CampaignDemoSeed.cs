using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

/// <summary>
/// Demo data (演示, <c>--demo</c> only): a campaign on the sample framework with four units, its tasks assigned, and
/// 市中区's and 司法局's tasks in every state a reviewer meets (draft, submitted, returned with a reason, accepted and
/// scored), through the module's own services, so the demo accounts see a living campaign. Idempotent (keyed by name).
/// </summary>
internal sealed class CampaignDemoSeed(AssessmentDb db, CampaignService campaigns, SubmissionService submissions, IDeadlineService deadlines) : IDemoSeed
{
    public const string Name = "2026年度法治政府建设考评（演示）";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AnyAsync(c => c.Name == Name, ct))
        {
            return;
        }
        var version = await (from v in db.FrameworkVersions.AsNoTracking()
                             join f in db.Frameworks.AsNoTracking() on v.FrameworkId equals f.Id
                             where f.Code == SampleFrameworkSeed.Code
                             orderby v.Number descending
                             select v).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return;
        }
        var today = deadlines.Today;
        var campaign = await campaigns.CreateAsync(new CampaignInput(Name, version.Id, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31),
            today.AddDays(-30), today.AddDays(30), BottomUpApproval: false, ["370400-SFJ", "370400-SJJ", "370402", "370403"]), ct);
        var leaves = await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == version.Id && i.Level >= 3).OrderBy(i => i.Seq).ToListAsync(ct);
        var rows = leaves.Select(i => i.Code.EndsWith(".1", StringComparison.Ordinal)
            ? (i.Code, "各区（市）", "枣庄市司法局", i.Code == "S1.1" ? "10个工作日" : "")
            : (i.Code, i.Code.Length > 1 && (i.Code[1] - '0') % 2 == 0 ? "枣庄市市场监督管理局" : "枣庄市司法局", "", ""));
        var assigned = await campaigns.AssignAsync(campaign.Id, rows, ct);
        if (!assigned.Succeeded)
        {
            throw new InvalidOperationException("Demo assignment refused: " + string.Join(" ", assigned.Errors.Select(e => e.Message)));
        }

        var tasks = await (from t in db.Tasks.AsNoTracking()
                           join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                           where t.CampaignId == campaign.Id
                           select new { t.Id, t.OrgUnitId, i.Code }).ToListAsync(ct);
        var units = await db.CampaignUnits.AsNoTracking().Where(u => u.CampaignId == campaign.Id).ToDictionaryAsync(u => u.Code, u => u.OrgUnitId, ct);
        Guid Task(string code, string unit) => tasks.Single(t => t.Code == code && t.OrgUnitId == units[unit]).Id;

        await DraftAsync(Task("S1.1", "370402"), "（演示）已印发年度工作要点，正在收集各镇街落实情况。", ct);
        await SubmitAsync(Task("S2.1", "370402"), "（演示）制度体系建设工作方案已印发并落实，附工作方案和会议纪要。", ct);
        await SubmitAsync(Task("S3.1", "370402"), "（演示）重大决策目录已公布。", ct);
        await submissions.ReturnAsync(Task("S3.1", "370402"), "（演示）缺少决策听证会议纪要，请补充后重新报送。", ct);
        await SubmitAsync(Task("S4.1", "370402"), "（演示）执法三项制度全面落实，附评查报告。", ct);
        await submissions.AcceptAsync(Task("S4.1", "370402"), ct);
        await submissions.ScoreAsync(Task("S4.1", "370402"), new ScoreInput(null, null, [new DeductionInput(1, "（演示）一起案件未按期公示")], "（演示）"), null, ct);
        await SubmitAsync(Task("S1.2", "370400-SFJ"), "（演示）年度报告已于 3 月底前在政府网站公开。", ct);
        await submissions.AcceptAsync(Task("S1.2", "370400-SFJ"), ct);
        await submissions.ScoreAsync(Task("S1.2", "370400-SFJ"), new ScoreInput(null, true, null, "（演示）按时公开"), null, ct);
    }

    private async Task DraftAsync(Guid taskId, string statement, CancellationToken ct)
    {
        var version = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Version).FirstAsync(ct);
        await submissions.SaveDraftAsync(taskId, new DraftInput(version, statement, null), ct);
        await submissions.AddEvidenceAsync(taskId, new EvidenceInput(EvidenceKind.Figure, "（演示）已落实镇街数", null, null, 8, "个"), null, null, ct);
    }

    private async Task SubmitAsync(Guid taskId, string statement, CancellationToken ct)
    {
        await DraftAsync(taskId, statement, ct);
        await submissions.SubmitAsync(taskId, ct);
    }
}
