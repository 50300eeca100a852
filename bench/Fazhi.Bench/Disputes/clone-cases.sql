-- Grows a PostgreSQL dispute bench database to a million cases fast, by copying the cases the bench generated (issue 13's
-- keyword benchmark on PostgreSQL, ADR 0056; see docs/benchmarks.md). The bench's own generator writes about 100 cases/s on
-- a loaded 2-core machine (under three hours for a million); this copies the generated cases :k times in the database.
--
--   psql "host=localhost user=fazhi_test dbname=fazhi_bench_kw" -v k=19 -f bench/Fazhi.Bench/Disputes/clone-cases.sql
--
-- Each copy keeps its original's unit, type, status, dates, stages and parties (the same encrypted ID and phone, so a phone
-- or ID number finds k+1 cases instead of one: a heavier probe than the generator's); it gets a new id that keeps the
-- original's time prefix (the ids stay ordered by time, as UUIDv7), a serial 1,000,000 × copy above the original's in the
-- same year, and its own external id. Follow-up tasks, events and the statistics roll-up are not copied (the bench rebuilds
-- the roll-up from the cases). Run once, on a database the bench generated, before the bench's reads.
\timing on
BEGIN;
CREATE TEMP TABLE clone_map ON COMMIT DROP AS
SELECT c."Id" AS old_id, k,
       (substr(replace(c."Id"::text, '-', ''), 1, 12) || substr(md5(c."Id"::text || ':' || k), 1, 20))::uuid AS new_id
FROM disputes_cases c CROSS JOIN generate_series(1, :k) AS k
WHERE c."Sequence" < 1000000;

INSERT INTO disputes_cases ("Id", "OrgUnitId", "CaseNumber", "Year", "Sequence", "CaseTypeCode", "ProfileId", "ProfileVersion", "Status",
    "Channel", "ExternalSystem", "ExternalId", "ReferredByUserId", "Category", "Amount", "PlaceOrgUnitId", "Description", "ReceivedOn",
    "CreatedAt", "QueryCodeHash", "RejectReason", "Version", "DueOn", "AssigneeUserId", "AssigneeName", "KnewOn", "ToldOfRight",
    "IntakeFlag", "Simplified", "Suspended", "ClosedOn", "ResultCode", "ResultName", "MergedIntoCaseId")
SELECT m.new_id, c."OrgUnitId", '枣非诉〔' || c."Year" || '〕' || lpad((c."Sequence" + m.k * 1000000)::text, 8, '0') || '号', c."Year",
    c."Sequence" + m.k * 1000000, c."CaseTypeCode", c."ProfileId", c."ProfileVersion", c."Status", c."Channel", c."ExternalSystem",
    CASE WHEN c."ExternalId" IS NULL THEN NULL ELSE 'EXT-' || replace(m.new_id::text, '-', '') END, c."ReferredByUserId", c."Category",
    c."Amount", c."PlaceOrgUnitId", c."Description", c."ReceivedOn", c."CreatedAt", c."QueryCodeHash", c."RejectReason", c."Version",
    c."DueOn", c."AssigneeUserId", c."AssigneeName", c."KnewOn", c."ToldOfRight", c."IntakeFlag", c."Simplified", c."Suspended",
    c."ClosedOn", c."ResultCode", c."ResultName", NULL
FROM clone_map m JOIN disputes_cases c ON c."Id" = m.old_id;

INSERT INTO disputes_parties ("Id", "CaseId", "OrgUnitId", "Role", "Kind", "Name", "IdNumber", "CreditCode", "Phone", "Version",
    "IdNumberBlindIndex", "PhoneBlindIndex")
SELECT gen_random_uuid(), m.new_id, p."OrgUnitId", p."Role", p."Kind", p."Name", p."IdNumber", p."CreditCode", p."Phone", p."Version",
    p."IdNumberBlindIndex", p."PhoneBlindIndex"
FROM clone_map m JOIN disputes_parties p ON p."CaseId" = m.old_id;

INSERT INTO disputes_case_stages ("Id", "CaseId", "OrgUnitId", "StageCode", "StageName", "StartedOn", "Days", "DayKind", "Article",
    "EndedOn", "Outcome", "DueOn", "OnTime", "Version")
SELECT gen_random_uuid(), m.new_id, s."OrgUnitId", s."StageCode", s."StageName", s."StartedOn", s."Days", s."DayKind", s."Article",
    s."EndedOn", s."Outcome", s."DueOn", s."OnTime", s."Version"
FROM clone_map m JOIN disputes_case_stages s ON s."CaseId" = m.old_id;
COMMIT;
ANALYZE disputes_cases;
ANALYZE disputes_parties;
ANALYZE disputes_case_stages;
SELECT count(*) AS cases FROM disputes_cases;
