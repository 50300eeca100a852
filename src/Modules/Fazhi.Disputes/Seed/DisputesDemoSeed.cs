using System.Globalization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Fazhi.Disputes.Statistics;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Seed;

/// <summary>
/// Demo data (演示, <c>--demo</c> and <c>seed demo</c>): a dozen disputes across the channels and case types, at the centre,
/// the Shizhong district and a town, at every step of the flow, so that the worklists, the supervision view, the case page
/// and the statistics show something on a new installation. Everything goes through the module's own services, as a
/// clerk's actions would (numbers, deadlines, routing, duplicates, audit), run as the system. Every description starts
/// with 【演示】 and every party's name ends with （演示）. Idempotent: nothing is added once a demo case exists.
/// </summary>
internal sealed class DisputesDemoSeed(DisputesDb db, IUserDirectory users, CaseService cases, HandlingService handling, HandlingClock clock,
    StatisticsRollupService rollup) : IDemoSeed
{
    internal const string Marker = "【演示】";

    private enum Step
    {
        Received,
        Accepted,
        Assigned,
        Agreement,
        Refused,
        Closed,
        Overdue,
    }

    private sealed record DemoCase(string Type, string Channel, string Category, string Unit, string Applicant, string Respondent,
        string Description, Step Step, decimal? Amount = null, string? Result = null, string? External = null, string? File = null);

    /// <summary>The name of the applicant's file the demo's online property dispute carries (ADR 0064).</summary>
    internal const string DemoFileName = "车库积水维修报价单（演示）.pdf";

    private static readonly DemoCase[] Cases =
    [
        new(CaseTypes.PeoplesMediation, "WalkIn", "邻里纠纷", "370402001", "王桂芳", "李建国",
            "楼上住户装修期间卫生间漏水，致楼下天花板和墙面受损，双方就维修和赔偿协商未果，申请调解。", Step.Assigned),
        new(CaseTypes.PeoplesMediation, "Hotline", "婚姻家庭", "370402001", "陈秀英", "陈志强",
            "兄妹二人因父母房屋的居住和赡养费用分担产生矛盾，多次争吵，请求社区调解委员会调解。", Step.Agreement),
        new(CaseTypes.PeoplesMediation, "Online", "物业纠纷", "370402", "刘洋", "枣庄市某物业服务有限公司",
            "小区地下车库多次积水，车辆受损，业主要求物业公司赔偿维修费用，物业公司不同意。", Step.Received, 8600m, File: DemoFileName),
        new(CaseTypes.PeoplesMediation, "WalkIn", "邻里纠纷", "370402", "赵丽", "孙明",
            "相邻两户因院墙边界和排水沟位置发生争执，一方拆除了部分院墙，请求调解。", Step.Overdue),
        new(CaseTypes.PeoplesMediation, "Hotline", "消费纠纷", "370402", "周强", "枣庄市某家电销售有限公司",
            "购买的空调安装后不制冷，商家拒绝退换，仅同意维修，申请人要求退货。", Step.Refused, 3299m),
        new(CaseTypes.AdministrativeReconsideration, "WalkIn", "行政争议", "370400", "吴海峰", "枣庄市某区市场监督管理局",
            "申请人对被申请人作出的罚款二万元的行政处罚决定不服，认为事实不清、程序违法，申请行政复议。", Step.Accepted, 20000m),
        new(CaseTypes.LegalAid, "Online", "劳动争议", "370402", "郑春梅", "枣庄市某建筑劳务有限公司",
            "申请人在工地务工四个月，被拖欠工资一万二千元，经济困难，申请法律援助。", Step.Received, 12000m),
        new(CaseTypes.LegalHotline, "Hotline", "劳动争议", "370400", "冯伟", "某餐饮店",
            "来电咨询试用期内被辞退是否可以要求经济补偿，以及如何申请劳动仲裁。", Step.Closed, Result: "answered"),
        new(CaseTypes.Arbitration, "Referral", "劳动争议", "370400", "何静", "枣庄市某电子科技有限公司",
            "12345 热线转来：申请人离职后单位未支付加班费和未休年休假工资，要求仲裁。", Step.Received, 15600m, External: "12345"),
        new(CaseTypes.LawyerMediation, "WalkIn", "合同纠纷", "370402", "许明", "黄磊",
            "双方签订房屋装修合同，工程完工后就增项费用和工期延误违约金发生争议，同意由律师调解。", Step.Assigned, 46000m),
        new(CaseTypes.AdministrativeMediation, "Online", "交通事故", "370402", "马丽娜", "韩东",
            "电动自行车与小型轿车在路口相撞，交警已出具事故认定书，双方就医疗费和误工费赔偿申请调解。", Step.Accepted, 23500m),
        new(CaseTypes.Notarization, "WalkIn", "其他", "370400", "朱红", "无",
            "申请办理房屋继承公证，提交了被继承人死亡证明和亲属关系证明。", Step.Closed, Result: "issued"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Description.StartsWith(Marker), ct))
        {
            return;
        }
        var mediator = (await users.FindByUserNameAsync("demo-town", ct))?.Id;
        var n = 0;
        foreach (var d in Cases)
        {
            n++;
            var id = await IntakeAsync(d, n, ct);
            await AdvanceAsync(id, d, mediator, ct);
            db.ChangeTracker.Clear();
        }
        // The statistics roll-up takes each change's delta as it is saved; the overdue case's dates were moved after intake.
        await rollup.RebuildAsync(ct);
    }

    private async Task<Guid> IntakeAsync(DemoCase d, int n, CancellationToken ct)
    {
        var applicant = new PartyInput(PartyKind.Person, d.Applicant + "（演示）", DemoResidentId(n), null, DemoPhone(n));
        var organisation = d.Respondent.Contains("公司", StringComparison.Ordinal) || d.Respondent.Contains("局", StringComparison.Ordinal);
        PartyInput? respondent = d.Respondent == "无" ? null
            : organisation ? new PartyInput(PartyKind.Organisation, d.Respondent + "（演示）", null, DemoCreditCode(n), null)
            : new PartyInput(PartyKind.Person, d.Respondent + "（演示）", null, null, null);
        var request = new IntakeRequest(d.Type, d.Channel, d.Category, d.Amount, "370402", Marker + d.Description, applicant, respondent,
            ExternalSystem: d.External, ExternalId: d.External is null ? null : $"ZZ12345-DEMO-{n:D4}", HandlingUnitCode: d.Unit,
            KnewOn: d.Type == CaseTypes.AdministrativeReconsideration ? clock.Today.AddDays(-20) : null,
            ToldOfRight: d.Type == CaseTypes.AdministrativeReconsideration ? true : null);
        // An online application with the applicant's file, stored through the platform's store like one sent on /apply.
        IReadOnlyList<Intake.ApplicantFile> files = d.File is null ? [] : [DemoPdf(d.File, "Garage flooding: repair quote 8,600 yuan (demo)")];
        return (await cases.IntakeAsync(request, publicIntake: false, files, ct)).Id;
    }

    /// <summary>A small, well-formed one-page PDF (its cross-reference offsets computed), as the applicant's scanned quote.</summary>
    private static Intake.ApplicantFile DemoPdf(string fileName, string line)
    {
        var content = $"BT /F1 14 Tf 72 720 Td ({line}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var bytes = System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
        return new Intake.ApplicantFile(fileName, bytes.Length, () => new MemoryStream(bytes, writable: false));
    }

    private async Task AdvanceAsync(Guid id, DemoCase d, Guid? mediator, CancellationToken ct)
    {
        if (d.Step == Step.Received)
        {
            return;
        }
        await cases.AcceptAsync(id, null, ct);
        switch (d.Step)
        {
            case Step.Assigned when mediator is { } m && d.Unit == "370402001":
                await handling.AssignAsync(id, new AssignRequest(m), ct);
                await handling.AddSessionAsync(id, new SessionRequest(clock.Today.ToDateTime(new TimeOnly(9, 30)), "中心街街道人民调解委员会调解室",
                    "双方当事人、调解员", "首次调解：双方同意先请物业查明漏水原因，下周再谈赔偿。"), ct);
                break;
            case Step.Assigned:
                await handling.AddNoteAsync(id, new NoteRequest("已联系双方，约定本周五到中心调解。"), ct);
                break;
            case Step.Agreement:
                if (mediator is { } assignee)
                {
                    await handling.AssignAsync(id, new AssignRequest(assignee), ct);
                }
                await handling.AgreementAsync(id, new AgreementRequest(clock.Today,
                    "父母房屋由妹妹居住，哥哥每月支付赡养费八百元，双方再无争议。", null,
                    "兄妹二人就父母房屋居住和赡养费分担发生争执，争议事项为房屋由谁居住、赡养费如何分担。",
                    "哥哥自本协议生效次月起，每月 10 日前通过银行转账向妹妹支付赡养费八百元。"), ct);
                break;
            case Step.Refused:
                await handling.CloseAsync(id, new CloseRequest("party-refused", "被申请人明确表示拒绝调解，已告知申请人可向法院起诉。"), ct);
                break;
            case Step.Closed:
                await handling.CloseAsync(id, new CloseRequest(d.Result, "已按规定办结。"), ct);
                break;
            case Step.Overdue:
                await BackdateAsync(id, 45, ct);
                break;
        }
    }

    /// <summary>Received and accepted 45 days ago, still open: the mediation stage (30 days) is overdue.</summary>
    private async Task BackdateAsync(Guid id, int days, CancellationToken ct)
    {
        var c = await db.Cases.IgnoreQueryFilters().Include(x => x.Stages).FirstAsync(x => x.Id == id, ct);
        c.ReceivedOn = c.ReceivedOn.AddDays(-days);
        foreach (var s in c.Stages)
        {
            s.StartedOn = s.StartedOn.AddDays(-days);
            s.EndedOn = s.EndedOn?.AddDays(-days);
        }
        clock.Refresh(c, await clock.CalculatorAsync(ct), clock.Today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A valid resident ID (check character per GB 11643) born in the 1970s-80s in Shizhong district, different per case.</summary>
    private static string DemoResidentId(int n)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"370402{1970 + n * 3:D4}{1 + n % 12:D2}{1 + n * 2 % 28:D2}{100 + n:D3}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    private static string DemoPhone(int n) => string.Create(CultureInfo.InvariantCulture, $"1390632{n:D4}");

    /// <summary>A valid unified social credit code (check character per GB 32100) registered in Zaozhuang, different per case.</summary>
    private static string DemoCreditCode(int n)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91370400MA3C{n:D2}DE0");
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }
}
