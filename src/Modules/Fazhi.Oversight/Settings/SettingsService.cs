using Fazhi.Oversight.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Settings;

internal sealed record SettingsInput(int? AnswerDays, int? JudgmentAppealDays, int? RulingAppealDays, int? WarnDays, int? HearingNoticeDays, long? Version,
    int? SuggestionReplyMonths = null, int? UrgentSuggestionDays = null, int? DisclosureReplyWorkingDays = null, int? DisclosureExtensionWorkingDays = null,
    int? DisclosureCorrectionNoticeWorkingDays = null, int? ProposalReplyMonths = null, int? ProposalMaxMonths = null, int? ProposalTransferDays = null,
    int? ProposalReReplyMonths = null, int? PerformanceDays = null, int? OpinionReplyDays = null, int? CoOpinionDays = null);

internal sealed record SettingsView(int AnswerDays, int JudgmentAppealDays, int RulingAppealDays, int WarnDays, int HearingNoticeDays, long Version,
    int SuggestionReplyMonths, int UrgentSuggestionDays, int DisclosureReplyWorkingDays, int DisclosureExtensionWorkingDays, int DisclosureCorrectionNoticeWorkingDays,
    int ProposalReplyMonths, int ProposalMaxMonths, int ProposalTransferDays, int ProposalReReplyMonths, int PerformanceDays, int OpinionReplyDays, int CoOpinionDays);

/// <summary>The module's settings row: read when a period is computed, saved as a whole by the settings administrator.</summary>
internal sealed class SettingsService(OversightDb db)
{
    public async Task<OversightSettings> GetAsync(CancellationToken ct) =>
        await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new OversightSettings();

    public static SettingsView View(OversightSettings s) => new(s.AnswerDays, s.JudgmentAppealDays, s.RulingAppealDays, s.WarnDays, s.HearingNoticeDays, s.Version,
        s.SuggestionReplyMonths, s.UrgentSuggestionDays, s.DisclosureReplyWorkingDays, s.DisclosureExtensionWorkingDays, s.DisclosureCorrectionNoticeWorkingDays,
        s.ProposalReplyMonths, s.ProposalMaxMonths, s.ProposalTransferDays, s.ProposalReReplyMonths, s.PerformanceDays, s.OpinionReplyDays, s.CoOpinionDays);

