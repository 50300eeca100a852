using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>The unit picker offers and accepts only units in scope; the audit trail reads as names and filters and exports (ADR 0041).</summary>
[Collection(HostCollection.Name)]
public sealed class PickerAndAuditTests(FazhiFactory factory)
{
    [Fact]
    public async Task Unit_picker_offers_only_units_in_the_administrators_scope_and_refuses_a_posted_code_outside_it_naming_the_field()
    {
        // A district's system administrator (市中区 370402): its own district is offered, the neighbouring 薛城区 (370403) is not.
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370402"));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        Assert.Contains("<datalist id=\"new-org-units\">", page);
        Assert.Contains("<option value=\"370402\"", page);
        Assert.Contains("data-pick-value=\"370402\"", page);
        Assert.Contains("市中区 · ", page);
        Assert.Contains("szq", page); // pinyin initials of 市中区, searchable in the datalist
        Assert.DoesNotContain("<option value=\"370403\"", page);
        Assert.DoesNotContain("data-pick-value=\"370403\"", page);
        Assert.DoesNotContain("data-pick-value=\"370400\"", page);

        var userName = "picker-" + Guid.NewGuid().ToString("N")[..8];
        var refused = await Forms.SubmitAsync(admin, "/admin/users", "create-user", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = userName, ["NewUser.DisplayName"] = "越界测试", ["NewUser.OrgCode"] = "370403",
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不在可选择的单位范围内", html);
        Assert.Contains("薛城区", html);
        Assert.DoesNotContain("已创建账户", html);

        // The kit's check names the field it was given, for any page or endpoint that uses it.
        var refusal = await Assert.ThrowsAsync<RefusalException>(() => factory.InScopeAsync(sp =>
            sp.GetRequiredService<IOrgPicker>().PostedAsync("370403", "handlingUnit", [Guid.NewGuid()], CancellationToken.None)));
        Assert.True(refusal.Errors.ContainsKey("handlingUnit"));

        var created = await Forms.SubmitAsync(admin, "/admin/users", "create-user", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = userName, ["NewUser.DisplayName"] = "范围内", ["NewUser.OrgCode"] = "370402",
        });
        Assert.Contains("已创建账户", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Audit_trail_names_actions_records_fields_and_people_filters_by_person_unit_record_and_period_and_exports_xlsx()
    {
        // A change to record: a system administrator renames an account at 市中区.
        var adminUser = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370402");
        var admin = await factory.ApiClientAsync(adminUser);
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var detail = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/platform/users/{staff.Id}");
        var update = await admin.PutAsJsonAsync($"/api/platform/users/{staff.Id}", new
        {
            displayName = "审计可读测试",
            orgUnitId = detail.GetProperty("orgUnitId").GetGuid(),
            version = detail.GetProperty("version").GetInt64(),
        });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());

        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin));
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"?actor={adminUser.UserName}&entityType=FazhiUser&entityId={staff.Id}&from={today}&to={today}";
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/audit" + query));
        Assert.Contains("<span class=\"tag \">修改</span>", page);
        Assert.Contains($"<a href=\"/admin/users/{staff.Id}\">账户</a>", page);
        Assert.Contains("姓名：", page);
        Assert.Contains("审计可读测试", page);
        Assert.DoesNotContain("FazhiUser", page.Split("<tbody>")[1]);
        Assert.DoesNotContain("\"DisplayName\"", page);

        // Another person, or a period with nothing in it, finds nothing.
        var other = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?actor=nobody-{Guid.NewGuid():N}&entityId={staff.Id}"));
        Assert.Contains("没有符合条件的审计记录。", other);
        var past = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?entityId={staff.Id}&from=2001-01-01&to=2001-01-02"));
        Assert.Contains("没有符合条件的审计记录。", past);
        // By unit: the change was made at 市中区, not at 薛城区.
        Assert.Contains("审计可读测试", WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?entityId={staff.Id}&org=370402")));
        Assert.Contains("没有符合条件的审计记录。", WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?entityId={staff.Id}&org=370403")));

        // The raw entry stays one click away for the auditor.
        var sequence = System.Text.RegularExpressions.Regex.Match(page, "href=\"/admin/audit/(\\d+)\"").Groups[1].Value;
        var raw = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit/{sequence}"));
        Assert.Contains("FazhiUser", raw);
        Assert.Contains("\"DisplayName\"", raw);

        // The export holds exactly the filtered entries, readable.
        var orgId = (await factory.InScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().FindByCodeAsync("370402", CancellationToken.None)))!.Id;
        var export = await auditor.GetAsync($"/api/platform/audit/export?format=xlsx&entityType=FazhiUser&entityId={staff.Id}&orgUnitId={orgId}&actor={adminUser.UserName}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var cells = rows.Select(r => r.Descendants<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("操作人", cells[0][2]);
        var data = Assert.Single(cells.Skip(1));
        Assert.Equal("修改", data[5]);
        Assert.Equal("账户", data[6]);
        Assert.Contains("姓名：", data[8]);
        Assert.Contains("审计可读测试", data[8]);

        var bad = await auditor.GetAsync("/api/platform/audit/export?format=pdf");
        await Refusals.AssertRefusedNamingAsync(bad, "format");
    }
}
