using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Registry;

internal sealed record BodyInput(string OrgCode, string Powers);

internal sealed record OfficerInput(Guid BodyId, string Name, string? CertificateNumber, DateOnly? CertificateIssuedOn, DateOnly? CertificateExpiresOn, string? Scope);

internal sealed record OfficerView(Guid Id, Guid BodyId, string BodyName, string Name, string CertificateNumber, DateOnly? CertificateIssuedOn, DateOnly? CertificateExpiresOn,
    string Scope, bool Active, string? IneligibleReason, long Version);

/// <summary>Enforcement bodies and officers (执法主体与执法人员).</summary>
internal sealed class RegistryService(EnforcementDb db, IOrgDirectory orgs, IDeadlineService deadlines)
{
    public Task<List<EnforcementBody>> BodiesAsync(CancellationToken ct) =>
        db.Bodies.AsNoTracking().OrderBy(b => b.OrgCode).ToListAsync(ct);

    /// <summary>Marks an org unit as an enforcement body (or updates its powers).</summary>
    public async Task<EnforcementBody> UpsertBodyAsync(BodyInput input, CancellationToken ct)
    {
        var code = input.OrgCode.Trim();
        var unit = await orgs.FindByCodeAsync(code, ct) is { IsActive: true } found ? found : throw Refuse.Field("orgCode", $"机构代码 {code} 不存在或已停用。");
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.OrgUnitId == unit.Id, ct);
        if (body is null)
        {
            body = new EnforcementBody { OrgUnitId = unit.Id };
            db.Bodies.Add(body);
        }
        body.OrgCode = unit.Code;
        body.Name = unit.Name;
        body.Powers = input.Powers.Trim();
        body.Active = true;
        await db.SaveChangesAsync(ct);
        return body;
    }

    public async Task<List<OfficerView>> OfficersAsync(Guid? bodyId, CancellationToken ct)
    {
        var today = deadlines.Today;
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var query = db.Officers.AsNoTracking();
        if (bodyId is { } b)
        {
            query = query.Where(o => o.BodyId == b);
        }
        var officers = await query.OrderBy(o => o.BodyId).ThenBy(o => o.Name).ToListAsync(ct);
        return officers.Select(o => View(o, bodies.GetValueOrDefault(o.BodyId, ""), today)).ToList();
    }

    public static OfficerView View(EnforcementOfficer o, string bodyName, DateOnly today) =>
        new(o.Id, o.BodyId, bodyName, o.Name, o.CertificateNumber, o.CertificateIssuedOn, o.CertificateExpiresOn, o.Scope, o.Active, o.IneligibleReason(today), o.Version);

    public static Dictionary<string, string[]> Validate(OfficerInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(TextRules.Clean(input.Name)))
        {
            errors["name"] = ["请填写执法人员姓名。"];
        }
        else
        {
            var checks = new FieldChecks();
            TextRules.Required(checks, "name", "执法人员姓名", input.Name, 64);
            DateRules.Check(checks, "certificateIssuedOn", "发证日期", input.CertificateIssuedOn);
            DateRules.Check(checks, "certificateExpiresOn", "有效期截止日期", input.CertificateExpiresOn);
            foreach (var (field, messages) in checks.Errors)
            {
                errors[field] = messages;
            }
        }
        if (input.BodyId == Guid.Empty)
        {
            errors["bodyId"] = ["请选择执法主体。"];
        }
        if (!string.IsNullOrWhiteSpace(input.CertificateNumber) && input.CertificateExpiresOn is null)
        {
            errors["certificateExpiresOn"] = ["请填写执法证件有效期截止日期。"];
        }
        if (input.CertificateIssuedOn is { } i && input.CertificateExpiresOn is { } e && e < i)
        {
            errors["certificateExpiresOn"] = ["有效期截止日期不能早于发证日期。"];
        }
        return errors;
    }

    /// <summary>Registers an officer in the body's unit (outside the caller's scope: 404 by the platform).</summary>
    public async Task<EnforcementOfficer> CreateOfficerAsync(OfficerInput input, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == input.BodyId, ct)
            ?? throw Refuse.Field("bodyId", "执法主体不存在，请先登记执法主体。");
        var cert = (input.CertificateNumber ?? "").Trim();
        if (cert.Length > 0 && await db.Officers.IgnoreQueryFilters().AnyAsync(o => o.CertificateNumber == cert, ct))
        {
            // Uniqueness is city-wide, so the check looks across scopes (explicit system read, no data returned).
            throw Refuse.Field("certificateNumber", $"执法证号 {cert} 已登记。");
        }
        var officer = new EnforcementOfficer
        {
            OrgUnitId = body.OrgUnitId,
            BodyId = body.Id,
            Name = TextRules.Clean(input.Name) ?? "",
            CertificateNumber = cert,
            CertificateIssuedOn = input.CertificateIssuedOn,
            CertificateExpiresOn = input.CertificateExpiresOn,
            Scope = (input.Scope ?? "").Trim(),
        };
        db.Officers.Add(officer);
        await db.SaveChangesAsync(ct);
        return officer;
    }

    /// <summary>Renews (or records) an officer's certificate.</summary>
    public async Task<EnforcementOfficer?> RenewAsync(Guid id, long version, string certificateNumber, DateOnly issuedOn, DateOnly expiresOn, CancellationToken ct)
    {
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null)
        {
            return null;
        }
        if (expiresOn < issuedOn)
        {
            throw Refuse.Field("certificateExpiresOn", "有效期截止日期不能早于发证日期。");
        }
        db.Entry(officer).Property(o => o.Version).OriginalValue = version;
        officer.CertificateNumber = certificateNumber.Trim();
        officer.CertificateIssuedOn = issuedOn;
        officer.CertificateExpiresOn = expiresOn;
        await db.SaveChangesAsync(ct);
        return officer;
    }

    private static readonly XlsxColumn[] OfficerColumns =
        [new("执法主体机构代码", 18), new("姓名", 12), new("执法证号", 20), new("发证日期", 12), new("有效期至", 12), new("执法范围", 30)];

    /// <summary>The officers in scope as .xlsx (the same columns the import reads).</summary>
    public async Task<byte[]> ExportOfficersAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.OrgCode, ct);
        var officers = await db.Officers.AsNoTracking().OrderBy(o => o.BodyId).ThenBy(o => o.Name).ToListAsync(ct);
        var rows = officers.Select(o => (IReadOnlyList<object?>)[bodies.GetValueOrDefault(o.BodyId, ""), o.Name, o.CertificateNumber,
            o.CertificateIssuedOn?.ToString("yyyy-MM-dd"), o.CertificateExpiresOn?.ToString("yyyy-MM-dd"), o.Scope]);
        return XlsxWriter.Write(new XlsxSheet("执法人员", OfficerColumns, rows));
    }

    /// <summary>Imports officers from .xlsx; all rows or none (errors name the row).</summary>
    public async Task<(int Imported, List<string> Errors)> ImportOfficersAsync(Stream stream, CancellationToken ct)
    {
        var rows = XlsxReader.Read(stream).Skip(1).Where(r => !r.IsBlank).ToList();
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.OrgCode, b => b, ct);
        var errors = new List<string>();
        var seen = new HashSet<string>();
        var staged = new List<EnforcementOfficer>();
        foreach (var r in rows)
        {
            if (!bodies.TryGetValue(r[0].Trim(), out var body))
            {
                errors.Add($"第 {r.Number} 行：执法主体 {r[0]} 未登记。");
                continue;
            }
            DateOnly? Date(int c) => DateOnly.TryParse(r[c].Trim(), out var d) ? d : null;
            var input = new OfficerInput(body.Id, r[1], r[2], Date(3), Date(4), r[5]);
            foreach (var e in Validate(input).Values.SelectMany(v => v))
            {
                errors.Add($"第 {r.Number} 行：{e}");
            }
            var cert = r[2].Trim();
            if (cert.Length > 0 && (!seen.Add(cert) || await db.Officers.IgnoreQueryFilters().AnyAsync(o => o.CertificateNumber == cert, ct)))
            {
                errors.Add($"第 {r.Number} 行：执法证号 {cert} 重复或已登记。");
            }
            staged.Add(new EnforcementOfficer
            {
                OrgUnitId = body.OrgUnitId, BodyId = body.Id, Name = r[1].Trim(), CertificateNumber = cert,
                CertificateIssuedOn = input.CertificateIssuedOn, CertificateExpiresOn = input.CertificateExpiresOn, Scope = r[5].Trim(),
            });
        }
        if (errors.Count > 0)
        {
            return (0, errors);
        }
        db.Officers.AddRange(staged);
        await db.SaveChangesAsync(ct);
        return (staged.Count, errors);
    }
}
