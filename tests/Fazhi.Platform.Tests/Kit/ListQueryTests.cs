using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>The kit's list query (ADR 0007): keyword, date range, whitelisted sort and bounded paging, checked in one place.</summary>
public sealed class ListQueryTests
{
    private sealed record Row(int Id, string Name, DateOnly On);

    private static readonly ListShape<Row> Shape = new ListShape<Row> { MaxPageSize = 10 }
        .Search((q, k) => q.Where(r => r.Name.Contains(k)))
        .Dated(r => r.On)
        .SortBy("name", r => r.Name)
        .SortBy("on", r => r.On, SortDirection.Desc)
        .ThenBy(r => r.Id);

    private static readonly Row[] Rows =
    [
        new(1, "甲乙", new(2026, 1, 5)), new(2, "乙丙", new(2026, 2, 5)), new(3, "丙丁", new(2026, 3, 5)), new(4, "乙戊", new(2026, 3, 5)),
    ];

    private static RefusalException Refused(ListQuery query) => Assert.Throws<RefusalException>(() => Shape.Check(query));

    [Fact]
    public void An_unknown_sort_key_is_refused_naming_sort_and_the_allowed_keys()
    {
        var refusal = Refused(new ListQuery { Sort = "password" });

        Assert.Equal(400, refusal.StatusCode);
        Assert.Contains("password", refusal.Errors["sort"][0]);
        Assert.Contains("name、on", refusal.Errors["sort"][0]);
    }

    [Fact]
    public void A_reversed_date_range_is_refused_naming_to()
    {
        var refusal = Refused(new DatedListQuery { From = new(2026, 3, 1), To = new(2026, 2, 1) });

        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal(["结束日期不能早于开始日期。"], refusal.Errors["to"]);
    }

    [Fact]
    public void An_implausible_date_is_refused()
    {
        Assert.True(Refused(new DatedListQuery { From = new(1800, 1, 1) }).Errors.ContainsKey("from"));
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(-3, null, "page")]
    [InlineData(null, 0, "pageSize")]
    [InlineData(null, 11, "pageSize")]
    public void Page_and_page_size_are_bounded(int? page, int? pageSize, string field)
    {
        var refusal = Refused(new ListQuery { Page = page, PageSize = pageSize });

        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal([field], refusal.Errors.Keys);
    }

    [Fact]
    public void The_largest_page_size_and_a_page_past_the_end_are_accepted()
    {
        var request = Shape.Check(new ListQuery { Page = int.MaxValue, PageSize = 10 });

        Assert.Equal(new PageRequest(int.MaxValue, 10), request.Page);
    }

    [Fact]
    public void A_keyword_is_trimmed_and_limited()
    {
        Assert.Equal("乙", Shape.Check(new ListQuery { Q = "\u200B 乙 \u3000" }).Keyword);
        Assert.True(Refused(new ListQuery { Q = new string('字', ListShape<Row>.MaxKeywordLength + 1) }).Errors.ContainsKey("q"));
        Assert.True(Refused(new ListQuery { Q = "a\u0000b" }).Errors.ContainsKey("q"));
        Assert.Null(Shape.Check(new ListQuery { Q = "   " }).Keyword);
    }

    [Fact]
    public void A_list_refuses_a_filter_it_does_not_declare()
    {
        var plain = new ListShape<Row>().SortBy("name", r => r.Name);

        var refusal = Assert.Throws<RefusalException>(() => plain.Check(new DatedListQuery { Q = "x", From = new(2026, 1, 1) }));

        Assert.Equal(["from", "q"], refusal.Errors.Keys.Order());
    }

    [Fact]
    public void Every_reason_is_given_at_once()
    {
        var refusal = Refused(new DatedListQuery { Sort = "x", From = new(2026, 2, 1), To = new(2026, 1, 1), PageSize = 500 });

        Assert.Equal(["pageSize", "sort", "to"], refusal.Errors.Keys.Order());
        Assert.True(Refused(new ListQuery { Dir = "1" }).Errors.ContainsKey("dir"));
    }

    [Fact]
    public void A_page_reads_what_it_cannot_use_as_absent()
    {
        var request = Shape.Read(new DatedListQuery { Q = "a\u0000", Sort = "x", Dir = "up", From = new(2026, 2, 1), To = new(2026, 1, 1), Page = 0, PageSize = 99 });

        Assert.Equal(new ListRequest(null, null, null, "name", SortDirection.Asc, new PageRequest(1, 10)), request);
    }

    [Fact]
    public void Keyword_dates_and_sort_apply_with_the_tie_break()
    {
        var sorted = Shape.Apply(Rows.AsQueryable(), Shape.Check(new DatedListQuery { Q = "乙", From = new(2026, 2, 5), To = new(2026, 3, 5) }));
        Assert.Equal([2, 4], sorted.Select(r => r.Id));

        // The key's own direction when the request names none; equal dates keep id order.
        var byDate = Shape.Apply(Rows.AsQueryable(), Shape.Check(new ListQuery { Sort = "ON" }));
        Assert.Equal([3, 4, 2, 1], byDate.Select(r => r.Id));

        var ascending = Shape.Apply(Rows.AsQueryable(), Shape.Check(new ListQuery { Sort = "on", Dir = "ASC" }));
        Assert.Equal([1, 2, 3, 4], ascending.Select(r => r.Id));
    }

    [Theory]
    [InlineData("asc", SortDirection.Asc)]
    [InlineData("DESC", SortDirection.Desc)]
    [InlineData("1", null)]
    [InlineData(null, null)]
    public void A_pages_direction_is_read_from_text(string? text, SortDirection? expected) =>
        Assert.Equal(expected, ListQuery.Direction(text));
}

/// <summary>The account list on the kit's list query, through the API.</summary>
[Collection(HostCollection.Name)]
public sealed class UserListQueryApiTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_user_list_takes_keyword_sort_and_paging_from_the_query_string()
    {
        var prefix = "lq" + Guid.NewGuid().ToString("N")[..6];
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: prefix)).UserName);
        }
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/platform/users?q=%20{prefix.ToUpperInvariant()}%20&sort=userName&dir=desc&pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/platform/users?q={prefix}&sort=userName&dir=desc&pageSize=2&page=2");

        static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()!).ToList();
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), Names(first).Concat(Names(second)));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("sort=passwordHash", "sort")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("dir=sideways", "dir")]
    [InlineData("dir=1", "dir")]
    public async Task The_user_list_refuses_a_query_it_cannot_use_naming_it(string query, string field)
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));

        await (await client.GetAsync("/api/platform/users?" + query)).AssertRefusedNamingAsync(field);
    }

    [Fact]
    public async Task The_user_page_sorts_and_ignores_a_sort_it_does_not_know()
    {
        var prefix = "lp" + Guid.NewGuid().ToString("N")[..6];
        var names = new[]
        {
            (await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: prefix)).UserName,
            (await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: prefix)).UserName,
        }.Order(StringComparer.Ordinal).ToArray();
        var (a, b) = (names[0], names[1]);
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));

        var desc = await client.GetStringAsync($"/admin/users?q={prefix}&sort=userName&dir=desc");
        var unknown = await client.GetAsync($"/admin/users?q={prefix}&sort=nope&dir=sideways");

        Assert.True(desc.IndexOf(b, StringComparison.Ordinal) < desc.IndexOf(a, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.True(html.IndexOf(a, StringComparison.Ordinal) < html.IndexOf(b, StringComparison.Ordinal));
    }
}
