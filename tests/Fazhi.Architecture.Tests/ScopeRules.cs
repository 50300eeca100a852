namespace Fazhi.Architecture.Tests;

/// <summary>
/// Leaving the data scope is explicit and listed (ADR 0005, issue 12): <c>IgnoreQueryFilters</c> appears only in the files
/// below, each with why it may read across units. A new use fails this test until it is added here with its reason, so a
/// reviewer sees it. Public forms and jobs use the kit's named system work (<c>ISystemWork</c>) instead.
/// </summary>
public sealed class ScopeRules
{
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/Fazhi.Platform/Features/Attachments/AttachmentService.cs"] = "a module that authorised the reader through the owning record opens that record's file (ADR 0040)",
        ["src/Fazhi.Platform/Features/Notifications/Notifier.cs"] = "a notice's recipient may sit outside the sender's scope",
        ["src/Fazhi.Platform/Features/OrgUnits/OrgUnitService.cs"] = "codes are unique across the whole tree",
        ["src/Fazhi.Platform/Features/OrgUnits/OrgUnitTransfer.cs"] = "an import checks the whole tree",
        ["src/Fazhi.Platform/Features/Roles/RoleAdministration.cs"] = "role codes are unique across units",
        ["src/Fazhi.Platform/Features/Roles/RoleAssignmentService.cs"] = "the separated administrators are counted city-wide",
        ["src/Fazhi.Platform/Features/Setup/PlatformSeeder.cs"] = "seeding runs as the system",
        ["src/Fazhi.Platform/Features/Users/UserAdministration.cs"] = "user names are unique across units",
        ["src/Fazhi.Platform/Kit/UserDirectory.cs"] = "names and permission holders for any unit (the directory answers no records)",
        ["src/Fazhi.Platform/Security/CurrentUserMiddleware.cs"] = "the signed-in user is read before the scope exists",
        ["src/Modules/Fazhi.Assessment/Campaigns/CampaignQueries.cs"] = "the office's board counts every assessed unit",
        ["src/Modules/Fazhi.Assessment/Campaigns/SubmissionService.cs"] = "bottom-up approval passes a task to the unit above",
        ["src/Modules/Fazhi.Assessment/Index/IndexService.cs"] = "the rule-of-law index is computed city-wide",
        ["src/Modules/Fazhi.Assessment/Reports/ReportService.cs"] = "the score sheet ranks every unit",
        ["src/Modules/Fazhi.Oversight/Disclosure/DisclosureStatistics.cs"] = "the disclosure rate applies the caller's own scope as a plain term instead of the filter, so the unit list is sent once (ADR 0066)",
        ["src/Modules/Fazhi.Disputes/Duplicates/DuplicateService.cs"] = "a duplicate may have been received by another unit",
        ["src/Modules/Fazhi.Disputes/FollowUp/FollowUpService.cs"] = "the follow-up job runs as the system",
        ["src/Modules/Fazhi.Disputes/Referrals/ReferralService.cs"] = "a referral id is unique per referring system city-wide",
        ["src/Modules/Fazhi.Disputes/Seed/DisputesDemoSeed.cs"] = "demo data is seeded as the system",
        ["src/Modules/Fazhi.Disputes/Statistics/ClosedOnTimeIndicator.cs"] = "a computed indicator for any assessed unit",
        ["src/Modules/Fazhi.Disputes/Statistics/StatisticsRollupService.cs"] = "the nightly roll-up covers every unit",
        ["src/Modules/Fazhi.Enforcement/CaseFiles/CaseFileAccess.cs"] = "a case-file reviewer reads the sampled case of another department (ADR 0040)",
        ["src/Modules/Fazhi.Enforcement/CaseFileReview/CaseReviewService.cs"] = "reviewers sample cases of the bodies under review",
        ["src/Modules/Fazhi.Enforcement/Cases/CaseNumbering.cs"] = "a 文号 is unique per body",
        ["src/Modules/Fazhi.Enforcement/Cases/DeadlineReminders.cs"] = "the reminder job runs as the system",
        ["src/Modules/Fazhi.Enforcement/Inspections/InspectionService.cs"] = "the per-enterprise cap counts every body's inspections",
        ["src/Modules/Fazhi.Enforcement/Publicity/PublishedOnTimeIndicator.cs"] = "a computed indicator for any assessed unit",
        ["src/Modules/Fazhi.Enforcement/Registry/RegistryService.cs"] = "certificate numbers are unique city-wide",
        ["src/Modules/Fazhi.Learning/People/PeopleService.cs"] = "a taker's own register entry, and an account linked to one person city-wide",
        ["src/Modules/Fazhi.Learning/Exams/ExamService.cs"] = "an exam may assign people of any unit",
        ["src/Modules/Fazhi.Learning/Demo/LearningDemoSeed.cs"] = "demo data is seeded as the system",
        ["src/Modules/Fazhi.Learning/Records/RecordsService.cs"] = "a person's record and rates include activities of other units they attended; one duty report per person and year city-wide",
    };

    [Fact]
    public void Only_the_listed_files_leave_the_data_scope()
    {
        var root = TextRules.RepoRoot();
        var found = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        var unlisted = found.Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(unlisted.Count == 0, "IgnoreQueryFilters in files not listed in ScopeRules (add them with the reason they may read across units, or use ISystemWork):\n" + string.Join("\n", unlisted));
        Assert.NotEmpty(found);
    }
}
