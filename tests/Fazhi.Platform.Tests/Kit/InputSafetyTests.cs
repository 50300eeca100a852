using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Fazhi.Platform.Web;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>The kit's input safety (ADR 0021): bad input is answered in Chinese naming the field, never with a 500.</summary>
[Collection(HostCollection.Name)]
public sealed class InputSafetyTests(FazhiFactory factory)
{
    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}");

    [Theory]
    [InlineData("/notifications?unread=maybe")]
    [InlineData("/admin/audit?page=' OR 1=1 --")]
    [InlineData("/admin/users?page=abc")]
    public async Task A_page_treats_a_query_value_it_cannot_read_as_absent(string page)
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(admin);

        var response = await client.GetAsync(page);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/api/platform/users?page=abc", "page")]
    [InlineData("/api/platform/audit?from=9999-12-31", "from")]
    public async Task An_api_refuses_an_unreadable_query_value_naming_it(string url, string parameter)
    {
        var admin = await factory.CreateUserAsync(url.Contains("audit") ? BuiltInRoles.AuditAdmin : BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(admin);

        var response = await client.GetAsync(url);

        if (response.StatusCode == HttpStatusCode.OK)
        {
            return; // the endpoint has no such typed parameter (it is read as text): nothing to refuse
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
        Assert.Matches(Cjk, problem.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_answered_in_chinese_naming_the_field()
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(admin);

        var malformed = await client.PostAsync("/api/platform/org-units", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        var wrongType = await client.PostAsync("/api/platform/org-units", new StringContent("{\"name\": 12}", Encoding.UTF8, "application/json"));
        var nullBody = await client.PostAsync("/api/platform/org-units", new StringContent("null", Encoding.UTF8, "application/json"));

        var problems = new List<JsonElement>();
        foreach (var response in new[] { malformed, wrongType, nullBody })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Matches(Cjk, problem.GetProperty("title").GetString()!);
            Assert.Matches(Cjk, problem.GetProperty("detail").GetString()!);
            problems.Add(problem);
        }
        Assert.True(problems[1].GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Anonymous_calls_are_refused_by_default_in_chinese()
    {
        var client = factory.CreateClient();

        var api = await client.GetAsync("/api/platform/users");
        var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("需要登录", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void Text_rules_count_characters_as_a_person_does_and_see_no_content_in_invisible_ones()
    {
        var extensionB = string.Concat(Enumerable.Repeat("𠀀", 100));
        Assert.Equal(200, extensionB.Length);
        Assert.Equal(100, TextRules.Length(extensionB));
        Assert.False(TextRules.HasVisible("\u200B\uFEFF\u200D"));
        Assert.Equal("", TextRules.Clean(" \u200B\uFEFF "));
        Assert.True(TextRules.HasControl("张\0三"));
        Assert.False(TextRules.HasControl("第一行\r\n第二行\t"));

        var checks = new FieldChecks();
        TextRules.Required(checks, "name", "姓名", "\u200B\u200B", 10);
        TextRules.Required(checks, "title", "标题", extensionB, 100);
        Assert.Equal(["name"], checks.Errors.Keys);
        Assert.Throws<RefusalException>(() => checks.ThrowIfAny());
    }

    [Fact]
    public void Date_rules_refuse_implausible_dates_future_facts_and_backwards_ranges()
    {
        var checks = new FieldChecks();
        var today = new DateOnly(2026, 12, 6);
        DateRules.Check(checks, "actDate", "违法行为发生日期", new DateOnly(1, 1, 1), today);
        DateRules.Check(checks, "decidedOn", "决定日期", today.AddMonths(1), today);
        DateRules.Check(checks, "receivedOn", "收件日期", today, today);
        DateRules.CheckRange(checks, "from", new DateOnly(2026, 3, 1), "to", new DateOnly(2026, 2, 1));

        Assert.Equal(["actDate", "decidedOn", "to"], checks.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_deadline_starting_outside_the_plausible_range_is_refused_not_overflowed()
    {
        var calculator = new DeadlineCalculator(WorkingDayCalendar.Empty);

        var refusal = Assert.Throws<RefusalException>(() => calculator.AddWorkingDays(DateOnly.MaxValue, 15));

        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Contains("期间起算日", refusal.Message);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(12, true)]
    public async Task From_november_the_calendar_administrator_is_told_next_years_calendar_is_missing(int month, bool told)
    {
        var summary = new CalendarWorkSummary(new FixedDeadlines(new DateOnly(2026, month, 6)), new Admin());

        var items = await summary.ItemsAsync(CancellationToken.None);

        Assert.Equal(told, items.Any(i => i.Title == "2027 年工作日历尚未导入，期限按周末推算" && i.Href == "/admin/calendar"));
    }

    private sealed class FixedDeadlines(DateOnly today) : IDeadlineService
    {
        private readonly DeadlineCalculator _calculator = new(new WorkingDayCalendar([(new DateOnly(2026, 10, 1), true, 2026)]));

        public DateOnly Today => today;

        public Task<IWorkingDayCalendar> GetCalendarAsync(CancellationToken ct = default) => Task.FromResult(_calculator.Calendar);

        public Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default) => Task.FromResult(_calculator.IsWorkingDay(date));

        public Task<CalendarDate> AddCalendarDaysAsync(DateOnly start, int days, CancellationToken ct = default) => Task.FromResult(_calculator.AddCalendarDays(start, days));

        public Task<CalendarDate> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken ct = default) => Task.FromResult(_calculator.AddWorkingDays(start, days));

        public Task<DeadlineResult> ComputeAsync(DeadlineSpec spec, DateOnly asOf, CancellationToken ct = default) => Task.FromResult(_calculator.Compute(spec, asOf));
    }

    private sealed class Admin : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId { get; } = Guid.NewGuid();

        public string? UserName => "calendar-admin";

        public Guid? OrgUnitId => null;

        public DataScope Scope => DataScope.System;

        public bool Has(string permission) => permission == PlatformPermissions.CalendarManage;
    }
}
