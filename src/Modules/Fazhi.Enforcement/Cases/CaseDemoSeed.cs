using System.Text;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// Demo penalty cases (演示, ADR 0040) of the city market regulator, one at every stage of the ordinary procedure: opened,
/// investigating (with an evidence file), awaiting legal review (for demo-sjj, the regulator's legal reviewer), decided,
/// served, published (so /public/penalties shows decisions) and closed. Driven through the procedure's own use cases, so
/// every case has its hashed full-process record, numbers from the numbering kit and the statutory dates. Runs after
/// <see cref="Registry.RegistryDemoSeed"/> (the body and its officers); idempotent (keyed by the first party's name).
/// </summary>
internal sealed class CaseDemoSeed(EnforcementDb db, IOrgDirectory orgs, IDeadlineService deadlines, CaseOpening opening, CaseInvestigation investigation,
    CaseHearings hearings, CaseDecisions decisions, CaseExecution execution, CaseClosing closing) : IDemoSeed
{
    public const string Body = "370400-SJJ";

    private static readonly string[] Parties =
    [
        "枣庄演示立案商贸有限公司", "枣庄演示调查超市有限公司", "枣庄演示审核食品有限公司", "枣庄演示决定百货有限公司",
        "枣庄演示送达药房有限公司", "枣庄演示公示餐饮有限公司", "枣庄演示结案五金有限公司",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Cases.AnyAsync(c => c.PartyName == Parties[0], ct))
        {
            return;
        }
        var unit = (await orgs.FindByCodesAsync([Body], ct)).Values.FirstOrDefault();
        var body = unit is null ? null : await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.OrgUnitId == unit.Id, ct);
        var matter = await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.Code == "SL-370400-002", ct);
        if (body is null || matter is null)
        {
            return;
        }
        var today = deadlines.Today;
        var officers = await db.Officers.AsNoTracking().Where(o => o.BodyId == body.Id && o.CertificateExpiresOn > today)
            .OrderBy(o => o.CertificateNumber).Select(o => o.Id).Take(2).ToListAsync(ct);
        if (officers.Count < 2)
        {
            return;
        }
        for (var i = 0; i < Parties.Length; i++)
        {
            await WalkAsync(body.Id, matter.Id, officers, Parties[i], stage: i, today, ct);
        }
    }

    /// <summary>Takes one case as far as <paramref name="stage"/> (0 opened … 6 closed).</summary>
    private async Task WalkAsync(Guid bodyId, Guid matterId, IReadOnlyList<Guid> officers, string party, int stage, DateOnly today, CancellationToken ct)
    {
        var code = CreditCode(stage);
        var c = await opening.OpenAsync(new OpenCaseInput(bodyId, matterId, new PartyInput(PartyKind.Organisation, party, null, code, $"山东省枣庄市市中区光明西路{18 + stage * 2}号（演示）"),
            "经营场所内销售的商品未按规定明码标价（演示）。", today.AddDays(-40 + stage), officers), ct);
        if (stage < 1)
        {
            return;
        }
        await investigation.InvestigateAsync(c.Id, new StepInput("现场检查：货架 12 种商品未标示价格，制作现场检查笔录，当事人负责人签字确认（演示）。", today.AddDays(-38 + stage), null,
            [new RecordingRef("video", "执法记录仪 SJJ-DEMO-0" + stage, null)]), ct);
        using (var evidence = new MemoryStream(Encoding.UTF8.GetBytes($"现场检查笔录（演示）\n当事人：{party}\n检查情况：货架 12 种商品未标示价格。\n")))
        {
            await investigation.AddEvidenceFileAsync(c.Id, evidence, "现场检查笔录（演示）.txt", "现场检查笔录", ct);
        }
        if (stage < 2)
        {
            return;
        }
        var facts = new DiscretionFacts { Harm = HarmLevel.Ordinary, ActDate = today.AddDays(-45) };
        await investigation.ProposeAsync(c.Id, new ProposeInput(facts, DiscretionTier.Ordinary, 1500m + 300m * stage, null, null,
            IsMajor: stage == 2, IsSerious: false, OfferHearing: false), ct);
        await hearings.NotifyAsync(c.Id, new DateInput(today.AddDays(-20), null), ct);
        if (stage == 2)
        {
            // Awaits the regulator's legal reviewer (demo-sjj), who reads the case file and its evidence first.
            await decisions.RequestReviewAsync(c.Id, ct);
            return;
        }
        await decisions.DecideAsync(c.Id, new DecideInput(today.AddDays(-10 + stage), null), ct);
        if (stage < 4)
        {
            return;
        }
        await execution.ServeAsync(c.Id, new DateInput(today.AddDays(-9 + stage), null), ct);
        if (stage < 5)
        {
            return;
        }
        await closing.PublishAsync(c.Id, ct);
        if (stage < 6)
        {
            return;
        }
        await execution.PayAsync(c.Id, new DateInput(today.AddDays(-2), null), ct);
        await closing.CloseAsync(c.Id, new DateInput(today.AddDays(-1), null), ct);
    }

    /// <summary>A valid 统一社会信用代码 per demo party (check character computed).</summary>
    private static string CreditCode(int n)
    {
        var first17 = $"91370400MA3C5D{n:D2}0";
        return first17 + Fazhi.Platform.Features.Identifiers.UnifiedSocialCreditCode.CheckCharacter(first17 + "0");
    }
}
