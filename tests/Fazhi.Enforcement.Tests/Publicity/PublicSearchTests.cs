using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Tests.CaseFileReview;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Publicity;

/// <summary>
/// The public penalty search (行政处罚法 第四十八条) finds what a citizen types: a fragment of a company's name, a person's
/// surname (the name is masked), words of the matter, a decision number, a credit code; withdrawn decisions never show.
/// Both query plans (driven from the rarest term, or walking the decisions newest first) give the same answer.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PublicSearchTests(FazhiFactory factory)
{
    private readonly ReviewTestData _data = new(factory);

    /// <summary>Rare CJK characters (U+9E00-U+9F9F), distinct, so that this test's words are found in this test's rows only.</summary>
    /// <summary>Characters drawn by earlier tests of this class (one host, one database): never drawn twice, or a one-character search finds the other test's rows.</summary>
    private static readonly HashSet<char> Drawn = [];

    private static string Rare(int count)
    {
        lock (Drawn)
        {
            var chars = Enumerable.Range(0, 2000).Select(_ => (char)Random.Shared.Next(0x9E00, 0x9FA0)).Where(Drawn.Add).Take(count).ToArray();
            return new string(chars);
        }
    }

    private Task<PublishedDecision> PublishAsync(PenaltyCase c, DateOnly? withdrawnOn = null) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EnforcementDb>();
        var d = new PublishedDecision
        {
            CaseId = c.Id, OrgUnitId = c.OrgUnitId, BodyName = "枣庄市市场监督管理局", DecisionNumber = c.DecisionNumber, PartyDisplay = CaseDisplay.PartyDisplay(c),
            PartyCreditCode = c.PartyCreditCode, MatterName = c.MatterName, PenaltyText = c.PenaltyText, DecidedOn = c.DecidedOn!.Value,
            PublishedOn = c.DecidedOn!.Value.AddDays(3), WithdrawnOn = withdrawnOn,
        };
        db.PublishedDecisions.Add(d);
        foreach (var t in PublicSearch.Terms(d))
        {
            db.PublishedTerms.Add(new PublishedDecisionTerm { DecisionId = d.Id, Term = t });
        }
        await db.SaveChangesAsync();
        return d;
    });

    private async Task<List<string>> SearchAsync(string q)
    {
        var result = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/enforcement/public/penalties?q={Uri.EscapeDataString(q)}");
        return result.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("decisionNumber").GetString()!).ToList();
    }

    private async Task<List<string>> SearchPagesAsync(string q)
    {
        var found = new List<string>();
        foreach (var page in new[] { 1, 2 })
        {
            var result = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/enforcement/public/penalties?page={page}&q={Uri.EscapeDataString(q)}");
            found.AddRange(result.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("decisionNumber").GetString()!));
        }
        return found;
    }

    [Fact]
    public async Task Finds_a_company_fragment_a_masked_surname_matter_words_a_decision_number_and_a_credit_code_and_hides_withdrawn_decisions()
    {
        var rare = Rare(9);
        var (token, surname, matterWord) = (rare[..4], rare[4..5], rare[5..8]);
        var unit = await _data.UnitAsync(CaseTestKit.Market);
        var code = "91370400" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var company = await _data.CaseAsync(unit, CaseStage.Decided, null, c =>
        {
            c.PartyName = $"枣庄{token}煤业有限公司";
            c.PartyCreditCode = code;
        });
        var person = await _data.CaseAsync(unit, CaseStage.Decided, null, c =>
        {
            c.PartyKind = PartyKind.Person;
            c.PartyName = surname + "晓明";
            c.MatterName = $"销售{matterWord}过期食品";
        });
        var withdrawn = await _data.CaseAsync(unit, CaseStage.Revoked, null, c => c.PartyName = $"枣庄{token}煤业分公司");
        var companyRow = await PublishAsync(company);
        var personRow = await PublishAsync(person);
        await PublishAsync(withdrawn, withdrawnOn: DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(surname + "**", personRow.PartyDisplay);

        Assert.Equal([company.DecisionNumber], await SearchAsync(token[1..]));
        Assert.Equal([company.DecisionNumber], await SearchAsync($"{token}煤业"));
        Assert.Equal([person.DecisionNumber], await SearchAsync(surname));
        Assert.Equal([person.DecisionNumber], await SearchAsync(matterWord[..2]));
        Assert.Equal([person.DecisionNumber], await SearchAsync(matterWord));
        Assert.Equal([company.DecisionNumber], await SearchAsync(company.DecisionNumber));
        Assert.Equal([company.DecisionNumber], await SearchAsync(code));
        Assert.Empty(await SearchAsync(withdrawn.DecisionNumber));
        Assert.Empty(await SearchAsync($"{token}煤业分公司"));
        Assert.Empty(await SearchAsync($"不存在{token}"));
        Assert.Empty(await SearchAsync("，"));
        Assert.DoesNotContain(companyRow.DecisionNumber, await SearchAsync(surname));
    }

    [Fact]
    public async Task Driving_from_the_rarest_term_and_walking_the_decisions_give_the_same_rows_in_the_same_order()
    {
        var rare = Rare(4);
        var unit = await _data.UnitAsync(CaseTestKit.Market);
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var closed = new DateOnly(2025, 3, 1).AddDays(i % 7);
            var c = await _data.CaseAsync(unit, CaseStage.Closed, closed, x =>
            {
                x.PartyName = i % 2 == 0 ? $"枣庄{rare}商贸有限公司" : $"枣庄{rare[..2]}建材公司";
                x.PartyKind = i % 5 == 0 ? PartyKind.Person : PartyKind.Organisation;
                x.PartyName = x.PartyKind == PartyKind.Person ? rare[..1] + "某" : x.PartyName;
            });
            await PublishAsync(c);
            expected.Add(c.DecisionNumber);
        }
        string[] queries = [rare[..1], rare[..2], rare, $"{rare}商贸", $"{rare[..2]}建材", "有限公司", "罚款"];
        foreach (var q in queries)
        {
            foreach (var page in new[] { 1, 2 })
            {
                var (driven, walked) = await factory.InScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<EnforcementDb>();
                    var query = new PublicSearchQuery(q, null, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), page);
                    return (await new PublicSearch(db) { DriveLimit = int.MaxValue / 4 }.SearchAsync(query, default), await new PublicSearch(db) { DriveLimit = 0 }.SearchAsync(query, default));
                });
                Assert.Equal(driven.Rows.Select(r => r.Id), walked.Rows.Select(r => r.Id));
                Assert.Equal(driven.HasMore, walked.HasMore);
                if (q.StartsWith(rare[..2], StringComparison.Ordinal))
                {
                    Assert.All(driven.Rows, r => Assert.Contains(r.DecisionNumber, expected));
                }
            }
        }
        // 20 companies carry the first two characters; all 25 parties (5 masked persons) the first one.
        var companies = await factory.InScopeAsync(sp => new PublicSearch(sp.GetRequiredService<EnforcementDb>()).SearchAsync(new PublicSearchQuery(rare[..2], null, null, null), default));
        Assert.Equal(20, companies.Rows.Count);
        Assert.False(companies.HasMore);
        var all = await factory.InScopeAsync(sp => new PublicSearch(sp.GetRequiredService<EnforcementDb>()).SearchAsync(new PublicSearchQuery(rare[..1], null, null, null, 2), default));
        Assert.Equal(5, all.Rows.Count);
        Assert.False(all.HasMore);
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await SearchPagesAsync(rare[..1])).Order(StringComparer.Ordinal));
        Assert.Equal(companies.Rows.OrderByDescending(r => r.DecidedOn).ThenByDescending(r => r.Id).Select(r => r.Id), companies.Rows.Select(r => r.Id));
    }

    [Fact]
    public void A_decision_is_indexed_by_bigrams_of_all_its_text_and_by_single_characters_of_its_party_and_matter()
    {
        var d = new PublishedDecision { BodyName = "枣庄市市场监督管理局", PartyDisplay = "孟**", MatterName = "销售过期食品", PenaltyText = "警告，罚款人民币2000元" };
        var terms = PublicSearch.Terms(d).ToHashSet();
        Assert.Contains("孟", terms);
        Assert.Contains("期", terms);
        Assert.Contains("过期", terms);
        Assert.Contains("罚款", terms);
        Assert.Contains("监督", terms);
        Assert.DoesNotContain("*", terms);
        Assert.DoesNotContain("督", terms); // single characters of the body and the penalty are not indexed (too common)
        Assert.Equal(["孟"], PublicSearch.QueryTerms(" 孟 "));
        Assert.Equal(["孟", "王"], PublicSearch.QueryTerms("孟 王"));
        Assert.Empty(PublicSearch.QueryTerms("，*"));
    }
}
