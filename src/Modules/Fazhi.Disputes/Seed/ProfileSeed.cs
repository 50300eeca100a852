using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Seed;

/// <summary>Seeds version 1 of each case-type profile when missing; never touches a profile already there (idempotent).</summary>
internal sealed class ProfileSeed(DisputesDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Profiles.Select(p => p.Code).Distinct().ToListAsync(ct);
        var order = 0;
        foreach (var definition in StatutoryProfiles.All)
        {
            order++;
            if (existing.Contains(definition.Code))
            {
                continue;
            }
            var profile = new CaseTypeProfile
            {
                Code = definition.Code,
                Name = definition.Name,
                ProfileVersion = 1,
                EffectiveFrom = StatutoryProfiles.EffectiveFrom,
                SourceNote = definition.SourceNote,
                SortOrder = order,
            };
            var stageOrder = 0;
            foreach (var s in definition.Stages)
            {
                profile.Stages.Add(new ProfileStage
                {
                    ProfileId = profile.Id,
                    Order = ++stageOrder,
                    Code = s.Code,
                    Name = s.Name,
                    Days = s.Days,
                    DayKind = s.Kind,
                    Article = s.Article,
                    Optional = s.Optional,
                    MaxExtensions = s.MaxExtensions,
                    ExtensionDays = s.ExtensionDays,
                });
            }
            db.Profiles.Add(profile);
        }
        await db.SaveChangesAsync(ct);
    }
}
