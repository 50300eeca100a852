namespace Fazhi.Enforcement;

/// <summary>
/// One page of a list and the total it is cut from. The module's own record until the platform offers one
/// (the platform's pages, e.g. AuditPage and OrgUnitPage, have the same shape but are per type).
/// </summary>
internal sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
