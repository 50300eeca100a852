namespace Fazhi.Platform.Security;

/// <summary>
/// The org units whose records the current caller may read and write: the units where the caller holds a role,
/// and every unit below them. Enforced once, as a query filter in <see cref="Data.FazhiDbContext"/>.
/// </summary>
public sealed class DataScope
{
    private DataScope(bool unrestricted, Guid[] unitIds)
    {
        Unrestricted = unrestricted;
        UnitIds = unitIds;
    }

    /// <summary>System work (migrations, jobs, CLI): no restriction.</summary>
    public static DataScope System { get; } = new(true, []);

    /// <summary>An anonymous caller sees no scoped record.</summary>
    public static DataScope None { get; } = new(false, []);

    public static DataScope Of(IReadOnlyCollection<Guid> unitIds) => new(false, unitIds.ToArray());

    public bool Unrestricted { get; }

    public Guid[] UnitIds { get; }

    public bool Allows(Guid orgUnitId) => Unrestricted || UnitIds.Contains(orgUnitId);
}
