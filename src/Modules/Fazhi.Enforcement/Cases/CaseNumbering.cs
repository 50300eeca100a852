using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>Case numbers and decision 文号 (the on-the-spot decision and the ordinary decision take them alike).</summary>
internal sealed class CaseNumbering(EnforcementDb db, INumberSequence numbers, IDeadlineService deadlines)
{
    /// <summary>Case numbers, per body (its unit) and year; the default keeps the numbers issued before: <c>370400-SJJ-2026-000001</c>.</summary>
    public static readonly NumberSequenceDefinition CaseNumbers = new("enforcement.case", "行政处罚案件编号", "{unit}-{year}-{seq:000000}");

    /// <summary>行政处罚决定书文号 (GB/T 9704-2012 §7.3.3), per body and year: <c>枣市监罚〔2026〕12号</c> once the body's abbreviation is set.</summary>
    public static readonly NumberSequenceDefinition DecisionNumbers = new("enforcement.decision", "行政处罚决定书文号", "{prefix}罚〔{year}〕{seq}号");

    /// <summary>Takes the case number in the case's own transaction: two officers opening cases at once get two numbers.</summary>
    public async Task<string> NextCaseNumberAsync(EnforcementBody body, DateOnly day, CancellationToken ct) =>
        (await numbers.NextAsync(db, CaseNumbers.Key, new NumberScope(day.Year, body.OrgUnitId, body.OrgCode, body.Name), ct)).Number;

    /// <summary>A 文号 typed by hand must be well formed; blank means the body's next number (taken in the transaction).</summary>
    public static string? TypedDecisionNumber(string? typed, string label)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var check = DocumentNumber.Validate(typed, label);
        return check.Normalized ?? throw Refuse.Field("decisionNumber", check.Message!);
    }

    /// <summary>
    /// The decision's 文号, unique within the body: the typed one when no other case of the body has it, else the body's next
    /// unused number. Inside the transaction, after the body's lock, so two decisions cannot take one number.
    /// </summary>
    public async Task<string> DecisionNumberAsync(PenaltyCase c, EnforcementBody body, string? typed, DateOnly day, CancellationToken ct)
    {
        await db.LockForDecisionAsync("enforcement.decision-number:" + body.Id, ct);
        Task<bool> InUseAsync(string number) =>
            db.Cases.IgnoreQueryFilters().AnyAsync(x => x.BodyId == body.Id && x.DecisionNumber == number && x.Id != c.Id, ct);
        if (typed is not null)
        {
            if (await InUseAsync(typed))
            {
                throw Refuse.Field("decisionNumber", $"文号“{typed}”已被{body.Name}的其他案件使用，同一机关的文号不能重复。");
            }
            return typed;
        }
        return (await numbers.NextUnusedAsync(db, DecisionNumbers.Key, new NumberScope(day.Year, body.OrgUnitId, body.OrgCode, body.Name), InUseAsync, ct)).Number;
    }

    /// <summary>The number the decision form suggests (not taken: the decision takes it, or the next free one).</summary>
    public async Task<string> SuggestedDecisionNumberAsync(PenaltyCase c, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        return await numbers.PeekAsync(db, DecisionNumbers.Key, new NumberScope(deadlines.Today.Year, body.OrgUnitId, body.OrgCode, body.Name), ct);
    }
}
