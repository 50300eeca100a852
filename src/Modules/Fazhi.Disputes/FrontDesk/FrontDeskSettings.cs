using Fazhi.Disputes.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.FrontDesk;

/// <summary>
/// The front desk's numbers, kept as data an administrator can change (one row): the duplicate-check window and
/// similarity threshold, the follow-up period, and which result kinds count as a successful mediation in the statistics.
/// </summary>
internal sealed class FrontDeskSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Cases received within this many days before the new one are compared (default 90).</summary>
    public int DuplicateWindowDays { get; set; } = 90;

    /// <summary>Description similarity (character bigrams, 0-100) at or above which a different category still counts as similar.</summary>
    public int DuplicateMinSimilarity { get; set; } = 40;

    /// <summary>Days after closing within which the follow-up (回访) is due (local work rule, default 15).</summary>
    public int FollowUpDays { get; set; } = 15;

    /// <summary>Result kinds (comma-separated) that count as a successful mediation.</summary>
    public string MediationSuccessResults { get; set; } = "调解成功,Mediated,MediatedSettlement,Agreement";

    public long Version { get; set; }

    public IReadOnlyList<string> SuccessResults() =>
        MediationSuccessResults.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class FrontDeskSettingsConfiguration : IEntityTypeConfiguration<FrontDeskSettings>
{
    public void Configure(EntityTypeBuilder<FrontDeskSettings> b)
    {
        b.ToTable("disputes_front_desk_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.MediationSuccessResults).HasMaxLength(500);
    }
}

/// <summary>Seeds the settings row with the defaults when missing (idempotent).</summary>
internal sealed class FrontDeskSettingsSeed(DisputesDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<FrontDeskSettings>().AnyAsync(ct))
        {
            db.Set<FrontDeskSettings>().Add(new FrontDeskSettings());
            await db.SaveChangesAsync(ct);
        }
    }
}

internal static class FrontDeskSettingsExtensions
{
    public static async Task<FrontDeskSettings> FrontDeskSettingsAsync(this DisputesDb db, CancellationToken ct) =>
        await db.Set<FrontDeskSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new FrontDeskSettings();
}
