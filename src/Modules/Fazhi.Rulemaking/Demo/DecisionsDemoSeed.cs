using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Decisions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Demo;

/// <summary>
/// <c>--demo</c>: the city's published catalogue of major administrative decisions with two decisions of Xuecheng — one
/// returned by 程序回流 to 专家论证 (its expert opinion came from an interested party) and still missing its legality review,
/// one through the collective decision and published — with evidence files attached per step. Idempotent.
/// </summary>
internal sealed class DecisionsDemoSeed(RulemakingDb db, DecisionService service, IOrgDirectory orgs, IDeadlineService clock) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Catalogues.AnyAsync(c => c.IsDemo, ct) || await orgs.FindByCodeAsync("370403", ct) is not { } xuecheng)
        {
            return;
        }
        var today = clock.Today;
        var catalogue = await service.CreateCatalogueAsync(new CatalogueInput(today.Year, "枣庄市人民政府重大行政决策事项目录"), ct);
        await service.PublishCatalogueAsync(catalogue.Id, ct);

        var parking = await service.AddAsync(new DecisionInput(catalogue.Id, "薛城区城区公共停车收费标准调整", "调整城区道路临时停车泊位和公共停车场的收费标准。", xuecheng.Id), ct);
        await StepAsync(parking.Id, DecisionStep.PublicParticipation, today.AddDays(-80), today.AddDays(-45), "在区政府网站公开征求意见 35 日，收到意见 42 条。", ct);
        await StepAsync(parking.Id, DecisionStep.ExpertArgumentation, today.AddDays(-40), today.AddDays(-40), "召开专家论证会，5 名专家出具论证意见。", ct);
        await service.NotRequiredAsync(parking.Id, DecisionStep.RiskAssessment, new NotRequiredInput("调整幅度小，经初步研判不涉及社会稳定风险。"), ct);
        await service.ReturnAsync(parking.Id, new ReturnInput(DecisionStep.ExpertArgumentation, "论证专家中有 1 人为停车场运营企业股东，与决策事项有直接利害关系，应回避后重新论证（第二十条）。"), ct);

        var greening = await service.AddAsync(new DecisionInput(catalogue.Id, "薛城区城市绿地系统规划（2026—2035年）", "确定城区绿地布局、指标和分期建设安排。", xuecheng.Id), ct);
        await StepAsync(greening.Id, DecisionStep.PublicParticipation, today.AddDays(-120), today.AddDays(-85), "公开征求意见 35 日，召开听证会 1 次。", ct);
        await StepAsync(greening.Id, DecisionStep.ExpertArgumentation, today.AddDays(-80), today.AddDays(-80), "规划、园林专家论证通过。", ct);
        await StepAsync(greening.Id, DecisionStep.RiskAssessment, today.AddDays(-78), today.AddDays(-70), "社会稳定风险评估报告：低风险。", ct);
        await StepAsync(greening.Id, DecisionStep.LegalityReview, today.AddDays(-68), today.AddDays(-50), "区司法局合法性审查意见：合法。", ct);
        await EvidenceAsync(greening.Id, DecisionStep.CollectiveDecision, "会议纪要.pdf", ct);
        await service.MeetingAsync(greening.Id, new MeetingInput(today.AddDays(-40), "区政府第 12 次常务会议讨论，同意。", "区长：同意实施，由区住建局牵头。"), ct);
        await service.PublishAsync(greening.Id, new DecisionPublishInput(today.AddDays(-35)), ct);

        await db.Catalogues.Where(c => c.Id == catalogue.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDemo, true), ct);
        await db.Decisions.Where(d => d.CatalogueId == catalogue.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDemo, true), ct);
    }

    private async Task StepAsync(Guid id, DecisionStep step, DateOnly from, DateOnly to, string note, CancellationToken ct)
    {
        await EvidenceAsync(id, step, DecisionProcedure.Name(step) + "材料.pdf", ct);
        await service.CompleteAsync(id, step, new StepInput(from, to, note, null), ct);
    }

    private async Task EvidenceAsync(Guid id, DecisionStep step, string name, CancellationToken ct)
    {
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n" + name + "（演示材料）\n%%EOF"));
        await service.AddEvidenceAsync(id, step.ToString(), file, name, ct);
    }
}
