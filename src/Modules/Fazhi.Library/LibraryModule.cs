using Fazhi.Library.Citations;
using Fazhi.Library.Contracts;
using Fazhi.Library.Data;
using Fazhi.Library.Import;
using Fazhi.Library.Search;
using Fazhi.Library.Works;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Library;

/// <summary>
/// The regulation library (法规库): laws, regulations, rules and normative documents as versioned, article-addressable
/// data with Chinese full-text search (ADR 0023), and <see cref="ILawReferences"/> for the other modules.
/// </summary>
public static class LibraryModule
{
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        LibraryAuditLabels.Add(services);
        builder.AddFazhiDbContext<LibraryDb, SqliteLibraryDb, PostgresLibraryDb>("library");
        services.AddPortalLinks(new PortalLink(PortalSection.Publications, "法律法规查询", "/public/library", 50, "Laws and regulations",
            "现行法律、法规、规章和规范性文件全文检索。", "Full-text search of the laws, regulations and rules in force."));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LibraryIndexSignal>();
        services.AddSingleton<IndexFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFollower>());
        services.AddSingleton<LibrarySearch>();
        services.AddScoped<LibraryImporter>();
        services.AddScoped<WorkQueries>();
        services.AddScoped<WorkService>();
        services.AddSingleton<LawReferenceCache>();
        services.AddScoped<ILawReferences, LawReferences>();
        services.AddScoped<ILibraryPublishing, LibraryPublishing>();
        services.AddScoped<IDemoSeed, LibraryDemoSeed>();
        services.AddSingleton<ICliVerb, LibraryImportVerb>();
        services.AddSingleton<ICliVerb, LibraryReindexVerb>();
        services.AddPermissions(LibraryPermissions.All);
        services.AddModuleText<LibraryText>();
        services.AddModuleRoles(
            new ModuleRole("library-admin", "法规库管理员", "导入、录入和编辑法律法规与规范性文件，设定时效性，重建检索索引。", [LibraryPermissions.Manage]));
        services.AddDemoRoleAssignments(new DemoRoleAssignment("demo-city", "library-admin", "370400"));
        services.AddNavItems(
            new NavItem("法规库", "法规检索", "/library", null, 5, "Search the law"),
            new NavItem("法规库", "法规管理", "/library/manage", LibraryPermissions.Manage, 10, "Manage the library"));
        return builder;
    }

    public static WebApplication MapLibrary(this WebApplication app)
    {
        var api = app.MapGroup("/api/library").WithTags("library");
        LibraryApi.Map(api);
        return app;
    }
}
