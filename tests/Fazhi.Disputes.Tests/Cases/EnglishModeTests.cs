using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>
/// English mode (ADR 0057, 0061): the shipped data names the pages show through the localizer (dispute categories, the
/// statutory procedures and their stages) and the module's audit actions have English; a legal-aid case in the stage
/// 审查决定 reads in English on the worklist and the case page.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class EnglishModeTests(FazhiFactory factory)
{
    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    [Fact]
    public async Task A_legal_aid_case_shows_its_category_and_stage_in_english()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var created = await clerk.PostAsJsonAsync("/api/disputes/cases", new
        {
            caseType = "LegalAid",
            channel = "WalkIn",
            category = "劳动争议",
            placeCode = "370402",
            description = "申请人被拖欠工资半年，经济困难，请求指派律师代理仲裁。",
            applicant = new { kind = "Person", name = "温良恭", idNumber = ValidResidentId("37040219880808003"), phone = "13700007373" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetGuid();
        var number = json.GetProperty("caseNumber").GetString()!;

        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/disputes/cases/{id}?culture=en"));
        Assert.Contains("<td>Labour</td>", page);
        Assert.Contains(">Eligibility review and decision</td>", page);
        Assert.DoesNotContain(">劳动争议<", page);
        Assert.DoesNotContain(">审查决定<", page);

        var list = WebUtility.HtmlDecode(await clerk.GetStringAsync("/disputes?view=all&culture=en&q=" + Uri.EscapeDataString(number)));
        var row = Assert.Single(Row().Matches(list), m => m.Value.Contains(number, StringComparison.Ordinal));
        Assert.Contains("<td>Labour</td>", row.Value);
        Assert.Contains(">Eligibility review and decision</td>", row.Value);
    }

    [Fact]
    public async Task Every_shipped_category_procedure_and_stage_name_has_english()
    {
        var missing = await factory.InScopeAsync(sp => Task.FromResult(InEnglish(() =>
        {
            var text = sp.GetRequiredService<IStringLocalizer<DisputesText>>();
            var names = Labels.Categories
                .Concat(StatutoryProfiles.All.Select(p => p.Name))
                .Concat(StatutoryProfiles.All.SelectMany(p => p.Stages).Select(s => s.Name))
                .Distinct();
            return names.Where(n => text[n].ResourceNotFound).ToList();
        })));
        Assert.True(missing.Count == 0, "Add to DisputesText.en.resx: " + string.Join("、", missing));
    }

    [Fact]
    public async Task Every_audit_action_the_module_writes_has_a_name_in_both_languages()
    {
        var root = RepoRoot();
        var actions = Directory.EnumerateFiles(Path.Combine(root, "src/Modules/Fazhi.Disputes"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => AuditAction().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("disputes.case.merge", actions); // the scan finds the module's actions

        var unnamed = await factory.InScopeAsync(sp =>
        {
            var labels = sp.GetRequiredService<AuditLabels>();
            var chinese = actions.Where(a => labels.ActionName(a) is null).ToList();
            var english = InEnglish(() => actions.Where(a => labels.ActionName(a) is not { } n || Han().IsMatch(n)).ToList());
            return Task.FromResult(chinese.Concat(english).Distinct().ToList());
        });
        Assert.True(unnamed.Count == 0, "Name these audit actions in DisputesAuditLabels (Chinese and English): " + string.Join(", ", unnamed));
    }

    private static T InEnglish<T>(Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fazhi.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Fazhi.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<tr[\s>].*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"WriteAuditEventAsync\(""([^""]+)""")]
    private static partial Regex AuditAction();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
