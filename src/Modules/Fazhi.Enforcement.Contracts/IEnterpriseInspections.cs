namespace Fazhi.Enforcement.Contracts;

/// <summary>
/// Enterprise inspections ("无事不扰") for other modules: the inspections of one enterprise (by its unified social credit
/// code) across all enforcement bodies in the cap period containing a day, with the cap. The lists module shows it on an
/// enterprise appeal (企业诉求). Only dates, body names and subjects: no findings.
/// </summary>
public interface IEnterpriseInspections
{
    Task<EnterpriseInspectionWindow> WindowAsync(string creditCode, DateOnly on, CancellationToken ct);
}

/// <summary>The cap period (<paramref name="From"/>–<paramref name="To"/>), the cap rule in words and in number, and the visits in it.</summary>
public sealed record EnterpriseInspectionWindow(string CreditCode, DateOnly From, DateOnly To, int MaxVisits, string Rule, IReadOnlyList<EnterpriseInspectionVisit> Visits)
{
    /// <summary>Visits that count against the cap (a joint inspection counts once; complaint-triggered and key-supervision ones may be exempt).</summary>
    public int Counted => Visits.Count(v => v.Counted);

    public bool CapReached => Counted >= MaxVisits;
}

/// <summary>One visit: the planned day, the bodies (the lead first for a joint inspection), the subjects, and whether it counts against the cap.</summary>
public sealed record EnterpriseInspectionVisit(DateOnly PlannedDate, IReadOnlyList<string> Bodies, IReadOnlyList<string> Subjects, bool Counted);
