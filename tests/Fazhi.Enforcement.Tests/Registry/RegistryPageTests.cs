using System.Net;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Registry;

[Collection(HostCollection.Name)]
public sealed class RegistryPageTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task Registering_an_officer_in_a_body_outside_the_users_scope_is_refused_inline_on_the_page()
    {
        // A city department's body, registered by the city's registry administrator.
        var body = await _kit.BodyAsync(await _kit.RegistryAdminAsync(), CaseTestKit.Market);
        var district = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-registry-admin", "370402"));
        var name = CaseTestKit.Unique("执法员");

        var posted = await Forms.SubmitAsync(district, "/enforcement/registry", "officer", new Dictionary<string, string>
        {
            ["Officer.BodyId"] = body.ToString(),
            ["Officer.Name"] = name,
            ["Officer.CertificateNumber"] = CaseTestKit.Unique("ZF"),
            ["Officer.IssuedOn"] = _kit.Today.AddYears(-1).ToString("yyyy-MM-dd"),
            ["Officer.ExpiresOn"] = _kit.Today.AddYears(2).ToString("yyyy-MM-dd"),
        });

        var html = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("不在您的管理范围内", html);
        Assert.DoesNotContain("已登记执法人员", html);
        Assert.DoesNotContain($">{name}<", html); // the form keeps the typed name; the list does not show it
    }
}
