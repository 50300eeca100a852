using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fazhi.Library.Tests.Search;

/// <summary>Two nodes on one database and one data folder: each keeps its own index and follows the change feed (ADR 0023).</summary>
public sealed class TwoNodeIndexTests : IAsyncLifetime
{
    private readonly FazhiFactory _a = new();
    private FazhiFactory _b = null!;

    public async Task InitializeAsync()
    {
        _a.Settings["Library:IndexPollMilliseconds"] = "100";
        await ((IAsyncLifetime)_a).InitializeAsync();
        _b = FazhiFactory.SharingWith(_a);
        _b.Settings["Library:IndexPollMilliseconds"] = "100";
        await ((IAsyncLifetime)_b).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
    }

    [Fact]
    public async Task A_document_imported_on_one_node_is_found_on_the_other()
    {
        var user = await _a.CreateUserAsync("library-admin");
        var onA = await _a.ApiClientAsync(user);
        var onB = await _b.ApiClientAsync(user);
        var word = "节点同步" + Guid.NewGuid().ToString("N")[..4];
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"# 枣庄市节点测试办法\n\n2024年1月1日 枣庄市人民政府第1次常务会议通过\n\n<!-- INFO END -->\n\n第一条 {word}的规定。\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "file", "节点测试.md");
        (await onA.PostAsync("/api/library/import", form)).EnsureSuccessStatusCode();

        // Node B never heard of the import in process: it finds the document by following the change feed.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var total = 0;
        while (DateTime.UtcNow < deadline)
        {
            var r = JsonDocument.Parse(await onB.GetStringAsync("/api/library/search?q=" + Uri.EscapeDataString(word))).RootElement;
            total = r.GetProperty("total").GetInt32();
            if (total > 0)
            {
                break;
            }
            await Task.Delay(100);
        }
        Assert.Equal(1, total);
    }
}
