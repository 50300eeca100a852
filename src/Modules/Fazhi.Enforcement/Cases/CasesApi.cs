using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
using Fazhi.Enforcement.Supervision;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.Cases;

/// <param name="DecisionCalendarWarning">
/// On the case view (<c>GET /cases/{id}</c>): set while the decision period runs and its due date falls in a year whose
/// official working-day calendar is not loaded (counted with weekends only); null otherwise.
/// </param>
/// <param name="PublicationCalendarWarning">Likewise for the publication due date while the decision awaits publication.</param>
internal sealed record CaseResponse(
    Guid Id, string Number, Guid BodyId, Guid MatterId, string MatterName, bool OnTheSpot, CaseStage Stage, string StageName,
    PartyKind PartyKind, string PartyName, string? PartyIdNumberMasked, string? PartyCreditCode, string Summary,
    DateOnly OpenedOn, DateOnly DecisionDueOn, int ExtensionDays, DateOnly? OrderToCorrectOn,
    int? BenchmarkNumber, DiscretionTier? EngineTier, string EngineRangeText, DiscretionTier? ProposedTier, decimal? FineAmount, string PenaltyText,
    string WrittenReason, bool SupervisionFlag, string SupervisionNotes, bool IsMajor, bool IsSerious,
    bool HearingOffered, DateOnly? NotifiedOn, DateOnly? HearingRequestDueOn, DateOnly? HearingRequestedOn, DateOnly? HearingHeldOn, DateOnly? CollectiveDecisionOn,
    string DecisionNumber, DateOnly? DecidedOn, DateOnly? ServiceDueOn, DateOnly? ServedOn, DateOnly? PaymentDueOn, DateOnly? PaidOn, decimal? Surcharge,
    DateOnly? ExecutedOn, DateOnly? ClosedOn, DateOnly? RevokedOn, DateOnly? PublicationDueOn, DateOnly? PublishedOn, string HeadHash, int StepCount, long Version,
    string? DecisionCalendarWarning = null, string? PublicationCalendarWarning = null, string? PartyAddressMasked = null);

internal sealed record ProposeResponse(CaseResponse Case, DiscretionTier? EngineTier, string? EngineTierName, LawfulRange? Range, IReadOnlyList<AppliedRule> Rules, IReadOnlyList<string> SupervisionFlags);

internal sealed record ReviewResponse(Guid Id, Guid CaseId, string? CaseNumber, ReviewOpinion Opinion, string OpinionName, string Reason, string RequestedBy, string Reviewer,
    DateTime RequestedAtUtc, DateTime? DecidedAtUtc, long Version);

internal sealed record StepResponse(int Seq, string Kind, DateTime RecordedAtUtc, DateOnly? OnDate, string Actor, string Summary, string EvidenceJson, string PrevHash, string Hash);

