namespace Fazhi.Platform.Data;

/// <summary>A business record that belongs to an org unit; the data scope filter applies to it.</summary>
public interface IOrgScoped
{
    Guid OrgUnitId { get; }
}

/// <summary>An editable record with an optimistic concurrency version; a stale edit gets 409.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>Marks an entity whose changes are not written to the audit trail (technical tables only).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Marks a property whose value is never copied into the audit trail (secrets, hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;
