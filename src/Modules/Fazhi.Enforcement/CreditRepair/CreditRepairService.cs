using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.CreditRepair;

internal sealed record EligibilityCheck(string Rule, bool Passed, string Detail);

internal sealed record CreditRepairInput(string? CreditCode, string? DecisionNumber, string? ApplicantName, string? ContactPhone, string? Statement);

internal sealed record CreditRepairDecisionInput(bool Approve, string? Reason);

internal sealed record CreditRepairRulesInput(int OrdinaryMinMonths, int SeriousMinMonths, string? Basis);

internal sealed record PublicRepairStatus(string DecisionNumber, string EnterpriseName, DateOnly SubmittedOn, CreditRepairStatus Status, string StatusName, string DecisionReason,
    DateOnly? DecidedOn);

/// <summary>
/// Credit repair (信用修复) of published penalty decisions. An enterprise (by its 统一社会信用代码 and the decision's number)
/// applies on the public page or through the body's staff; eligibility is checked from the case data against
/// <see cref="CreditRepairRules"/>; the deciding body approves or refuses with reasons. An approved repair ends the
/// decision's publicity (终止公示): the public entry is withdrawn from the public pages (ADR 0015).
/// </summary>
internal sealed class CreditRepairService(EnforcementDb db, ISystemWork systemWork, ICurrentUser user, IDeadlineService deadlines, ICreditCodeCheck creditCodes)
{
    public Task<CreditRepairRules> RulesAsync(CancellationToken ct) => RulesAsync(db, ct);

    private static async Task<CreditRepairRules> RulesAsync(EnforcementDb source, CancellationToken ct) =>
        await source.Set<CreditRepairRules>().AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(ct) ?? new CreditRepairRules();

    public async Task<CreditRepairRules> UpdateRulesAsync(CreditRepairRulesInput input, CancellationToken ct)
    {
        if (input.OrdinaryMinMonths is < 0 or > 60 || input.SeriousMinMonths is < 0 or > 120)
        {
            throw Refuse.Field("ordinaryMinMonths", "最短公示期应为 0–60 个月（一般）和 0–120 个月（严重）。");
        }
        var rules = await db.Set<CreditRepairRules>().OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (rules is null)
        {
            rules = new CreditRepairRules();
            db.Set<CreditRepairRules>().Add(rules);
        }
        rules.OrdinaryMinMonths = input.OrdinaryMinMonths;
        rules.SeriousMinMonths = input.SeriousMinMonths;
        if (!string.IsNullOrWhiteSpace(input.Basis))
        {
            rules.Basis = input.Basis.Trim();
        }
        rules.UpdatedBy = user.UserName ?? "system";
        await db.SaveChangesAsync(ct);
        return rules;
    }

    /// <summary>
    /// The eligibility checks of a decision for early termination of its publicity (《失信行为纠正后的信用信息修复管理办法（试行）》
    /// 第三章): the minimum publicity period counted from the decision date has elapsed (一般 3 个月 / 严重 1 年, data), the fine and any
    /// 加处罚款 (行政处罚法 第七十二条) are paid, and the decision is fully executed (no pending obligation).
    /// A case decided after 集体讨论 as 情节复杂或者重大违法行为 (第五十七条第二款) counts as serious.
    /// </summary>
    public static List<EligibilityCheck> Evaluate(PenaltyCase c, CreditRepairRules rules, DateOnly today)
    {
        var checks = new List<EligibilityCheck>();
        var decided = c.DecidedOn ?? today;
        var (kind, months) = c.IsSerious ? ("严重失信行为", rules.SeriousMinMonths) : ("一般失信行为", rules.OrdinaryMinMonths);
        var earliest = decided.AddMonths(months);
        checks.Add(today >= earliest
            ? new EligibilityCheck("最短公示期", true, $"自处罚决定之日（{decided:yyyy-MM-dd}）起已满{kind}行政处罚信息最短公示期 {months} 个月。")
            : new EligibilityCheck("最短公示期", false,
                $"未满最短公示期：涉及{kind}的行政处罚信息最短公示期为 {months} 个月，自处罚决定之日（{decided:yyyy-MM-dd}）起计算，{earliest:yyyy-MM-dd} 起方可申请（{rules.Basis}）。"));
        if (c.FineAmount > 0)
        {
            var paid = c.PaidOn is not null || c.ExecutedOn is not null;
            var surcharge = c.Surcharge > 0 ? $"及加处罚款 {c.Surcharge:0.##} 元" : "";
            checks.Add(paid
                ? new EligibilityCheck("罚款缴纳", true, $"罚款 {c.FineAmount:0.##} 元{surcharge}已缴纳（{(c.PaidOn ?? c.ExecutedOn):yyyy-MM-dd}）。")
                : new EligibilityCheck("罚款缴纳", false,
                    $"罚款 {c.FineAmount:0.##} 元{surcharge}尚未缴纳（含行政处罚法第七十二条规定的加处罚款），未完全履行行政处罚决定规定的义务（{rules.Basis}）。"));
        }
        var done = c.Stage is CaseStage.Executed or CaseStage.Closed || (c.FineAmount is not > 0 && c.Stage == CaseStage.Served);
        checks.Add(done
            ? new EligibilityCheck("履行义务", true, "行政处罚决定已执行完毕，无未履行的义务。")
            : new EligibilityCheck("履行义务", false, $"行政处罚决定尚未执行完毕（案件阶段：{CaseDisplay.StageName(c.Stage)}），存在未履行的义务（{rules.Basis}）。"));
        return checks;
    }

