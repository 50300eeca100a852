using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Lists;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class ListsAuditLabels
{
    public static void Add(IServiceCollection services) =>
        services.AddAuditLabels(
            new AuditLabel("EnterpriseAppeal", "企业诉求", "Enterprise appeal", "/lists/appeals/{id}"),
            new AuditLabel("OutsideListReport", "清单外事项反映", "Outside-list report", "/lists/reports/{id}"),
            new AuditLabel("EmergencyPlan", "应急预案", "Emergency plan", "/lists/plans/{id}"),
            new AuditLabel("CertListVersion", "证明事项清单版本", "Certification list version", null));
}
