using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Advisers;

/// <summary>
/// <c>--demo</c>: the register (a public lawyer, an external lawyer whose account is demo-shizhong, a firm, an expert whose
/// engagement has ended), engagements by the city and Xuecheng, and requests in every state: answered on time (on a major
/// decision, shown at its legality-review step), answered late, awaiting the opinion (on the draft under review), overdue,
/// and one answered on the legislation project under comment (ADR 0069: linked subjects show on their pages). Idempotent.
/// </summary>
internal sealed class AdviserDemoSeed(RulemakingDb db, IOrgDirectory orgs, IUserDirectory users, IDeadlineService clock) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.LegalAdvisers.AnyAsync(a => a.IsDemo, ct) || await orgs.FindByCodeAsync("370400", ct) is not { } city
            || await orgs.FindByCodeAsync("370403", ct) is not { } xuecheng)
        {
            return;
        }
        var today = clock.Today;
        var account = await users.FindByUserNameAsync("demo-shizhong", ct);
        var wang = new LegalAdviser { Name = "王立新", Kind = AdviserKind.ExternalLawyer, Organisation = "山东鲁南律师事务所", Specialty = "行政法、政府合同", UserId = account?.Id, UserName = account?.UserName ?? "", IsDemo = true };
        var liu = new LegalAdviser { Name = "刘静", Kind = AdviserKind.PublicLawyer, Organisation = "枣庄市司法局", Specialty = "行政复议、行政诉讼", IsDemo = true };
        var firm = new LegalAdviser { Name = "山东正义律师事务所", Kind = AdviserKind.LawFirm, Organisation = "枣庄市薛城区", Specialty = "征地拆迁、国有资产", IsDemo = true };
        var expert = new LegalAdviser { Name = "赵明远", Kind = AdviserKind.Expert, Organisation = "枣庄学院法学院", Specialty = "立法学", IsDemo = true };
        db.LegalAdvisers.AddRange(wang, liu, firm, expert);
        db.AdviserEngagements.AddRange(
            new AdviserEngagement { AdviserId = wang.Id, OrgUnitId = city.Id, UnitName = city.Name, From = today.AddMonths(-6), To = today.AddMonths(18), ContractNo = "ZZFG-GW-2026-01", IsDemo = true },
            new AdviserEngagement { AdviserId = liu.Id, OrgUnitId = city.Id, UnitName = city.Name, From = today.AddYears(-1), To = today.AddYears(2), ContractNo = "公职律师", IsDemo = true },
            new AdviserEngagement { AdviserId = firm.Id, OrgUnitId = xuecheng.Id, UnitName = xuecheng.Name, From = today.AddMonths(-3), To = today.AddMonths(9), ContractNo = "XCGW-2026-03", IsDemo = true },
            new AdviserEngagement { AdviserId = expert.Id, OrgUnitId = city.Id, UnitName = city.Name, From = today.AddYears(-3), To = today.AddDays(-30), ContractNo = "ZZFG-GW-2023-02", IsDemo = true });

        var decision = await db.Decisions.AsNoTracking().Where(d => d.IsDemo).OrderBy(d => d.Title).FirstOrDefaultAsync(ct);
        // Linked subjects (ADR 0069): the draft under legality review and the rule under public comment, when their demos ran.
        var draft = await db.Drafts.AsNoTracking().Where(d => d.IsDemo && d.Title == "薛城区城区夜市经营管理办法").Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(ct);
        var project = await db.LegislationProjects.AsNoTracking().Where(p => p.IsDemo && p.Title == "枣庄市城市绿化管理办法").Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        var year = today.Year;
        db.OpinionRequests.AddRange(
            Request($"FLYJ-{year}-9001", xuecheng, wang, decision is null ? OpinionSubject.Contract : OpinionSubject.Decision, decision?.Id, decision?.Title ?? "薛城区城区停车场特许经营协议",
                "请就该事项的合法性（权限、程序、内容）出具书面法律意见，供合法性审查参考。", today.AddDays(-20), today.AddDays(-10),
                "经审查，该事项属于本级政府职权范围，已履行公众参与、专家论证和风险评估程序，内容未发现与上位法相抵触之处。建议在实施方案中明确资金来源和绩效评价安排。", today.AddDays(-12)),
            Request($"FLYJ-{year}-9002", xuecheng, firm, OpinionSubject.Contract, null, "薛城区老旧小区改造工程总承包合同",
                "请审查合同的付款条件、违约责任和争议解决条款。", today.AddDays(-30), today.AddDays(-20), "第十二条违约金比例约定过低，建议提高；争议解决宜约定由枣庄仲裁委员会仲裁。", today.AddDays(-17)),
            Request($"FLYJ-{year}-9003", xuecheng, wang, OpinionSubject.Case, null, "某公司诉薛城区人民政府政府信息公开案",
                "原告申请公开的信息是否属于过程性信息？请提出应诉意见。", today.AddDays(-3), today.AddDays(7), null, null),
            Request($"FLYJ-{year}-9004", city, wang, draft is null ? OpinionSubject.Contract : OpinionSubject.NormativeDocument, draft?.Id, draft?.Title ?? "枣庄市公共资源交易服务合同",
                "请就草案中对夜市经营者设定的条件和处罚条款是否有法律依据出具意见。", today.AddDays(-15), today.AddDays(-2), null, null),
            Request($"FLYJ-{year}-9005", city, liu, OpinionSubject.Case, null, "张某不服市市场监管局行政处罚复议案",
                "请就处罚幅度是否适当提出意见。", today.AddDays(-5), today.AddDays(5), null, null));
        if (project is not null)
        {
            db.OpinionRequests.Add(Request($"FLYJ-{year}-9006", city, liu, OpinionSubject.LegislationProject, project.Id, project.Title,
                "请就征求意见稿第八条的罚款设定是否符合规章设定罚款的权限出具意见。", today.AddDays(-8), today.AddDays(2),
                "规章可以设定一定数额的罚款（行政处罚法第十四条），罚款限额须在省人民政府规定的限额内；建议对照本省规定核定上限。", today.AddDays(-3)));
        }
        await db.SaveChangesAsync(ct);
    }

    private static OpinionRequest Request(string number, OrgUnitInfo unit, LegalAdviser adviser, OpinionSubject subject, Guid? subjectId, string title, string question,
        DateOnly requested, DateOnly due, string? opinion, DateOnly? answered) => new()
    {
        Number = number, OrgUnitId = unit.Id, UnitName = unit.Name, AdviserId = adviser.Id, AdviserName = adviser.Name, AdviserUserId = adviser.UserId, Subject = subject,
        SubjectId = subjectId, SubjectTitle = title, Question = question, RequestedOn = requested, DueOn = due, RequestedBy = "demo", Opinion = opinion, AnsweredOn = answered,
        AnsweredBy = opinion is null ? "" : adviser.UserName, IsDemo = true,
    };
}
