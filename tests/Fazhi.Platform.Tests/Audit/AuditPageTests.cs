using System.Globalization;
using System.Net;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Audit;

[Collection(HostCollection.Name)]
public sealed class AuditPageTests(FazhiFactory factory)
{
    [Fact]
    public async Task Audit_admin_sees_the_trail_and_verifies_it_from_the_page()
    {
        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin));

        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/audit?action=create"));
        Assert.Contains("<h1>审计日志</h1>", page);
        Assert.Contains("校验完整性", page);
        Assert.Contains("<td><span class=\"tag \">新增</span></td>", page);

        var result = await Forms.SubmitAsync(auditor, "/admin/audit", "audit-verify", new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await result.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("alert-success", html);
        Assert.Contains("审计链完整", html);
    }

    [Fact]
    public async Task System_admin_cannot_open_the_audit_page()
    {
        var sysadmin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));
        var response = await sysadmin.GetAsync("/admin/audit");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("校验完整性", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Actions_of_every_module_and_booleans_read_in_the_trails_language()
    {
        var labels = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AuditLabels>()));
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("授予角色", labels.ActionName("role.assigned"));
            Assert.Equal("退出登录", labels.ActionName("signout"));
            Assert.Equal("作出处罚决定", labels.ActionName("enforcement.case.decide"));
            Assert.Equal(("IsActive", "是", "否"), Assert.Single(AuditReadable.Parse("{\"IsActive\":[true,false]}")));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Role granted", labels.ActionName("role.assigned"));
            Assert.Equal("Recovery codes regenerated", labels.ActionName("2fa.recovery_codes_regenerated"));
            Assert.Equal("Phone verification code requested", labels.ActionName("platform.phone-code.requested"));
            Assert.Equal("Law text imported", labels.ActionName("library.import"));
            Assert.Equal(("IsActive", "Yes", "No"), Assert.Single(AuditReadable.Parse("{\"IsActive\":[true,false]}")));
            Assert.Null(labels.ActionName("no.such.action"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
