using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Settings;

/// <summary>
/// The statutory periods the module counts with, one row an administrator of the justice bureau changes (ADR 0017). A
/// changed period applies to lawsuits registered (answer) or decided (appeal) afterwards; recorded due dates keep the
/// number of days they were computed with.
/// </summary>
internal sealed class OversightSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>《行政诉讼法》第六十七条: the defendant answers and submits its evidence within 15 days of receiving the complaint copy (calendar days).</summary>
    public int AnswerDays { get; set; } = 15;

    /// <summary>《行政诉讼法》第八十五条: an appeal against a first-instance judgment within 15 days of its service.</summary>
    public int JudgmentAppealDays { get; set; } = 15;

    /// <summary>《行政诉讼法》第八十五条: an appeal against a first-instance ruling within 10 days of its service.</summary>
    public int RulingAppealDays { get; set; } = 10;

    /// <summary>How many days before a due date the agency and the justice bureau are reminded (local practice).</summary>
    public int WarnDays { get; set; } = 3;

    /// <summary>最高人民法院关于行政机关负责人出庭应诉若干问题的规定 第五条: the head is told of the hearing at least 3 days before it.</summary>
    public int HearingNoticeDays { get; set; } = 3;

    /// <summary>
    /// The default reply period of a judicial or procuratorial suggestion when the issuer sets none, in months:
    /// 最高人民法院关于综合治理类司法建议工作若干问题的规定 第八条 (within two months); 最高人民法院、最高人民检察院关于检察公益诉讼案件
    /// 适用法律若干问题的解释 第二十一条 (two months).
    /// </summary>
    public int SuggestionReplyMonths { get; set; } = 2;

    /// <summary>检察公益诉讼解释 第二十一条: an urgent procuratorial suggestion is answered within 15 days.</summary>
    public int UrgentSuggestionDays { get; set; } = 15;

    /// <summary>《政府信息公开条例》第三十三条第二款: a request not answered on the spot is answered within 20 working days of receipt.</summary>
    public int DisclosureReplyWorkingDays { get; set; } = 20;

    /// <summary>《政府信息公开条例》第三十三条第二款: the reply period may be extended once, by at most 20 working days, with the approval of the head of the disclosure office.</summary>
    public int DisclosureExtensionWorkingDays { get; set; } = 20;

    /// <summary>《政府信息公开条例》第三十条: an unclear request is sent back for correction, in one notice, within 7 working days of receipt.</summary>
    public int DisclosureCorrectionNoticeWorkingDays { get; set; } = 7;

    /// <summary>《代表法》第五十一条 (as domain.md cites it), 山东省代表建议办理条例 第十九条: a deputy's suggestion is answered within three months of assignment.</summary>
    public int ProposalReplyMonths { get; set; } = 3;

    /// <summary>《代表法》第五十一条; 山东条例 第十九条: a complex item may be answered within six months of assignment at most, with a reason.</summary>
    public int ProposalMaxMonths { get; set; } = 6;

    /// <summary>山东条例 第十条、第十二条: a unit that is not responsible asks to be relieved within five days of assignment.</summary>
    public int ProposalTransferDays { get; set; } = 5;

    /// <summary>山东条例 第二十四条: after 不满意 the unit handles the item again and replies within one month.</summary>
    public int ProposalReReplyMonths { get; set; } = 1;

    /// <summary>
    /// 行政复议法 第六十四条、第六十六条 (责令在一定期限内重新作出、履行): the performance period when the decision document states none,
    /// in calendar days after the decision; a local default (本地工作规范), the office enters the decision's own period where it has one.
    /// </summary>
    public int PerformanceDays { get; set; } = 30;

    /// <summary>行政复议法 第七十六条: the agency reports its correction within 60 days of receiving a 行政复议意见书.</summary>
    public int OpinionReplyDays { get; set; } = 60;

    /// <summary>
    /// 山东省代表建议办理条例 第二十一条: the co-units give their opinions to the lead unit before it replies. The article sets no
    /// number of days (nor does domain.md), so the period is a local default (ADR 0058): 30 calendar days from assignment,
    /// a third of the three-month reply period (代表法 第五十一条), leaving the lead unit two months to weigh the opinions,
    /// contact the deputy and reply. Applies to items assigned afterwards; a recorded due date keeps its days.
    /// </summary>
    public int CoOpinionDays { get; set; } = 30;

    public long Version { get; set; }
}

internal sealed class OversightSettingsConfiguration : IEntityTypeConfiguration<OversightSettings>
{
    public void Configure(EntityTypeBuilder<OversightSettings> b)
    {
        b.ToTable("oversight_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
