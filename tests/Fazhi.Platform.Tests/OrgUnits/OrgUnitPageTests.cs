using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.OrgUnits;

[Collection(HostCollection.Name)]
public sealed class OrgUnitPageTests(FazhiFactory factory)
{
    [Fact]
    public async Task Edit_form_saves_and_a_stale_form_shows_the_conflict_message()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var cityId = (await client.GetFromJsonAsync<JsonElement>("/api/platform/org-units?q=370400&level=City")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var created = await client.PostAsJsonAsync("/api/platform/org-units", new { code = OrgUnitApiTests.UniqueCode("370400-"), name = "页面测试局", level = "City", kind = "Department", parentId = cityId });
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/admin/org-units/{unit.GetProperty("id").GetGuid()}";
        var version = unit.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(string name) => new()
        {
            ["Edit.Name"] = name, ["Edit.Level"] = "City", ["Edit.Kind"] = "Department", ["Edit.SortOrder"] = "5", ["Edit.Version"] = version,
        };

        var saved = await Forms.SubmitAsync(client, url, "edit", Form("页面测试局（改）"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("已保存", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));

        var stale = await Forms.SubmitAsync(client, url, "edit", Form("过期的修改"));
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("该记录已被他人修改", html);
        Assert.Equal("页面测试局（改）", (await client.GetFromJsonAsync<JsonElement>($"/api/platform/org-units/{unit.GetProperty("id").GetGuid()}")).GetProperty("name").GetString());

        version = (await client.GetFromJsonAsync<JsonElement>($"/api/platform/org-units/{unit.GetProperty("id").GetGuid()}")).GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var invalid = await Forms.SubmitAsync(client, url, "edit", Form(""));
        Assert.Contains("名称不能为空", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Staff_sees_the_tree_without_edit_forms_and_cannot_open_the_create_page()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/org-units"));
        Assert.Contains("中心街街道", html);
        Assert.DoesNotContain("从 .xlsx 导入", html);

        var create = await client.GetAsync("/admin/org-units/new");
        Assert.DoesNotContain("name=\"Input.Code\"", await create.Content.ReadAsStringAsync());
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        Assert.Contains("name=\"Input.Code\"", await admin.GetStringAsync("/admin/org-units/new"));
    }

    [Fact]
    public async Task Import_on_the_page_lists_row_errors()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var xlsx = Features.Documents.XlsxWriter.Write(new Features.Documents.XlsxSheet("组织机构",
            [new("代码"), new("名称"), new("上级代码"), new("层级"), new("类型")],
            [[OrgUnitApiTests.UniqueCode("370402"), "", "370402", "乡镇级", "政府"]]));
        var page = await client.GetStringAsync("/admin/org-units");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
            { new ByteArrayContent(xlsx), "file", "orgs.xlsx" },
        };

        var response = await client.PostAsync("/admin/org-units", content);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("导入未执行", html);
        Assert.Contains("名称不能为空", html);
    }
}
