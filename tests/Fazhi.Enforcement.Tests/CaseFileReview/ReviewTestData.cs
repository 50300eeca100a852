using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.CaseFileReview;

/// <summary>Cases written straight into the database (as the system) in the state a test needs, without walking every stage.</summary>
internal sealed class ReviewTestData(FazhiFactory factory)
{
    public Task<Guid> UnitAsync(string code) =>
        factory.UnitIdAsync(code);

    /// <summary>A random, otherwise unused ten-day window in the past, so other tests' cases stay out of the population.</summary>
    public static (DateOnly From, DateOnly To) Window()
    {
        var from = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 6500));
        return (from, from.AddDays(10));
    }

    public Task<PenaltyCase> CaseAsync(Guid unit, CaseStage stage, DateOnly? closedOn, Action<PenaltyCase>? shape = null) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EnforcementDb>();
        var day = closedOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        var c = new PenaltyCase
        {
            OrgUnitId = unit, BodyId = Guid.NewGuid(), Number = "T-" + Guid.NewGuid().ToString("N")[..20], MatterName = "未明码标价", Stage = stage,
            PartyKind = PartyKind.Organisation, PartyName = "枣庄评查测试有限公司", Summary = "测试案件", OpenedOn = day.AddDays(-30), DecisionDueOn = day.AddDays(60),
            DecisionNumber = "枣测罚〔" + Guid.NewGuid().ToString("N")[..12] + "〕号", DecidedOn = day.AddDays(-10), FineAmount = 2000m, PenaltyText = "罚款 2000 元",
            ClosedOn = stage == CaseStage.Closed ? day : null,
        };
        shape?.Invoke(c);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    /// <summary>Publishes a case's decision the way the case service does (public row plus search terms).</summary>
    public Task<PublishedDecision> PublishAsync(PenaltyCase c, string bodyName) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EnforcementDb>();
        var d = new PublishedDecision
        {
            CaseId = c.Id, OrgUnitId = c.OrgUnitId, BodyName = bodyName, DecisionNumber = c.DecisionNumber, PartyDisplay = c.PartyName, PartyCreditCode = c.PartyCreditCode,
            MatterName = c.MatterName, PenaltyText = c.PenaltyText, DecidedOn = c.DecidedOn!.Value, PublishedOn = c.DecidedOn!.Value.AddDays(3),
        };
        db.PublishedDecisions.Add(d);
        foreach (var t in PublicSearch.Terms(d))
        {
            db.PublishedTerms.Add(new PublishedDecisionTerm { DecisionId = d.Id, Term = t });
        }
        await db.SaveChangesAsync();
        return d;
    });
}