    public async Task<SettingsView> SaveAsync(SettingsInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.AnswerDays is not (>= 1 and <= 90), "answerDays", "答辩举证期限须为 1 至 90 日（《行政诉讼法》第六十七条规定为 15 日）。");
        checks.When(input.JudgmentAppealDays is not (>= 1 and <= 90), "judgmentAppealDays", "判决上诉期限须为 1 至 90 日（《行政诉讼法》第八十五条规定为 15 日）。");
        checks.When(input.RulingAppealDays is not (>= 1 and <= 90), "rulingAppealDays", "裁定上诉期限须为 1 至 90 日（《行政诉讼法》第八十五条规定为 10 日）。");
        checks.When(input.WarnDays is not (>= 0 and <= 30), "warnDays", "提前提醒天数须为 0 至 30 日。");
        checks.When(input.HearingNoticeDays is not (>= 0 and <= 30), "hearingNoticeDays", "开庭提醒天数须为 0 至 30 日（出庭规定第五条：至少开庭前 3 日）。");
        checks.When(input.SuggestionReplyMonths is not null and not (>= 1 and <= 12), "suggestionReplyMonths", "建议默认答复期限须为 1 至 12 个月（综合治理类司法建议规定第八条、检察公益诉讼解释第二十一条：两个月）。");
        checks.When(input.UrgentSuggestionDays is not null and not (>= 1 and <= 60), "urgentSuggestionDays", "紧急检察建议答复期限须为 1 至 60 日（检察公益诉讼解释第二十一条：15 日）。");
        checks.When(input.DisclosureReplyWorkingDays is not null and not (>= 1 and <= 60), "disclosureReplyWorkingDays", "依申请公开答复期限须为 1 至 60 个工作日（《政府信息公开条例》第三十三条：20 个工作日）。");
        checks.When(input.DisclosureExtensionWorkingDays is not null and not (>= 0 and <= 60), "disclosureExtensionWorkingDays", "延长答复期限须为 0 至 60 个工作日（《政府信息公开条例》第三十三条：最长 20 个工作日）。");
        checks.When(input.DisclosureCorrectionNoticeWorkingDays is not null and not (>= 1 and <= 30), "disclosureCorrectionNoticeWorkingDays", "补正告知期限须为 1 至 30 个工作日（《政府信息公开条例》第三十条：7 个工作日）。");
        checks.When(input.ProposalReplyMonths is not null and not (>= 1 and <= 12), "proposalReplyMonths", "建议提案答复期限须为 1 至 12 个月（《代表法》第五十一条：三个月）。");
        checks.When(input.ProposalMaxMonths is not null and not (>= 1 and <= 12), "proposalMaxMonths", "建议提案最长答复期限须为 1 至 12 个月（《代表法》第五十一条：最长六个月）。");
        checks.When(input.ProposalReplyMonths is { } pr && input.ProposalMaxMonths is { } pm && pm < pr, "proposalMaxMonths", "最长答复期限不能短于答复期限。");
        checks.When(input.ProposalTransferDays is not null and not (>= 1 and <= 30), "proposalTransferDays", "申请调整承办单位期限须为 1 至 30 日（山东省代表建议办理条例第十条、第十二条：五日）。");
        checks.When(input.ProposalReReplyMonths is not null and not (>= 1 and <= 6), "proposalReReplyMonths", "不满意重新办理期限须为 1 至 6 个月（山东省代表建议办理条例第二十四条：一个月）。");
        checks.When(input.PerformanceDays is not null and not (>= 1 and <= 365), "performanceDays", "复议决定默认履行期限须为 1 至 365 日（行政复议法第六十四条、第六十六条：决定书载明的期限；未载明的按本设置）。");
        checks.When(input.OpinionReplyDays is not null and not (>= 1 and <= 180), "opinionReplyDays", "意见书回复期限须为 1 至 180 日（行政复议法第七十六条：六十日）。");
        checks.When(input.CoOpinionDays is not null and not (>= 1 and <= 90), "coOpinionDays", "协办意见期限须为 1 至 90 日（山东省代表建议办理条例第二十一条：协办单位在主办单位答复前提出意见；本地默认 30 日）。");
        checks.ThrowIfAny("设置未保存，请按提示修改。");
        await db.SaveSettingsAsync<OversightSettings>(input.Version, row =>
        {
            row.AnswerDays = input.AnswerDays!.Value;
            row.JudgmentAppealDays = input.JudgmentAppealDays!.Value;
            row.RulingAppealDays = input.RulingAppealDays!.Value;
            row.WarnDays = input.WarnDays!.Value;
            row.HearingNoticeDays = input.HearingNoticeDays!.Value;
            row.SuggestionReplyMonths = input.SuggestionReplyMonths ?? row.SuggestionReplyMonths;
            row.UrgentSuggestionDays = input.UrgentSuggestionDays ?? row.UrgentSuggestionDays;
            row.DisclosureReplyWorkingDays = input.DisclosureReplyWorkingDays ?? row.DisclosureReplyWorkingDays;
            row.DisclosureExtensionWorkingDays = input.DisclosureExtensionWorkingDays ?? row.DisclosureExtensionWorkingDays;
            row.DisclosureCorrectionNoticeWorkingDays = input.DisclosureCorrectionNoticeWorkingDays ?? row.DisclosureCorrectionNoticeWorkingDays;
            row.ProposalReplyMonths = input.ProposalReplyMonths ?? row.ProposalReplyMonths;
            row.ProposalMaxMonths = input.ProposalMaxMonths ?? row.ProposalMaxMonths;
            row.ProposalTransferDays = input.ProposalTransferDays ?? row.ProposalTransferDays;
            row.ProposalReReplyMonths = input.ProposalReReplyMonths ?? row.ProposalReReplyMonths;
            row.PerformanceDays = input.PerformanceDays ?? row.PerformanceDays;
            row.OpinionReplyDays = input.OpinionReplyDays ?? row.OpinionReplyDays;
            row.CoOpinionDays = input.CoOpinionDays ?? row.CoOpinionDays;
        }, ct);
        return View(await GetAsync(ct));
    }
}

/// <summary>Adds the settings row with its statutory defaults on first start (idempotent).</summary>
internal sealed class SettingsSeed(OversightDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Settings.AnyAsync(ct))
        {
            db.Settings.Add(new OversightSettings());
            await db.SaveChangesAsync(ct);
        }
    }
}
