using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Proposals;

/// <summary>
/// Demo deputies' suggestions and CPPCC proposals (演示) of this year in every state, for 薛城区 and two city departments: just
/// assigned, transfer requested, contacted, extended, overdue, replied awaiting evaluation (published and not), 满意, 基本满意,
/// 不满意 and reopened, closed after a second reply; so 办结率, 按期办结率 and 满意度 each have records on both sides; and two
/// items of city departments co-handled by 薛城区, its opinion given on one and awaited on the other (ADR 0050), and a third
/// whose opinion comes due within days (ADR 0058). Dates relative
/// to today; idempotent.
/// </summary>
internal sealed class ProposalDemoSeed(OversightDb db, SettingsService settings, IOrgDirectory orgs, IDeadlineService deadlines, TimeProvider clock) : IDemoSeed
{
    private sealed record Plan(string Unit, ProposalKind Kind, string Title, string Proposer, int AssignedDaysAgo, ProposalStatus Status, int? ContactAfter = null,
        int? ReplyAfter = null, ProposalEvaluation? First = null, ProposalEvaluation? Second = null, bool Public = false, bool Extended = false,
        string? CoUnit = null, bool CoGiven = false);

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var units = await orgs.FindByCodesAsync(["370403", "370400-SJJ", "370400-ZRZY"], ct);
        if (units.Count < 3)
        {
            return;
        }
        var year = today.Year;
        const string Deputy = "人大代表王某某等 5 人";
        const string Member = "政协委员李某某";
        Plan[] plans =
        [
            new("370403", ProposalKind.DeputySuggestion, "关于加强老旧小区加装电梯审批服务的建议", Deputy, 2, ProposalStatus.Assigned),
            new("370400-ZRZY", ProposalKind.CppccProposal, "关于优化城区停车设施规划的提案", Member, 3, ProposalStatus.TransferRequested),
            new("370403", ProposalKind.DeputySuggestion, "关于规范农村宅基地审批的建议", Deputy, 40, ProposalStatus.Assigned, ContactAfter: 20),
            new("370400-SJJ", ProposalKind.CppccProposal, "关于推进公共法律服务进社区的提案", Member, 80, ProposalStatus.Assigned, ContactAfter: 30, Extended: true),
            new("370403", ProposalKind.DeputySuggestion, "关于加快背街小巷改造的建议", Deputy, 120, ProposalStatus.Assigned),
            new("370400-SJJ", ProposalKind.DeputySuggestion, "关于完善行政执法公示制度的建议", Deputy, 70, ProposalStatus.Replied, 20, 50, Public: true),
            new("370403", ProposalKind.CppccProposal, "关于提升政务服务大厅适老化水平的提案", Member, 60, ProposalStatus.Replied, 10, 40),
            new("370400-ZRZY", ProposalKind.DeputySuggestion, "关于加强耕地保护执法的建议", Deputy, 150, ProposalStatus.Closed, 20, 60, ProposalEvaluation.Satisfied, Public: true),
            new("370400-SJJ", ProposalKind.CppccProposal, "关于加强人民调解员队伍建设的提案", Member, 140, ProposalStatus.Closed, 30, 100, ProposalEvaluation.BasicallySatisfied),
            new("370403", ProposalKind.DeputySuggestion, "关于治理河道违法采砂的建议", Deputy, 110, ProposalStatus.Reopened, 20, 80, ProposalEvaluation.Dissatisfied),
            new("370400-ZRZY", ProposalKind.CppccProposal, "关于规范不动产登记收费的提案", Member, 200, ProposalStatus.Closed, 20, 85, ProposalEvaluation.Dissatisfied,
                ProposalEvaluation.BasicallySatisfied, Public: true),
            new("370400-SJJ", ProposalKind.DeputySuggestion, "关于加强社区矫正对象帮扶的建议", Deputy, 25, ProposalStatus.Assigned, ContactAfter: 10, CoUnit: "370403",
                CoGiven: true),
            new("370400-ZRZY", ProposalKind.CppccProposal, "关于加强矿山地质环境治理的提案", Member, 15, ProposalStatus.Assigned, CoUnit: "370403"),
            // 薛城区's opinion on this one comes due within days (ADR 0058: 30 days after assignment by default).
            new("370400-SJJ", ProposalKind.CppccProposal, "关于规范行政调解程序的提案", Member, 28, ProposalStatus.Assigned, CoUnit: "370403"),
        ];
        var n = 900;
        foreach (var plan in plans)
        {
            n++;
            var number = $"第{n}号";
            if (await db.Proposals.AnyAsync(p => p.Year == year && p.Kind == plan.Kind && p.Number == number, ct))
            {
                continue;
            }
            var assigned = today.AddDays(-plan.AssignedDaysAgo);
            async Task<DateOnly> Months(DateOnly from, int months) => (await deadlines.AddCalendarDaysAsync(from.AddMonths(months).AddDays(-1), 1, ct)).Date;
            var p = new Proposal
            {
                OrgUnitId = units[plan.Unit].Id, Kind = plan.Kind, Year = year, Number = number, Title = plan.Title, Proposer = plan.Proposer,
                Content = plan.Title.Replace("关于", "").Replace("的建议", "").Replace("的提案", "") + "：建议明确责任单位、完善制度、限期落实（演示）。",
                AssignedOn = assigned, ReplyMonths = rules.ProposalReplyMonths, MaxMonths = rules.ProposalMaxMonths,
                TransferDueOn = (await deadlines.AddCalendarDaysAsync(assigned, rules.ProposalTransferDays, ct)).Date,
                DueOn = await Months(assigned, rules.ProposalReplyMonths), LatestDueOn = await Months(assigned, rules.ProposalMaxMonths),
                Status = plan.Status, RegisteredAt = clock.GetUtcNow(),
                CoUnitIds = plan.CoUnit is { } co ? [units[co].Id] : plan.Unit == "370403" ? [units["370400-SJJ"].Id] : [],
            };
            // A co-unit's opinion comes before the reply (山东省代表建议办理条例 第二十一条): given where the item was replied or the plan says so.
            var coDueOn = await ProposalService.CoOpinionDueAsync(deadlines, assigned, rules.CoOpinionDays, ct);
            var coGivenOn = plan.ReplyAfter is { } before ? assigned.AddDays(Math.Max(1, before - 5)) : plan.CoGiven ? assigned.AddDays(5) : (DateOnly?)null;
            db.ProposalCoOpinions.AddRange(p.CoUnitIds.Select(u => new ProposalCoOpinion
            {
                ProposalId = p.Id, OrgUnitId = u, DueOn = coDueOn, GivenOn = coGivenOn, GivenBy = coGivenOn is null ? null : "演示",
                Opinion = coGivenOn is null ? null : "本单位职责范围内的事项已梳理，建议在答复中明确分工和完成时限（演示协办意见）。",
            }));
            if (plan.Status == ProposalStatus.TransferRequested)
            {
                (p.TransferRequestedOn, p.TransferReason) = (assigned.AddDays(1), "城区停车设施规划属住房城乡建设部门职责，申请改由该部门主办（演示）。");
            }
            if (plan.Extended)
            {
                (p.ExtendedOn, p.ExtensionReason, p.DueOn) = (assigned.AddDays(60), "涉及多个部门和经费安排，办理难度大，经批准延期（演示）。", p.LatestDueOn);
            }
            if (plan.ContactAfter is { } contact)
            {
                (p.ContactedOn, p.ContactMethod, p.ContactNote) = (assigned.AddDays(contact), "当面座谈", "听取代表（委员）意见，介绍办理思路（演示）。");
            }
            if (plan.ReplyAfter is { } reply)
            {
                (p.RepliedOn, p.Reply, p.ReplyPublic) = (assigned.AddDays(reply), "经研究，已将建议纳入年度工作计划，分解任务、明确时限，逐项落实（演示）。", plan.Public);
            }
            if (plan.First is { } first)
            {
                p.FirstEvaluation = p.Evaluation = first;
                p.EvaluatedOn = p.RepliedOn!.Value.AddDays(7);
                if (first == ProposalEvaluation.Dissatisfied)
                {
                    p.EvaluationNote = "答复未提出具体整改时限（演示）";
                    p.ReopenedOn = p.EvaluatedOn;
                    p.ReReplyDueOn = await Months(p.ReopenedOn.Value, rules.ProposalReReplyMonths);
                    // 不满意 asks the co-units again before the second reply (ADR 0066): given where the second reply was made, else awaited.
                    var reDue = await ProposalService.SecondRoundDueAsync(deadlines, p.ReopenedOn.Value, rules.CoOpinionDays, p.ReReplyDueOn.Value, ct);
                    var reGiven = plan.Second is null ? (DateOnly?)null : p.ReopenedOn.Value.AddDays(10);
                    db.ProposalCoOpinions.AddRange(p.CoUnitIds.Select(u => new ProposalCoOpinion
                    {
                        ProposalId = p.Id, OrgUnitId = u, Round = ProposalCoOpinion.SecondRound, DueOn = reDue, GivenOn = reGiven, GivenBy = reGiven is null ? null : "演示",
                        Opinion = reGiven is null ? null : "针对代表不满意的意见，本单位补充提出整改时限和配合措施（演示协办意见）。",
                    }));
                }
                if (plan.Second is { } second)
                {
                    p.ContactedOn = p.ReopenedOn!.Value.AddDays(3);
                    (p.SecondRepliedOn, p.SecondReply) = (p.ReopenedOn.Value.AddDays(20), "补充明确整改时限和责任人，已于本季度完成收费目录公示（演示）。");
                    (p.Evaluation, p.EvaluatedOn, p.EvaluationNote) = (second, p.SecondRepliedOn.Value.AddDays(5), null);
                }
                if (p.Status == ProposalStatus.Closed)
                {
                    p.ClosedOn = p.EvaluatedOn;
                }
            }
            db.Proposals.Add(p);
        }
        await db.SaveChangesAsync(ct);
    }
}
