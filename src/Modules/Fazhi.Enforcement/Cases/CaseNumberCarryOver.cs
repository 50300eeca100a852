using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// Case numbers issued before the platform's number sequence (<c>{unit}-{year}-{seq:000000}</c>, counted per body): the
/// body's counter for a year starts after the highest number already issued. Runs on every <c>migrate</c>; a counter that
/// exists is left alone.
/// </summary>
internal sealed class CaseNumberCarryOver : IDatabaseMigrationStep
{
    public string Module => "enforcement";

    public Task RunAsync(DbContext context, CancellationToken ct) => context.Database.IsNpgsql()
        ? context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO platform_number_sequences ("Key", "Scope", "Year", "Value")
            SELECT 'enforcement.case', "OrgUnitId"::text, EXTRACT(YEAR FROM "OpenedOn")::int, MAX(CAST(RIGHT("Number", 6) AS bigint))
            FROM enforcement_cases WHERE "Number" ~ '-[0-9][0-9][0-9][0-9][0-9][0-9]$' GROUP BY "OrgUnitId", EXTRACT(YEAR FROM "OpenedOn")::int
            ON CONFLICT ("Key", "Scope", "Year") DO NOTHING
            """, ct)
        : context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO platform_number_sequences ("Key", "Scope", "Year", "Value")
            SELECT 'enforcement.case', lower("OrgUnitId"), CAST(substr("OpenedOn", 1, 4) AS INTEGER), MAX(CAST(substr("Number", -6) AS INTEGER))
            FROM enforcement_cases WHERE "Number" GLOB '*-[0-9][0-9][0-9][0-9][0-9][0-9]' GROUP BY lower("OrgUnitId"), substr("OpenedOn", 1, 4)
            ON CONFLICT ("Key", "Scope", "Year") DO NOTHING
            """, ct);
}
