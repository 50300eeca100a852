using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Frameworks;

/// <summary>
/// Reference data: a SAMPLE (示例) framework with the first-level shape of the national rule-of-law government
/// demonstration indicators (2021), taken from the section headings of the seed article; the second- and third-level
/// items are illustrative only. The full national text is not available offline: real frameworks are imported from .xlsx.
/// The sample goes through the same importer as a real file. Idempotent: keyed by framework code.
/// </summary>
internal sealed class SampleFrameworkSeed(AssessmentDb db, FrameworkService frameworks) : IModuleSeed
{
    public const string Code = "SAMPLE-FZZF-2021";

    public static readonly string[] FirstLevel =
    [
        "依法全面履行政府职能", "健全依法行政制度体系", "科学民主合法决策", "严格规范行政执法",
        "制约监督行政权力", "依法化解社会矛盾纠纷", "突发事件依法处置", "提高工作人员法治能力",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Frameworks.AnyAsync(f => f.Code == Code, ct))
        {
            return;
        }
        using var stream = new MemoryStream(Workbook());
        var result = await frameworks.ImportAsync(stream, Code, "法治政府建设示范指标体系（示例）", "示例版", "示例：一级指标取自公开报道的章节标题，二、三级指标为演示用，非正式指标。", ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Sample framework does not import: " + string.Join("; ", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        }
        var framework = await db.Frameworks.FirstAsync(f => f.Code == Code, ct);
        framework.IsSample = true;
        framework.Description = "示例指标体系，仅供演示和培训；正式考评请导入正式指标体系。";
        var version = await db.FrameworkVersions.FirstAsync(v => v.Id == result.Version!.Id, ct);
        version.IsSample = true;
        await db.SaveChangesAsync(ct);
    }

    internal static byte[] Workbook()
    {
        var rows = new List<IReadOnlyList<object?>>();
        var n = 0;
        for (var k = 0; k < FirstLevel.Length; k++)
        {
            var l1 = FirstLevel[k];
            var l2 = $"{l1}（示例二级指标）";
            rows.Add([++n, l1, l2, $"{l1}工作部署落实情况（示例）", 5m, "工作部署有文件、有落实记录的得满分；缺一项扣 2 分（示例）", "工作方案、会议纪要", "枣庄市司法局", "", "", $"S{k + 1}.1", "", "扣分", 1m, "", "示例", ""]);
            rows.Add([++n, l1, l2, $"{l1}年度报告公开情况（示例）", 3m, "按时公开得满分，未公开不得分（示例）", "公开网址截图", "枣庄市司法局", "", "", $"S{k + 1}.2", "", "达标", 1m, "", "示例", ""]);
        }
        rows.Add([++n, FirstLevel[7], $"{FirstLevel[7]}（示例二级指标）", "考评单位在 Fazhi 开通账号情况（示例，自动计算）", 2m, "开通率 × 分值（示例）", "系统自动计算",
            "枣庄市司法局", "", "", "S8.3", "", "计算", 1m, ActiveAccountsProvider.ProviderKey, "示例", "范围内有有效账号的单位占比"]);
        var columns = FrameworkTransfer.Headers.Concat(FrameworkTransfer.ExtraHeaders).Select(h => new XlsxColumn(h)).ToList();
        return XlsxWriter.Write(new XlsxSheet("指标体系", columns, rows));
    }
}
