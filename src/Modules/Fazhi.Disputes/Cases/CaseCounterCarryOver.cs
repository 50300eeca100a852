using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Cases;

/// <summary>
/// The yearly counters of <c>disputes_case_counters</c> (used before the platform's number sequence) seed the
/// <c>disputes.case</c> sequence, so numbering goes on where it stopped. Runs on every <c>migrate</c>; a counter that exists
/// is left alone. The old table is no longer written.
/// </summary>
internal sealed class CaseCounterCarryOver : IDatabaseMigrationStep
{
    public string Module => "disputes";

    // "WHERE true": SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT (its parser would read ON as a join).
    public Task RunAsync(DbContext context, CancellationToken ct) => context.Database.ExecuteSqlRawAsync(
        """
        INSERT INTO platform_number_sequences ("Key", "Scope", "Year", "Value")
        SELECT 'disputes.case', '', "Year", "Value" FROM disputes_case_counters WHERE true
        ON CONFLICT ("Key", "Scope", "Year") DO NOTHING
        """, ct);
}
