using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>
/// ADR 0064: the files staff upload to a dispute case follow the case's scope when the case is passed on (分流改派, 下派,
/// 上报, ADR 0035). The receiving unit's staff open them, on the case page and through the platform's file endpoint; the unit
/// that passed the case keeps exactly what its data scope gives it over the case (a district keeps a case it passed down to
/// its street, a street loses one it passed up); nobody outside the scope opens them.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CaseFilesTransferTests(FazhiFactory factory)
{
    private const string District = "370402";
    private const string Street = "370402001";
    private const string OtherDistrict = "370403";

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static object Intake(string description) => new
    {
        caseType = "PeoplesMediation",
        channel = "WalkIn",
        category = "邻里纠纷",
        amount = 1500m,
        placeCode = District,
        description,
        applicant = new { kind = "Person", name = "邵明远", idNumber = ValidResidentId("37040219790202003"), phone = "13900002222" },
    };

    private static async Task<Guid> CreateAsync(HttpClient api, object body)
    {
        var created = await api.PostAsJsonAsync("/api/disputes/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a small PDF as a handling material; returns the file's id.</summary>
    private static async Task<Guid> UploadAsync(HttpClient api, Guid caseId, string name)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", name);
        var response = await api.PostAsync($"/api/disputes/cases/{caseId}/attachments", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        return view.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>The file names the case page lists for this reader (404 → null: the case is out of sight).</summary>
    private static async Task<string[]?> ListedAsync(HttpClient api, Guid caseId)
    {
        var response = await api.GetAsync($"/api/disputes/cases/{caseId}/handling");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachments").EnumerateArray()
            .Select(a => a.GetProperty("fileName").GetString()!).Order().ToArray();
    }

    /// <summary>Through the case (its download link) and through the platform's file endpoint.</summary>
    private static async Task<(HttpStatusCode Case, HttpStatusCode Platform)> OpenAsync(HttpClient disputes, HttpClient staff, Guid caseId, Guid fileId) =>
        ((await disputes.GetAsync($"/api/disputes/cases/{caseId}/attachments/{fileId}")).StatusCode,
         (await staff.GetAsync($"/api/platform/attachments/{fileId}/content")).StatusCode);

    [Fact]
    public async Task Files_follow_a_case_passed_down_to_a_street_and_back_up_and_stay_out_of_other_scopes()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", District));
        var districtStaff = await factory.ApiClientAsync(await factory.CreateUserAsync("staff", District));
        var mediator = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-mediator", Street));
        var streetStaff = await factory.ApiClientAsync(await factory.CreateUserAsync("staff", Street));
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", OtherDistrict));
        var elsewhereStaff = await factory.ApiClientAsync(await factory.CreateUserAsync("staff", OtherDistrict));

        var id = await CreateAsync(clerk, Intake("装修噪音扰民，双方多次争执，请求调解。"));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        var record = await UploadAsync(clerk, id, "区中心询问笔录.pdf");

        // At the district: the street does not see the case or its file yet.
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(mediator, streetStaff, id, record));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await OpenAsync(clerk, districtStaff, id, record));

        // 下派 to the street: the street's staff open the district's file; the district keeps it (its scope holds the street).
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = Street, reason = "由街道调委会就近调解" })).StatusCode);
        Assert.Equal(["区中心询问笔录.pdf"], (await ListedAsync(mediator, id))!);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await OpenAsync(mediator, streetStaff, id, record));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await OpenAsync(clerk, districtStaff, id, record));
        Assert.Null(await ListedAsync(elsewhere, id));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(elsewhere, elsewhereStaff, id, record));

        // The street receives it and adds its own material.
        Assert.Equal(HttpStatusCode.OK, (await mediator.PostAsJsonAsync($"/api/disputes/cases/{id}/receive", new { })).StatusCode);
        var streetRecord = await UploadAsync(mediator, id, "街道调解笔录.pdf");
        Assert.Equal(["区中心询问笔录.pdf", "街道调解笔录.pdf"], (await ListedAsync(clerk, id))!);

        // 上报 back to the district: the street's scope no longer holds the case, nor either file; the district opens both.
        Assert.Equal(HttpStatusCode.NoContent, (await mediator.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = District, reason = "涉及多个小区，需区中心组织联合调解" })).StatusCode);
        Assert.Null(await ListedAsync(mediator, id));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(mediator, streetStaff, id, record));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(mediator, streetStaff, id, streetRecord));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await OpenAsync(clerk, districtStaff, id, streetRecord));
        Assert.Equal(["区中心询问笔录.pdf", "街道调解笔录.pdf"], (await ListedAsync(clerk, id))!);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(elsewhere, elsewhereStaff, id, streetRecord));

        // A file id of another case is not opened through this one.
        var other = await CreateAsync(clerk, Intake("另一起相邻纠纷，双方就通行问题争执。"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/disputes/cases/{other}/attachments/{record}")).StatusCode);
    }

    [Fact]
    public async Task Files_uploaded_at_the_city_follow_a_front_desk_override_to_a_district()
    {
        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var district = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", District));
        var districtStaff = await factory.ApiClientAsync(await factory.CreateUserAsync("staff", District));
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", OtherDistrict));
        var elsewhereStaff = await factory.ApiClientAsync(await factory.CreateUserAsync("staff", OtherDistrict));
        var id = await CreateAsync(city, Intake("两户因宅基地边界发生争执，请求调解处理。"));
        var file = await UploadAsync(city, id, "来访登记表.pdf");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(district, districtStaff, id, file));

        var routed = await city.PostAsJsonAsync($"/api/disputes/cases/{id}/routing/override",
            new { handlingUnitCode = District, reason = "纠纷发生在市中区，由区中心就近调解" });
        Assert.Equal(HttpStatusCode.NoContent, routed.StatusCode);

        Assert.Equal(["来访登记表.pdf"], (await ListedAsync(district, id))!);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await OpenAsync(district, districtStaff, id, file));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), await OpenAsync(elsewhere, elsewhereStaff, id, file));
        // The city centre's scope holds the district: it keeps the case and the file.
        Assert.Equal(["来访登记表.pdf"], (await ListedAsync(city, id))!);
    }
}
