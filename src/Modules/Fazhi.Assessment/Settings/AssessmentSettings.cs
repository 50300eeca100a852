using Fazhi.Assessment.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Assessment.Settings;

/// <summary>
/// The office's numbers for supervision (督办) and reports, kept as data the office can change (one row): when a
/// returned task is escalated, how often the same task may be escalated again, and who signs the generated reports.
/// </summary>
internal sealed class AssessmentSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>A task returned this many times raises a supervision notice (default 2: "returned twice").</summary>
    public int SuperviseAfterReturns { get; set; } = 2;

    /// <summary>The same task is not escalated again within this many days (default 7: once a week).</summary>
    public int SupervisionRepeatDays { get; set; } = 7;

    /// <summary>The signature line of the campaign's self-assessment report and weekly digest.</summary>
    public string ReportSignature { get; set; } = "枣庄市法治政府建设工作领导小组办公室";

    public long Version { get; set; }
}

internal sealed class AssessmentSettingsConfiguration : IEntityTypeConfiguration<AssessmentSettings>
{
    public void Configure(EntityTypeBuilder<AssessmentSettings> b)
    {
        b.ToTable("assessment_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ReportSignature).HasMaxLength(100);
    }
}

internal sealed record SettingsInput(int? SuperviseAfterReturns, int? SupervisionRepeatDays, string? ReportSignature, long? Version);

/// <summary>Reads and changes the settings row (audited like every entity; a stale version is refused with 409).</summary>
internal sealed class SettingsService(AssessmentDb db)
{
    public async Task<AssessmentSettings> GetAsync(CancellationToken ct) =>
        await db.Set<AssessmentSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new AssessmentSettings();

    public static Dictionary<string, string[]> Validate(SettingsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.SuperviseAfterReturns is not (>= 1 and <= 10))
        {
            errors["superviseAfterReturns"] = ["退回次数须为 1 至 10 之间的整数。"];
        }
        if (input.SupervisionRepeatDays is not (>= 1 and <= 90))
        {
            errors["supervisionRepeatDays"] = ["督办间隔须为 1 至 90 天。"];
        }
        if (string.IsNullOrWhiteSpace(input.ReportSignature) || input.ReportSignature.Trim().Length > 100)
        {
            errors["reportSignature"] = ["请填写报告落款单位（不超过 100 字）。"];
        }
        return errors;
    }

    /// <summary>Saves the settings; returns validation errors (nothing saved) or null.</summary>
    public async Task<Dictionary<string, string[]>?> SaveAsync(SettingsInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        await db.SaveSettingsAsync<AssessmentSettings>(input.Version, row =>
        {
            row.SuperviseAfterReturns = input.SuperviseAfterReturns!.Value;
            row.SupervisionRepeatDays = input.SupervisionRepeatDays!.Value;
            row.ReportSignature = input.ReportSignature!.Trim();
        }, ct);
        return null;
    }
}

/// <summary>Seeds the settings row with the defaults when missing (idempotent).</summary>
internal sealed class AssessmentSettingsSeed(AssessmentDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<AssessmentSettings>().AnyAsync(ct))
        {
            db.Set<AssessmentSettings>().Add(new AssessmentSettings());
            await db.SaveChangesAsync(ct);
        }
    }
}
