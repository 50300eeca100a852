using System.Net;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Testing;

/// <summary>Reads a list's output (ADR 0049): the .xlsx export as rows, the print view as HTML, each checked for its status and type.</summary>
public static class ListOutputs
{
    /// <summary>GETs an .xlsx export and returns its first sheet's rows.</summary>
    public static async Task<List<XlsxRow>> SheetAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, r.Content.Headers.ContentType?.MediaType);
        return XlsxReader.Read(await r.Content.ReadAsStreamAsync());
    }

    /// <summary>GETs a print view and returns its HTML.</summary>
    public static async Task<string> PrintAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        return await r.Content.ReadAsStringAsync();
    }
}
