using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Demo;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Cleanup;

/// <summary>
/// <c>--demo</c>: cleanup campaigns in every state (ADR 0036). A published periodic campaign (one Xuecheng document kept, one
/// repealed — its status changed — and a city notice outside Fazhi declared invalid); an open campaign after the 立法法
/// amendment with a document awaiting the unit's proposal, one proposed, one returned and one decided; an overdue special
/// campaign. One older Xuecheng document citing 立法法 第八十二条 in its 2015 text is left unlisted, so the candidates are
/// flagged by the library. Runs after the normative-document demo (its documents are listed). Idempotent.
/// </summary>
internal sealed class CleanupDemoSeed(RulemakingDb db, IOrgDirectory orgs, IDeadlineService clock, Fazhi.Library.Contracts.ILibraryPublishing library) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.CleanupCampaigns.AnyAsync(c => c.IsDemo, ct) || await orgs.FindByCodeAsync("370403", ct) is not { } xuecheng
            || await orgs.FindByCodeAsync("370400-ZJJ", ct) is not { } housing || await orgs.FindByCodeAsync("370400-JTYS", ct) is not { } transport)
        {
            return;
        }
        var today = clock.Today;
        var docs = await db.Drafts.Where(d => d.IsDemo && d.Status == DraftStatus.Published).ToListAsync(ct);
        if (docs.FirstOrDefault(d => d.Title == "薛城区城区农贸市场管理办法") is not { } market || docs.FirstOrDefault(d => d.Title == "薛城区老旧小区改造资金管理办法") is not { } renovation
            || docs.FirstOrDefault(d => d.Title == "薛城区公共租赁住房配租管理办法") is not { } rental)
        {
            return;
        }
        var demolition = Old(xuecheng, "薛城区城市房屋拆迁补偿暂行办法", new DateOnly(2018, 5, 1), 901,
            "第一条 为了规范城市房屋拆迁补偿工作，根据《城市房屋拆迁管理条例》，结合本区实际，制定本办法。\n第二条 拆迁人应当依照本办法对被拆迁人给予补偿。\n第三条 本办法有效期十年。");
        var procedure = Old(xuecheng, "薛城区行政规范性文件制定程序规定", new DateOnly(2019, 3, 1), 902,
            "第一条 为了规范行政规范性文件制定程序，根据《中华人民共和国立法法》第八十二条等有关规定，制定本规定。\n第二条 区人民政府及其部门制定行政规范性文件适用本规定。\n第三条 本规定有效期十年。");
        var publicity = Old(xuecheng, "薛城区行政执法公示办法", new DateOnly(2020, 6, 1), 903,
            "第一条 为了推行行政执法公示制度，根据《中华人民共和国行政处罚法》第三十九条，结合本区实际，制定本办法。\n第二条 行政执法机关应当在执法决定作出之日起七个工作日内公开执法决定。\n第三条 本办法有效期十年。");
        // Published 160 days ago to take effect 140 days ago, repealed by last year's campaign (published 150 days ago) before it
        // took effect: 已废止（未生效） here and in the library (ADR 0051, 0065).
        var kiosks = Old(xuecheng, "薛城区城区临时便民摊点设置办法", today.AddDays(-140), 904,
            "第一条 为了方便群众生活，规范城区临时便民摊点设置，结合本区实际，制定本办法。\n第二条 临时便民摊点由街道办事处统一规划设置，实行登记管理。\n第三条 本办法有效期十年。");
        db.Drafts.AddRange(demolition, procedure, publicity, kiosks);

        // 1. Published: last year's periodic campaign; the repealed document changed status.
        var done = Campaign("2025年度行政规范性文件定期清理", CampaignKind.Periodic, "《山东省行政规范性文件管理办法》第三十三条：制定机关应当每两年对本机关制定的行政规范性文件进行一次清理。",
            today.AddDays(-200), today.AddDays(-170));
        done.PublishedOn = today.AddDays(-150);
        db.CleanupItems.AddRange(
            Item(done, demolition, CleanupItemState.Decided, CleanupOutcome.Repeal, "上位法《城市房屋拆迁管理条例》已被《国有土地上房屋征收与补偿条例》废止，本办法失去依据。", CleanupOutcome.Repeal, today.AddDays(-160)),
            Item(done, market, CleanupItemState.Decided, CleanupOutcome.Keep, "本办法内容与现行法律法规一致，仍需继续执行。", CleanupOutcome.Keep, today.AddDays(-160)),
            Outside(done, housing, "枣庄市人民政府关于加强城市房屋拆迁管理的通知", "枣政发〔2009〕12号", CleanupItemState.Decided, CleanupOutcome.DeclareInvalid,
                "调整对象已不存在，实际已经失效。", CleanupOutcome.DeclareInvalid, today.AddDays(-160)));
        db.CleanupItems.Add(Item(done, kiosks, CleanupItemState.Decided, CleanupOutcome.Repeal, "摊点设置应执行《枣庄市城市市容和环境卫生管理条例》的规定，本办法与之不一致，施行前予以废止。",
            CleanupOutcome.Repeal, today.AddDays(-160)));
        kiosks.Status = DraftStatus.Repealed;
        kiosks.RepealedOn = done.PublishedOn;
        kiosks.RepealNote = $"{done.Title}（{done.PublishedOn:yyyy-MM-dd} 公布）：废止。施行前废止，未生效。摊点设置应执行《枣庄市城市市容和环境卫生管理条例》的规定，本办法与之不一致。";
        await library.PublishAsync(new Fazhi.Library.Contracts.PublishedText(kiosks.Title, Fazhi.Library.Contracts.PublishedTextKind.NormativeDocument, kiosks.IssuingAuthority,
            kiosks.RegistrationNo, kiosks.PublishedOn!.Value, kiosks.EffectiveOn, kiosks.Text), ct);
        await library.EndAsync(kiosks.Title, repealed: true, done.PublishedOn!.Value, kiosks.RepealNote, ct);
        demolition.Status = DraftStatus.Repealed;
        demolition.RepealedOn = done.PublishedOn;
        demolition.RepealNote = $"{done.Title}（{done.PublishedOn:yyyy-MM-dd} 公布）：废止。上位法《城市房屋拆迁管理条例》已被《国有土地上房屋征收与补偿条例》废止，本办法失去依据。";

        // 2. Open: after the 立法法 amendment, every state of an item.
        var open = Campaign("《中华人民共和国立法法》修改涉及的法规规章规范性文件专项清理", CampaignKind.HigherLawChanged,
            "2023年3月13日第十四届全国人民代表大会第一次会议修改《中华人民共和国立法法》，对引用其条文的文件开展专项清理。", today.AddDays(-20), today.AddDays(10));
        var returned = Outside(open, housing, "枣庄市住房公积金缴存管理办法", "枣政发〔2016〕8号", CleanupItemState.Returned, CleanupOutcome.Keep, "本办法运行良好。", null, null);
        returned.ReturnReason = "第七条缴存比例与《住房公积金管理条例》第十八条不一致，请核实后重新提出意见（保留还是修改）。";
        db.CleanupItems.AddRange(
            Item(open, renovation, CleanupItemState.Pending, null, "", null, null, "有效期一年内届满"),
            Item(open, publicity, CleanupItemState.Proposed, CleanupOutcome.Amend, "行政处罚法2021年修订后，执法公示条款的条文序号和内容已变化，第一条所引条文需修改。", null, null,
                "所引《中华人民共和国行政处罚法》条文已修改"),
            returned,
            Item(open, rental, CleanupItemState.Decided, CleanupOutcome.Keep, "未引用立法法条文，内容合法。", CleanupOutcome.Keep, today.AddDays(-3)));

        // 3. Overdue: a special campaign whose proposal deadline has passed.
        var late = Campaign("优化营商环境涉及的规范性文件专项清理", CampaignKind.Special, "按照《优化营商环境条例》第六十四条和省政府部署，清理含有地方保护、市场分割内容的文件。",
            today.AddDays(-40), today.AddDays(-5));
        db.CleanupItems.AddRange(
            Item(late, market, CleanupItemState.Pending, null, "", null, null, "涉及市场准入条件"),
            Outside(late, transport, "枣庄市出租汽车经营权管理办法", "枣政办发〔2012〕30号", CleanupItemState.Proposed, CleanupOutcome.Repeal,
                "经营权有偿使用的规定与国务院办公厅关于深化出租汽车行业改革的要求不符。", null, null));
        db.CleanupCampaigns.AddRange(done, open, late);
        await db.SaveChangesAsync(ct);
    }

    private static NormativeDraft Old(OrgUnitInfo unit, string title, DateOnly effective, int seq, string text) => new()
    {
        OrgUnitId = unit.Id, DraftingUnitName = unit.Name, Title = title, IssuingAuthority = RulemakingDemoSeed.Authority, Text = RulemakingDemoSeed.Authority + "\n" + text,
        Basis = "", DraftingExplanation = "起草说明：经调研起草。", CommentRecord = "已公开征求意见 30 日。", EffectiveOn = effective, ValidityYears = 10,
        ExpiresOn = effective.AddYears(10).AddDays(-1), Status = DraftStatus.Published, SubmittedOn = effective.AddDays(-60), ReviewDueOn = effective.AddDays(-40),
        ConcludedOn = effective.AddDays(-45), Conclusion = "经审核，同意提请集体审议。", ReviewerName = "市司法局合法性审核科", RegistrationNo = $"ZZFG-{effective.Year}-{seq}",
        PublishedOn = effective.AddDays(-20), FilingDueOn = effective.AddDays(10), FiledOn = effective.AddDays(-5), FiledWith = "枣庄市人民政府；薛城区人大常委会", IsDemo = true,
    };

    private static CleanupCampaign Campaign(string title, CampaignKind kind, string basis, DateOnly started, DateOnly due) => new()
    {
        Title = title, Kind = kind, Basis = basis, StartedOn = started, ProposalDueOn = due, CreatedBy = "demo-city", IsDemo = true,
    };

    private static CleanupItem Item(CleanupCampaign c, NormativeDraft d, CleanupItemState state, CleanupOutcome? proposal, string reason, CleanupOutcome? decision,
        DateOnly? decidedOn, string listed = "") => new()
    {
        CampaignId = c.Id, OrgUnitId = d.OrgUnitId, UnitName = d.DraftingUnitName, SourceKind = CleanupSourceKind.NormativeDocument, SourceId = d.Id, Title = d.Title,
        DocumentNo = d.RegistrationNo ?? "", ListedReason = listed, State = state, Proposal = proposal, ProposalReason = reason, ProposedBy = proposal is null ? "" : "demo-xuecheng",
        ProposedOn = proposal is null ? null : c.StartedOn.AddDays(7), Decision = decision, DecisionReason = decision is null ? "" : reason, DecidedBy = decision is null ? "" : "demo-city",
        DecidedOn = decidedOn, IsDemo = true,
    };

    private static CleanupItem Outside(CleanupCampaign c, OrgUnitInfo unit, string title, string no, CleanupItemState state, CleanupOutcome? proposal, string reason,
        CleanupOutcome? decision, DateOnly? decidedOn) => new()
    {
        CampaignId = c.Id, OrgUnitId = unit.Id, UnitName = unit.Name, SourceKind = CleanupSourceKind.NormativeDocument, Title = title, DocumentNo = no, State = state,
        Proposal = proposal, ProposalReason = reason, ProposedBy = proposal is null ? "" : "demo", ProposedOn = proposal is null ? null : c.StartedOn.AddDays(7), Decision = decision,
        DecisionReason = decision is null ? "" : reason, DecidedBy = decision is null ? "" : "demo-city", DecidedOn = decidedOn, IsDemo = true,
    };
}
