using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Discretion;

/// <summary>
/// Reference data: the statutory rules profile, and a small SAMPLE (示例) of market-regulation matters with
/// benchmarks in the style of Zaozhuang's published no/light-penalty list. Sample rows are marked IsSample and shown as 示例;
/// the real list is imported from the published .xlsx. Idempotent: matters are keyed by code.
/// </summary>
internal sealed class EnforcementSeed(EnforcementDb db, BenchmarkService service) : IModuleSeed
{
    private const string Authority = "枣庄市市场监督管理局（示例）";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.RulesProfiles.AnyAsync(ct))
        {
            db.RulesProfiles.Add(PenaltyRulesProfile.Statutory());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.InspectionCapRules.AnyAsync(ct))
        {
            db.InspectionCapRules.Add(new Inspections.InspectionCapRule());
            await db.SaveChangesAsync(ct);
        }
        var from = new DateOnly(2021, 7, 15);
        foreach (var (matter, benchmark) in Samples(from))
        {
            if (await db.Matters.AnyAsync(m => m.Code == matter.Code, ct))
            {
                continue;
            }
            var created = await service.CreateMatterAsync(matter, ct);
            if (created is not null)
            {
                await service.AddVersionAsync(created.Id, benchmark, isSample: true, ct);
            }
        }
    }

    private static IEnumerable<(MatterInput, BenchmarkInput)> Samples(DateOnly from)
    {
        yield return (
            new("SL-370400-001", "对未按规定公示年度报告的行政处罚（示例）", MatterKind.Penalty, "《企业信息公示暂行条例》第八条、第十七条", "370400", Authority),
            new("企业未按照规定期限公示年度报告", "《企业信息公示暂行条例》第八条", "《企业信息公示暂行条例》第十七条", Authority, from,
            [
                new(DiscretionTier.NoPenalty, "首次被发现，未造成危害后果，在责令改正期限内补报的", RangeKind.NonMonetary, null, null, "不予行政处罚", true),
                new(DiscretionTier.Ordinary, "逾期未改正的", RangeKind.NonMonetary, null, null, "列入经营异常名录", false),
            ]));
        yield return (
            new("SL-370400-002", "对经营者未明码标价的行政处罚（示例）", MatterKind.Penalty, "《中华人民共和国价格法》第十三条、第四十二条", "370400", Authority),
            new("经营者不按照规定明码标价", "《中华人民共和国价格法》第十三条", "《中华人民共和国价格法》第四十二条", Authority, from,
            [
                new(DiscretionTier.NoPenalty, "初次违法，标价签缺失数量较少，未造成危害后果并及时改正的", RangeKind.NonMonetary, null, null, "不予行政处罚", true),
                new(DiscretionTier.Lighter, "有从轻情节的", RangeKind.FixedAmount, 0, 1000, "处 1000 元以下罚款", false),
                new(DiscretionTier.Ordinary, "无从轻、从重情节的", RangeKind.FixedAmount, 1000, 3500, "处 1000 元以上 3500 元以下罚款", false),
                new(DiscretionTier.Heavier, "拒不改正或多次违法的", RangeKind.FixedAmount, 3500, 5000, "处 3500 元以上 5000 元以下罚款", false),
            ]));
        yield return (
            new("SL-370400-003", "对食品经营者未按要求进行食品贮存的行政处罚（示例）", MatterKind.Penalty, "《中华人民共和国食品安全法》第三十三条、第一百三十二条", "370400", Authority),
            new("食品经营者未按要求贮存食品", "《中华人民共和国食品安全法》第三十三条", "《中华人民共和国食品安全法》第一百三十二条", Authority, from,
            [
                new(DiscretionTier.Exempted, "初次违法，危害后果轻微并及时改正的", RangeKind.NonMonetary, null, null, "可以不予行政处罚", true),
                new(DiscretionTier.Mitigated, "具有法定减轻情节的", RangeKind.FixedAmount, 0, 5000, "处 5000 元以下罚款", true),
                new(DiscretionTier.Lighter, "具有法定从轻情节的", RangeKind.FixedAmount, 5000, 12000, "处 5000 元以上 1.2 万元以下罚款", false),
                new(DiscretionTier.Ordinary, "责令改正，拒不改正的", RangeKind.FixedAmount, 12000, 38000, "处 1.2 万元以上 3.8 万元以下罚款", false),
                new(DiscretionTier.Heavier, "情节严重的", RangeKind.FixedAmount, 38000, 50000, "处 3.8 万元以上 5 万元以下罚款", false),
            ]));
        yield return (
            new("SL-370400-004", "对销售不合格商品的行政处罚（示例）", MatterKind.Penalty, "《中华人民共和国产品质量法》第三十九条、第五十条", "370400", Authority),
            new("销售者在产品中以次充好", "《中华人民共和国产品质量法》第三十九条", "《中华人民共和国产品质量法》第五十条", Authority, from,
            [
                new(DiscretionTier.Lighter, "货值金额较小，主动消除危害后果的", RangeKind.GainsMultiple, 0.5m, 1.1m, "处违法销售产品货值金额 50% 以上 110% 以下罚款（示例按倍数计）", false),
                new(DiscretionTier.Ordinary, "无从轻、从重情节的", RangeKind.GainsMultiple, 1.1m, 2.3m, "处货值金额 1.1 倍以上 2.3 倍以下罚款", false),
                new(DiscretionTier.Heavier, "造成严重后果的", RangeKind.GainsMultiple, 2.3m, 3m, "处货值金额 2.3 倍以上 3 倍以下罚款", false),
            ]));
    }
}
