using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Routing;

/// <summary>
/// --demo: publishes a rule set in which a district's (county's) 民间纠纷 go to that district, so a citizen's 市中区 application
/// is recommended to 市中区 and the demo district clerk accepts it after the centre confirms (ADR 0029). The rules of the set in
/// force are kept ahead of it (行政争议 still to 复议, 劳动争议 to 仲裁 ...); only the catch-all is split by place. Idempotent.
/// </summary>
internal sealed class DemoRoutingSeed(DisputesDb db, IOrgDirectory orgs, FrontDesk.FrontDeskCache cache) : IDemoSeed
{
    public const string Note = "演示：区（市）民间纠纷分流至所在区（市）";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<RoutingRuleSet>().AnyAsync(s => s.Note == Note, ct))
        {
            return;
        }
        var inForce = await db.Set<RoutingRuleSet>().Where(s => s.Status == RuleSetStatus.Published)
            .OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        var number = (await db.Set<RoutingRuleSet>().MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
        var set = new RoutingRuleSet { Number = number, Status = RuleSetStatus.Published, PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "system", Note = Note };
        db.Set<RoutingRuleSet>().Add(set);
        if (inForce is not null)
        {
            foreach (var r in await db.Set<RoutingRule>().AsNoTracking().Where(r => r.RuleSetId == inForce.Id).ToListAsync(ct))
            {
                db.Set<RoutingRule>().Add(new RoutingRule
                {
                    RuleSetId = set.Id, Priority = r.Priority, Name = r.Name, Category = r.Category, MinAmount = r.MinAmount, MaxAmount = r.MaxAmount,
                    ApplicantKind = r.ApplicantKind, PlaceCode = r.PlaceCode, CaseTypeCode = r.CaseTypeCode, HandlingUnitCode = r.HandlingUnitCode, Reason = r.Reason,
                });
            }
        }
        var districts = (await orgs.ActiveUnitsAsync(ct))
            .Where(o => o.Kind == OrgKind.Government && o.Level == OrgLevel.County).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var priority = 900;
        foreach (var district in districts)
        {
            db.Set<RoutingRule>().Add(new RoutingRule
            {
                RuleSetId = set.Id, Priority = priority++, Name = $"{district.Name}民间纠纷由{district.Name}人民调解（演示）",
                PlaceCode = district.Code, CaseTypeCode = CaseTypes.PeoplesMediation, HandlingUnitCode = district.Code,
                Reason = "人民调解法 第七条、第八条：人民调解委员会是依法设立的调解民间纠纷的群众性组织，村民委员会、居民委员会设立人民调解委员会；纠纷发生地的区（市）组织调解，就近化解。",
            });
        }
        await db.SaveChangesAsync(ct);
        cache.Clear(); // intake reads the set in force from the cache: the demo cases' intake has just filled it
    }
}
