using System.Text.RegularExpressions;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>Chinese words for levels, kinds and status (pages, import and export), and the placement rules of the tree.</summary>
internal static partial class OrgRules
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 128;

    public static IReadOnlyList<(OrgLevel Level, string Name)> Levels { get; } =
        [(OrgLevel.Province, "省级"), (OrgLevel.City, "市级"), (OrgLevel.County, "县级"), (OrgLevel.Town, "乡镇级"), (OrgLevel.Village, "村级")];

    public static IReadOnlyList<(OrgKind Kind, string Name)> Kinds { get; } =
        [(OrgKind.Government, "政府"), (OrgKind.Department, "部门"), (OrgKind.DisputeCentre, "调解中心"), (OrgKind.Court, "法院"), (OrgKind.Procuratorate, "检察院"), (OrgKind.Other, "其他")];

    public const string ActiveName = "启用";
    public const string InactiveName = "停用";

    private static readonly Dictionary<string, OrgLevel> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["省"] = OrgLevel.Province, ["省级"] = OrgLevel.Province, ["省份"] = OrgLevel.Province,
        ["市"] = OrgLevel.City, ["市级"] = OrgLevel.City, ["地市"] = OrgLevel.City, ["地市级"] = OrgLevel.City, ["设区的市"] = OrgLevel.City,
        ["县"] = OrgLevel.County, ["县级"] = OrgLevel.County, ["区县"] = OrgLevel.County, ["县区"] = OrgLevel.County, ["县（市、区）"] = OrgLevel.County, ["县市区"] = OrgLevel.County,
        ["乡"] = OrgLevel.Town, ["镇"] = OrgLevel.Town, ["街道"] = OrgLevel.Town, ["乡镇"] = OrgLevel.Town, ["乡镇级"] = OrgLevel.Town, ["乡级"] = OrgLevel.Town, ["乡镇（街道）"] = OrgLevel.Town,
        ["村"] = OrgLevel.Village, ["社区"] = OrgLevel.Village, ["村级"] = OrgLevel.Village, ["村居"] = OrgLevel.Village, ["村（社区）"] = OrgLevel.Village,
    };

    private static readonly Dictionary<string, OrgKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["政府"] = OrgKind.Government, ["人民政府"] = OrgKind.Government, ["行政区划"] = OrgKind.Government, ["区划"] = OrgKind.Government,
        ["部门"] = OrgKind.Department, ["政府部门"] = OrgKind.Department, ["机关"] = OrgKind.Department,
        ["调解中心"] = OrgKind.DisputeCentre, ["矛调中心"] = OrgKind.DisputeCentre, ["纠纷调解中心"] = OrgKind.DisputeCentre, ["非诉中心"] = OrgKind.DisputeCentre,
        ["法院"] = OrgKind.Court, ["人民法院"] = OrgKind.Court,
        ["检察院"] = OrgKind.Procuratorate, ["人民检察院"] = OrgKind.Procuratorate,
        ["其他"] = OrgKind.Other, ["其它"] = OrgKind.Other,
    };

    public static string LevelName(OrgLevel level) => Levels.FirstOrDefault(l => l.Level == level).Name ?? level.ToString();

    public static string KindName(OrgKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Name ?? kind.ToString();

    public static string StatusName(bool active) => active ? ActiveName : InactiveName;

    /// <summary>Accepts the Chinese words (and common synonyms) or the English enum names.</summary>
    public static bool TryParseLevel(string text, out OrgLevel level)
    {
        text = text.Trim();
        if (LevelWords.TryGetValue(text, out level))
        {
            return true;
        }
        return Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);
    }

    public static bool TryParseKind(string text, out OrgKind kind)
    {
        text = text.Trim();
        if (KindWords.TryGetValue(text, out kind))
        {
            return true;
        }
        return Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
    }

    /// <summary>Empty means active.</summary>
    public static bool TryParseStatus(string text, out bool active)
    {
        switch (text.Trim())
        {
            case "" or ActiveName or "正常" or "有效" or "是":
                active = true;
                return true;
            case InactiveName or "禁用" or "撤销" or "无效" or "否":
                active = false;
                return true;
            default:
                active = true;
                return false;
        }
    }

    /// <summary>A code: division code or department code, used in paths, so no '/'.</summary>
    public static string? CheckCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "代码不能为空。";
        }
        return CodePattern().IsMatch(code) ? null : $"代码只能由数字、字母、“-”和“_”组成，不超过 {MaxCodeLength} 个字符。";
    }

    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "名称不能为空。";
        }
        return name.Trim().Length > MaxNameLength ? $"名称不能超过 {MaxNameLength} 个字。" : null;
    }

    /// <summary>
    /// Whether a unit of <paramref name="level"/>/<paramref name="kind"/> may sit under <paramref name="parent"/>:
    /// no unit sits above its parent's level (a town cannot hold a county); an administrative division (政府) sits
    /// strictly one level or more below a division, never under a department or centre; departments, centres, courts
    /// and procuratorates may share their parent's level (市司法局 under 枣庄市). Returns the reason, or null.
    /// </summary>
    public static string? CheckPlacement(string name, OrgLevel level, OrgKind kind, OrgUnitRef? parent)
    {
        if (parent is null)
        {
            return null;
        }
        if (level < parent.Level)
        {
            return $"上级“{parent.Name}”为{LevelName(parent.Level)}单位，不能下设{LevelName(level)}单位“{name}”。";
        }
        if (kind == OrgKind.Government && parent.Kind != OrgKind.Government)
        {
            return $"行政区划“{name}”只能设在行政区划之下，不能设在{KindName(parent.Kind)}“{parent.Name}”之下。";
        }
        if (kind == OrgKind.Government && level == parent.Level)
        {
            return $"行政区划“{name}”须比上级“{parent.Name}”（{LevelName(parent.Level)}）低一级。";
        }
        return null;
    }

    [GeneratedRegex("^[0-9A-Za-z_-]{1,32}$")]
    private static partial Regex CodePattern();
}

/// <summary>What the placement rule needs to know of a unit.</summary>
internal sealed record OrgUnitRef(string Name, OrgLevel Level, OrgKind Kind);
