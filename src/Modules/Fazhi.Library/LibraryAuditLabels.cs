using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Library;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class LibraryAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuditLabels(
            new AuditLabel("LawWork", "法规", "Law", "/library/{id}"),
            new AuditLabel("LawVersion", "法规版本", "Law version", null),
            new AuditLabel("Provision", "条文", "Provision", null, F("Text", "条文内容", "Text")));
        services.AddAuditActions(
            new AuditActionLabel("library.import", "导入法规文本", "Law text imported"),
            new AuditActionLabel("library.article.edit", "修订条文文本", "Provision text corrected"));
    }
}
