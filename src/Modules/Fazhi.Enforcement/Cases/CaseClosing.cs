using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>结案, revocation (withdrawing the publication) and 公示 (行政处罚法 第四十八条).</summary>
internal sealed class CaseClosing(EnforcementDb db, IDeadlineService deadlines, CaseProcedure procedure)
{
    public async Task<PenaltyCase> CloseAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Close);
        procedure.FactDate("onDate", "结案日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ClosedOn = day;
        c.Stage = CaseStage.Closed;
        await procedure.StepAsync(c, "close", day, "结案。" + (input.Summary ?? ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>The decision is revoked (by the body, on reconsideration or by a court); its publication is withdrawn.</summary>
    public async Task<PenaltyCase> RevokeAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Revoke);
        procedure.FactDate("onDate", "撤销日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写撤销依据（如复议决定书、判决书文号）。");
        }
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.RevokedOn = day;
        c.Stage = CaseStage.Revoked;
        var published = await db.PublishedDecisions.FirstOrDefaultAsync(p => p.CaseId == c.Id && p.WithdrawnOn == null, ct);
        if (published is not null)
        {
            published.WithdrawnOn = day;
            published.WithdrawnBecause = WithdrawalReason.Revoked;
        }
        await procedure.StepAsync(c, "revoke", day, $"处罚决定被撤销：{input.Summary.Trim()}" + (published is not null ? "；已撤回公示" : ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚决定公开 (行政处罚法 第四十八条): 具有一定社会影响的行政处罚决定应当依法公开; within 7 working days (三项制度).</summary>
    public async Task<PublishedDecision> PublishAsync(Guid id, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Publish);
        if (await db.PublishedDecisions.AnyAsync(p => p.CaseId == c.Id, ct))
        {
            throw Refuse.Conflict("该处罚决定已公示。");
        }
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        var day = deadlines.Today;
        var p = new PublishedDecision
        {
            CaseId = c.Id,
            OrgUnitId = c.OrgUnitId,
            BodyName = body.Name,
            DecisionNumber = c.DecisionNumber,
            PartyDisplay = CaseDisplay.PartyDisplay(c),
            PartyCreditCode = c.PartyCreditCode,
            MatterName = c.MatterName,
            PenaltyText = c.PenaltyText,
            DecidedOn = c.DecidedOn!.Value,
            PublishedOn = day,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PublishedDecisions.Add(p);
        foreach (var term in PublicSearch.Terms(p))
        {
            db.PublishedTerms.Add(new PublishedDecisionTerm { DecisionId = p.Id, Term = term });
        }
        c.PublishedOn = day;
        c.PublishedLate = day > c.PublicationDueOn;
        var late = day > c.PublicationDueOn ? $"（超过公示期限 {c.PublicationDueOn:yyyy-MM-dd}）" : "";
        await procedure.StepAsync(c, "publish", day, $"公示行政处罚决定{late}：当事人显示为 {p.PartyDisplay}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return p;
    }
}
