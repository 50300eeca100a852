using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.CaseFileReview;

/// <summary>
/// The first version of the default rubric (行政处罚案卷评查标准), modelled on the items provincial review standards use
/// (主体、程序、证据、法律适用、裁量、文书、归档). Supervisors adjust it by adding versions. Idempotent.
/// </summary>
internal sealed class CaseReviewSeed(EnforcementDb db) : IModuleSeed
{
    public static readonly (string Category, string Title, decimal Points, string Rule)[] DefaultItems =
    [
        ("执法主体", "执法主体合法，执法人员持有效执法证件", 10, "执法人员无证或证件过期的，每人次扣 5 分"),
        ("程序", "立案审批手续完备，在规定期限内立案", 10, "无立案审批表扣 10 分；超期立案扣 5 分"),
        ("证据", "事实清楚，证据确凿充分，取证程序合法", 20, "主要证据缺失扣 10 分；证据形式不合法每处扣 2 分"),
        ("法律适用", "适用法律、法规、规章正确，引用条款准确", 15, "适用法律错误扣 15 分；条款引用不准确每处扣 3 分"),
        ("裁量", "处罚裁量适当，符合裁量基准；偏离基准有书面理由", 15, "偏离裁量基准无书面理由扣 10 分"),
        ("程序", "履行告知、陈述申辩、听证程序；重大决定经法制审核", 15, "未告知扣 15 分；应审核未审核扣 10 分"),
        ("文书", "文书制作规范，送达合法、及时", 10, "文书要素缺失每处扣 1 分；送达超期扣 3 分"),
        ("归档", "执行到位，案卷装订归档规范", 5, "未执行完毕即结案扣 5 分；归档不规范扣 2 分"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<ReviewRubric>().AnyAsync(r => r.Code == CaseReviewService.DefaultRubricCode, ct))
        {
            return;
        }
        var rubric = new ReviewRubric
        {
            Code = CaseReviewService.DefaultRubricCode, VersionNo = 1, Name = "行政处罚案卷评查标准",
            Basis = "《山东省行政执法监督条例》；行政处罚案卷评查参照标准（示例，可由评查人员修订）", CreatedAtUtc = DateTime.UtcNow, CreatedBy = "system", ChangeNote = "初始版本",
        };
        db.Set<ReviewRubric>().Add(rubric);
        var seq = 0;
        foreach (var (category, title, points, rule) in DefaultItems)
        {
            db.Set<RubricItem>().Add(new RubricItem { RubricId = rubric.Id, Seq = ++seq, Category = category, Title = title, Points = points, DeductionRule = rule });
        }
        await db.SaveChangesAsync(ct);
    }
}
