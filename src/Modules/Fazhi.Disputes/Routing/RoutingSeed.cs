using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Routing;

/// <summary>Publishes rule set 1 when no rule set exists (idempotent): where the centre sends the common disputes, with the law behind it.</summary>
internal sealed class RoutingSeed(DisputesDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<RoutingRuleSet>().AnyAsync(ct))
        {
            return;
        }
        var set = new RoutingRuleSet { Number = 1, Status = RuleSetStatus.Published, PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "system", Note = "初始规则" };
        db.Set<RoutingRuleSet>().Add(set);
        var centre = CaseService.CentreCode;
        (int Priority, string Name, string? Category, decimal? Max, string Type, string Unit, string Reason)[] rules =
        [
            (10, "行政争议走行政复议", "行政争议", null, CaseTypes.AdministrativeReconsideration, "370400-SFJ",
                "行政复议法 第二条、第十一条：对行政行为不服的可以申请行政复议；复议机构设在司法行政部门。"),
            (20, "劳动争议走劳动仲裁", "劳动争议", null, CaseTypes.Arbitration, "370400-RSJ",
                "劳动争议调解仲裁法 第五条：发生劳动争议，当事人不愿协商、调解或者达不成协议的，可以向劳动争议仲裁委员会申请仲裁。"),
            (30, "消费纠纷由市场监管部门行政调解", "消费纠纷", null, CaseTypes.AdministrativeMediation, "370400-SJJ",
                "消费者权益保护法 第三十九条：消费者和经营者发生消费者权益争议的，可以请求消费者协会或者依法成立的其他调解组织调解，也可以向有关行政部门投诉。"),
            (40, "小额合同纠纷律师调解", "合同纠纷", 50000m, CaseTypes.LawyerMediation, centre,
                "最高人民法院、司法部《关于开展律师调解试点工作的意见》：律师调解工作室可以调解民商事纠纷；小额合同纠纷先行律师调解。"),
            (999, "其他纠纷人民调解", null, null, CaseTypes.PeoplesMediation, centre,
                "人民调解法 第二条：人民调解委员会通过说服、疏导等方法，促使当事人在平等协商基础上自愿达成调解协议，解决民间纠纷。前台统一受理，由中心分流。"),
        ];
        foreach (var r in rules)
        {
            db.Set<RoutingRule>().Add(new RoutingRule
            {
                RuleSetId = set.Id, Priority = r.Priority, Name = r.Name, Category = r.Category, MaxAmount = r.Max,
                CaseTypeCode = r.Type, HandlingUnitCode = r.Unit, Reason = r.Reason,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
