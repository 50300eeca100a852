using Fazhi.Enforcement.Contracts;

namespace Fazhi.Lists.Appeals;

/// <summary>
/// The enforcement module's inspections of an appeal's enterprise ("无事不扰"): the cap period containing the day the appeal
/// was received, the cap and the visits in it, read through <see cref="IEnterpriseInspections"/> (ADR 0044). Whoever may see
/// the appeal may see them (dates, bodies and subjects only); an appeal's inspections are what a complaint about repeated
/// inspections is about.
/// </summary>
internal sealed class AppealInspections(AppealService appeals, IEnterpriseInspections inspections)
{
    public async Task<EnterpriseInspectionWindow> ForAsync(Guid id, CancellationToken ct)
    {
        var (appeal, _, _) = await appeals.GetAsync(id, ct);
        return await inspections.WindowAsync(appeal.CreditCode, appeal.ReceivedOn, ct);
    }
}
