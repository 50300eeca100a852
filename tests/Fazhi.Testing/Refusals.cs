using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Testing;

/// <summary>Checks on the API's refusals (ADR 0021).</summary>
public static class Refusals
{
    /// <summary>Asserts a 400 ValidationProblem whose <c>errors</c> name <paramref name="field"/>; returns the problem.</summary>
    public static async Task<JsonElement> AssertRefusedNamingAsync(this HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        return problem;
    }
}
