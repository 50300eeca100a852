using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Oversight;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class OversightAuditLabels
{
    public static void Add(IServiceCollection services) =>
        services.AddAuditLabels(
            new AuditLabel("Lawsuit", "行政诉讼案件", "Lawsuit", "/oversight/lawsuits/{id}"),
            new AuditLabel("Suggestion", "建议提案", "Suggestion", "/oversight/suggestions/{id}"),
            new AuditLabel("Proposal", "政协提案", "Proposal", "/oversight/proposals/{id}"),
            new AuditLabel("ProposalCoOpinion", "建议提案协办意见", "Co-unit opinion on a proposal", null,
                new AuditField("ProposalId", "建议提案", "Proposal"), new AuditField("GivenOn", "提出日期", "Given on"), new AuditField("Opinion", "协办意见", "Opinion")),
            new AuditLabel("DisclosureRequest", "依申请公开", "Disclosure request", "/oversight/disclosures/{id}"));
}
