using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fazhi.Library.Tests.Search;

/// <summary>An index folder left by another database (a restored or replaced database, a shared build folder) is never served.</summary>
public sealed class IndexOriginTests
{
    [Fact]
    public async Task A_host_on_another_database_rebuilds_an_index_it_finds_instead_of_serving_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fazhi-tests", "shared-index-" + Guid.NewGuid().ToString("N"));
        var word = "索引归属" + Guid.NewGuid().ToString("N")[..4];
        try
        {
            await using (var first = new FazhiFactory())
            {
                first.Settings["Library:IndexDirectory"] = folder;
                await ((IAsyncLifetime)first).InitializeAsync();
                var admin = await first.ApiClientAsync(await first.CreateUserAsync("library-admin"));
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"# 枣庄市索引测试办法\n\n2024年1月1日 枣庄市人民政府第1次常务会议通过\n\n<!-- INFO END -->\n\n第一条 {word}。\n"));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
                form.Add(file, "file", "索引测试.md");
                (await admin.PostAsync("/api/library/import", form)).EnsureSuccessStatusCode();
                var found = JsonDocument.Parse(await admin.GetStringAsync("/api/library/search?q=" + Uri.EscapeDataString(word))).RootElement;
                Assert.Equal(1, found.GetProperty("total").GetInt32());
                await ((IAsyncLifetime)first).DisposeAsync();
            }
            await using var second = new FazhiFactory();
            second.Settings["Library:IndexDirectory"] = folder;
            await ((IAsyncLifetime)second).InitializeAsync();
            var reader = await second.ApiClientAsync(await second.CreateUserAsync());
            var none = JsonDocument.Parse(await reader.GetStringAsync("/api/library/search?q=" + Uri.EscapeDataString(word))).RootElement;
            Assert.Equal(0, none.GetProperty("total").GetInt32());
            await ((IAsyncLifetime)second).DisposeAsync();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
