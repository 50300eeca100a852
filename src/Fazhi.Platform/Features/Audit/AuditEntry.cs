using Fazhi.Platform.Data;

namespace Fazhi.Platform.Features.Audit;

/// <summary>
/// One link of the tamper-evident audit chain (全过程记录). Entries are appended in the same transaction as the change
/// they record and are never updated or deleted by the application.
/// </summary>
[NotAudited]
public sealed class AuditEntry
{
    /// <summary>Gap-free sequence number, 1-based.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC time truncated to whole milliseconds, so every engine stores it exactly.</summary>
    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public Guid? OrgUnitId { get; set; }

    /// <summary>create, update, delete, or a security event such as <c>signin.failed</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>JSON of changed fields: {"Field":[before, after]}, or details of a security event.</summary>
    public string Changes { get; set; } = "{}";

    public string? ClientIp { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
