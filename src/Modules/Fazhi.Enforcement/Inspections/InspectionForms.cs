namespace Fazhi.Enforcement.Inspections;

/// <summary>The register-plan form.</summary>
internal sealed class PlanForm
{
    public string? CreditCode { get; set; }

    public string? EnterpriseName { get; set; }

    public Guid? MatterId { get; set; }

    public string? Subject { get; set; }

    public DateOnly? PlannedDate { get; set; }

    public string? Inspectors { get; set; }

    public string? Basis { get; set; }

    public InspectionTrigger Trigger { get; set; }

    public Guid? JoinVisitId { get; set; }

    public PlanInput ToInput() => new(CreditCode, EnterpriseName, MatterId, Subject, PlannedDate, Inspectors, Basis, Trigger, JoinVisitId);
}

/// <summary>The record-result form.</summary>
internal sealed class ResultForm
{
    public long Version { get; set; }

    public InspectionResult? Result { get; set; }

    public string? Notes { get; set; }

    public string? CaseReference { get; set; }

    public DateOnly? CompletedOn { get; set; }
}


/// <summary>The cap settings form.</summary>
internal sealed class CapForm
{
    public long Version { get; set; }

    public int MaxVisits { get; set; }

    public CapPeriod Period { get; set; }

    public bool ExemptComplaints { get; set; }

    public bool ExemptKeySupervision { get; set; }
}
