using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Verifications;

internal sealed record VerificationInput(string? ItemCode, Guid? UnitId, VerificationMethod? Method, DateOnly? VerifiedOn, VerificationResult? Result,
    string? CaseReference = null, string? ApplicantName = null, string? CreditCode = null, string? Finding = null, string? Measures = null);

internal sealed record VerificationFilter(VerificationResult? Result = null, Guid? UnitId = null, string? ItemCode = null);

/// <summary>Verifications of one item by one unit in a period: done, found true, false commitments, not verifiable.</summary>
internal sealed record VerificationCount(string ItemCode, string ItemName, Guid UnitId, string UnitName, int Total, int Confirmed, int FalseCommitments, int Unverifiable);

/// <summary>
/// Verification records (核查记录) of notify-and-commit certification items (ADR 0039): the unit that accepted a commitment
/// records how and when it verified it and what it found. 国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见
/// (国办发〔2020〕42号) asks for verification after the commitment (事中事后核查) and for a false commitment to be recorded in the
/// applicant's credit record (失信惩戒); the false commitments listed here are that feed. Scoped to the verifying unit.
/// </summary>
internal sealed class VerificationService(ListsDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, ICreditCodeCheck creditCodes, CertService certs)
{
    public const string Rule = "国办发〔2020〕42号";

    public static readonly ListShape<CertVerification> Shape = new ListShape<CertVerification>()
        .Search((q, k) => q.Where(v => v.ItemName.Contains(k) || v.ItemCode.Contains(k) || v.ApplicantName.Contains(k) || v.CaseReference.Contains(k) || v.CreditCode.Contains(k)
                                       || v.UnitName.Contains(k)))
        .Dated(v => v.VerifiedOn)
        .SortBy("verifiedOn", v => v.VerifiedOn, SortDirection.Desc)
        .SortBy("item", v => v.ItemCode)
        .SortBy("unit", v => v.UnitName)
        .ThenBy(v => v.Id);

    public DateOnly Today => clock.Today;

    /// <summary>The items of the list in force today that are under notify-and-commit (the ones a verification can be recorded for).</summary>
    public async Task<List<CertItemRevision>> NotifyCommitItemsAsync(CancellationToken ct)
    {
        var version = await certs.VersionOnAsync(Today, ct);
        return version is null
            ? []
            : await certs.ItemsIn(version.Number).Where(r => r.Status == CertItemStatus.InForce && r.NotifyCommit).OrderBy(r => r.ItemCode).ToListAsync(ct);
    }

    private IQueryable<CertVerification> Filter(VerificationFilter filter)
    {
        var q = db.CertVerifications.AsNoTracking();
        if (filter.Result is { } result)
        {
            q = q.Where(v => v.Result == result);
        }
        if (filter.UnitId is { } unit)
        {
            q = q.Where(v => v.OrgUnitId == unit);
        }
        if (filter.ItemCode is { Length: > 0 } code)
        {
            q = q.Where(v => v.ItemCode == code);
        }
        return q;
    }

    public Task<Paged<CertVerification>> PageAsync(ListRequest request, VerificationFilter filter, CancellationToken ct) => Shape.PageAsync(Filter(filter), request, ct);

