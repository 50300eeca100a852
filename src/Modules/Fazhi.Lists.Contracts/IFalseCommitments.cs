namespace Fazhi.Lists.Contracts;

/// <summary>
/// False commitments found when verifying notify-and-commit certification items (告知承诺制 虚假承诺), for the credit records
/// (ADR 0053): 国务院办公厅关于全面推行证明事项告知承诺制的指导意见 (国办发〔2020〕42号) asks that a false commitment be recorded in
/// the applicant's credit record. The reader passes the org units whose verifications it may read.
/// </summary>
public interface IFalseCommitments
{
    Task<IReadOnlyList<FalseCommitment>> FindAsync(FalseCommitmentQuery query, CancellationToken ct);
}

/// <summary>
/// Verifications dated in the period (inclusive) by the units in <paramref name="ScopeUnitIds"/>; optionally only those of
/// one enterprise (统一社会信用代码, 18 characters).
/// </summary>
public sealed record FalseCommitmentQuery(DateOnly From, DateOnly To, IReadOnlyList<Guid> ScopeUnitIds, string? CreditCode = null);

/// <summary>
/// One false commitment: the certification item, the service case, the applicant (name; credit code for an enterprise, empty
/// for a person), the verifying unit, the day, what was found and the measures taken, and the module page of the record.
/// </summary>
public sealed record FalseCommitment(Guid Id, string ItemCode, string ItemName, string CaseReference, string ApplicantName, string CreditCode,
    Guid UnitId, string UnitName, DateOnly VerifiedOn, string Finding, string Measures, string Link);
