namespace Fazhi.Disputes.Contracts;

/// <summary>
/// The dispute centre's reconsideration decisions that the respondent must carry out (行政复议法 第六十三条 变更, 第六十四条 撤销,
/// 第六十五条 确认违法, 第六十六条 责令履行), for the oversight module's performance tasks (行政复议决定履行, 第七十七条). Reads every
/// unit's decisions (the reader creates tasks for the respondent agency, which is not the handling unit).
/// </summary>
public interface IReconsiderationDecisions
{
    /// <summary>Closed administrative-reconsideration cases with one of <see cref="PerformanceResults"/>, closed on or after <paramref name="closedFrom"/>, oldest first.</summary>
    Task<IReadOnlyList<ReconsiderationDecision>> DecidedSinceAsync(DateOnly closedFrom, CancellationToken ct);

    /// <summary>Whether a case of the dispute centre exists (a reader links to <c>/disputes/cases/{id}</c> only when it does).</summary>
    Task<bool> ExistsAsync(Guid caseId, CancellationToken ct);

    /// <summary>The result codes of the reconsideration profile that leave something to carry out: change, revoke, illegal, perform.</summary>
    public static readonly IReadOnlyList<string> PerformanceResults = ["change", "revoke", "illegal", "perform"];
}

/// <summary>
/// One decision: the case (id, number), the handling unit (the reconsideration body's office), the day decided (closed), the
/// result (code and Chinese name), and the respondents as the parties were named (names, not org units).
/// </summary>
public sealed record ReconsiderationDecision(Guid CaseId, string CaseNumber, Guid HandlingUnitId, DateOnly DecidedOn, string ResultCode, string ResultName,
    IReadOnlyList<string> Respondents);
