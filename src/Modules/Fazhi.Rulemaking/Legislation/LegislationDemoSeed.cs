using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Legislation;

/// <summary>
/// <c>--demo</c>: the city's adopted legislative plan for the year with its items at several stages — a rule under public
/// comment with citizens' comments (two answered, one not) and a contact point's bulk submission (中心街街道, <c>demo-town</c>),
/// a rule in drafting with two versions to compare, a local regulation just initiated, a rule published whose filing is
/// overdue, and one filed, a rule at review published for comment a second time on its 送审稿 (规章制定程序条例 第二十一条,
/// ADR 0069; the first round's answered comments kept) — and two recorded plan changes (an item added, an item's dates
/// moved). Idempotent.
/// </summary>
internal sealed class LegislationDemoSeed(RulemakingDb db, LegislationService service, IOrgDirectory orgs, IDeadlineService clock, IPhoneVerification phones) : IDemoSeed
{
    /// <summary>A citizen's comment as the public form makes it: the mobile proved by a kit code (ADR 0065).</summary>
    private async Task<CommentReceipt> CommentAsync(PublicDraft draft, string article, string text, string name, string phone, CancellationToken ct)
    {
        var code = await phones.RequestAsync(LegislationService.CodeRules, draft.Version.Id.ToString(), phone, null, issue: true, ct);
        return await service.SubmitPublicAsync(new PublicCommentInput(draft.Project.Id, article, text, name, phone, code), ct);
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.LegislativePlans.AnyAsync(p => p.IsDemo, ct) || await orgs.FindByCodeAsync("370400-ZJJ", ct) is not { } housing
            || await orgs.FindByCodeAsync("370400-GAJ", ct) is not { } police || await orgs.FindByCodeAsync("370400-JTYS", ct) is not { } transport
            || await orgs.FindByCodeAsync("370400-WLJ", ct) is not { } culture || await orgs.FindByCodeAsync("370402001", ct) is not { } town)
        {
            return;
        }
        var today = clock.Today;
        var plan = await service.CreatePlanAsync(new PlanInput(today.Year, $"枣庄市人民政府{today.Year}年立法工作计划"), ct);
        var greening = await ItemAsync(plan.Id, "枣庄市城市绿化管理办法", LegislationKind.GovernmentRule, housing, today.AddDays(40), today.AddDays(100), ct);
        var dogs = await ItemAsync(plan.Id, "枣庄市养犬管理办法", LegislationKind.GovernmentRule, police, today.AddDays(60), today.AddDays(150), ct);
        var property = await ItemAsync(plan.Id, "枣庄市物业管理条例", LegislationKind.LocalRegulation, housing, today.AddDays(120), today.AddDays(200), ct);
        var ebikes = await ItemAsync(plan.Id, "枣庄市电动自行车管理办法", LegislationKind.GovernmentRule, transport, today.AddDays(-150), today.AddDays(-60), ct);
        var heating = await ItemAsync(plan.Id, "枣庄市城市供热管理办法", LegislationKind.GovernmentRule, housing, today.AddDays(-60), today.AddDays(60), ct);
        await service.AdoptPlanAsync(plan.Id, ct);
        var heritage = await service.AddItemAsync(plan.Id, new PlanItemInput("枣庄市历史文化街区保护办法", LegislationKind.GovernmentRule, culture.Id, today.AddDays(-160), today.AddDays(-90),
            "台儿庄古城周边街区保护急需规范，经市政府同意增列。"), ct);
        var p = await db.LegislationProjects.AsNoTracking().FirstAsync(x => x.Id == property.Id, ct);
        await service.ChangeItemAsync(property.Id, new PlanItemChangeInput(today.AddDays(180), today.AddDays(260), "上位法《物业管理条例》修订中，推迟报送以便衔接。", p.Version), ct);

