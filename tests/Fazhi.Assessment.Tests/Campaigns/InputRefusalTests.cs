using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Campaigns;

/// <summary>Refusals of malformed or implausible input: 400 naming the field, never 500, nothing saved.</summary>
[Collection(HostCollection.Name)]
public sealed class InputRefusalTests(FazhiFactory factory)
{
    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Evidence_refuses_an_unknown_kind_number_a_negative_or_huge_figure_and_an_empty_file()
    {
        var s = await CampaignSetup.CreateAsync(factory, $"输入校验-{Guid.NewGuid():N}"[..16]);
        var town = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, CampaignSetup.Town));
        var x1 = s.TaskIds[$"X1@{CampaignSetup.Town}"];
        var url = $"/api/assessment/tasks/{x1}/evidence";

        Assert.True((await ErrorsAsync(await town.PostAsJsonAsync(url, new { kind = 12345, title = "数", value = 1 }))).TryGetProperty("kind", out _));
        Assert.True((await ErrorsAsync(await town.PostAsJsonAsync(url, new { kind = "Figure", title = "数", value = -3 }))).TryGetProperty("value", out _));
        Assert.True((await ErrorsAsync(await town.PostAsJsonAsync(url, new { kind = "Figure", title = "数", value = 2_000_000_000_000m }))).TryGetProperty("value", out _));
        Assert.True((await ErrorsAsync(await town.PostAsJsonAsync(url, new { kind = "Figure", title = " \u200B ", value = 1 }))).TryGetProperty("title", out _));

        using var multipart = new MultipartFormDataContent();
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(empty, "file", "空.pdf");
        var refused = await town.PostAsync(url, multipart);
        Assert.True((await ErrorsAsync(refused)).TryGetProperty("file", out _));
        Assert.Contains("空文件", await DetailAsync(refused));

        var detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        Assert.Equal(0, detail.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task Refine_answers_malformed_bodies_with_400_naming_the_field()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office, "370400-SFJ"));
        var code = $"R{Guid.NewGuid():N}"[..12];
        var imported = await ImportFrameworkAsync(office, code, Workbook(National(code)));
        var leaf = (await IndicatorsAsync(office, imported.GetProperty("versionId").GetGuid())).First(i => i.GetProperty("level").GetInt32() == 3).GetProperty("id").GetGuid();
        var url = $"/api/assessment/indicators/{leaf}/refine";

        async Task<JsonElement> PostAsync(string json) =>
            await ErrorsAsync(await office.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json")));

        Assert.True((await PostAsync("{}")).TryGetProperty("items", out _));
        Assert.True((await PostAsync("""{"items":null}""")).TryGetProperty("items", out _));
        Assert.True((await PostAsync("""{"items":[]}""")).TryGetProperty("items", out _));
        Assert.True((await PostAsync("""{"items":[null]}""")).TryGetProperty("items[0]", out _));
        Assert.True((await PostAsync("""{"items":[{"title":"  ","maxScore":1,"method":"Points"}]}""")).TryGetProperty("items[0].title", out _));
        Assert.True((await PostAsync("""{"items":[{"title":"细化","maxScore":-1,"method":"Points"}]}""")).TryGetProperty("items[0].maxScore", out _));
        Assert.True((await PostAsync("""{"items":[{"title":"细化","maxScore":1,"method":12345}]}""")).TryGetProperty("items[0].method", out _));
        Assert.True((await PostAsync("""{"items":"x"}""")).TryGetProperty("items", out _));
    }
}
