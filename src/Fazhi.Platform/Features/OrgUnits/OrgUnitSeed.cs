using System.Globalization;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>
/// The product's own seed of the org tree: Zaozhuang (370400), its county-level divisions and towns
/// (National Bureau of Statistics 2023 division codes), and a configurable list of city departments.
/// </summary>
internal static class OrgUnitSeed
{
    public const string CityCode = "370400";

    /// <summary>City departments seeded under the city government; administrators add or rename them later.</summary>
    public static IReadOnlyList<(string Suffix, string Name, OrgKind Kind)> CityDepartments { get; } =
    [
        ("SFJ", "枣庄市司法局", OrgKind.Department),
        ("FZB", "枣庄市委全面依法治市委员会办公室", OrgKind.Department),
        ("FJZX", "枣庄市非诉讼纠纷化解服务中心", OrgKind.DisputeCentre),
        ("SJJ", "枣庄市市场监督管理局", OrgKind.Department),
        ("STHJ", "枣庄市生态环境局", OrgKind.Department),
        ("ZHZF", "枣庄市综合行政执法局", OrgKind.Department),
        ("JTYS", "枣庄市交通运输局", OrgKind.Department),
        ("YJGL", "枣庄市应急管理局", OrgKind.Department),
        ("ZRZY", "枣庄市自然资源和规划局", OrgKind.Department),
        ("ZJJ", "枣庄市住房和城乡建设局", OrgKind.Department),
        ("WJW", "枣庄市卫生健康委员会", OrgKind.Department),
        ("WLJ", "枣庄市文化和旅游局", OrgKind.Department),
        ("GAJ", "枣庄市公安局", OrgKind.Department),
        ("RSJ", "枣庄市人力资源和社会保障局", OrgKind.Department),
        ("JYJ", "枣庄市教育局", OrgKind.Department),
        ("NYNC", "枣庄市农业农村局", OrgKind.Department),
        ("SWJ", "枣庄市水利局", OrgKind.Department),
        ("SWJU", "枣庄市商务局", OrgKind.Department),
        ("ZYFY", "枣庄市中级人民法院", OrgKind.Court),
    ];

    public static List<OrgUnit> Build()
    {
        var units = new List<OrgUnit>();
        var city = new OrgUnit { Code = CityCode, Name = "枣庄市", Level = OrgLevel.City, Kind = OrgKind.Government, Path = $"/{CityCode}/" };
        units.Add(city);
        var order = 0;
        foreach (var (suffix, name, kind) in CityDepartments)
        {
            var code = $"{CityCode}-{suffix}";
            units.Add(new OrgUnit { Code = code, Name = name, Level = OrgLevel.City, Kind = kind, ParentId = city.Id, Path = $"{city.Path}{code}/", SortOrder = ++order });
        }
        var counties = new Dictionary<string, OrgUnit>();
        foreach (var row in ReadCsv("zaozhuang-counties.csv"))
        {
            var county = new OrgUnit { Code = row[0], Name = row[1], Level = OrgLevel.County, Kind = OrgKind.Government, ParentId = city.Id, Path = $"{city.Path}{row[0]}/", SortOrder = 100 + counties.Count };
            counties[row[0]] = county;
            units.Add(county);
        }
        foreach (var row in ReadCsv("zaozhuang-towns.csv"))
        {
            var county = counties[row[2]];
            units.Add(new OrgUnit
            {
                Code = row[0], Name = row[1], Level = OrgLevel.Town, Kind = OrgKind.Government, ParentId = county.Id,
                Path = $"{county.Path}{row[0]}/", SortOrder = int.Parse(row[0][^3..], CultureInfo.InvariantCulture),
            });
        }
        return units;
    }

    private static IEnumerable<string[]> ReadCsv(string file)
    {
        var asm = typeof(OrgUnitSeed).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split(',').Select(c => c.Trim('"')).ToArray();
            }
        }
    }
}