        // Under public comment: version 1 open from 10 days ago for 40 days; citizens' comments and a contact point's.
        await StepAsync(greening.Id, LegislationStage.Initiated, "市政府常务会议同意列入年度立法计划并立项。", ct);
        await StepAsync(greening.Id, LegislationStage.Drafting, "市住房和城乡建设局成立起草小组。", ct);
        await service.AddVersionAsync(greening.Id, new VersionInput("征求意见稿", Greening, "起草小组形成征求意见稿。"), ct);
        await service.AdvanceAsync(greening.Id, new AdvanceInput(LegislationStage.PublicComment, today, "在市政府门户网站和法治枣庄公开征求意见。", 1, today.AddDays(30), null, null, null, null, null,
            null), ct);
        await db.LegislationProjects.Where(x => x.Id == greening.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CommentFrom, today.AddDays(-10)), ct);
        await db.CommentRounds.Where(x => x.ProjectId == greening.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.From, today.AddDays(-10)).SetProperty(x => x.OpenedOn, today.AddDays(-10)), ct);
        await db.LegislationStages.Where(x => x.ProjectId == greening.Id && x.Stage == LegislationStage.PublicComment).ExecuteUpdateAsync(s => s.SetProperty(x => x.On, today.AddDays(-10)), ct);
        var open = await service.PublicDraftAsync(greening.Id, ct) ?? throw new InvalidOperationException("The demo draft is not open for comment.");
        var a = await CommentAsync(open, "第五条", "建议明确居住区绿地率不低于百分之三十的计算口径，地下车库顶板覆土绿化是否计入。", "张先生", "13906320101", ct);
        var b = await CommentAsync(open, "第七条", "砍伐树木的审批时限建议写明，避免群众反复跑腿。", "李女士", "13906320102", ct);
        await CommentAsync(open, "第八条", "罚款数额偏低，建议提高到按树木价值的五倍以下处罚。", "", "13906320101", ct);
        var all = await db.LegislationComments.Where(c => c.ProjectId == greening.Id).ToListAsync(ct);
        await service.AnswerAsync(all.First(c => c.Number == a.Number).Id, new AnswerInput(CommentAnswer.Adopted, "已在第五条增加“地下设施顶板覆土达到一点五米以上的绿地按百分之五十计入”。"), ct);
        await service.AnswerAsync(all.First(c => c.Number == b.Number).Id, new AnswerInput(CommentAnswer.PartlyAdopted, "审批时限已写入第七条（二十个工作日）；“一次办好”属于实施层面，在配套制度中落实。"), ct);
        var point = new ContactPoint { OrgUnitId = town.Id, Name = "市中区中心街街道基层立法联系点", EstablishedOn = today.AddYears(-2), IsDemo = true };
        db.ContactPoints.Add(point);
        await db.SaveChangesAsync(ct);
        await service.SubmitForAsync(point, greening.Id, new BulkInput(
        [
            new BulkItem("第六条", "老旧小区绿地被占作停车位的情况普遍，建议规定补建绿地的责任主体。", "居民座谈会（12 人）"),
            new BulkItem("第六条", "建议允许业主大会决定将少量绿地改建为停车位，但须报批。", "物业企业代表"),
            new BulkItem("第九条", "建议增加街道办事处对违法占绿的劝阻和报告职责。", "社区工作者"),
        ]), ct);

        await SecondRoundAsync(heating.Id, point, today, ct);

        // In drafting, two versions: the second inserts an article and changes another.
        await StepAsync(dogs.Id, LegislationStage.Initiated, "经市政府同意立项。", ct);
        await StepAsync(dogs.Id, LegislationStage.Drafting, "市公安局牵头起草，市综合行政执法局参与。", ct);
        await service.AddVersionAsync(dogs.Id, new VersionInput("第一稿", Dogs1, "初稿。"), ct);
        await service.AddVersionAsync(dogs.Id, new VersionInput("第二稿", Dogs2, "吸收座谈会意见：增加犬只免疫条款，修改遛犬规定。"), ct);

        await StepAsync(property.Id, LegislationStage.Initiated, "市人大常委会立法规划项目，市政府提请审议的法规案。", ct);

        // Published 40 days ago, not filed: the filing is overdue. And one published and filed.
        await PublishedAsync(ebikes.Id, today.AddDays(-40), "枣庄市人民政府令第 112 号", filed: false, ct);
        await PublishedAsync(heritage.Id, today.AddDays(-70), "枣庄市人民政府令第 111 号", filed: true, ct);

        await db.LegislativePlans.Where(x => x.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDemo, true), ct);
        await db.LegislationProjects.Where(x => x.PlanId == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDemo, true), ct);
        await db.LegislationComments.Where(x => x.ProjectId == greening.Id || x.ProjectId == heating.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDemo, true), ct);
    }

    /// <summary>
    /// A rule at review with two comment rounds (ADR 0069): the 征求意见稿 was open 80 to 51 days ago (规章制定程序条例 第十五条) with
    /// the contact point's comments, answered; at review the office published the 送审稿 again (第二十一条), open now, with a
    /// citizen's comment. Written through the service, then the first round's dates moved into the past.
    /// </summary>
    private async Task SecondRoundAsync(Guid id, ContactPoint point, DateOnly today, CancellationToken ct)
    {
        await StepAsync(id, LegislationStage.Initiated, "经市政府同意立项。", ct);
        await StepAsync(id, LegislationStage.Drafting, "市住房和城乡建设局牵头起草。", ct);
        await service.AddVersionAsync(id, new VersionInput("征求意见稿", Heating1, "起草小组形成征求意见稿。"), ct);
        await service.AdvanceAsync(id, new AdvanceInput(LegislationStage.PublicComment, today, "在市政府门户网站公开征求意见。", 1, today.AddDays(29), null, null, null, null, null, null), ct);
        var first = await service.SubmitForAsync(point, id, new BulkInput(
        [
            new BulkItem("第三条", "建议明确供热企业停热须提前告知用户的时限。", "居民座谈会（8 人）"),
            new BulkItem("第四条", "室温不达标时的退费办法应写入办法。", "社区工作者"),
        ]), ct);
        await service.AnswerAsync(first[0].Id, new AnswerInput(CommentAnswer.Adopted, "送审稿第四条写明提前 24 小时告知。"), ct);
        await service.AnswerAsync(first[1].Id, new AnswerInput(CommentAnswer.PartlyAdopted, "送审稿第五条规定室温不达标的退费；具体标准由价格主管部门另定。"), ct);
        // The first round ran 80 to 51 days ago; the stages before it earlier still.
        var (from, to) = (today.AddDays(-80), today.AddDays(-51));
        await db.LegislationProjects.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CommentFrom, from).SetProperty(x => x.CommentTo, to), ct);
        await db.CommentRounds.Where(x => x.ProjectId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.From, from).SetProperty(x => x.To, to).SetProperty(x => x.OpenedOn, from), ct);
        await db.DraftVersions.Where(x => x.ProjectId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedOn, from.AddDays(-5)), ct);
        await db.LegislationComments.Where(x => x.ProjectId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedOn, from.AddDays(10)).SetProperty(x => x.AnsweredOn, to.AddDays(3)), ct);
        foreach (var (stage, on) in new[] { (LegislationStage.Initiated, from.AddDays(-40)), (LegislationStage.Drafting, from.AddDays(-30)), (LegislationStage.PublicComment, from) })
        {
            await db.LegislationStages.Where(x => x.ProjectId == id && x.Stage == stage).ExecuteUpdateAsync(s => s.SetProperty(x => x.On, on), ct);
        }
        db.ChangeTracker.Clear();
        await StepAsync(id, LegislationStage.Review, "市司法局审查送审稿。", ct);
        await db.LegislationStages.Where(x => x.ProjectId == id && x.Stage == LegislationStage.Review).ExecuteUpdateAsync(s => s.SetProperty(x => x.On, to.AddDays(5)), ct);
        await service.AddVersionAsync(id, new VersionInput("送审稿", Heating2, "吸收第一轮意见：增加停热告知和退费条款。"), ct);
        var project = await db.LegislationProjects.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        await service.OpenReviewRoundAsync(id, new CommentRoundInput(2, today, today.AddDays(29), null, project.Version), ct);
        var open = await service.PublicDraftAsync(id, ct) ?? throw new InvalidOperationException("The demo 送审稿 is not open for comment.");
        await CommentAsync(open, "第五条", "建议退费按不达标天数计算，并由供热企业主动退还。", "孙女士", "13906320103", ct);
    }

    private Task<LegislationProject> ItemAsync(Guid plan, string title, LegislationKind kind, OrgUnitInfo unit, DateOnly submit, DateOnly adopt, CancellationToken ct) =>
        service.AddItemAsync(plan, new PlanItemInput(title, kind, unit.Id, submit, adopt, null), ct);

    private Task StepAsync(Guid id, LegislationStage stage, string note, CancellationToken ct) =>
        service.AdvanceAsync(id, new AdvanceInput(stage, null, note, null, null, null, null, null, null, null, null), ct);

    /// <summary>A project that went through every stage in the past (written directly: the service only takes today's periods).</summary>
    private async Task PublishedAsync(Guid id, DateOnly publishedOn, string number, bool filed, CancellationToken ct)
    {
        var project = await db.LegislationProjects.FirstAsync(x => x.Id == id, ct);
        var version = new DraftVersion
        {
            ProjectId = id, OrgUnitId = project.OrgUnitId, No = 1, Name = "草案", Text = Heritage.Replace("历史文化街区", project.Title[3..^4], StringComparison.Ordinal),
            CreatedOn = publishedOn.AddDays(-120), CreatedBy = "demo",
        };
        db.DraftVersions.Add(version);
        var steps = new (LegislationStage Stage, int DaysBefore, string Note)[]
        {
            (LegislationStage.Initiated, 150, "经市政府同意立项。"), (LegislationStage.Drafting, 140, "起草单位成立起草小组。"),
            (LegislationStage.PublicComment, 110, "公开征求意见 30 日。"), (LegislationStage.Review, 70, "市司法局审查。"),
            (LegislationStage.Decided, 20, "市政府第 38 次常务会议审议通过。"), (LegislationStage.Published, 0, $"以{number}公布。"),
        };
        foreach (var (stage, before, note) in steps)
        {
            db.LegislationStages.Add(new ProjectStageRecord { ProjectId = id, OrgUnitId = project.OrgUnitId, Stage = stage, On = publishedOn.AddDays(-before), Note = note, By = "demo" });
        }
        (project.Stage, project.CommentVersionId, project.CommentFrom, project.CommentTo) = (LegislationStage.Published, version.Id, publishedOn.AddDays(-110), publishedOn.AddDays(-80));
        db.CommentRounds.Add(new CommentRound
        {
            ProjectId = id, OrgUnitId = project.OrgUnitId, No = 1, Stage = LegislationStage.PublicComment, VersionId = version.Id, VersionNo = 1, From = publishedOn.AddDays(-110),
            To = publishedOn.AddDays(-80), OpenedBy = "demo", OpenedOn = publishedOn.AddDays(-110),
        });
        (project.DecidedOn, project.PublishedOn, project.DocumentNo, project.EffectiveOn, project.FilingDueOn) =
            (publishedOn.AddDays(-20), publishedOn, number, publishedOn.AddDays(30), publishedOn.AddDays(30));
        if (filed)
        {
            (project.Stage, project.FiledOn, project.FiledWith) = (LegislationStage.Filed, publishedOn.AddDays(15), "国务院；山东省人民代表大会常务委员会；枣庄市人民代表大会常务委员会；山东省人民政府");
            db.LegislationStages.Add(new ProjectStageRecord { ProjectId = id, OrgUnitId = project.OrgUnitId, Stage = LegislationStage.Filed, On = publishedOn.AddDays(15), Note = "报送备案。", By = "demo" });
        }
        await db.SaveChangesAsync(ct);
    }

    private const string Greening = """
        第一条 为了促进城市绿化事业发展，改善生态环境和人居环境，根据《城市绿化条例》等法律、法规，结合本市实际，制定本办法。
        第二条 本办法适用于本市城市规划区内城市绿化的规划、建设、保护和管理。
        第三条 市住房和城乡建设主管部门负责全市城市绿化工作；区（市）绿化主管部门负责本辖区的城市绿化工作。
        第四条 城市绿化规划应当纳入国土空间规划，合理确定绿地率、绿化覆盖率和人均公园绿地面积等指标。
        第五条 新建居住区绿地率不得低于百分之三十；旧城改造区绿地率不得低于百分之二十五。
        第六条 任何单位和个人不得擅自占用城市绿地；确需临时占用的，应当经城市绿化主管部门同意，并限期归还、恢复原状。
        第七条 砍伐、迁移城市树木的，应当经城市绿化主管部门批准，并按规定补植。
        第八条 违反本办法第七条规定，擅自砍伐城市树木的，由城市绿化主管部门责令停止侵害，可以并处树木价值一倍以上三倍以下的罚款。
        第九条 本办法自公布之日起三十日后施行。
        """;

    private const string Heating1 = """
        第一条 为了加强城市供热管理，保障供热质量，维护供热单位和用户的合法权益，根据有关法律、法规，结合本市实际，制定本办法。
        第二条 本办法适用于本市城市规划区内的集中供热规划、建设、经营、使用及其监督管理。
        第三条 供热单位应当按照规定的供热期连续稳定供热，不得擅自停止供热。
        第四条 供热期内，用户卧室、起居室的室内温度不得低于十八摄氏度。
        第五条 本办法自公布之日起三十日后施行。
        """;

    private const string Heating2 = """
        第一条 为了加强城市供热管理，保障供热质量，维护供热单位和用户的合法权益，根据有关法律、法规，结合本市实际，制定本办法。
        第二条 本办法适用于本市城市规划区内的集中供热规划、建设、经营、使用及其监督管理。
        第三条 供热单位应当按照规定的供热期连续稳定供热，不得擅自停止供热。
        第四条 因设施检修等原因需要临时停止供热的，供热单位应当提前二十四小时告知用户。
        第五条 供热期内，用户卧室、起居室的室内温度不得低于十八摄氏度；达不到的，供热单位应当按照不达标的天数退还相应热费。
        第六条 本办法自公布之日起三十日后施行。
        """;

    private const string Dogs1 = """
        第一条 为了规范养犬行为，保障公民人身安全，维护市容环境和社会公共秩序，根据有关法律、法规，结合本市实际，制定本办法。
        第二条 本市城市建成区内实行养犬登记制度。
        第三条 个人在城市建成区内每户限养一只犬，禁止饲养烈性犬、大型犬。
        第四条 携犬出户的，应当为犬只束牵引绳，由成年人牵领，并主动避让行人。
        第五条 违反本办法第四条规定的，由公安机关责令改正，可以处五十元以上二百元以下罚款。
        第六条 本办法自公布之日起三十日后施行。
        """;

    private const string Dogs2 = """
        第一条 为了规范养犬行为，保障公民人身安全，维护市容环境和社会公共秩序，根据有关法律、法规，结合本市实际，制定本办法。
        第二条 本市城市建成区内实行养犬登记制度。
        第三条 个人在城市建成区内每户限养一只犬，禁止饲养烈性犬、大型犬。
        第四条 养犬人应当按照规定定期为犬只注射狂犬病疫苗，凭免疫证明办理养犬登记。
        第五条 携犬出户的，应当为犬只束不超过一点五米的牵引绳，由成年人牵领，并主动避让老年人、残疾人、孕妇和儿童。
        第六条 违反本办法第五条规定的，由公安机关责令改正，可以处五十元以上二百元以下罚款。
        第七条 本办法自公布之日起三十日后施行。
        """;

    private const string Heritage = """
        第一条 为了加强历史文化街区管理，根据有关法律、法规，结合本市实际，制定本办法。
        第二条 市人民政府有关主管部门按照职责分工做好历史文化街区管理相关工作。
        第三条 本办法自公布之日起三十日后施行。
        """;
}
