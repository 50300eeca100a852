using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Disclosure;

/// <summary>
/// Demo disclosure requests (演示) for 薛城区 and a city department in every state: open in time, overdue, extended, awaiting
/// correction, answered on time, answered late, answered after a correction, refused, not this agency's, abandoned; so
/// 按期答复率 has records on both sides. Dates relative to today; every demo request is tracked with the query code
/// <see cref="QueryCode"/>. Idempotent.
/// </summary>
internal sealed class DisclosureDemoSeed(OversightDb db, SettingsService settings, IOrgDirectory orgs, IDeadlineService deadlines, TimeProvider clock) : IDemoSeed
{
    /// <summary>The query code of every demo request (shown in the README).</summary>
    public const string QueryCode = "GKCX2026";

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var units = await orgs.FindByCodesAsync(["370403", "370400-ZRZY"], ct);
        if (units.Count < 2)
        {
            return;
        }
        var n = 9000;
        var hash = DisclosureService.Hash(QueryCode);
        async Task Add(Guid unit, string applicant, string description, int receivedDaysAgo, Action<DisclosureRequest>? then = null)
        {
            n++;
            var received = today.AddDays(-receivedDaysAgo);
            var number = $"YSQGK{received.Year}-{n}";
            if (await db.DisclosureRequests.AnyAsync(r => r.Number == number, ct))
            {
                return;
            }
            var r = new DisclosureRequest
            {
                Number = number, OrgUnitId = unit, QueryCodeHash = hash, Channel = n % 3 == 0 ? DisclosureChannel.Letter : DisclosureChannel.Online,
                ApplicantKind = applicant.EndsWith("公司", StringComparison.Ordinal) ? ApplicantKind.Organisation : ApplicantKind.Citizen, ApplicantName = applicant,
                ContactPhone = SensitiveText.Phone("1386320" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)), Description = description + "（演示）",
                Form = ProvisionForm.Online, ReceivedOn = received, ReplyWorkingDays = rules.DisclosureReplyWorkingDays,
                ExtensionLimitDays = rules.DisclosureExtensionWorkingDays,
                CorrectionNoticeBy = (await deadlines.AddWorkingDaysAsync(received, rules.DisclosureCorrectionNoticeWorkingDays, ct)).Date,
                Status = DisclosureStatus.Open, RegisteredAt = clock.GetUtcNow(), IsDemo = true,
            };
            then?.Invoke(r);
            r.DueOn = await DisclosureRules.DueAsync(deadlines, r, ct);
            db.DisclosureRequests.Add(r);
        }
        static Action<DisclosureRequest> Reply(DisclosureReplyKind kind, int afterDays, string text, string? basis = null, string? responsible = null) => r =>
            (r.Status, r.ReplyKind, r.RepliedOn, r.ReplyText, r.ReplyBasis, r.ResponsibleBody) =
            (DisclosureStatus.Answered, kind, (r.CorrectedOn ?? r.ReceivedOn).AddDays(afterDays), text, basis, responsible);
        var xuecheng = units["370403"].Id;
        var land = units["370400-ZRZY"].Id;
        await Add(xuecheng, "张某某", "薛城区2026年老旧小区改造项目的批复文件", 5);
        await Add(xuecheng, "李某某", "本人房屋所在地块的征收决定及补偿方案", 45);
        await Add(xuecheng, "枣庄某某建材有限公司", "2025年度薛城区砂石资源出让的招标文件", 25, r =>
            (r.ExtensionDays, r.ExtensionReason, r.ExtensionApprovedBy, r.ExtendedOn) = (15, "所需信息涉及多个部门，需协调调取", "王某（区政府办公室政务公开科科长）", today.AddDays(-2)));
        await Add(xuecheng, "赵某某", "有关文件", 4, r =>
            (r.Status, r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionDueOn) =
            (DisclosureStatus.AwaitingCorrection, today.AddDays(-2), "请写明所需文件的名称、文号或者形成时间等特征性描述", today.AddDays(13)));
        await Add(xuecheng, "孙某某", "薛城区某路段拓宽工程的规划许可", 70, Reply(DisclosureReplyKind.Disclosed, 18, "已通过电子数据提供所申请的规划许可证及附图"));
        await Add(xuecheng, "周某某", "2019年某村集体土地征收的听证笔录", 100, Reply(DisclosureReplyKind.NotExist, 45, "经检索，本机关未制作或获取该听证笔录"));
        await Add(xuecheng, "吴某某", "小区周边道路施工的环评文件", 60, r =>
        {
            (r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionDueOn, r.CorrectedOn) = (r.ReceivedOn.AddDays(3), "请说明所指道路名称", r.ReceivedOn.AddDays(18), r.ReceivedOn.AddDays(8));
            Reply(DisclosureReplyKind.Partial, 20, "提供环境影响报告表，其中涉及个人信息的部分不予公开", "涉及个人隐私，公开会对第三方合法权益造成损害（《政府信息公开条例》第十五条、第三十七条）")(r);
        });
        await Add(xuecheng, "郑某某", "有关材料", 50, r =>
            (r.Status, r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionDueOn, r.ClosedOn) =
            (DisclosureStatus.Abandoned, r.ReceivedOn.AddDays(2), "请写明所需信息的名称或特征性描述", r.ReceivedOn.AddDays(17), r.ReceivedOn.AddDays(20)));
        await Add(land, "枣庄某某置业有限公司", "某地块国有建设用地使用权出让合同", 40, Reply(DisclosureReplyKind.Refused, 15, "所申请信息属于商业秘密，不予公开",
            "涉及商业秘密，第三方不同意公开（《政府信息公开条例》第十五条、第三十二条）"));
        await Add(land, "王某某", "薛城区某村宅基地审批档案", 30, Reply(DisclosureReplyKind.NotResponsible, 10, "该信息不属于本机关负责公开",
            responsible: "薛城区自然资源局，联系电话 0632-0000000"));
        await Add(land, "钱某某", "2026年全市国土空间规划公示材料", 12);
        await db.SaveChangesAsync(ct);
    }
}
