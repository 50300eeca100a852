using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security.Crypto;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Fazhi.Platform.Tests.Attachments;

[Collection(HostCollection.Name)]
public sealed class AttachmentTests(FazhiFactory factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task Upload_and_download_round_trip_keeps_bytes_hash_and_chinese_name()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));
        var bytes = Png.Concat(Guid.NewGuid().ToByteArray()).ToArray();

        var response = await UploadAsync(clerk, bytes, "现场照片 1.png");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dto = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Sm3.HashHex(bytes), dto.GetProperty("sm3").GetString());
        Assert.Equal("image/png", dto.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, dto.GetProperty("size").GetInt64());
        var id = dto.GetProperty("id").GetGuid();

        var download = await clerk.GetAsync($"/api/platform/attachments/{id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("现场照片 1.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", download.Content.Headers.GetValues("Content-Disposition").Single());

        var list = await clerk.GetFromJsonAsync<JsonElement>("/api/platform/attachments?ownerType=TestCase&ownerId=round-trip");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);

        // Same content again: a second record, the bytes stored once.
        var again = await (await UploadAsync(clerk, bytes, "副本.png")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(dto.GetProperty("sm3").GetString(), again.GetProperty("sm3").GetString());
        var hash = dto.GetProperty("sm3").GetString()!;
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), hash, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_pdf_that_is_really_an_exe_is_refused()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

        var response = await UploadAsync(clerk, exe, "通知书.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("文件内容与扩展名不符", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_type_outside_the_allow_list_is_refused_with_the_list()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));
        var response = await UploadAsync(clerk, [(byte)'M', (byte)'Z', 0, 0], "tool.exe");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(".pdf", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("../../etc/passwd.txt")]
    [InlineData("/etc/passwd.txt")]
    [InlineData("..\\..\\boot.txt")]
    [InlineData("C:\\Windows\\win.txt")]
    public async Task Path_traversal_names_are_refused(string name)
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));
        var response = await UploadAsync(clerk, "普通文本内容"u8.ToArray(), name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("路径", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_districts_clerk_gets_404_on_download_and_metadata()
    {
        var owner = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370403"));
        var dto = await (await UploadAsync(owner, "调解协议正文"u8.ToArray(), "协议.txt")).Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/platform/attachments/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/platform/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/platform/attachments/{id}/content")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_file_is_413_with_a_chinese_reason()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        // A second host on the same database, with a 1 KB limit.
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Attachments:MaxBytes", "1024"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await factory.ApiClientAsync(user)).DefaultRequestHeaders.Authorization;

        var response = await UploadAsync(client, Png.Concat(new byte[4096]).ToArray(), "大图.png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("文件超过大小上限（1 KB）", await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("TestCase"), "ownerType");
        form.Add(new StringContent("round-trip"), "ownerId");
        return await client.PostAsync("/api/platform/attachments", form);
    }
}
