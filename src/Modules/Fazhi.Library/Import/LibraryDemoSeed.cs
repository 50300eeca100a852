using Fazhi.Library.Works;
using Fazhi.Platform.Features.Setup;

namespace Fazhi.Library.Import;

/// <summary>
/// <c>--demo</c>: imports the product's own small set of laws (embedded, public texts: 著作权法 Art. 5) so the library and
/// its search work on first start: two versions each of 行政复议法 and 立法法 for comparison, the administrative-law core,
/// State Council regulations, a Shandong and two Zaozhuang regulations. Idempotent by the files' hashes.
/// </summary>
internal sealed class LibraryDemoSeed(LibraryImporter importer) : IDemoSeed
{
    internal static readonly (string File, EffectLevel Level)[] Fixtures =
    [
        ("行政处罚法(2021-01-22).md", EffectLevel.Law),
        ("行政复议法(2017-09-01).md", EffectLevel.Law),
        ("行政复议法(2023-09-01).md", EffectLevel.Law),
        ("立法法(2015-03-15).md", EffectLevel.Law),
        ("立法法(2023-03-13).md", EffectLevel.Law),
        ("行政许可法(2019-04-23).md", EffectLevel.Law),
        ("行政强制法(2011-06-30).md", EffectLevel.Law),
        ("行政诉讼法(2017-06-27).md", EffectLevel.Law),
        ("人民调解法(2010-08-28).md", EffectLevel.Law),
        ("法律援助法(2021-08-20).md", EffectLevel.Law),
        ("政府信息公开条例(2019-04-03).md", EffectLevel.AdministrativeRegulation),
        ("重大行政决策程序暂行条例(2019-04-20).md", EffectLevel.AdministrativeRegulation),
        ("规章制定程序条例(2017-12-22).md", EffectLevel.AdministrativeRegulation),
        ("优化营商环境条例(2019-10-22).md", EffectLevel.AdministrativeRegulation),
        ("山东省优化营商环境条例(2020-09-25).md", EffectLevel.ProvincialRegulation),
        ("枣庄市城市绿化条例(2020-07-30).md", EffectLevel.MunicipalRegulation),
        ("枣庄市制定地方性法规条例(2017-03-29).md", EffectLevel.MunicipalRegulation),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (file, level) in Fixtures)
        {
            await importer.ImportMarkdownAsync(file, Read(file), new ImportOptions(level, "演示法规"), ct);
        }
    }

    internal static byte[] Read(string file)
    {
        using var stream = typeof(LibraryDemoSeed).Assembly.GetManifestResourceStream("Fazhi.Library.Fixtures." + file)
                           ?? throw new InvalidOperationException("Missing fixture " + file);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
