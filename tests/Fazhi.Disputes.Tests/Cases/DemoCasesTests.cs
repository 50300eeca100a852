using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Seed;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary><c>--demo</c> fills the dispute centre once, through the module's own services, with cases at every step.</summary>
public sealed class DemoCasesTests(FazhiDemoFactory factory) : IClassFixture<FazhiDemoFactory>
{
    [Fact]
    public async Task Demo_mode_adds_labelled_cases_at_every_step_once()
    {
        await factory.SeedDemoAsync();
        await factory.SeedDemoAsync(); // idempotent: a second run adds nothing

        var demo = await factory.InScopeAsync(async sp => await sp.GetRequiredService<DisputesDb>().Cases.IgnoreQueryFilters()
            .Where(c => c.Description.StartsWith(DisputesDemoSeed.Marker)).Include(c => c.Parties).ToListAsync());
        Assert.Equal(12, demo.Count);
        Assert.All(demo.SelectMany(c => c.Parties), p => Assert.EndsWith("（演示）", p.Name));
        Assert.Equal(8, demo.Select(c => c.CaseTypeCode).Distinct().Count());
        Assert.Contains(demo, c => c.Status == Domain.CaseStatus.Pending);
        Assert.Contains(demo, c => c.Status == Domain.CaseStatus.InProgress && c.AssigneeUserId is not null);
        Assert.Contains(demo, c => c.Status == Domain.CaseStatus.Closed && c.ResultName == "调解成功");
        Assert.Contains(demo, c => c.Channel == Domain.IntakeChannel.Referral && c.ExternalSystem == "12345热线"); // the API code is kept as the system's name

        // The district clerk finds the overdue one in the overdue worklist; the town mediator has work of their own.
        var district = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-shizhong"));
        var overdue = (await district.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=overdue")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(overdue, c => demo.Any(d => d.Id == c.GetProperty("id").GetGuid()));
        var mediator = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-town"));
        var mine = (await mediator.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=mine")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(mine, c => demo.Any(d => d.Id == c.GetProperty("id").GetGuid()));

        // The online property dispute carries the applicant's file (a real one-page PDF, in the platform's store): the district
        // clerk who handles it sees it on the case and opens it; the town mediator, outside that case's scope, does not.
        var online = Assert.Single(demo, c => c.Category == "物业纠纷");
        var handlingView = await district.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{online.Id}/handling");
        var file = Assert.Single(handlingView.GetProperty("attachments").EnumerateArray());
        Assert.Equal(DisputesDemoSeed.DemoFileName, file.GetProperty("fileName").GetString());
        Assert.True(file.GetProperty("fromApplicant").GetBoolean());
        var pdf = await district.GetByteArrayAsync(file.GetProperty("url").GetString());
        var text = System.Text.Encoding.ASCII.GetString(pdf);
        Assert.StartsWith("%PDF-1.4", text);
        Assert.EndsWith("%%EOF\n", text);
        var startxref = int.Parse(text.Split("startxref\n")[1].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[startxref..]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await mediator.GetAsync(file.GetProperty("url").GetString())).StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-shizhong"))).GetStringAsync($"/disputes/cases/{online.Id}"));
        Assert.Contains(DisputesDemoSeed.DemoFileName, page);
    }
}
