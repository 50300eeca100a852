using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Demo;

/// <summary>
/// <c>--demo</c>: a certification-item list in every state — version 1 (2025-03-01, 28 items), version 2 (2026-06-01: one
/// item cancelled, one changed to notify-and-commit, two added), and an open draft with Xuecheng's pending proposals and a
/// rejected one — and three outside-list reports (open, overdue, answered; query code <see cref="DemoQueryCode"/>). Every
/// record is labelled demo. Idempotent: skipped when the module already has list versions or reports.
/// </summary>
internal sealed class ListsDemoSeed(ListsDb db, IOrgDirectory orgs, IDeadlineService clock, Powers.PowerService powers) : IDemoSeed
{
    public const string DemoQueryCode = "YSCX2026";

    private const string Village = "户籍所在地村（居）民委员会";

    private static readonly (string Name, string Matter, string Unit, string Issuer, string Basis, bool Notify)[] Items =
    [
        ("经济困难状况证明", "法律援助申请", "SFJ", "户籍所在地乡镇人民政府（街道办事处）", "《法律援助法》第四十一条", true),
        ("无犯罪记录证明", "律师执业许可", "SFJ", "公安机关", "《中华人民共和国律师法》第七条", true),
        ("实习鉴定证明", "律师执业许可", "SFJ", "律师协会", "《中华人民共和国律师法》第五条", false),
        ("学历证明", "基层法律服务工作者执业核准", "SFJ", "毕业院校", "《中华人民共和国行政许可法》第三十一条", true),
        ("居住证明", "公证事项办理（户籍地以外）", "SFJ", Village, "《中华人民共和国公证法》第二十五条", true),
        ("亲属关系证明", "户口迁移（投靠）", "GAJ", Village, "《中华人民共和国户口登记条例》第十条", true),
        ("出生医学证明", "出生登记", "GAJ", "助产医疗机构", "《中华人民共和国母婴保健法》第二十三条", false),
        ("死亡医学证明", "户口注销", "GAJ", "医疗卫生机构", "《中华人民共和国户口登记条例》第八条", false),
        ("无违法犯罪记录证明", "保安员证核发", "GAJ", "公安机关", "《保安服务管理条例》第十六条", true),
        ("劳动能力鉴定结论", "工伤保险待遇核定", "RSJ", "劳动能力鉴定委员会", "《工伤保险条例》第二十一条", false),
        ("供养亲属关系证明", "供养亲属抚恤金申领", "RSJ", Village, "《工伤保险条例》第三十九条", true),
        ("未就业证明", "失业保险金申领", "RSJ", Village, "《失业保险条例》第十四条", true),
        ("身体健康证明", "教师资格认定", "JYJ", "县级以上医院", "《教师资格条例》第十四条", false),
        ("普通话水平测试等级证书", "教师资格认定", "JYJ", "普通话水平测试机构", "《教师资格条例》第六条", false),
        ("居住证明", "随迁子女入学", "JYJ", Village, "《中华人民共和国义务教育法》第十二条", true),
        ("医师资格证明", "医师执业注册", "WJW", "卫生健康主管部门", "《中华人民共和国医师法》第十三条", false),
        ("健康证明", "公共场所从业人员健康检查", "WJW", "健康体检机构", "《公共场所卫生管理条例》第七条", false),
        ("安全生产考核合格证明", "建筑施工企业安全生产许可", "ZJJ", "住房城乡建设主管部门", "《安全生产许可证条例》第六条", true),
        ("无拖欠工资证明", "建筑业企业资质", "ZJJ", "人力资源社会保障部门", "《保障农民工工资支付条例》第三十三条", true),
        ("住所使用证明", "个体工商户登记", "SJJ", "产权单位或村（居）委会", "《促进个体工商户发展条例》第九条", true),
        ("验资证明", "特定行业企业设立登记", "SJJ", "会计师事务所", "《中华人民共和国市场主体登记管理条例》第十二条", false),
        ("食品安全管理人员培训合格证明", "食品经营许可", "SJJ", "培训机构", "《中华人民共和国食品安全法》第三十五条", true),
        ("土地权属证明", "设施农业用地备案", "NYNC", Village, "《中华人民共和国土地管理法》第十二条", true),
        ("道路运输从业资格证明", "道路运输经营许可", "JTYS", "交通运输主管部门", "《中华人民共和国道路运输条例》第八条", true),
        ("消防安全检查合格证明", "娱乐场所经营许可", "WLJ", "消防救援机构", "《娱乐场所管理条例》第十一条", false),
        ("村（居）民委员会出具的困难证明", "临时救助申请", "370403", Village, "《社会救助暂行办法》第四十八条", true),
        ("人民调解协议履行情况证明", "人民调解补贴申领", "370403", "人民调解委员会", "《中华人民共和国人民调解法》第三十三条", false),
        ("政府信息申请人身份证明", "政府信息公开申请", "370403", "申请人所在单位", "《中华人民共和国政府信息公开条例》第二十九条", true),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.CertVersions.AnyAsync(ct))
        {
            await SeedListAsync(ct);
        }
        if (!await db.Reports.AnyAsync(ct))
        {
            await SeedReportsAsync(ct);
        }
        if (!await db.PowerVersions.AnyAsync(ct))
        {
            await SeedPowersAsync(ct);
        }
        if (!await db.Plans.AnyAsync(ct))
        {
            await SeedPlansAsync(ct);
        }
        if (!await db.Appeals.AnyAsync(ct))
        {
            await SeedAppealsAsync(ct);
        }
        if (!await db.Appeals.AnyAsync(a => a.IsDemo && a.ExtensionStatus != null, ct))
        {
            await SeedExtensionAppealsAsync(ct);
        }
        if (!await db.CertVerifications.AnyAsync(ct))
        {
            await SeedVerificationsAsync(ct);
        }
    }

    /// <summary>
    /// Verification records (ADR 0039) of the notify-and-commit items in force: each such item verified by its requesting
    /// unit, most found true, two false commitments (one an enterprise's, with its credit code) and one not verifiable.
    /// </summary>
    private async Task SeedVerificationsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var items = await db.CertItems.AsNoTracking().Where(r => r.ToVersion == null && r.NotifyCommit && r.Status == CertItemStatus.InForce).OrderBy(r => r.ItemCode).ToListAsync(ct);
        var methods = Enum.GetValues<Verifications.VerificationMethod>();
        var n = 0;
        foreach (var item in items)
        {
            for (var k = 0; k < 2; k++, n++)
            {
                var result = n switch
                {
                    3 or 11 => Verifications.VerificationResult.FalseCommitment,
                    7 => Verifications.VerificationResult.Unverifiable,
                    _ => Verifications.VerificationResult.Confirmed,
                };
                var enterprise = n == 11;
                db.CertVerifications.Add(new Verifications.CertVerification
                {
                    OrgUnitId = item.RequestingUnitId, UnitName = item.RequestingUnitName, ItemCode = item.ItemCode, ItemName = item.Name, Matter = item.Matter,
                    CaseReference = $"BJ2026-{1000 + n:0000}", ApplicantName = enterprise ? "枣庄市薛城区绿源园林工程有限公司" : $"申请人{(char)('甲' + n % 10)}（演示）",
                    CreditCode = enterprise ? "91110000600037341L" : "", Method = methods[n % methods.Length], VerifiedOn = today.AddDays(-3 - n * 2), Result = result,
                    Finding = result switch
                    {
                        Verifications.VerificationResult.FalseCommitment => "经部门间核查，申请人承诺的情况与登记信息不符。",
                        Verifications.VerificationResult.Unverifiable => "出具单位无相关记录，无法核实。",
                        _ => "经核查，承诺内容属实。",
                    },
                    Measures = result == Verifications.VerificationResult.FalseCommitment ? "撤销已作出的决定，记入申请人信用记录。" : "",
                    RecordedBy = "demo", RecordedOn = today.AddDays(-3 - n * 2), IsDemo = true,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo query code of every demo enterprise appeal (QYSQ-YS-003 awaits the enterprise's rating).</summary>
    public const string DemoAppealQueryCode = "QYSQ2026";

    /// <summary>
    /// Enterprise appeals in every state, handled by Xuecheng (one co-handled by Shizhong, one handled by Shizhong): routed by
    /// the power list and awaiting confirmation, in progress, replied and awaiting the rating, closed satisfied, reopened after
    /// an unsatisfied rating, and overdue (raised to the supervising office).
    /// </summary>
    private async Task SeedAppealsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var xuecheng = await UnitAsync("370403", ct);
        var shizhong = await UnitAsync("370402", ct);
        var rows = new (string Number, Appeals.AppealKind Kind, Appeals.AppealChannel Channel, Fazhi.Platform.Kit.OrgUnitInfo Unit, int DaysAgo, string Enterprise, string Code,
            string Subject, Appeals.AppealStatus Status, Appeals.AppealRating? Rating, int Reopened)[]
        {
            ("QYSQ-YS-001", Appeals.AppealKind.Consult, Appeals.AppealChannel.Portal, xuecheng, 1, "枣庄市薛城区绿源园林工程有限公司", "91110000600037341L", "施工占用绿地需要办理哪些手续",
                Appeals.AppealStatus.Routed, null, 0),
            ("QYSQ-YS-002", Appeals.AppealKind.Help, Appeals.AppealChannel.Hotline, xuecheng, 2, "枣庄市薛城区绿源园林工程有限公司", "91110000600037341L", "园区道路绿化迁移审批进度缓慢",
                Appeals.AppealStatus.Handling, null, 0),
            ("QYSQ-YS-003", Appeals.AppealKind.Complaint, Appeals.AppealChannel.Portal, xuecheng, 6, "山东鲁南新材料科技有限公司", "91340600MA2PBM9HXD", "同一月内被不同部门重复检查",
                Appeals.AppealStatus.Replied, null, 0),
            ("QYSQ-YS-004", Appeals.AppealKind.Suggestion, Appeals.AppealChannel.Referral, xuecheng, 20, "山东鲁南新材料科技有限公司", "91340600MA2PBM9HXD", "建议公布绿化监督检查的标准",
                Appeals.AppealStatus.Closed, Appeals.AppealRating.Satisfied, 0),
            ("QYSQ-YS-005", Appeals.AppealKind.Complaint, Appeals.AppealChannel.Portal, xuecheng, 15, "枣庄市薛城区绿源园林工程有限公司", "91110000600037341L", "罚款决定未说明裁量理由",
                Appeals.AppealStatus.Handling, Appeals.AppealRating.Unsatisfied, 1),
            ("QYSQ-YS-006", Appeals.AppealKind.Help, Appeals.AppealChannel.Portal, xuecheng, 30, "山东鲁南新材料科技有限公司", "91340600MA2PBM9HXD", "厂区绿化改造需协调多个部门",
                Appeals.AppealStatus.Handling, null, 0),
            ("QYSQ-YS-007", Appeals.AppealKind.Consult, Appeals.AppealChannel.Hotline, shizhong, 25, "枣庄市市中区宏达商贸有限公司", "91110000600037341L", "门前树木修剪是否需要审批",
                Appeals.AppealStatus.Closed, Appeals.AppealRating.BasicallySatisfied, 0),
        };
        foreach (var r in rows)
        {
            var received = today.AddDays(-r.DaysAgo);
            var due = (await clock.AddWorkingDaysAsync(received, Appeals.AppealService.DefaultWorkingDays, ct)).Date;
            var replied = r.Status is Appeals.AppealStatus.Replied or Appeals.AppealStatus.Closed || r.Reopened > 0;
            var repliedOn = replied ? received.AddDays(r.Number == "QYSQ-YS-007" ? 12 : 3) : (DateOnly?)null;
            var a = new Appeals.EnterpriseAppeal
            {
                Number = r.Number, OrgUnitId = r.Unit.Id, Channel = r.Channel, ReferralId = r.Channel == Appeals.AppealChannel.Referral ? "12345-YS-" + r.Number[^3..] : null,
                Kind = r.Kind, CreditCode = r.Code, EnterpriseName = r.Enterprise + "（演示）", ContactName = "演示联系人", ContactPhone = SensitiveText.Phone("13800000000"),
                Subject = r.Subject, Content = $"{r.Subject}，请有关部门协调解决（演示）。", PowerItemCode = r.Unit == xuecheng ? "ZZQZ-009" : "", PowerItemName = r.Unit == xuecheng ? "城市绿化监督检查" : "",
                RoutingReason = r.Unit == xuecheng ? $"按权责清单第 1 版事项 ZZQZ-009“城市绿化监督检查”的实施主体（{xuecheng.Name}）分办。" : $"由受理单位改派：门前树木属市中区管理（演示）",
                RoutingLog = $"{received:yyyy-MM-dd} 系统分办至 {r.Unit.Name}（演示）", QueryCodeHash = ReportService.Hash(DemoAppealQueryCode), ReceivedOn = received, DueOn = due,
                Status = r.Status, Reply = replied ? "经核实，已协调有关科室办理，具体情况已电话告知（演示）。" : "", RepliedBy = replied ? "demo-xuecheng" : "", RepliedOn = repliedOn,
                WasLate = repliedOn > due || (r.Status == Appeals.AppealStatus.Handling && due < today && r.Reopened == 0), Rating = r.Rating,
                RatingComment = r.Rating == Appeals.AppealRating.Unsatisfied ? "答复没有说明裁量理由（演示）" : "", RatedOn = r.Rating is null ? null : received.AddDays(5),
                ReopenCount = r.Reopened, ClosedOn = r.Status == Appeals.AppealStatus.Closed ? received.AddDays(5) : null, IsDemo = true,
            };
            if (r.Reopened > 0)
            {
                a.DueOn = (await clock.AddWorkingDaysAsync(today.AddDays(-1), Appeals.AppealService.DefaultWorkingDays, ct)).Date;
                a.RoutingLog += $"\n{received.AddDays(5):yyyy-MM-dd} 企业评价不满意，重新办理（第 1 次）（演示）";
            }
            if (a.WasLate && a.Status == Appeals.AppealStatus.Handling)
            {
                a.EscalatedOn = due.AddDays(1);
                a.RoutingLog += $"\n{due.AddDays(1):yyyy-MM-dd} 超期未答复，报督办单位（演示）";
            }
            db.Appeals.Add(a);
            if (r.Number == "QYSQ-YS-002")
            {
                db.AppealCoHandlers.Add(new Appeals.AppealCoHandler
                {
                    AppealId = a.Id, OrgUnitId = shizhong.Id, UnitName = shizhong.Name, AddedBy = "demo-xuecheng", AddedOn = received, Opinion = "迁移涉及市中区路段，已安排现场踏勘（演示）。",
                    OpinionOn = received.AddDays(1),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two complex complaints at Xuecheng (ADR 0054; 济南市优化营商环境条例 第六十二条): one whose extension the city approved (the due
    /// date moved by 10 working days from the old one), one whose request waits for the city (demo-city) to decide.
    /// </summary>
    private async Task SeedExtensionAppealsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var xuecheng = await UnitAsync("370403", ct);
        foreach (var (number, daysAgo, approved) in new[] { ("QYSQ-YS-008", 6, true), ("QYSQ-YS-009", 2, false) })
        {
            var received = today.AddDays(-daysAgo);
            var due = (await clock.AddWorkingDaysAsync(received, Appeals.AppealService.DefaultWorkingDays, ct)).Date;
            var requested = received.AddDays(1);
            var a = new Appeals.EnterpriseAppeal
            {
                Number = number, OrgUnitId = xuecheng.Id, Channel = Appeals.AppealChannel.Portal, Kind = Appeals.AppealKind.Complaint, CreditCode = "91340600MA2PBM9HXD",
                EnterpriseName = "山东鲁南新材料科技有限公司（演示）", ContactName = "演示联系人", ContactPhone = SensitiveText.Phone("13800000000"),
                Subject = approved ? "厂区绿化整改涉及规划、住建等多个部门" : "绿化补偿标准与相邻区县不一致",
                Content = "情况涉及多个部门和历史遗留问题，请协调解决（演示）。", PowerItemCode = "ZZQZ-009", PowerItemName = "城市绿化监督检查",
                RoutingReason = $"按权责清单第 1 版事项 ZZQZ-009“城市绿化监督检查”的实施主体（{xuecheng.Name}）分办。",
                RoutingLog = $"{received:yyyy-MM-dd} 系统分办至 {xuecheng.Name}（演示）\n{received:yyyy-MM-dd} demo-xuecheng 确认由本单位办理\n{requested:yyyy-MM-dd} demo-xuecheng 申请延期：需会同规划、住建部门现场核查（演示）",
                QueryCodeHash = ReportService.Hash(DemoAppealQueryCode), ReceivedOn = received, DueOn = due, Status = Appeals.AppealStatus.Handling,
                ExtensionStatus = Appeals.AppealExtensionStatus.Requested, ExtensionReason = "需会同规划、住建部门现场核查（演示）", ExtensionRequestedBy = "demo-xuecheng",
                ExtensionRequestedOn = requested, IsDemo = true,
            };
            if (approved)
            {
                var decided = received.AddDays(2);
                a.DueOnBeforeExtension = due;
                a.DueOn = (await clock.AddWorkingDaysAsync(due, Appeals.AppealService.DefaultComplaintExtensionDays, ct)).Date;
                (a.ExtensionStatus, a.ExtensionDays, a.ExtensionDecidedBy, a.ExtensionDecidedOn, a.ExtensionDecisionNote) =
                    (Appeals.AppealExtensionStatus.Approved, Appeals.AppealService.DefaultComplaintExtensionDays, "demo-city", decided, "情况属实，同意延期（演示）。");
                a.RoutingLog += $"\n{decided:yyyy-MM-dd} demo-city 批准延期 {a.ExtensionDays} 个工作日，期限由 {due:yyyy-MM-dd} 延至 {a.DueOn:yyyy-MM-dd}";
            }
            db.Appeals.Add(a);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The overall plan (public), special and department plans with drills (one drilled in time with a rectified and an open
    /// problem, one whose last drill is out of its interval, one never drilled), and Xuecheng's plan past its review date.
    /// </summary>
    private async Task SeedPlansAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var emergency = await UnitAsync("YJGL", ct);
        var resources = await UnitAsync("ZRZY", ct);
        var market = await UnitAsync("SJJ", ct);
        var xuecheng = await UnitAsync("370403", ct);
        const string basis = "《中华人民共和国突发事件应对法》第二十六条；《山东省突发事件应对条例》第十三条";
        Plans.EmergencyPlan Plan(string title, Plans.PlanKind kind, Fazhi.Platform.Kit.OrgUnitInfo unit, string doc, DateOnly approved, string events, bool isPublic, string summary) => new()
        {
            OrgUnitId = unit.Id, OwnerName = unit.Name, Title = title + "（演示）", Kind = kind, Level = Powers.PowerService.LevelOf(unit), ApprovalDocument = doc, ApprovedOn = approved,
            PlanVersion = $"{approved.Year} 年版", EventKinds = events, LegalBasis = basis, IsPublic = isPublic, PublicSummary = summary, IsDemo = true,
        };
        var overall = Plan("枣庄市突发事件总体应急预案", Plans.PlanKind.Overall, emergency, "枣政发〔2024〕5号", today.AddYears(-2), "自然灾害、事故灾难、公共卫生事件、社会安全事件", true,
            "总则、组织体系、运行机制、应急保障、预案管理等内容；市政府设立市突发事件应急委员会，统一领导全市突发事件应对工作。");
        var flood = Plan("枣庄市防汛抗旱应急预案", Plans.PlanKind.Special, emergency, "枣政办字〔2023〕21号", today.AddYears(-3).AddMonths(2), "水旱灾害", true,
            "预警分级、应急响应分级和群众转移安置的公开内容。");
        var forest = Plan("枣庄市森林火灾应急预案", Plans.PlanKind.Special, resources, "枣政办字〔2020〕15号", today.AddYears(-6), "森林火灾", false, "");
        var food = Plan("枣庄市食品安全事故应急预案", Plans.PlanKind.Department, market, "枣市监发〔2022〕8号", today.AddYears(-4), "食品安全事故", false, "");
        var safety = Plan("薛城区安全生产事故应急预案", Plans.PlanKind.Special, xuecheng, "薛政办发〔2021〕6号", today.AddYears(-5), "生产安全事故", false, "");
        safety.LastReviewedOn = today.AddYears(-3).AddMonths(-2);
        db.Plans.AddRange(overall, flood, forest, food, safety);
        var floodDrill = new Plans.Drill
        {
            PlanId = flood.Id, OrgUnitId = flood.OrgUnitId, Kind = Plans.DrillKind.FullScale, PlannedOn = today.AddMonths(-5), HeldOn = today.AddMonths(-5),
            Scenario = "城区内涝和河道超警戒水位，转移沿河群众（演示）", Participants = "市应急管理局、市水利局、市中区、消防救援支队，约 300 人", Evaluation = "响应及时，转移路线清楚；通信保障和物资调拨有短板（演示）", IsDemo = true,
        };
        var forestDrill = new Plans.Drill
        {
            PlanId = forest.Id, OrgUnitId = forest.OrgUnitId, Kind = Plans.DrillKind.Tabletop, PlannedOn = today.AddYears(-4), HeldOn = today.AddYears(-4),
            Scenario = "山亭区林区火情扑救桌面推演（演示）", Participants = "市自然资源和规划局、山亭区", Evaluation = "分工明确（演示）", IsDemo = true,
        };
        var planned = new Plans.Drill
        {
            PlanId = safety.Id, OrgUnitId = safety.OrgUnitId, Kind = Plans.DrillKind.Functional, PlannedOn = today.AddMonths(1), Scenario = "危化品储罐泄漏处置（演示）", IsDemo = true,
        };
        db.Drills.AddRange(floodDrill, forestDrill, planned);
        db.DrillProblems.AddRange(
            new Plans.DrillProblem { DrillId = floodDrill.Id, OrgUnitId = flood.OrgUnitId, Description = "应急通信在断电后中断 40 分钟（演示）", RectifyBy = today.AddMonths(-2), RectifiedOn = today.AddMonths(-3), Measures = "配备卫星电话和备用电源（演示）" },
            new Plans.DrillProblem { DrillId = floodDrill.Id, OrgUnitId = flood.OrgUnitId, Description = "沙袋等防汛物资储备点分布不均（演示）", RectifyBy = today.AddMonths(1) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A three-level power list for one matter family (城市绿化: 枣庄市城市绿化条例) at the city, Shizhong, Xuecheng and one
    /// town, with Xuecheng lacking the felling approval (a 市县同权 gap, its proposal pending), a town delegation, and an
    /// item citing 行政复议法 (2017) 第三十二条, amended since, so the legal-change check flags it.
    /// </summary>
    private async Task SeedPowersAsync(CancellationToken ct)
    {
        var v1 = new Powers.PowerListVersion { Number = 1, Status = CertVersionStatus.Published, EffectiveOn = new DateOnly(2022, 1, 1), Note = "演示：权责清单（城市绿化）", PublishedBy = "演示", PublishedAt = DateTimeOffset.UtcNow };
        var v2 = new Powers.PowerListVersion { Number = 2, Status = CertVersionStatus.Draft };
        db.PowerVersions.AddRange(v1, v2);
        var city = await UnitAsync("ZHZF", ct);
        var justice = await UnitAsync("SFJ", ct);
        var shizhong = await UnitAsync("370402", ct);
        var xuecheng = await UnitAsync("370403", ct);
        var town = await UnitAsync("370402001", ct);
        const string penalty = "ZZLH-CF-001", license = "ZZLH-XK-001", inspection = "ZZLH-JC-001";
        var rows = new (string Matter, string Name, Powers.PowerKind Kind, Fazhi.Platform.Kit.OrgUnitInfo Unit, string Basis)[]
        {
            (penalty, "对擅自砍伐城市树木的处罚", Powers.PowerKind.Penalty, city, "《枣庄市城市绿化条例》第四十一条"),
            (penalty, "对擅自砍伐城市树木的处罚", Powers.PowerKind.Penalty, shizhong, "《枣庄市城市绿化条例》第四十一条"),
            (penalty, "对擅自砍伐城市树木的处罚", Powers.PowerKind.Penalty, xuecheng, "《枣庄市城市绿化条例》第四十一条"),
            (penalty, "对擅自砍伐城市树木的处罚", Powers.PowerKind.Penalty, town, "《枣庄市城市绿化条例》第四十一条"),
            (license, "砍伐城市树木审批", Powers.PowerKind.License, city, "《枣庄市城市绿化条例》第三十一条"),
            (license, "砍伐城市树木审批", Powers.PowerKind.License, shizhong, "《枣庄市城市绿化条例》第三十一条"),
            (inspection, "城市绿化监督检查", Powers.PowerKind.Inspection, city, "《枣庄市城市绿化条例》第三十三条"),
            (inspection, "城市绿化监督检查", Powers.PowerKind.Inspection, shizhong, "《枣庄市城市绿化条例》第三十三条"),
            (inspection, "城市绿化监督检查", Powers.PowerKind.Inspection, xuecheng, "《枣庄市城市绿化条例》第三十三条"),
            ("XZFY-JD-001", "行政复议决定履行监督", Powers.PowerKind.Inspection, justice, "《行政复议法》第三十二条"),
        };
        var n = 0;
        foreach (var (matter, name, kind, unit, basis) in rows)
        {
            var r = new Powers.PowerItemRevision { ItemCode = $"ZZQZ-{++n:000}", FromVersion = 1, IsDemo = true };
            FillPower(r, matter, name, kind, unit, basis);
            db.PowerItems.Add(r);
        }
        // Linked to the enforcement module's sample matter of the same code (ADR 0039: the enforcement links page).
        var market = await UnitAsync("SJJ", ct);
        var linked = new Powers.PowerItemRevision { ItemCode = "ZZQZ-012", FromVersion = 1, IsDemo = true };
        FillPower(linked, "SL-370400-002", "对经营者未明码标价的行政处罚", Powers.PowerKind.Penalty, market, "《中华人民共和国价格法》第四十二条");
        db.PowerItems.Add(linked);
        var gap = new Powers.PowerChange
        {
            ChangeKind = CertChangeKind.Add, ItemCode = "ZZQZ-011", DraftVersionId = v2.Id, OrgUnitId = xuecheng.Id, Reason = "补齐市县同权缺口（演示）", ProposedBy = "demo-xuecheng",
            ProposedOn = clock.Today, ReviewStatus = CertChangeStatus.Pending, IsDemo = true,
        };
        FillPower(gap, license, "砍伐城市树木审批", Powers.PowerKind.License, xuecheng, "《枣庄市城市绿化条例》第三十一条");
        db.PowerChanges.Add(gap);
        db.TownDelegations.Add(new Powers.TownDelegation
        {
            ItemCode = "ZZQZ-002", ItemName = "对擅自砍伐城市树木的处罚", TownUnitId = town.Id, TownName = town.Name, DocumentNumber = "市中政发〔2021〕12号",
            DocumentTitle = "市中区人民政府关于向街道赋予部分县级行政权力事项的决定（演示）", DelegatedOn = new DateOnly(2021, 12, 20), IsDemo = true,
        });
        await db.SaveChangesAsync(ct);
        await powers.CheckLegalChangesAsync(ct);
    }

    private static void FillPower(Powers.PowerItemContent r, string matter, string name, Powers.PowerKind kind, Fazhi.Platform.Kit.OrgUnitInfo unit, string basis)
    {
        (r.MatterCode, r.Name, r.Kind, r.Level, r.UnitId, r.UnitName, r.LegalBasis) = (matter, name, kind, Powers.PowerService.LevelOf(unit), unit.Id, unit.Name, basis);
        r.SubItems = "";
        r.Responsibilities = "1.受理责任；2.审查责任；3.决定责任；4.送达责任；5.事后监管责任；6.其他法律法规规章规定应履行的责任（演示）。";
        r.Accountability = "不履行或不正确履行职责，有不作为、乱作为情形的，依法追究相应责任（演示）。";
        r.Status = Powers.PowerItemStatus.InForce;
    }

    private async Task<Fazhi.Platform.Kit.OrgUnitInfo> UnitAsync(string code, CancellationToken ct) =>
        await orgs.FindByCodeAsync(code.StartsWith("37", StringComparison.Ordinal) ? code : "370400-" + code, ct)
        ?? throw new InvalidOperationException($"演示数据需要机构 {code}。");

    private async Task SeedListAsync(CancellationToken ct)
    {
        var v1 = new CertListVersion { Number = 1, Status = CertVersionStatus.Published, EffectiveOn = new DateOnly(2025, 3, 1), Note = "演示：枣庄市证明事项清单（实行告知承诺制）首次发布", PublishedBy = "演示", PublishedAt = DateTimeOffset.UtcNow };
        var v2 = new CertListVersion { Number = 2, Status = CertVersionStatus.Published, EffectiveOn = new DateOnly(2026, 6, 1), Note = "演示：动态调整，取消 1 项、调整 1 项、新增 2 项", PublishedBy = "演示", PublishedAt = DateTimeOffset.UtcNow };
        var v3 = new CertListVersion { Number = 3, Status = CertVersionStatus.Draft };
        db.CertVersions.AddRange(v1, v2, v3);
        var revisions = new List<CertItemRevision>();
        for (var i = 0; i < Items.Length; i++)
        {
            var (name, matter, unitCode, issuer, basis, notify) = Items[i];
            var unit = await UnitAsync(unitCode, ct);
            var r = new CertItemRevision { ItemCode = $"ZZZM-{i + 1:000}", FromVersion = 1, IsDemo = true };
            Fill(r, name, matter, unit, issuer, basis, notify);
            revisions.Add(r);
        }
        // Version 2: ZZZM-005 cancelled (部门间核查), ZZZM-003 moved to notify-and-commit, two items added.
        var cancelled = revisions[4];
        cancelled.ToVersion = 2;
        var cancel = Copy(cancelled, 2);
        (cancel.Status, cancel.CancelledOn, cancel.CancelReason) = (CertItemStatus.Cancelled, new DateOnly(2026, 6, 1), "通过部门间核查获取户籍信息，不再索要居住证明（演示）");
        var changed = revisions[2];
        changed.ToVersion = 2;
        var change = Copy(changed, 2);
        Commit(change);
        revisions.AddRange([cancel, change]);
        var sjj = await UnitAsync("SJJ", ct);
        var xuecheng = await UnitAsync("370403", ct);
        var added1 = new CertItemRevision { ItemCode = "ZZZM-029", FromVersion = 2, IsDemo = true };
        Fill(added1, "场地使用证明", "小餐饮店登记", sjj, "产权人或村（居）委会", "《山东省优化营商环境条例》第二十九条", true);
        var added2 = new CertItemRevision { ItemCode = "ZZZM-030", FromVersion = 2, IsDemo = true };
        Fill(added2, "监护关系证明", "未成年人法律援助申请", xuecheng, Village, "《法律援助法》第四十一条", true);
        revisions.AddRange([added1, added2]);
        db.CertItems.AddRange(revisions);
        // The reviewed changes behind version 2, kept with their version.
        foreach (var (rev, kind) in new[] { (cancel, CertChangeKind.Cancel), (change, CertChangeKind.Change), (added1, CertChangeKind.Add), (added2, CertChangeKind.Add) })
        {
            db.CertChanges.Add(ChangeOf(rev, kind, v2.Id, CertChangeStatus.Accepted, "演示：审核通过", new DateOnly(2026, 5, 20)));
        }
        // The open draft (version 3): Xuecheng's pending proposals and one the owner rejected.
        var pendingChange = new CertItemRevision { ItemCode = "ZZZM-026" };
        pendingChange.CopyContentFrom(revisions[25]);
        pendingChange.ServiceGuide = "申请人填写《临时救助申请书》并作出书面承诺，乡镇（街道）在 5 个工作日内入户核查（演示）。";
        Commit(pendingChange);
        db.CertChanges.Add(ChangeOf(pendingChange, CertChangeKind.Change, v3.Id, CertChangeStatus.Pending, "", null, "改为告知承诺制，减少群众跑腿（演示）"));
        var pendingAdd = new CertItemRevision { ItemCode = "ZZZM-031" };
        Fill(pendingAdd, "养犬登记居住证明", "养犬登记", xuecheng, Village, "《中华人民共和国动物防疫法》第三十条", true);
        db.CertChanges.Add(ChangeOf(pendingAdd, CertChangeKind.Add, v3.Id, CertChangeStatus.Pending, "", null, "新增区级事项（演示）"));
        var rejected = new CertItemRevision { ItemCode = "ZZZM-032" };
        Fill(rejected, "无房证明", "公租房申请", xuecheng, "不动产登记机构", "《公共租赁住房管理办法》第七条", false);
        db.CertChanges.Add(ChangeOf(rejected, CertChangeKind.Add, v3.Id, CertChangeStatus.Rejected, "可通过不动产登记信息共享核查，不得设定为证明事项（山东省优化营商环境条例 第三十九条）（演示）",
            clock.Today, "新增区级事项（演示）"));
        await db.SaveChangesAsync(ct);
    }

    private static void Fill(CertItemContent r, string name, string matter, Fazhi.Platform.Kit.OrgUnitInfo unit, string issuer, string basis, bool notify)
    {
        (r.Name, r.Matter, r.RequestingUnitId, r.RequestingUnitName, r.IssuingUnit, r.LegalBasis, r.Status) = (name, matter, unit.Id, unit.Name, issuer, basis, CertItemStatus.InForce);
        r.ServiceGuide = $"申请人向{unit.Name}提交“{name}”或作出书面承诺；窗口一次性告知所需材料，办理时限以办事指南为准（演示）。";
        if (notify)
        {
            Commit(r);
        }
    }

    private static void Commit(CertItemContent r)
    {
        r.NotifyCommit = true;
        r.CommitmentText = $"本人（单位）承诺所述“{r.Name}”相关情况真实，如有虚假，愿意承担相应法律责任。";
        r.VerificationMethod = "办结后 30 日内通过部门间数据共享核查，必要时实地核查。";
        r.FalseCommitmentConsequence = "责令限期改正；逾期不改正的撤销相关决定，记入信用记录（山东省优化营商环境条例 第二十九条）。";
    }

    private static CertItemRevision Copy(CertItemRevision from, int version)
    {
        var r = new CertItemRevision { ItemCode = from.ItemCode, FromVersion = version, IsDemo = true };
        r.CopyContentFrom(from);
        return r;
    }

    private static CertChange ChangeOf(CertItemRevision r, CertChangeKind kind, Guid draft, CertChangeStatus status, string note, DateOnly? reviewedOn, string reason = "动态调整（演示）")
    {
        var c = new CertChange
        {
            Kind = kind, ItemCode = r.ItemCode, DraftVersionId = draft, OrgUnitId = r.RequestingUnitId, Reason = reason, ProposedBy = "demo-xuecheng",
            ProposedOn = reviewedOn?.AddDays(-3) ?? new DateOnly(2026, 11, 30), ReviewStatus = status, ReviewNote = note, ReviewedBy = status == CertChangeStatus.Pending ? "" : "demo-city",
            ReviewedOn = reviewedOn, IsDemo = true,
        };
        c.CopyContentFrom(r);
        return c;
    }

    private async Task SeedReportsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var xuecheng = await UnitAsync("370403", ct);
        var police = await UnitAsync("GAJ", ct);
        var lateStart = today.AddDays(-20);
        var rows = new[]
        {
            (Number: "ZMJB-YS-001", Unit: xuecheng, Received: today.AddDays(-1), Matter: "临时救助申请", Cert: "无犯罪记录证明", Answered: false),
            (Number: "ZMJB-YS-002", Unit: police, Received: lateStart, Matter: "户口迁移", Cert: "父母双方无异议公证书", Answered: false),
            (Number: "ZMJB-YS-003", Unit: xuecheng, Received: today.AddDays(-10), Matter: "政府信息公开申请", Cert: "单位介绍信", Answered: true),
        };
        foreach (var row in rows)
        {
            var due = (await clock.AddWorkingDaysAsync(row.Received, 5, ct)).Date;
            db.Reports.Add(new OutsideListReport
            {
                Number = row.Number, OrgUnitId = row.Unit.Id, UnitAsReported = row.Unit.Name, QueryCodeHash = ReportService.Hash(DemoQueryCode), ReporterName = "演示群众",
                ContactPhone = SensitiveText.Phone("13800000000"), Matter = row.Matter, CertificateName = row.Cert, DemandedOn = row.Received.AddDays(-1),
                Description = $"办理“{row.Matter}”时窗口要求提供“{row.Cert}”，该证明不在公布的证明事项清单中（演示）。", ReceivedOn = row.Received, DueOn = due,
                Status = row.Answered ? ReportStatus.Answered : ReportStatus.Open, Finding = row.Answered ? ReportFinding.ConfirmedCorrected : null,
                Answer = row.Answered ? "经核实，窗口工作人员要求提供单位介绍信不符合证明事项清单，已当面纠正并对相关人员批评教育，申请已受理（演示）。" : "",
                AnsweredBy = row.Answered ? "demo-xuecheng" : "", AnsweredOn = row.Answered ? row.Received.AddDays(3) : null, IsDemo = true,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