    public static string Summary(IEnumerable<EligibilityCheck> checks) => string.Join("\n", checks.Select(c => (c.Passed ? "✓ " : "✗ ") + c.Rule + "：" + c.Detail));

    /// <summary>An application on the public page (no account): runs as explicit system work (ADR 0007), into the deciding body's scope.</summary>
    public async Task<(CreditRepairApplication Application, List<EligibilityCheck> Checks)> ApplyPublicAsync(CreditRepairInput input, CancellationToken ct)
    {
        await using var system = systemWork.Db<EnforcementDb>("信用修复公开申请");
        return await ApplyAsync(system, input, CreditRepairChannel.Public, ct);
    }

    /// <summary>An application entered by the body's staff (the case must be in their scope).</summary>
    public Task<(CreditRepairApplication Application, List<EligibilityCheck> Checks)> ApplyStaffAsync(CreditRepairInput input, CancellationToken ct) =>
        ApplyAsync(db, input, CreditRepairChannel.Staff, ct);

    private async Task<(CreditRepairApplication, List<EligibilityCheck>)> ApplyAsync(EnforcementDb target, CreditRepairInput input, CreditRepairChannel channel, CancellationToken ct)
    {
        // Every field is checked before refusing, so the applicant sees all that is wrong at once.
        var fields = new FieldChecks();
        var code = (input.CreditCode ?? "").Trim().ToUpperInvariant();
        var check = await creditCodes.CheckAsync(code, ct);
        fields.When(!check.IsValid, "creditCode", "统一社会信用代码无效：" + check.Message);
        var number = (input.DecisionNumber ?? "").Trim();
        fields.When(number.Length == 0, "decisionNumber", "请填写行政处罚决定书文号。");
        fields.When(string.IsNullOrWhiteSpace(input.ApplicantName), "applicantName", "请填写申请人（经办人）姓名。");
        SensitiveText? phone = null;
        if (!string.IsNullOrWhiteSpace(input.ContactPhone))
        {
            var digits = input.ContactPhone.Trim();
            if (digits.Length is < 7 or > 20 || !digits.All(ch => char.IsAsciiDigit(ch) || ch == '-'))
            {
                fields.Add("contactPhone", "联系电话格式不正确。");
            }
            else
            {
                phone = SensitiveText.Phone(digits);
            }
        }
        fields.When(string.IsNullOrWhiteSpace(input.Statement), "statement", "请说明纠正失信行为、履行义务的情况。");
        fields.ThrowIfAny();
        var published = await target.PublishedDecisions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.DecisionNumber == number && p.PartyCreditCode == code && p.WithdrawnOn == null, ct);
        var c = published is null ? null : await target.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == published.CaseId, ct);
        if (published is null || c is null || c.Stage == CaseStage.Revoked)
        {
            throw Refuse.Field("decisionNumber", $"未找到统一社会信用代码 {code} 名下文号为“{number}”、正在公示的行政处罚决定（已撤销或已停止公示的决定无需修复）。");
        }
        if (await target.Set<CreditRepairApplication>().AnyAsync(a => a.CaseId == c.Id && a.Status == CreditRepairStatus.Pending, ct))
        {
            throw Refuse.Field("decisionNumber", "该处罚决定已有待审核的信用修复申请，请等待执法机关审核。");
        }
        var checks = Evaluate(c, await RulesAsync(target, ct), deadlines.Today);
        if (checks.Where(x => !x.Passed).ToList() is { Count: > 0 } failed)
        {
            throw Refuse.Field(failed[0].Rule == "最短公示期" ? "decisionNumber" : "statement", "不符合信用修复条件：" + string.Join("；", failed.Select(f => f.Detail)));
        }
        var application = new CreditRepairApplication
        {
            OrgUnitId = c.OrgUnitId, CaseId = c.Id, PublishedDecisionId = published.Id, DecisionNumber = number, CreditCode = code, EnterpriseName = c.PartyName,
            ApplicantName = input.ApplicantName!.Trim(), ContactPhone = phone, Statement = input.Statement!.Trim(), Channel = channel, SubmittedOn = deadlines.Today,
            Checks = Summary(checks), Status = CreditRepairStatus.Pending,
        };
        target.Set<CreditRepairApplication>().Add(application);
        await target.SaveChangesAsync(ct);
        return (application, checks);
    }

    public Task<List<CreditRepairApplication>> ListAsync(CreditRepairStatus? status, CancellationToken ct)
    {
        var q = db.Set<CreditRepairApplication>().AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }
        return q.OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }

    public async Task<CreditRepairApplication> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<CreditRepairApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Refuse.NotFound("信用修复申请不存在或不在您的数据范围内。");

    /// <summary>The current checks of an application's case (for the reviewer).</summary>
    public async Task<List<EligibilityCheck>> CurrentChecksAsync(CreditRepairApplication a, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a.CaseId, ct) ?? throw Refuse.NotFound("信用修复申请不存在或不在您的数据范围内。");
        return Evaluate(c, await RulesAsync(ct), deadlines.Today);
    }

    /// <summary>The body's decision. Approval re-checks eligibility and ends the decision's publicity; a refusal needs reasons.</summary>
    public async Task<CreditRepairApplication> DecideAsync(Guid id, CreditRepairDecisionInput input, CancellationToken ct)
    {
        var a = await db.Set<CreditRepairApplication>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("信用修复申请不存在或不在您的数据范围内。");
        if (a.Status != CreditRepairStatus.Pending)
        {
            throw Refuse.Conflict("该申请已审核完毕。");
        }
        var today = deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (input.Approve)
        {
            var checks = await CurrentChecksAsync(a, ct);
            if (checks.Where(x => !x.Passed).ToList() is { Count: > 0 } failed)
            {
                throw Refuse.Field("approve", "不符合信用修复条件，不能准予修复：" + string.Join("；", failed.Select(f => f.Detail)));
            }
            a.Status = CreditRepairStatus.Approved;
            a.DecisionReason = string.IsNullOrWhiteSpace(input.Reason) ? "符合信用修复条件，准予修复，终止公示该行政处罚信息。" : input.Reason.Trim();
            var published = await db.PublishedDecisions.FirstOrDefaultAsync(p => p.Id == a.PublishedDecisionId, ct);
            if (published is { WithdrawnOn: null })
            {
                // 终止公示: the entry leaves the public pages; the record stays (and the repair explains why).
                published.WithdrawnOn = today;
                published.WithdrawnBecause = WithdrawalReason.CreditRepaired;
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                throw Refuse.Field("reason", "不予修复的，应当写明理由。");
            }
            a.Status = CreditRepairStatus.Refused;
            a.DecisionReason = input.Reason.Trim();
        }
        a.DecidedBy = user.UserName ?? "system";
        a.DecidedOn = today;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return a;
    }

    /// <summary>Public status of the applications for one decision (by credit code and decision number).</summary>
    public async Task<List<PublicRepairStatus>> PublicStatusAsync(string? creditCode, string? decisionNumber, CancellationToken ct)
    {
        var code = (creditCode ?? "").Trim().ToUpperInvariant();
        var number = (decisionNumber ?? "").Trim();
        if (code.Length == 0 || number.Length == 0)
        {
            return [];
        }
        await using var system = systemWork.Db<EnforcementDb>("信用修复进度查询");
        var rows = await system.Set<CreditRepairApplication>().AsNoTracking().Where(a => a.CreditCode == code && a.DecisionNumber == number)
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        return rows.Select(a => new PublicRepairStatus(a.DecisionNumber, a.EnterpriseName, a.SubmittedOn, a.Status, StatusName(a.Status), a.DecisionReason, a.DecidedOn)).ToList();
    }

    public static string StatusName(CreditRepairStatus s) => s switch
    {
        CreditRepairStatus.Pending => "待审核",
        CreditRepairStatus.Approved => "已修复（终止公示）",
        CreditRepairStatus.Refused => "不予修复",
        _ => s.ToString(),
    };
}
