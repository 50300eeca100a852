using System.Net;
using System.Net.Http.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>An open case's stored due date follows a change of the working-day calendar (a new holiday, and its removal).</summary>
[Collection(HostCollection.Name)]
public sealed class CalendarRecomputeTests(FazhiFactory factory)
{
    private Task<DateOnly?> DueOnAsync(Guid id) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<DisputesDb>().Cases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.DueOn).SingleAsync());

    [Fact]
    public async Task Declaring_the_due_day_a_holiday_moves_the_open_cases_due_date_and_removing_it_moves_it_back()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var id = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("钱桂英")));
        if (await DueOnAsync(id) is null)
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        }
        var due = (await DueOnAsync(id))!.Value;
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("system-admin"));
        var day = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var year = await admin.GetStringAsync($"/api/platform/calendar/{due.Year}");
        Assert.DoesNotContain($"\"{day}\"", year); // an ordinary working day, so removing the test holiday restores the calendar

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/platform/calendar/days/{day}", new { isOffDay = true, name = "测试假日" })).StatusCode);
        try
        {
            var moved = await DueOnAsync(id);
            Assert.True(moved > due, $"due {due} should move after the new holiday, is {moved}");
        }
        finally
        {
            var removed = await admin.DeleteAsync($"/api/platform/calendar/days/{day}");
            Assert.True(removed.IsSuccessStatusCode, $"{(int)removed.StatusCode}");
        }
        Assert.Equal(due, await DueOnAsync(id));
    }
}
