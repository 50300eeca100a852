using System.Net;
using System.Net.Http.Json;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Identifiers;

[Collection(HostCollection.Name)]
public sealed class IdentifierApiTests(FazhiFactory factory)
{
    private const string Url = "/api/platform/identifiers/validate";

    [Fact]
    public async Task A_signed_in_user_checks_a_credit_code_and_an_id_number()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(orgCode: "370402"));

        var good = await (await client.PostAsJsonAsync(Url, new { kind = "uscc", value = "91340600ma2pbm9hxd" })).Content.ReadFromJsonAsync<Result>();
        var bad = await (await client.PostAsJsonAsync(Url, new { kind = "uscc", value = "91110000600037341N" })).Content.ReadFromJsonAsync<Result>();
        var id = await (await client.PostAsJsonAsync(Url, new { kind = "resident-id", value = "44011320141005001x" })).Content.ReadFromJsonAsync<Result>();
        var badDate = await (await client.PostAsJsonAsync(Url, new { kind = "resident-id", value = "110102199102300078" })).Content.ReadFromJsonAsync<Result>();

        Assert.Equal(new Result(true, "有效。", "91340600MA2PBM9HXD", "None", false), good);
        Assert.False(bad!.Valid);
        Assert.True(bad.Overridable);
        Assert.Contains("应为“L”，实为“N”", bad.Message);
        Assert.True(id!.Valid);
        Assert.Equal("44011320141005001X", id.Normalized);
        Assert.False(badDate!.Valid);
        Assert.Equal("InvalidBirthDate", badDate.Problem);
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_in_chinese()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync());

        var response = await client.PostAsJsonAsync(Url, new { kind = "passport", value = "E12345678" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("uscc", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(Url, new { kind = "uscc", value = "91110000600037341L" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Result(bool Valid, string Message, string Normalized, string Problem, bool Overridable);
}
