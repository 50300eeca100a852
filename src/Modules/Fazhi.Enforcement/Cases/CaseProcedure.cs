using System.Text.Json;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// What every step of the penalty procedure (行政处罚法 第五章) shares: loading the case in scope, refusing an action its
/// state does not allow, checking dates and amounts, and recording a hashed step (全过程记录) with the platform audit trail
/// in the step's transaction. The use cases (<see cref="CaseOpening"/>, <see cref="CaseInvestigation"/>,
/// <see cref="CaseHearings"/>, <see cref="CaseDecisions"/>, <see cref="CaseExecution"/>, <see cref="CaseClosing"/>)
/// throw <see cref="RefusalException"/> before anything is saved.
/// </summary>
internal sealed class CaseProcedure(EnforcementDb db, IDeadlineService deadlines, ICurrentUser current, IAttachmentStore attachments, TimeProvider clock)
{
    public const string AttachmentOwner = "enforcement.case";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The largest amount (fine, illegal gains) the forms accept, in yuan: 1,000 亿元, above any fine ever imposed.</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    public async Task<PenaltyCase> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("案件不存在或不在您的数据范围内。");

    /// <summary>Refuses an action the case does not have open now, with the case's reason: a conflict with its state (409).</summary>
    public static void Require(PenaltyCase c, CaseAction action)
    {
        if (c.State(action) is { Open: false, WhyNot: var why })
        {
            throw Refuse.Conflict(why ?? "");
        }
    }

    /// <summary>A date of a fact (the act, the opening, the decision, the receipt): plausible (1900-2100) and not after today.</summary>
    public void FactDate(string field, string label, DateOnly? date)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, field, label, date, deadlines.Today);
        checks.ThrowIfAny();
    }

    /// <summary>A date that may lie ahead (a planned decision date, a hearing): plausible (1900-2100) only.</summary>
    public static void PlausibleDate(string field, string label, DateOnly? date)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, field, label, date);
        checks.ThrowIfAny();
    }

    /// <summary>An amount in yuan: not negative, at most <see cref="MaxAmount"/>.</summary>
    public static void Amount(string field, string label, decimal? value)
    {
        var checks = new FieldChecks();
        NumberRules.Quantity(checks, field, label, value, MaxAmount);
        checks.ThrowIfAny();
    }

    /// <summary>Evidence of a step: attachments of this case and recording references.</summary>
    public async Task<List<EvidenceItem>> EvidenceAsync(PenaltyCase c, StepInput input, CancellationToken ct)
    {
        var items = new List<EvidenceItem>();
        foreach (var aid in input.AttachmentIds ?? [])
        {
            var a = await attachments.GetAsync(aid, ct);
            if (a is null || a.OwnerType != AttachmentOwner || a.OwnerId != c.Id.ToString())
            {
                throw Refuse.Field("attachmentIds", "所附证据文件不存在或不属于本案。");
            }
            items.Add(new("file", a.Id.ToString(), a.FileName, a.Sm3));
        }
        foreach (var r in input.Recordings ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Reference))
            {
                throw Refuse.Field("recordings", "音像记录须填写存储位置或编号。");
            }
            items.Add(new(r.Kind is "audio" or "video" ? r.Kind : "recording", r.Reference.Trim(), "", (r.Sm3 ?? "").Trim()));
        }
        return items;
    }

    public DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>Appends a step to the case's SM3 chain and the platform audit trail.</summary>
    public async Task StepAsync(PenaltyCase c, string kind, DateOnly? onDate, string summary, IReadOnlyList<EvidenceItem> evidence, CancellationToken ct)
    {
        var step = new CaseStep
        {
            OrgUnitId = c.OrgUnitId,
            CaseId = c.Id,
            Seq = c.StepCount + 1,
            Kind = kind,
            RecordedAtUtc = Now(),
            OnDate = onDate,
            Actor = current.UserName ?? "system",
            Summary = summary.Length > 4000 ? summary[..4000] : summary,
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
            PrevHash = c.HeadHash,
        };
        step.Hash = CaseRecord.HashOf(c.Id, step.Seq, step.Kind, step.RecordedAtUtc, step.OnDate, step.Actor, step.Summary, step.EvidenceJson, step.PrevHash);
        c.StepCount = step.Seq;
        c.HeadHash = step.Hash;
        db.CaseSteps.Add(step);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("enforcement.case." + kind, nameof(PenaltyCase), c.Id.ToString(), new { c.Number, step.Seq, step.Hash, step.PrevHash, evidence }, ct);
    }

    public async Task SaveAsync(IDbContextTransaction tx, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
