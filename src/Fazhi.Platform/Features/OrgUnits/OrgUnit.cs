using System.Text.Json.Serialization;
using Fazhi.Platform.Data;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>Level of an org unit in the administrative tree.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrgLevel>))]
public enum OrgLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Town = 4,
    Village = 5,
}

/// <summary>What kind of body an org unit is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrgKind>))]
public enum OrgKind
{
    Government = 1,
    Department = 2,
    DisputeCentre = 3,
    Court = 4,
    Procuratorate = 5,
    Other = 9,
}

/// <summary>
/// A node of the org tree. <see cref="Path"/> holds the codes from the root down, separated by '/',
/// so a subtree is a prefix match (fast on both engines, indexed).
/// </summary>
public sealed class OrgUnit : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique code: the division code (e.g. 370402) or a department code (e.g. 370400-SFJ).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrgLevel Level { get; set; }

    public OrgKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>"/370400/370402/" style materialised path of codes, root first, with leading and trailing '/'.</summary>
    public required string Path { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}