    /// <summary>Records a verification. Refusals name the rule: only notify-and-commit items in force, only the caller's units, a false commitment with its applicant and measures.</summary>
    public async Task<CertVerification> RecordAsync(VerificationInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var code = TextRules.Required(checks, "itemCode", "证明事项", input.ItemCode, 40);
        var item = code.Length == 0 ? null : await certs.CurrentItemAsync(code, ct);
        if (code.Length > 0 && (item is null || item.Status != CertItemStatus.InForce))
        {
            checks.Add("itemCode", $"现行证明事项清单中没有在用的事项“{code}”。");
        }
        else if (item is { NotifyCommit: false })
        {
            checks.Add("itemCode", $"“{item.Name}”未实行告知承诺制，须提交证明，没有承诺可核查（{Rule}：核查针对以承诺代替证明的事项）。");
        }
        var unit = input.UnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        if (unit is null)
        {
            checks.Add("unitId", "请选择核查单位。");
        }
        else if (!user.Scope.Allows(unit.Id))
        {
            checks.Add("unitId", $"只能登记本单位的核查（{unit.Name}不在您的数据范围内）。");
        }
        checks.When(input.Method is null || !Enum.IsDefined(input.Method.Value), "method", "请选择核查方式。");
        checks.When(input.Result is null || !Enum.IsDefined(input.Result.Value), "result", "请选择核查结果。");
        checks.When(input.VerifiedOn is null, "verifiedOn", "请填写核查日期。");
        DateRules.Check(checks, "verifiedOn", "核查日期", input.VerifiedOn, Today);
        var caseRef = TextRules.Optional(checks, "caseReference", "办件编号", input.CaseReference, 64) ?? "";
        var applicant = TextRules.Optional(checks, "applicantName", "申请人", input.ApplicantName, 200) ?? "";
        var finding = TextRules.Optional(checks, "finding", "核查情况", input.Finding, 2000) ?? "";
        var measures = TextRules.Optional(checks, "measures", "处理措施", input.Measures, 2000) ?? "";
        var creditCode = "";
        if (!string.IsNullOrWhiteSpace(input.CreditCode))
        {
            var credit = await creditCodes.CheckAsync(input.CreditCode, ct);
            if (credit.IsValid)
            {
                creditCode = credit.Normalized;
            }
            else
            {
                checks.Add("creditCode", credit.Message);
            }
        }
        if (input.Result == VerificationResult.FalseCommitment)
        {
            // A false commitment goes to the applicant's credit record: it must say whose it is and what was done (国办发〔2020〕42号 失信惩戒).
            checks.When(applicant.Length == 0, "applicantName", $"虚假承诺须写明申请人，以便记入信用记录（{Rule}）。");
            checks.When(measures.Length == 0, "measures", $"虚假承诺须写明处理措施，如撤销决定、责令改正、记入信用记录（{Rule}）。");
            checks.When(finding.Length == 0, "finding", "虚假承诺须写明核查发现的事实。");
        }
        checks.ThrowIfAny("核查记录有误，未保存。");
        var v = new CertVerification
        {
            OrgUnitId = unit!.Id, UnitName = unit.Name, ItemCode = item!.ItemCode, ItemName = item.Name, Matter = item.Matter, CaseReference = caseRef, ApplicantName = applicant,
            CreditCode = creditCode, Method = input.Method!.Value, VerifiedOn = input.VerifiedOn!.Value, Result = input.Result!.Value, Finding = finding, Measures = measures,
            RecordedBy = user.UserName ?? "system", RecordedOn = Today,
        };
        db.CertVerifications.Add(v);
        await db.SaveChangesAsync(ct);
        return v;
    }

    /// <summary>Verifications per item and unit over the caller's scope, in a period (inclusive; all when open).</summary>
    public async Task<List<VerificationCount>> CountsAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var q = db.CertVerifications.AsNoTracking();
        if (from is { } f)
        {
            q = q.Where(v => v.VerifiedOn >= f);
        }
        if (to is { } t)
        {
            q = q.Where(v => v.VerifiedOn <= t);
        }
        var rows = await q.GroupBy(v => new { v.ItemCode, v.OrgUnitId })
            .Select(g => new
            {
                g.Key.ItemCode, g.Key.OrgUnitId, Name = g.Max(v => v.ItemName), Unit = g.Max(v => v.UnitName), Total = g.Count(),
                Confirmed = g.Count(v => v.Result == VerificationResult.Confirmed), False = g.Count(v => v.Result == VerificationResult.FalseCommitment),
                Unverifiable = g.Count(v => v.Result == VerificationResult.Unverifiable),
            }).ToListAsync(ct);
        return rows.Select(r => new VerificationCount(r.ItemCode, r.Name ?? "", r.OrgUnitId, r.Unit ?? "", r.Total, r.Confirmed, r.False, r.Unverifiable))
            .OrderBy(r => r.ItemCode, StringComparer.Ordinal).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The false commitments (the credit-record feed) the query selects, as .xlsx (at most 10,000 rows).</summary>
    public async Task<byte[]> ExportFalseCommitmentsAsync(ListRequest request, CancellationToken ct)
    {
        var page = await Shape.PageAsync(Filter(new VerificationFilter(VerificationResult.FalseCommitment)), request with { Page = new PageRequest(1, 10000) }, ct);
        string[] headers = ["核查日期", "申请人", "统一社会信用代码", "证明事项编码", "证明事项", "办理事项", "办件编号", "核查单位", "核查方式", "核查情况", "处理措施"];
        var rows = page.Items.Select(v => (IReadOnlyList<object?>)
        [
            v.VerifiedOn.ToString("yyyy-MM-dd"), v.ApplicantName, v.CreditCode, v.ItemCode, v.ItemName, v.Matter, v.CaseReference, v.UnitName, MethodName(v.Method), v.Finding, v.Measures,
        ]);
        return XlsxWriter.Write(new XlsxSheet("虚假承诺信用记录", headers.Select(h => new XlsxColumn(h, 18)).ToList(), rows));
    }

    public static string MethodName(VerificationMethod m) => m switch
    {
        VerificationMethod.DataSharing => "数据共享核查",
        VerificationMethod.InterDepartment => "部门协查",
        VerificationMethod.OnSite => "现场核查",
        _ => "其他方式",
    };

    public static string ResultName(VerificationResult r) => r switch
    {
        VerificationResult.Confirmed => "承诺属实",
        VerificationResult.FalseCommitment => "虚假承诺",
        _ => "无法核实",
    };
}
