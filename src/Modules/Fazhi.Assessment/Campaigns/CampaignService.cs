using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

/// <summary>The module's not-found refusal, naming what was looked for.</summary>
internal static class Missing
{
    public static RefusalException Of(string what) => Refuse.NotFound($"{what}不存在或不在您的数据范围内。");
}

internal sealed record CampaignInput(string Name, Guid FrameworkVersionId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? StartsOn, DateOnly Deadline,
    bool BottomUpApproval, IReadOnlyList<string> UnitCodes);

internal sealed record AssignmentResult(int Tasks, int CoUnits, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Campaigns and assignments: who leads each indicator, who helps, and by when (working-day calendar).</summary>
internal sealed partial class CampaignService(AssessmentDb db, IOrgDirectory orgs, IDeadlineService deadlines, FrameworkService frameworks, TimeProvider clock)
{
    public Task<List<Campaign>> CampaignsAsync(CancellationToken ct) => db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).ToListAsync(ct);

    public Task<Campaign?> CampaignAsync(Guid id, CancellationToken ct) => db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<CampaignUnit>> UnitsAsync(Guid campaignId, CancellationToken ct) =>
        db.CampaignUnits.AsNoTracking().Where(u => u.CampaignId == campaignId).OrderBy(u => u.Code).ToListAsync(ct);

    /// <summary>Checks a campaign's fields; returns the cleaned name.</summary>
    public static string Validate(FieldChecks checks, CampaignInput input)
    {
        var name = TextRules.Required(checks, "name", "考评活动名称", input.Name, 200);
        DateRules.Check(checks, "periodStart", "考评期开始日期", input.PeriodStart);
        DateRules.Check(checks, "periodEnd", "考评期结束日期", input.PeriodEnd);
        checks.When(input.PeriodEnd < input.PeriodStart && !checks.Errors.ContainsKey("periodEnd"), "periodEnd", "考评期结束日期不能早于开始日期。");
        if (input.Deadline == default)
        {
            checks.Add("deadline", "请填写报送截止日期。");
        }
        else
        {
            DateRules.Check(checks, "deadline", "报送截止日期", input.Deadline);
        }
        if (input.UnitCodes.Count == 0)
        {
            checks.Add("unitCodes", "请选择参加考评的单位。");
        }
        return name;
    }

    /// <summary>Creates a campaign, or refuses with the reason per field.</summary>
    public async Task<Campaign> CreateAsync(CampaignInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var name = Validate(checks, input);
        if (await frameworks.VersionAsync(input.FrameworkVersionId, ct) is null)
        {
            checks.Add("frameworkVersionId", "所选指标体系版本不存在。");
        }
        var all = await orgs.ActiveUnitsAsync(ct);
        var units = new List<OrgUnitInfo>();
        foreach (var code in input.UnitCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct())
        {
            var unit = all.FirstOrDefault(u => u.Code == code || u.Name == code);
            if (unit is null)
            {
                checks.Add("unitCodes", $"单位“{code}”不存在。");
            }
            else
            {
                units.Add(unit);
            }
        }
        checks.ThrowIfAny("考评活动信息不完整或有误。");
        var campaign = new Campaign
        {
            Name = name,
            FrameworkVersionId = input.FrameworkVersionId,
            PeriodStart = input.PeriodStart,
            PeriodEnd = input.PeriodEnd,
            StartsOn = input.StartsOn ?? deadlines.Today,
            Deadline = input.Deadline,
            BottomUpApproval = input.BottomUpApproval,
        };
        db.Campaigns.Add(campaign);
        foreach (var u in units)
        {
            db.CampaignUnits.Add(new CampaignUnit { CampaignId = campaign.Id, OrgUnitId = u.Id, Code = u.Code, Name = u.Name, Level = (int)u.Level, Kind = (int)u.Kind });
        }
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>Closes or archives a campaign: every later edit is refused with this reason.</summary>
    public async Task SetStatusAsync(Guid id, CampaignStatus status, string? reason, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var cleaned = TextRules.Optional(checks, "reason", "理由", reason, 500);
        checks.When(status != CampaignStatus.Active && cleaned is null, "reason", "关闭或归档考评活动须说明理由。").ThrowIfAny();
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Missing.Of("考评活动");
        campaign.Status = status;
        campaign.StatusReason = cleaned ?? "";
        campaign.StatusChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Assigns every leaf indicator from the 牵头单位/配合单位/完成时限 written in the framework version itself.</summary>
    public async Task<AssignmentResult> AssignFromFrameworkAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await CampaignAsync(campaignId, ct);
        if (campaign is null)
        {
            return new(0, 0, [new(0, "考评活动不存在。")]);
        }
        var tree = await frameworks.TreeAsync(campaign.FrameworkVersionId, ct);
        var rows = Leaves(tree).Select(i => new AssignmentRow(0, i.Code, i.LeadUnitText, i.CoUnitsText, i.DueText)).ToList();
        return await AssignAsync(campaign, rows, ct);
    }

    /// <summary>Bulk assignment from the office workbook (same layout as the framework; rows matched by 指标编码 or position).</summary>
    public async Task<AssignmentResult> ImportAssignmentsAsync(Guid campaignId, Stream input, CancellationToken ct)
    {
        var campaign = await CampaignAsync(campaignId, ct);
        if (campaign is null)
        {
            return new(0, 0, [new(0, "考评活动不存在。")]);
        }
        var (parsed, errors) = FrameworkTransfer.Parse(input, frameworks.ProviderKeys);
        if (errors.Count > 0)
        {
            return new(0, 0, errors);
        }
        var codes = (await frameworks.TreeAsync(campaign.FrameworkVersionId, ct)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var missing = parsed.Where(p => p.Level >= 3 && !codes.Contains(p.Code)).Select(p => new ImportError(p.Row, $"指标编码“{p.Code}”（{p.Title}）不在本活动采用的指标体系版本中。")).ToList();
        if (missing.Count > 0)
        {
            return new(0, 0, missing);
        }
        var rows = parsed.Where(p => p.Level >= 3).Select(p => new AssignmentRow(p.Row, p.Code, p.LeadUnits, p.CoUnits, p.Due)).ToList();
        return await AssignAsync(campaign, rows, ct);
    }

    /// <summary>Assigns the given indicators (code, 牵头单位, 配合单位, 完成时限 as in the workbook) without a file (demo data).</summary>
    public async Task<AssignmentResult> AssignAsync(Guid campaignId, IEnumerable<(string Code, string Lead, string Co, string Due)> rows, CancellationToken ct)
    {
        var campaign = await CampaignAsync(campaignId, ct);
        if (campaign is null)
        {
            return new(0, 0, [new(0, "考评活动不存在。")]);
        }
        return await AssignAsync(campaign, rows.Select((r, k) => new AssignmentRow(k + 1, r.Code, r.Lead, r.Co, r.Due)).ToList(), ct);
    }

    private sealed record AssignmentRow(int Row, string Code, string Lead, string Co, string Due);

    private static List<Indicator> Leaves(IReadOnlyList<Indicator> tree)
    {
        var parents = tree.Where(i => i.ParentId is not null).Select(i => i.ParentId!.Value).ToHashSet();
        return tree.Where(i => !parents.Contains(i.Id)).ToList();
    }

    private async Task<AssignmentResult> AssignAsync(Campaign campaign, List<AssignmentRow> rows, CancellationToken ct)
    {
        var tree = await frameworks.TreeAsync(campaign.FrameworkVersionId, ct);
        var leaves = Leaves(tree).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var units = await UnitsAsync(campaign.Id, ct);
        var calendar = new DeadlineCalculator(await deadlines.GetCalendarAsync(ct));
        var errors = new List<ImportError>();
        var planned = new List<(Indicator Indicator, CampaignUnit Lead, List<CampaignUnit> Co, DateOnly Due)>();
        foreach (var row in rows)
        {
            if (!leaves.TryGetValue(row.Code, out var indicator))
            {
                // A non-leaf (refined further): its leaves carry the assignment.
                continue;
            }
            var rowErrors = new List<string>();
            var leads = ResolveUnits(row.Lead, units, rowErrors, "牵头单位");
            var co = ResolveUnits(row.Co, units, rowErrors, "配合单位");
            if (row.Lead.Trim().Length == 0)
            {
                rowErrors.Add("牵头单位不能为空");
            }
            var due = ParseDue(row.Due, campaign, calendar, rowErrors);
            if (rowErrors.Count > 0)
            {
                errors.Add(new(row.Row, $"{row.Code} {indicator.Title}：" + string.Join("；", rowErrors) + "。"));
                continue;
            }
            planned.AddRange(leads.Select(l => (indicator, l, co.Where(c => c.OrgUnitId != l.OrgUnitId).ToList(), due)));
        }
        if (errors.Count > 0)
        {
            return new(0, 0, errors);
        }
        var existing = await db.Tasks.Where(t => t.CampaignId == campaign.Id).ToListAsync(ct);
        var existingIds = existing.Select(t => t.Id).ToList();
        var existingCo = await db.Contributions.Where(c => existingIds.Contains(c.TaskId)).ToListAsync(ct);
        var tasks = 0;
        var coCount = 0;
        foreach (var (indicator, lead, co, due) in planned)
        {
            var task = existing.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.OrgUnitId == lead.OrgUnitId);
            if (task is null)
            {
                task = new AssessmentTask { CampaignId = campaign.Id, IndicatorId = indicator.Id, OrgUnitId = lead.OrgUnitId, DueDate = due };
                db.Tasks.Add(task);
                existing.Add(task);
            }
            else if (task.Status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned)
            {
                task.DueDate = due;
            }
            tasks++;
            foreach (var c in co)
            {
                if (!existingCo.Any(x => x.TaskId == task.Id && x.OrgUnitId == c.OrgUnitId))
                {
                    var contribution = new TaskContribution { TaskId = task.Id, OrgUnitId = c.OrgUnitId };
                    db.Contributions.Add(contribution);
                    existingCo.Add(contribution);
                }
                coCount++;
            }
        }
        // One save: all assignments or none.
        await db.SaveChangesAsync(ct);
        return new(tasks, coCount, []);
    }

    /// <summary>
    /// Unit names or codes separated by 、，, ; or spaces. 各区（市） = every participating county-level unit,
    /// 各部门 = every participating city department, 各镇（街） = every participating town.
    /// </summary>
    internal static List<CampaignUnit> ResolveUnits(string text, IReadOnlyList<CampaignUnit> units, List<string> errors, string column)
    {
        var result = new List<CampaignUnit>();
        foreach (var raw in Separators().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var token = raw.Replace('(', '（').Replace(')', '）');
            IEnumerable<CampaignUnit> matched = token switch
            {
                "各区（市）" or "各区市" or "各区（市）政府" or "各区（市）人民政府" => units.Where(u => u.Level == (int)OrgLevel.County),
                "各部门" or "市直各部门" or "各市直部门" => units.Where(u => u.Level == (int)OrgLevel.City && u.Kind != (int)OrgKind.Government),
                "各镇（街）" or "各镇街" or "各镇（街道）" => units.Where(u => u.Level == (int)OrgLevel.Town),
                _ => units.Where(u => u.Code == token || u.Name == token || u.Name == raw),
            };
            var list = matched.ToList();
            if (list.Count == 0)
            {
                errors.Add($"{column}“{raw}”不是本活动的参加单位");
            }
            result.AddRange(list.Where(u => !result.Contains(u)));
        }
        return result;
    }

    /// <summary>完成时限: a date (2026-06-30, 2026年6月30日, 2026/6/30), N个工作日 / N 日 from the campaign's start, or blank = the campaign deadline.</summary>
    internal static DateOnly ParseDue(string text, Campaign campaign, DeadlineCalculator calendar, List<string> errors)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return campaign.Deadline;
        }
        var working = WorkingDays().Match(t);
        if (working.Success)
        {
            return calendar.AddWorkingDays(campaign.StartsOn, int.Parse(working.Groups[1].Value, CultureInfo.InvariantCulture)).Date;
        }
        var days = CalendarDays().Match(t);
        if (days.Success)
        {
            return calendar.AddCalendarDays(campaign.StartsOn, int.Parse(days.Groups[1].Value, CultureInfo.InvariantCulture)).Date;
        }
        var date = DateText().Match(t);
        if (date.Success && DateOnly.TryParseExact($"{date.Groups[1].Value}-{int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture):00}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 30000 and < 80000)
        {
            // An Excel date cell read as its serial number.
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        errors.Add($"完成时限“{t}”无法识别，应为日期（如 2026-06-30）或“N个工作日”");
        return campaign.Deadline;
    }

    [GeneratedRegex(@"[、，,;；\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(\d{1,4})\s*个?工作日")]
    private static partial Regex WorkingDays();

    [GeneratedRegex(@"^(\d{1,4})\s*(?:个自然日|自然日|日|天)")]
    private static partial Regex CalendarDays();

    [GeneratedRegex(@"^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DateText();
}
