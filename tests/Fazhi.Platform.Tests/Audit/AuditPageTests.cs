using System.Net;
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
}
