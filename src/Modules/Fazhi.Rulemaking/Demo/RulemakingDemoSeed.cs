using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Normative;
using Fazhi.Rulemaking.Precheck;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Demo;

/// <summary>
/// <c>--demo</c>: normative documents of the Xuecheng district at every step, through the service so the pre-check finds
/// real findings against the library's demo laws: two documents in force (one filed, one whose validity ends soon), one
/// published and not filed past its filing period, a draft under review with findings (unresolved citation, repetition
/// of a document in force, licence, fee, penalty, coercive measure, missing validity), and a draft returned for revision.
/// Idempotent (nothing is added once demo drafts exist).
/// </summary>
internal sealed class RulemakingDemoSeed(RulemakingDb db, NormativeService service, IOrgDirectory orgs, IDeadlineService clock, Renewal.RenewalService renewals) : IDemoSeed
{
    public const string Authority = "枣庄市薛城区人民政府";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Drafts.AnyAsync(d => d.IsDemo, ct) || await orgs.FindByCodeAsync("370403", ct) is not { } xuecheng)
        {
            return;
        }
        var today = clock.Today;
        await PublishedAsync(xuecheng, "薛城区城区农贸市场管理办法", Market, today.AddYears(-2).AddMonths(-3), 5, filed: true, ct);
        await PublishedAsync(xuecheng, "薛城区老旧小区改造资金管理办法", Renovation, today.AddDays(45).AddYears(-2).AddDays(1), 2, filed: true, ct);
        await PublishedAsync(xuecheng, "薛城区公共租赁住房配租管理办法", Housing, today.AddDays(-38), 5, filed: false, ct);
        // Validity (ADR 0065): one renewed after evaluation 20 days ago (it would have ended in 30 days), one not renewed that
        // lapsed 9 days ago (the daily job ended its library work as 失效).
        var parking = await PublishedAsync(xuecheng, "薛城区非机动车停放管理办法", Parking, today.AddDays(30).AddYears(-2).AddDays(1), 2, filed: true, ct);
        var renewable = await db.Drafts.AsNoTracking().FirstAsync(d => d.Id == parking, ct);
        await renewals.RenewAsync(parking, new Renewal.RenewalInput(3, "经评估，本办法实施以来城区非机动车乱停乱放明显减少，上位法未作修改，内容无需调整，需要继续施行。", renewable.Version), ct);
        await db.Renewals.Where(r => r.DraftId == parking).ExecuteUpdateAsync(x => x.SetProperty(r => r.RenewedOn, today.AddDays(-20)).SetProperty(r => r.IsDemo, true), ct);
        await PublishedAsync(xuecheng, "薛城区农村户外广告设置管理办法", Billboards, today.AddDays(-10).AddYears(-2).AddDays(1), 2, filed: true, ct);
        await renewals.LapseAsync(ct);

        var review = await service.SubmitAsync(Input(xuecheng, "薛城区城区夜市经营管理办法", NightMarket, today.AddDays(60), null), ct);
        var returned = await service.SubmitAsync(Input(xuecheng, "薛城区农村集体经济组织成员资格认定办法", Membership, today.AddDays(45), 5), ct);
        var detail = await service.GetAsync(returned.Id, ct);
        foreach (var f in detail.Findings)
        {
            var accept = f.Rule == "rights";
            await service.DecideFindingAsync(returned.Id, f.Id, new FindingDecisionInput(accept ? FindingDecision.Accepted : FindingDecision.Dismissed,
                accept ? "外嫁女等群体的成员资格应依照法律、法规认定，本办法无权剥夺。" : "经核对，不构成问题。"), ct);
        }
        await service.RecordOpinionAsync(returned.Id, new OpinionInput("第四条", ArticleVerdict.Delete, "没有法律、法规依据，不得限制外嫁女、离婚妇女的成员资格（立法法第九十三条）。"), ct);
        await service.RecordOpinionAsync(returned.Id, new OpinionInput("第二条", ArticleVerdict.Legal, null), ct);
        var r = await db.Drafts.AsNoTracking().FirstAsync(d => d.Id == returned.Id, ct);
        await service.ConcludeAsync(returned.Id, new ConclusionInput(false, "第四条限制成员资格没有上位法依据，应删除后重新报送。"), r.Version, ct);
        await db.Drafts.Where(d => d.Id == review.Id || d.Id == returned.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDemo, true), ct);
    }

    private static DraftInput Input(OrgUnitInfo unit, string title, string text, DateOnly effective, int? years) =>
        new(title, Authority, text, "《优化营商环境条例》；《山东省优化营商环境条例》", $"起草说明：为规范{title[3..^2]}，区有关部门经调研起草本办法。", "已在区政府门户网站公开征求意见 30 日，收到意见 6 条，采纳 4 条。",
            effective, years, unit.Id);

    private async Task<Guid> PublishedAsync(OrgUnitInfo unit, string title, string text, DateOnly effective, int years, bool filed, CancellationToken ct)
    {
        var published = effective.AddDays(-20);
        var draft = new NormativeDraft
        {
            OrgUnitId = unit.Id, DraftingUnitName = unit.Name, Title = title, IssuingAuthority = Authority, Text = text, Basis = "《优化营商环境条例》",
            DraftingExplanation = "起草说明：经调研起草。", CommentRecord = "已公开征求意见 30 日。", EffectiveOn = effective, ValidityYears = years, Status = DraftStatus.Passed,
            SubmittedOn = published.AddDays(-30), ReviewDueOn = published.AddDays(-9), ConcludedOn = published.AddDays(-12), Conclusion = "经审核，未发现违反上位法的内容，同意提请集体审议。",
            ReviewerName = "市司法局合法性审核科", IsDemo = true,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        await service.RegisterAsync(draft.Id, ct);
        await service.PublishAsync(draft.Id, new PublishInput(published), ct);
        if (filed)
        {
            await service.FileAsync(draft.Id, new FilingInput(published.AddDays(12), "枣庄市人民政府；薛城区人大常委会"), ct);
        }
        return draft.Id;
    }

    private const string Parking = """
        枣庄市薛城区人民政府
        第一条 为了规范城区非机动车停放秩序，方便群众出行，结合本区实际，制定本办法。
        第二条 区综合行政执法局会同区交通运输局在城区道路两侧合理设置非机动车停放点，并向社会公布。
        第三条 互联网租赁自行车经营者应当配备运维人员，及时清理违规停放的车辆。
        第四条 本办法有效期二年。
        """;

    private const string Billboards = """
        枣庄市薛城区人民政府
        第一条 为了规范农村户外广告设置，改善农村人居环境，结合本区实际，制定本办法。
        第二条 农村户外广告设置应当符合村庄规划，不得影响交通安全和村容村貌。
        第三条 镇人民政府负责本行政区域内农村户外广告设置的日常管理。
        第四条 本办法有效期二年。
        """;

    private const string Market = """
        枣庄市薛城区人民政府
        第一条 为了规范城区农贸市场经营秩序，保障农产品质量安全，方便群众生活，根据《优化营商环境条例》等有关规定，结合本区实际，制定本办法。
        第二条 本办法适用于本区城区范围内农贸市场的规划、建设、经营和管理。
        第三条 区商务局负责农贸市场的行业管理工作，区市场监督管理局依法负责市场内食品安全和价格行为的监督管理。
        第四条 市场开办者应当建立健全市场内经营者档案，如实记录经营者的名称、经营品种和联系方式，并在市场显著位置公示。
        第五条 本办法自施行之日起有效期五年。
        """;

    private const string Renovation = """
        枣庄市薛城区人民政府
        第一条 为了加强老旧小区改造资金管理，提高资金使用效益，结合本区实际，制定本办法。
        第二条 改造资金实行专款专用、分账核算，任何单位和个人不得截留、挤占、挪用。
        第三条 区住房和城乡建设局会同区财政局按照改造项目进度拨付资金，并定期向社会公开资金使用情况。
        第四条 本办法有效期二年。
        """;

    private const string Housing = """
        枣庄市薛城区人民政府
        第一条 为了规范公共租赁住房配租管理，保障城镇中等偏下收入住房困难家庭的基本住房需求，制定本办法。
        第二条 公共租赁住房实行轮候配租，区住房保障部门应当定期公布轮候名单和配租结果，接受社会监督。
        第三条 本办法有效期五年。
        """;

    private const string NightMarket = """
        枣庄市薛城区人民政府
        第一条 为了规范城区夜市经营秩序，根据《中华人民共和国行政处罚法》第一百零八条等有关规定，结合本区实际，制定本办法。
        第二条 夜市开办者应当建立健全市场内经营者档案，如实记录经营者的名称、经营品种和联系方式，并在夜市显著位置公示。
        第三条 在夜市经营的摊贩须经区综合行政执法局批准，取得夜市经营许可证后方可经营。
        第四条 摊贩应当按月向夜市开办者缴纳管理费和卫生保证金。
        第五条 违反本办法第三条规定的，由区综合行政执法局处以五百元以上二千元以下罚款，并可以扣押其经营工具。
        第六条 区综合行政执法局应当加强夜市周边市容环境卫生的日常巡查，发现问题及时督促整改。
        第七条 本办法自2027年3月1日起施行。
        """;

    private const string Membership = """
        枣庄市薛城区人民政府
        第一条 为了规范农村集体经济组织成员资格认定工作，维护成员合法权益，结合本区实际，制定本办法。
        第二条 成员资格认定应当遵循尊重历史、兼顾现实、程序规范、群众认可的原则。
        第三条 成员资格认定结果应当在本集体经济组织内公示不少于七日。
        第四条 户籍迁出本村的外嫁女、离婚妇女不得享受集体收益分配，取消其成员资格。
        第五条 本办法自2027年2月1日起施行，有效期五年。
        """;
}
