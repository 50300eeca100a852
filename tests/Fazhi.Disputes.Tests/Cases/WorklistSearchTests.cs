using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>
/// Issue 13: the worklist's keyword (case number in any bracket style, party name, phone, ID number), the received-date
/// range, and the export of exactly the filtered rows; a unit outside the scope finds nothing.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WorklistSearchTests(FazhiFactory factory)
{
    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static object Intake(string name, string idNumber, string phone) => new
    {
        caseType = "PeoplesMediation",
        channel = "WalkIn",
        category = "邻里纠纷",
        amount = 800m,
        placeCode = "370402",
        description = "相邻通行纠纷，双方就通道使用发生争执，请求调解。",
        applicant = new { kind = "Person", name, idNumber, phone },
    };

    private static async Task<(Guid Id, string Number)> CreateAsync(HttpClient api, object body)
    {
        var created = await api.PostAsJsonAsync("/api/disputes/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("caseNumber").GetString()!);
    }

    private static async Task<List<Guid>> FindAsync(HttpClient api, string query)
    {
        var list = await api.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?" + query);
        return list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task A_clerk_finds_a_case_by_what_they_would_type_and_exports_exactly_the_filtered_rows()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
        var id = ValidResidentId("37040219720304005");
        var (first, number) = await CreateAsync(clerk, Intake("司马长风", id, "13700005151"));
        var (second, _) = await CreateAsync(clerk, Intake("欧阳晓岚", ValidResidentId("37040219850607006"), "13700006262"));

        Assert.Equal([first], await FindAsync(clerk, "q=" + Uri.EscapeDataString("司马长风")));
        Assert.Equal([first], await FindAsync(clerk, "q=137-0000-5151"));
        Assert.Equal([first], await FindAsync(clerk, "q=" + id.ToLowerInvariant()));
        Assert.Equal([first], await FindAsync(clerk, "q=" + Uri.EscapeDataString(number)));
        // The number typed on a keyboard without 〔〕: year and serial.
        var serial = int.Parse(new string(number.Reverse().SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).Reverse().ToArray()));
        Assert.Equal([first], await FindAsync(clerk, $"q={DateTime.UtcNow.AddHours(8).Year}-{serial:0000}"));
        Assert.Empty(await FindAsync(clerk, "q=" + Uri.EscapeDataString("司马")));
        Assert.Empty(await FindAsync(elsewhere, "q=" + Uri.EscapeDataString("司马长风")));

        // The received-date range: today includes both, yesterday neither.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd");
        var todays = await FindAsync(clerk, $"from={today}&to={today}&pageSize=100");
        Assert.Contains(first, todays);
        Assert.Contains(second, todays);
        Assert.DoesNotContain(first, await FindAsync(clerk, $"to={yesterday}&pageSize=100"));
        await Refusals.AssertRefusedNamingAsync(await clerk.GetAsync($"/api/disputes/worklist?from={today}&to={yesterday}"), "to");
        await Refusals.AssertRefusedNamingAsync(await clerk.GetAsync("/api/disputes/worklist?q=" + new string('纠', 101)), "q");

        // The export holds exactly the filtered rows.
        var export = await clerk.GetAsync("/api/disputes/worklist/export?q=" + Uri.EscapeDataString("欧阳晓岚"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal("案件编号", rows[0][0]);
        var data = Assert.Single(rows.Skip(1));
        Assert.NotEqual(number, data[0]);
        var elsewhereExport = XlsxReader.Read(await (await elsewhere.GetAsync("/api/disputes/worklist/export?q=" + Uri.EscapeDataString("欧阳晓岚"))).Content.ReadAsStreamAsync());
        Assert.Single(elsewhereExport);
    }

    [Fact]
    public async Task The_party_name_lookup_is_capped_in_case_id_order_from_the_name_index_without_a_sort()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var name = "令狐" + Guid.NewGuid().ToString("N")[..6];
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await CreateAsync(clerk, Intake(name, ValidResidentId($"37040219800{i + 1}0100{i}"), $"1370000{7000 + i}"))).Id);
        }

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Fazhi.Disputes.Data.DisputesDb>();
            var query = Fazhi.Disputes.Deadlines.Worklists.PartyMatches(db, name)!;
            // Deterministic: the same cases in case-id order every time (the cap keeps the lowest ids).
            var found = await query.ToListAsync();
            Assert.Equal(created.Order().ToList(), found);
            var sql = query.ToQueryString();
            Assert.Contains("ORDER BY", sql);
            if (!factory.OnPostgres)
            {
                // SQLite's plan: a seek on (Name, CaseId), whose order serves the ORDER BY (no temporary b-tree). Not index-only:
                // the data-scope filter reads each party's OrgUnitId, as it did before the order was added (ADR 0064).
                var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith('.') && !l.StartsWith("--", StringComparison.Ordinal)));
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + statement;
                var plan = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        plan.Add(reader.GetString(3));
                    }
                }
                var text = string.Join(" | ", plan);
                Assert.Matches("SEARCH d USING (COVERING )?INDEX IX_disputes_parties_Name_CaseId \\(Name=\\?", text);
                Assert.DoesNotContain("TEMP B-TREE", text);
            }
        });
    }
}
