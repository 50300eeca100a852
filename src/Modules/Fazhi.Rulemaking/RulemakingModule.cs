using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Demo;
using Fazhi.Rulemaking.Normative;
using Fazhi.Rulemaking.Precheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Rulemaking;

/// <summary>
/// Rulemaking and legality review (立法、重大行政决策、行政规范性文件合法性审核, ADR 0027): normative documents from the drafting
/// unit's submission through the automatic legality pre-check against the library, the review office's review, unified
/// registration, publication, filing and validity; major decisions; legislation projects (ADR 0034).
/// </summary>
public static class RulemakingModule
{
    public static WebApplicationBuilder AddRulemaking(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        RulemakingAuditLabels.Add(services);
        builder.AddFazhiDbContext<RulemakingDb, SqliteRulemakingDb, PostgresRulemakingDb>("rulemaking");
        services.AddPortalLinks(
            new PortalLink(PortalSection.Publications, "行政规范性文件", "/public/normative-documents", 80, "Normative documents",
                "本市现行有效的行政规范性文件。", "The city's normative documents in force."),
            new PortalLink(PortalSection.Publications, "重大行政决策事项目录", "/public/decisions", 90, "Major administrative decisions",
                "年度重大行政决策事项目录及决策公布。", "The year's catalogue of major decisions and the decisions published."));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<LegalityPrecheck>();
        services.AddScoped<NormativeService>();
        services.AddScoped<NormativePublic>();
        services.AddScoped<NormativeReminders>();
        services.AddScoped<Decisions.DecisionService>();
        services.AddNumberSequence(NormativeService.RegistrationNumbers);
        services.AddFazhiJob<NormativeReminderJob>("0 15 8 ? * MON-FRI", "工作日 08:15 规范性文件审核、备案、有效期提醒，有效期届满未续期的失效");
        services.AddScoped<IModuleSeed, RulemakingSettingsSeed>();
        services.AddScoped<IDemoSeed, RulemakingDemoSeed>();
        services.AddScoped<IDemoSeed, DecisionsDemoSeed>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ReviewedBeforeIssueIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.FiledOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.LegalityReviewedIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.DecisionProcedureCompleteIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.CommentFeedbackIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.CleanupCompletionIndicator>();
        services.AddWorkSummary<RulemakingWorkSummary>();
        Legislation.LegislationFeature.Add(builder);
        Cleanup.CleanupFeature.Add(builder);
        Advisers.AdviserFeature.Add(builder);
        Hearings.HearingFeature.Add(builder);
        Renewal.RenewalFeature.Add(builder);
        services.AddPermissions(RulemakingPermissions.All);
        services.AddModuleText<RulemakingText>();
        services.AddModuleRoles(
            new ModuleRole("rulemaking-office", "合法性审核机构", "司法局立法和合法性审核科室：审核各单位报送的行政规范性文件草案（认定预审问题、逐条意见、审核结论），统一登记、公布、备案，设置审核和备案期限。",
                [RulemakingPermissions.Draft, RulemakingPermissions.Review]),
            new ModuleRole("rulemaking-government-office", "政府办公室（重大行政决策）", "编制和公布重大行政决策事项目录，程序回流（退回到缺失的程序步骤），登记集体讨论决定和决策公布。",
                [RulemakingPermissions.Hearings, RulemakingPermissions.DecisionsWork, RulemakingPermissions.DecisionsManage]),
            new ModuleRole("rulemaking-decision-unit", "决策承办单位", "承办重大行政决策事项：开展公众参与、专家论证、风险评估、合法性审查，上传各步骤的证明材料。",
                [RulemakingPermissions.Hearings, RulemakingPermissions.DecisionsWork]),
            new ModuleRole("rulemaking-drafter", "起草单位", "起草并报送本单位的行政规范性文件草案，查看预审问题和审核意见，按意见修改后重新报送，需要时为草案举行听证会或论证会，有效期届满前评估续期。",
                [RulemakingPermissions.Draft, RulemakingPermissions.Hearings]));
        // --demo: the city account is the review office; the Xuecheng district account a drafting unit.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "rulemaking-office", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "rulemaking-drafter", "370403"),
            new DemoRoleAssignment("demo-city", "rulemaking-government-office", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "rulemaking-decision-unit", "370403"));
        services.AddNavItems(
            new NavItem("立法与合法性审核", "行政规范性文件", "/rulemaking/documents", RulemakingPermissions.Draft, 10, "Normative documents"),
            new NavItem("立法与合法性审核", "报送草案", "/rulemaking/documents/new", RulemakingPermissions.Draft, 20, "Submit a draft"),
            new NavItem("立法与合法性审核", "审核和备案期限", "/rulemaking/settings", RulemakingPermissions.Review, 30, "Review and filing periods"),
            new NavItem("立法与合法性审核", "重大行政决策", "/rulemaking/decisions", RulemakingPermissions.DecisionsWork, 50, "Major decisions"),
            new NavItem("立法与合法性审核", "重大行政决策目录公开", "/public/decisions", null, 60, "Published decision catalogues"),
            new NavItem("立法与合法性审核", "规范性文件公开", "/public/normative-documents", null, 40, "Published normative documents"));
        return builder;
    }

    public static WebApplication MapRulemaking(this WebApplication app)
    {
        var api = app.MapGroup("/api/rulemaking").WithTags("rulemaking");
        NormativeApi.Map(api);
        Decisions.DecisionsApi.Map(api);
        Legislation.LegislationApi.Map(api);
        Cleanup.CleanupFeature.Map(api);
        Advisers.AdviserFeature.Map(api);
        Hearings.HearingFeature.Map(api);
        Renewal.RenewalFeature.Map(api);
        Documents.DocumentsApi.Map(api);
        return app;
    }
}

/// <summary>The settings row with its defaults; idempotent.</summary>
internal sealed class RulemakingSettingsSeed(RulemakingDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Settings, ct))
        {
            db.Settings.Add(new RulemakingSettings());
            await db.SaveChangesAsync(ct);
        }
    }
}
