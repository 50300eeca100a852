using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Disputes.Tests.Batch;

/// <summary>
/// Batch assignment on the worklist (ADR 0048): every ticked case goes through the case's own rule; a case that cannot be
/// assigned is reported by its number and the others are assigned (not all-or-nothing); nothing outside the caller's scope.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BatchAssignTests(FazhiFactory factory)
{
    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static object Intake(string name) => new
    {
        caseType = "PeoplesMediation",
        channel = "WalkIn",
        category = "邻里纠纷",
        amount = 500m,
        placeCode = "370402",
        description = "邻居在楼道堆放杂物，协商未果。",
        applicant = new { kind = "Person", name, idNumber = ValidResidentId("37040219800101002"), phone = "13800003333" },
    };

    private static async Task<Guid> NewCaseAsync(HttpClient api, string name)
    {
        var created = await api.PostAsJsonAsync("/api/disputes/cases", Intake(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Ticked_cases_are_assigned_one_by_one_and_a_case_that_cannot_be_is_reported_by_number()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var mediator = await factory.CreateUserAsync("dispute-mediator", "370402");
        var a = await NewCaseAsync(clerk, "批量甲");
        var b = await NewCaseAsync(clerk, "批量乙");
        var rejected = await NewCaseAsync(clerk, "批量丙");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{rejected}/reject", new { reason = "不属于人民调解范围。" })).StatusCode);
        var rejectedNumber = (await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{rejected}")).GetProperty("caseNumber").GetString();

        var response = await clerk.PostAsJsonAsync("/api/disputes/cases/batch/assign", new { caseIds = new[] { a, rejected, b }, userName = mediator.UserName });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("done").GetInt32());
        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        var refused = result.GetProperty("items").EnumerateArray().Single(i => !i.GetProperty("done").GetBoolean());
        Assert.Equal(rejectedNumber, refused.GetProperty("caseNumber").GetString());
        // The case's own reason (Domain/CaseActions): a rejected case is read-only.
        Assert.Contains("不予受理", refused.GetProperty("reason").GetString());

        foreach (var id in new[] { a, b })
        {
            var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/handling");
            Assert.Equal(mediator.Id, view.GetProperty("assigneeUserId").GetGuid());
            Assert.Contains(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Assignment");
        }
        var untouched = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{rejected}/handling");
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("assigneeUserId").ValueKind);
    }

    [Fact]
    public async Task A_batch_refuses_no_ticked_case_an_unknown_handler_and_reports_cases_outside_scope_as_not_found()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var mediator = await factory.CreateUserAsync("dispute-mediator", "370402");
        var mine = await NewCaseAsync(clerk, "批量丁");

        var none = await clerk.PostAsJsonAsync("/api/disputes/cases/batch/assign", new { caseIds = Array.Empty<Guid>(), userName = mediator.UserName });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("勾选", await none.Content.ReadAsStringAsync());
        var nobody = await clerk.PostAsJsonAsync("/api/disputes/cases/batch/assign", new { caseIds = new[] { mine }, userName = "no-such-user-xyz" });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("承办人", await nobody.Content.ReadAsStringAsync());

        // Another district's clerk cannot reach the case: reported as not found, nothing assigned.
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
        var otherMediator = await factory.CreateUserAsync("dispute-mediator", "370403");
        var outside = await (await other.PostAsJsonAsync("/api/disputes/cases/batch/assign", new { caseIds = new[] { mine }, userName = otherMediator.UserName }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, outside.GetProperty("done").GetInt32());
        Assert.Contains("数据范围", outside.GetProperty("items")[0].GetProperty("reason").GetString());
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{mine}/handling");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("assigneeUserId").ValueKind);
    }

    [Fact]
    public async Task The_worklist_ticks_cases_and_assigns_them_from_the_batch_bar()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var mediator = await factory.CreateUserAsync("dispute-mediator", "370402");
        var id = await NewCaseAsync(clerk, "批量戊");

        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync("/disputes"));
        Assert.Contains("id=\"batch-form\"", page);
        Assert.Contains($"name=\"caseIds\" value=\"{id}\"", page);

        var response = await Forms.SubmitAsync(clerk, "/disputes", "batch-assign",
            new Dictionary<string, string> { ["caseIds"] = id.ToString(), ["BatchInput.UserName"] = mediator.UserName });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("已指派 1 件，未指派 0 件。", html);
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/handling");
        Assert.Equal(mediator.Id, view.GetProperty("assigneeUserId").GetGuid());

        // Nothing ticked: refused next to the bar, nothing changed.
        var empty = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(clerk, "/disputes", "batch-assign",
            new Dictionary<string, string> { ["BatchInput.UserName"] = mediator.UserName })).Content.ReadAsStringAsync());
        Assert.Contains("请勾选要指派的案件", empty);
    }
}