/// <summary>/api/enforcement/cases, /legal-reviews, /supervision, /public/penalties.</summary>
internal static class CasesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequirePermission(EnforcementPermissions.CasesHandle);
        cases.MapGet("/", ListAsync);
        cases.MapGet("/export", async ([AsParameters] DatedListQuery list, CaseStage? stage, CaseQueries s, CancellationToken ct) =>
            ListOutput.Xlsx(await s.TableAsync(CaseQueries.ListShape.Check(list), stage, ct)));
        cases.MapGet("/print", async ([AsParameters] DatedListQuery list, CaseStage? stage, CaseQueries s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await s.TableAsync(CaseQueries.ListShape.Check(list), stage, ct), clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8))));
        cases.MapGet("/{id:guid}", GetAsync);
        cases.MapPost("/", (OpenCaseInput i, CaseOpening s, CancellationToken ct) => RunAsync(() => s.OpenAsync(i, ct), ToResponse, created: true));
        cases.MapPost("/on-the-spot", (OnTheSpotInput i, CaseOpening s, CancellationToken ct) => RunAsync(() => s.OnTheSpotAsync(i, ct), ToResponse, created: true));
        cases.MapPost("/{id:guid}/investigate", (Guid id, StepInput i, CaseInvestigation s, CancellationToken ct) => RunAsync(() => s.InvestigateAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/evidence", EvidenceAsync).RequireAntiforgeryForCookies();
        cases.MapPost("/{id:guid}/order-to-correct", (Guid id, DateInput i, CaseInvestigation s, CancellationToken ct) => RunAsync(() => s.OrderToCorrectAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/propose", (Guid id, ProposeInput i, CaseInvestigation s, CancellationToken ct) => RunAsync(() => s.ProposeAsync(id, i, ct),
            r => new ProposeResponse(ToResponse(r.Case), r.Result.Tier, r.Result.Tier is { } t ? DiscretionEngine.TierName(t) : null, r.Result.Range, r.Result.Rules, r.Result.SupervisionFlags)));
        cases.MapPost("/{id:guid}/notify", (Guid id, DateInput i, CaseHearings s, CancellationToken ct) => RunAsync(() => s.NotifyAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/hearing-request", (Guid id, DateInput i, CaseHearings s, CancellationToken ct) => RunAsync(() => s.RequestHearingAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/hearing", (Guid id, HearingInput i, CaseHearings s, CancellationToken ct) => RunAsync(() => s.HearingAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/legal-review", (Guid id, CaseDecisions s, CancellationToken ct) => RunAsync(() => s.RequestReviewAsync(id, ct), r => ToResponse(r, null)));
        cases.MapPost("/{id:guid}/collective", (Guid id, CollectiveInput i, CaseDecisions s, CancellationToken ct) => RunAsync(() => s.CollectiveAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/extend", (Guid id, ExtensionInput i, CaseDecisions s, CancellationToken ct) => RunAsync(() => s.ExtendAsync(id, i, ct), ToResponse));
        cases.MapGet("/{id:guid}/next-decision-number", async (Guid id, CaseQueries s, CaseNumbering numbering, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } c ? Results.Ok(new { decisionNumber = await numbering.SuggestedDecisionNumberAsync(c, ct) }) : Results.NotFound())
            .WithDescription("决定书文号的建议值（本机关下一个文号）；作出决定时不填文号即按此编号。");
        cases.MapPost("/{id:guid}/decide", (Guid id, DecideInput i, CaseDecisions s, CancellationToken ct) => RunAsync(() => s.DecideAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/serve", (Guid id, DateInput i, CaseExecution s, CancellationToken ct) => RunAsync(() => s.ServeAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/pay", (Guid id, DateInput i, CaseExecution s, CancellationToken ct) => RunAsync(() => s.PayAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/enforce", (Guid id, StepInput i, CaseExecution s, CancellationToken ct) => RunAsync(() => s.EnforceAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/close", (Guid id, DateInput i, CaseClosing s, CancellationToken ct) => RunAsync(() => s.CloseAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/revoke", (Guid id, DateInput i, CaseClosing s, CancellationToken ct) => RunAsync(() => s.RevokeAsync(id, i, ct), ToResponse));
        cases.MapPost("/{id:guid}/publish", (Guid id, CaseClosing s, CancellationToken ct) => RunAsync(() => s.PublishAsync(id, ct), p => new { p.Id, p.PartyDisplay, p.PublishedOn }));
        cases.MapGet("/{id:guid}/steps", async (Guid id, CaseQueries s, CancellationToken ct) => TypedResults.Ok((await s.StepsAsync(id, ct))
            .Select(x => new StepResponse(x.Seq, x.Kind, DateTime.SpecifyKind(x.RecordedAtUtc, DateTimeKind.Utc), x.OnDate, x.Actor, x.Summary, x.EvidenceJson, x.PrevHash, x.Hash)).ToList()));
        cases.MapGet("/{id:guid}/record", RecordAsync);
        cases.MapGet("/{id:guid}/decision.docx", DecisionDocumentAsync);
        cases.MapPost("/record/verify", async (CaseRecordExport record, CaseQueries s, CancellationToken ct) => TypedResults.Ok(await s.VerifyAsync(record, ct)));

        api.MapGet("/case-rules", async (Guid? orgUnitId, CaseRulesService s, CancellationToken ct) => TypedResults.Ok(ToInput(await s.RulesAsync(orgUnitId ?? Guid.Empty, ct))))
            .RequirePermission(EnforcementPermissions.DiscretionUse);
        api.MapPut("/case-rules", (CaseRulesInput i, CaseRulesService s, CancellationToken ct) => RunAsync(() => s.SaveRulesAsync(i, ct), ToInput))
            .RequirePermission(EnforcementPermissions.BenchmarksManage);
        api.MapGet("/legal-reviews", ReviewQueueAsync).RequirePermission(EnforcementPermissions.LegalReview);
        api.MapPost("/legal-reviews/{id:guid}/opinion", (Guid id, OpinionInput i, CaseDecisions s, CancellationToken ct) => RunAsync(() => s.ReviewAsync(id, i, ct), r => ToResponse(r, null)))
            .RequirePermission(EnforcementPermissions.LegalReview);
        api.MapGet("/supervision/alerts/export", async ([AsParameters] AlertListQuery list, SupervisionService s, CancellationToken ct) =>
            ListOutput.Xlsx(await AlertTableAsync(list, s, ct))).RequirePermission(EnforcementPermissions.Supervise);
        api.MapGet("/supervision/alerts/print", async ([AsParameters] AlertListQuery list, SupervisionService s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await AlertTableAsync(list, s, ct), clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)))).RequirePermission(EnforcementPermissions.Supervise);
        api.MapGet("/supervision", async (Guid? orgUnitId, SupervisionService s, CancellationToken ct) => TypedResults.Ok(await s.ReportAsync(orgUnitId, ct)))
            .RequirePermission(EnforcementPermissions.Supervise);
        api.MapGet("/public/penalties", async (string? q, Guid? body, DateOnly? from, DateOnly? to, int? page, PublicSearch s, CancellationToken ct) =>
            TypedResults.Ok(await s.SearchAsync(new PublicSearchQuery(q, body, from, to, page ?? 1), ct))).AllowAnonymous();
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> DecisionDocumentAsync(Guid id, DecisionDocument d, CancellationToken ct) =>
        await d.CreateAsync(id, ct) switch
        {
            null => NotFound(),
            ({ } f, _) => TypedResults.File(f.Content, Fazhi.Platform.Features.Documents.DocxTemplate.ContentType, f.FileName),
            (_, var refusal) => TypedResults.Problem(title: "不能生成", detail: refusal, statusCode: StatusCodes.Status409Conflict),
        };

    /// <summary>
    /// One page of cases (50 unless pageSize says), newest opened first, with the total: q over number, party and matter,
    /// from/to on the opening day, sort by openedOn, number, partyName or decisionDueOn (a page past the end is empty).
    /// </summary>
    private static async Task<Ok<Paged<CaseResponse>>> ListAsync([AsParameters] DatedListQuery list, CaseStage? stage, CaseQueries s, CancellationToken ct) =>
        TypedResults.Ok((await s.PageAsync(list, stage, ct)).Select(ToResponse));

    /// <summary>The filtered supervision alerts as a table; the list query is checked first (refused naming the parameter).</summary>
    private static async Task<ListTable> AlertTableAsync(AlertListQuery list, SupervisionService s, CancellationToken ct)
    {
        var request = SupervisionAlertList.Shape.Check(list);
        var report = await s.ReportAsync(list.Unit, ct);
        return SupervisionAlertList.Table(report, list.Kind, request, list.Unit is { } u ? report.PerBody.FirstOrDefault(b => b.OrgUnitId == u)?.Body : null);
    }

    private static NotFound<ProblemDetails> NotFound() => TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "案件不存在或不在您的数据范围内。", Status = 404 });

    /// <summary>Runs a command; a refusal goes to the platform's exception handler (400/404/409 ProblemDetails).</summary>
    private static async Task<Results<Ok<TOut>, Created<TOut>>> RunAsync<T, TOut>(Func<Task<T>> work, Func<T, TOut> map, bool created = false)
    {
        var value = map(await work());
        return created ? TypedResults.Created((string?)null, value) : TypedResults.Ok(value);
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound<ProblemDetails>>> GetAsync(Guid id, CaseQueries s, IDeadlineService deadlines, CancellationToken ct)
    {
        if (await s.GetAsync(id, ct) is not { } c)
        {
            return NotFound();
        }
        var calendar = await deadlines.GetCalendarAsync(ct);
        return TypedResults.Ok(ToResponse(c) with
        {
            DecisionCalendarWarning = CalendarWarning.For(calendar, CaseDisplay.RunningDecisionDue(c)),
            PublicationCalendarWarning = CalendarWarning.For(calendar, CaseDisplay.RunningPublicationDue(c)),
        });
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> RecordAsync(Guid id, CaseQueries s, CancellationToken ct)
    {
        var record = await s.ExportAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return TypedResults.File(bytes, "application/json", $"{record.CaseNumber}-全过程记录.json");
    }

    /// <summary>One evidence file (multipart, field <c>file</c>): a bearer client, or a cookie form with its antiforgery token.</summary>
    private static async Task<Ok<CaseResponse>> EvidenceAsync(Guid id, HttpContext http, CaseInvestigation s, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传证据文件（字段名 file）。");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw Refuse.Field("file", "请选择证据文件。");
        }
        await using var stream = file.OpenReadStream();
        var (c, refusal) = await s.AddEvidenceFileAsync(id, stream, file.FileName, form["summary"].ToString(), ct);
        return c is null ? throw Refuse.Field("file", refusal ?? "文件被拒绝。") : TypedResults.Ok(ToResponse(c));
    }

    private static async Task<Ok<List<ReviewResponse>>> ReviewQueueAsync(CaseQueries s, CancellationToken ct)
    {
        var queue = await s.ReviewQueueAsync(ct);
        var numbers = new Dictionary<Guid, string>();
        foreach (var r in queue)
        {
            numbers[r.CaseId] = (await s.GetAsync(r.CaseId, ct))?.Number ?? "";
        }
        return TypedResults.Ok(queue.Select(r => ToResponse(r, numbers.GetValueOrDefault(r.CaseId))).ToList());
    }

    private static CaseRulesInput ToInput(CaseRulesProfile r) => new(r.OrgUnitId, r.Version, r.LargeFinePerson, r.LargeFineOrganisation, r.HearingRequestWorkingDays,
        r.HearingNoticeWorkingDays, r.DecisionCalendarDays, r.ServiceWorkingDays, r.PaymentCalendarDays, r.SurchargePercentPerDay,
        r.OnTheSpotPersonMax, r.OnTheSpotOrganisationMax, r.PublicationWorkingDays, r.WarnDaysBeforeDecisionDeadline, r.MinimumOfficers);

    internal static ReviewResponse ToResponse(LegalReview r, string? number) => new(r.Id, r.CaseId, number, r.Opinion, CaseDisplay.OpinionName(r.Opinion), r.Reason, r.RequestedBy, r.Reviewer,
        DateTime.SpecifyKind(r.RequestedAtUtc, DateTimeKind.Utc), r.DecidedAtUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, r.Version);

    internal static CaseResponse ToResponse(PenaltyCase c) => new(
        c.Id, c.Number, c.BodyId, c.MatterId, c.MatterName, c.OnTheSpot, c.Stage, CaseDisplay.StageName(c.Stage),
        c.PartyKind, c.PartyName, c.PartyIdNumber?.Masked, c.PartyCreditCode, c.Summary,
        c.OpenedOn, c.DecisionDueOn, c.ExtensionDays, c.OrderToCorrectOn,
        c.BenchmarkNumber, c.EngineTier, c.EngineRangeText, c.ProposedTier, c.FineAmount, c.PenaltyText,
        c.WrittenReason, c.SupervisionFlag, c.SupervisionNotes, c.IsMajor, c.IsSerious,
        c.HearingOffered, c.NotifiedOn, c.HearingRequestDueOn, c.HearingRequestedOn, c.HearingHeldOn, c.CollectiveDecisionOn,
        c.DecisionNumber, c.DecidedOn, c.ServiceDueOn, c.ServedOn, c.PaymentDueOn, c.PaidOn, c.Surcharge,
        c.ExecutedOn, c.ClosedOn, c.RevokedOn, c.PublicationDueOn, c.PublishedOn, c.HeadHash, c.StepCount, c.Version,
        PartyAddressMasked: c.PartyAddress?.Masked);
}
