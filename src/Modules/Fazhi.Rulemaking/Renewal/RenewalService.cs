using Fazhi.Library.Contracts;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.Rulemaking.Renewal;

internal sealed record RenewalInput(int? ValidityYears, string? Reason, long? Version);

/// <summary>
/// The validity period of a published normative document (ADR 0065): the drafting unit (or the office) evaluates it before
/// the end and renews it unchanged for a further period (评估后重新公布); one not renewed lapses the day after the end, and
/// the daily job records that and ends the library work (失效). A document that needs changes is not renewed: it is drafted
/// again and goes through legality review like any draft. 国办发〔2018〕37号 (有效期届满的自动失效; 需继续执行的评估后重新公布);
/// 山东省人民政府令第337号. Both are cited by document only, deliberately (ADR 0069): the project's domain notes
/// (shared/docs/domain.md, Part 2 (2d)) list "validity period and evaluation" as a step of a normative document's life
/// (after filing, before cleanup) without an article; they cite 37号 only for unified registration and mark it unverified,
/// and cite 337号 only for filing with the government above, as policy, with no article; the corpus holds neither text.
/// The one article they give beside the step, 立法法 第一百一十六条, is the cleanup duty, not a validity rule, so it is not
/// cited here. The numbers this rule uses (the evaluation window, the longest renewal) are editable settings or stated
/// bounds, not statutory figures.
/// </summary>
internal sealed class RenewalService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, ISystemWork systemWork, ILibraryPublishing library,
    ILogger<RenewalService> log)
{
    /// <summary>The longest renewal in years (the same bound as the default validity setting).</summary>
    public const int MaxYears = 10;

    public DateOnly Today => clock.Today;

    public async Task<List<DocumentRenewal>> ListAsync(Guid draftId, CancellationToken ct) =>
        await db.Renewals.AsNoTracking().Where(r => r.DraftId == draftId).OrderBy(r => r.RenewedOn).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// Renews a published document still in force, within the configured days before its validity ends
    /// (<see cref="RulemakingSettings.ExpiryReminderDays"/>, the evaluation window); the new end runs on from the old one.
    /// </summary>
    public async Task<DocumentRenewal> RenewAsync(Guid id, RenewalInput input, CancellationToken ct)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("规范性文件不存在或不在您的数据范围内。");
        if (draft.Status != DraftStatus.Published || draft.ExpiresOn is not { } end)
        {
            throw Refuse.Conflict("只有已公布、现行有效的规范性文件可以评估续期。");
        }
        var today = Today;
        if (end < today || draft.LapsedOn is not null)
        {
            throw Refuse.Conflict($"有效期已于 {end:yyyy-MM-dd} 届满，文件已自动失效，不能续期；需要继续施行的，应重新起草并报送合法性审核。", RuleName);
        }
        var settings = await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new RulemakingSettings();
        if (today < end.AddDays(-settings.ExpiryReminderDays))
        {
            throw Refuse.Conflict($"有效期届满前 {settings.ExpiryReminderDays} 日内评估后方可续期（本文件有效期至 {end:yyyy-MM-dd}）。", RuleName);
        }
        Refuse.UnlessVersion(input.Version, draft.Version, "规范性文件");
        var checks = new FieldChecks();
        checks.When(input.ValidityYears is null or < 1 or > MaxYears, "validityYears", $"续期的有效期应为 1–{MaxYears} 年。");
        var reason = TextRules.Required(checks, "reason", "评估结论", input.Reason, 2000);
        checks.ThrowIfAny("未续期。");
        var years = input.ValidityYears!.Value;
        var renewal = new DocumentRenewal
        {
            DraftId = draft.Id, OrgUnitId = draft.OrgUnitId, RenewedOn = today, PreviousExpiresOn = end, NewExpiresOn = end.AddDays(1).AddYears(years).AddDays(-1),
            ValidityYears = years, Reason = reason, RenewedBy = user.UserName ?? "", IsDemo = draft.IsDemo,
        };
        // The invariant of publication stays true: the end is the effective date plus the validity years, less a day.
        draft.ValidityYears += years;
        draft.ExpiresOn = renewal.NewExpiresOn;
        db.Renewals.Add(renewal);
        await db.SaveChangesAsync(ct);
        return renewal;
    }

    /// <summary>
    /// Daily: every published document past its end and not renewed lapses from the next day (LapsedOn) and its library work
    /// ends as 失效 on that day. Idempotent; returns how many lapsed in this run.
    /// </summary>
    public async Task<int> LapseAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("规范性文件有效期届满失效");
        var today = Today;
        var due = await system.Drafts.Where(d => d.Status == DraftStatus.Published && d.LapsedOn == null && d.ExpiresOn < today)
            .OrderBy(d => d.ExpiresOn).ThenBy(d => d.Id).Take(500).ToListAsync(ct);
        foreach (var d in due)
        {
            var on = d.ExpiresOn!.Value.AddDays(1);
            try
            {
                await library.EndAsync(d.Title, repealed: false, on, $"有效期至 {d.ExpiresOn:yyyy-MM-dd} 届满，未经评估重新公布，自动失效（{d.RegistrationNo}）。", ct);
            }
            catch (Exception e) when (RefusalException.From(e) is { } refusal)
            {
                // The library refused (say, a later version of the same title): the document still lapses here.
                log.LogWarning("Library kept {Title} in force: {Message}", d.Title, refusal.Message);
            }
            d.LapsedOn = on;
        }
        await system.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>The rule a refusal names: the document only, as no article could be verified (see the class summary, ADR 0069).</summary>
    private const string RuleName = "行政规范性文件有效期制度（国办发〔2018〕37号）";
}
