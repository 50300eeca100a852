using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Registry;

/// <summary>Demo data (演示): three enforcement bodies, each with officers, one of them with an expired certificate. Idempotent (officers keyed by certificate number).</summary>
internal sealed class RegistryDemoSeed(EnforcementDb db, IOrgDirectory orgs, IDeadlineService deadlines) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        string[] codes = ["370400-SJJ", "370400-STHJ", "370400-ZHZF"];
        var units = (await orgs.FindByCodesAsync(codes, ct)).Values;
        var n = 0;
        foreach (var unit in units.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            n++;
            var body = await db.Bodies.FirstOrDefaultAsync(b => b.OrgUnitId == unit.Id, ct);
            if (body is null)
            {
                body = new EnforcementBody { OrgUnitId = unit.Id, OrgCode = unit.Code, Name = unit.Name, Powers = "行政处罚、行政检查、行政强制（演示）" };
                db.Bodies.Add(body);
            }
            (string Name, int Years)[] people = [("张执法（演示）", 3), ("李执法（演示）", 2), ("赵执法（演示）", -1)];
            var i = 0;
            foreach (var (name, years) in people)
            {
                i++;
                var cert = $"37040{n}{i:D2}DEMO";
                if (await db.Officers.AnyAsync(o => o.CertificateNumber == cert, ct))
                {
                    continue;
                }
                var expires = years > 0 ? today.AddYears(years) : today.AddDays(-10);
                db.Officers.Add(new EnforcementOfficer
                {
                    OrgUnitId = unit.Id, BodyId = body.Id, Name = name, CertificateNumber = cert,
                    CertificateIssuedOn = expires.AddYears(-5), CertificateExpiresOn = expires,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
