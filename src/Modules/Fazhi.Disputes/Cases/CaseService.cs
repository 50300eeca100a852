using System.Security.Cryptography;
using System.Text;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Cases;

/// <summary>Intake, worklist, detail, acceptance and rejection: the rules the pages and the API share.</summary>
internal sealed partial class CaseService(DisputesDb db, IOrgDirectory orgs, ICurrentUser current, IDeadlineService deadlines, IServiceProvider services,
    INumberSequence numbers, ICreditCodeCheck creditCodes)
{
    /// <summary>The dispute centre, where online applications are received (前台统一受理).</summary>
    public const string CentreCode = "370400-FJZX";

    private const string QueryAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>
    /// The case numbers' sequence (one counter per year). Its default pattern is <c>Disputes:CaseNumberPattern</c> when set
    /// (where <c>{seq}</c> keeps its old meaning, four digits), else <c>枣非诉〔{year}〕{seq:0000}号</c>; an administrator may change
    /// it at /admin/numbering.
    /// </summary>
    public static NumberSequenceDefinition CaseNumbers(IConfiguration configuration) => new("disputes.case", "非诉讼纠纷案件编号",
        configuration["Disputes:CaseNumberPattern"] is { Length: > 0 } p ? p.Replace("{seq}", "{seq:0000}", StringComparison.Ordinal) : "枣非诉〔{year}〕{seq:0000}号");

    /// <summary>The public form's first choice, "不清楚，由中心分流".</summary>
    public const string UnsureCaseType = "unsure";

    /// <summary>The intake note on a case whose applicant did not know which procedure applies.</summary>
    public const string UnsureFlag = "申请人不清楚申请事项，暂按人民调解登记，请核实后分流（可改为其他案件类型）。";

    /// <summary>A mainland mobile number: 11 digits, 1 then 3-9 (the public form needs one to reach the applicant by SMS).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial System.Text.RegularExpressions.Regex MobileNumber();

    public Task<IntakeResult> IntakeAsync(IntakeRequest request, bool publicIntake, CancellationToken ct) => IntakeAsync(request, publicIntake, [], ct);

    /// <summary>Intake with the applicant's files (ADR 0056): the case and its files are saved together or not at all.</summary>
    public async Task<IntakeResult> IntakeAsync(IntakeRequest request, bool publicIntake, IReadOnlyList<Intake.ApplicantFile> files, CancellationToken ct)
    {
        var checks = new FieldChecks();
        void Error(string field, string message) => checks.Add(field, message);

        var channel = IntakeChannel.Online;
        if (!publicIntake && !Enum.TryParse(request.Channel, ignoreCase: true, out channel))
        {
            Error("channel", "请选择受理渠道（网上申请、热线、窗口来访或转办）。");
        }
        if (publicIntake)
        {
            channel = IntakeChannel.Online;
        }
        if (channel == IntakeChannel.Referral && string.IsNullOrWhiteSpace(request.ExternalSystem))
        {
            Error("externalSystem", "转办案件须填写转办来源系统（如法院、12345热线、信访）。");
        }
        if (channel == IntakeChannel.Referral && string.IsNullOrWhiteSpace(request.ExternalId))
        {
            Error("externalId", "转办案件须填写来源系统的编号，以便回传结果。");
        }
        // One external id per referring system across every channel (the referral API and this one), compared trimmed and
        // case-insensitively: a repeat answers with the case registered the first time.
        var externalSystem = channel == IntakeChannel.Referral ? Referrals.ReferralService.SystemName(request.ExternalSystem) : null;
        var externalId = Referrals.ReferralService.NormaliseId(request.ExternalId);
        if (externalSystem is not null && externalId is not null
            && await Referrals.ReferralService.ExistingAsync(db, externalSystem, externalId, ct) is { } earlier)
        {
            return new IntakeResult(earlier.Id, earlier.CaseNumber, null, AlreadyReceived: true);
        }
        if (publicIntake && request.Consented != true)
        {
            // 个人信息保护法 第十三条第一项、第十四条、第十七条: the applicant is told what the information is for and agrees
            // before anything is collected; without consent nothing is saved.
            Error("consent", "请阅读个人信息处理说明并勾选同意，否则无法提交申请。");
        }
        var today = deadlines.Today;
        DateRules.Check(checks, "knewOn", "知道被申请行为之日", request.KnewOn, today); // a fact: not in the future
        // "不清楚，由中心分流": a citizen need not know the law to apply. The case is registered as people's mediation (the
        // general procedure, no application window) and flagged, and the receiving unit re-routes it with the right type (ADR 0029).
        var unsure = publicIntake && request.CaseType == UnsureCaseType;
        var caseType = unsure ? CaseTypes.PeoplesMediation : request.CaseType;
        var inForce = string.IsNullOrWhiteSpace(caseType) ? null
            : await services.GetRequiredService<Profiles.ProfileCache>().InForceAsync(db, caseType, today, ct);
        var profile = inForce?.Profile;
        if (profile is null)
        {
            Error("caseType", "请选择纠纷类型（案件类型）。");
        }
        var clock = services.GetRequiredService<Handling.HandlingClock>();
        var calculator = await clock.CalculatorAsync(ct);
        var window = inForce is not { } pinned ? null : Handling.ApplicationWindow.Evaluate(pinned.Rules, request.KnewOn, request.ToldOfRight,
            request.LateReason, today, calculator);
        if (window?.Error is { } late)
        {
            Error("knewOn", late);
        }
        if (string.IsNullOrWhiteSpace(request.Category) || !Labels.Categories.Contains(request.Category))
        {
            Error("category", "请选择纠纷类别。");
        }
        if (request.Amount is < 0 or > 1_000_000_000_000m)
        {
            Error("amount", "涉及金额须在 0 至 1 万亿元之间。");
        }
        var description = TextRules.Clean(request.Description) ?? "";
        if (TextRules.HasControl(description))
        {
            Error("description", "纠纷描述含有不允许的控制字符。");
        }
        else if (TextRules.Length(description) < 10)
        {
            Error("description", "请简要说明纠纷经过和您的请求（至少 10 个字）。");
        }
        else if (TextRules.Length(description) > 4000)
        {
            Error("description", "纠纷描述不能超过 4000 字。");
        }
        Guid? placeId = null;
        if (!string.IsNullOrWhiteSpace(request.PlaceCode))
        {
            placeId = (await orgs.FindByCodeAsync(request.PlaceCode, ct))?.Id;
            if (placeId is null)
            {
                Error("place", "纠纷发生地不存在，请从列表中选择。");
            }
        }
        else if (publicIntake)
        {
            Error("place", "请选择纠纷发生地（区县）。");
        }

        // Credit codes are checked through the kit: a code failing its check character passes only with a confirmed override (issue 12).
        var codeChecks = new Dictionary<string, IdentifierCheck>(StringComparer.Ordinal);
        foreach (var input in new[] { request.Applicant, request.Respondent, request.Agent })
        {
            if (input is { Kind: PartyKind.Organisation, CreditCode: { } code } && !string.IsNullOrWhiteSpace(code) && !codeChecks.ContainsKey(code))
            {
                codeChecks[code] = await creditCodes.CheckAsync(code, ct);
            }
        }
        IdentifierCheck CheckCode(string code) => codeChecks.TryGetValue(code, out var c) ? c : UnifiedSocialCreditCode.Validate(code);
        var applicant = Party(request.Applicant, PartyRole.Applicant, "applicant", required: true, requirePhone: publicIntake, Error, CheckCode);
        var respondent = Party(request.Respondent, PartyRole.Respondent, "respondent", required: false, requirePhone: false, Error, CheckCode);
        var agent = Party(request.Agent, PartyRole.Agent, "agent", required: false, requirePhone: false, Error, CheckCode);

        Guid handlingUnit;
        if (publicIntake)
        {
            handlingUnit = (await orgs.FindByCodeAsync(CentreCode, ct))?.Id ?? throw new InvalidOperationException($"The dispute centre {CentreCode} is missing from the org tree.");
        }
        else if (!string.IsNullOrWhiteSpace(request.HandlingUnitCode))
        {
            var unit = (await orgs.FindByCodeAsync(request.HandlingUnitCode, ct))?.Id;
            if (unit is null || !current.Scope.Allows(unit.Value))
            {
                Error("handlingUnit", "办理单位不存在或不在您的数据范围内。");
            }
            handlingUnit = unit ?? Guid.Empty;
        }
        else
        {
            handlingUnit = current.OrgUnitId ?? Guid.Empty;
        }

        var store = services.GetRequiredService<Fazhi.Platform.Features.Attachments.IAttachmentStore>();
        if (files.Count > 0)
        {
            await Intake.ApplicantFiles.CheckAsync(files, store, checks, ct);
        }

        if (checks.Any)
        {
            var errors = checks.Errors;
            throw Refuse.Fields(errors, "申请未受理：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        var queryCode = publicIntake || channel != IntakeChannel.Referral ? NewQueryCode() : null;
        var firstStage = profile!.Stages.OrderBy(s => s.Order).First();

        // Public intake has no account and so no data scope: the write is explicit system work, into the centre only.
        await using var systemDb = publicIntake ? services.GetRequiredService<ISystemWork>().Db<DisputesDb>("公开申请") : null;
        var target = systemDb ?? db;
        var dispute = new DisputeCase
        {
            OrgUnitId = handlingUnit,
            CaseNumber = "", // numbered in the write transaction below, without gaps
            Year = today.Year,
            CaseTypeCode = profile.Code,
            ProfileId = profile.Id,
            ProfileVersion = profile.ProfileVersion,
            Channel = channel,
            ExternalSystem = externalSystem,
            ExternalId = externalId,
            ReferredByUserId = channel == IntakeChannel.Referral ? current.UserId : null,
            Category = request.Category!,
            Amount = request.Amount,
            PlaceOrgUnitId = placeId,
            Description = description,
            ReceivedOn = today,
            QueryCodeHash = queryCode is null ? null : Hash(queryCode),
            KnewOn = request.KnewOn,
            ToldOfRight = request.ToldOfRight,
            IntakeFlag = unsure ? UnsureFlag : window?.Flag,
        };
        foreach (var party in new[] { applicant, respondent, agent }.OfType<CaseParty>())
        {
            party.CaseId = dispute.Id;
            party.OrgUnitId = handlingUnit;
            dispute.Parties.Add(party);
        }
        dispute.Stages.Add(StageFrom(firstStage, dispute, today));
        target.Cases.Add(dispute);
        clock.Refresh(dispute, calculator, today);
        // Front desk (Duplicates/, Routing/): flag possible duplicates and record the routing recommendation. These are reads,
        // done before the write transaction so that the database's single writer is held only for the number and the insert
        // (ADR 0018); all of it is saved at once (one batch of inserts and audit entries) in the transaction that takes the number.
        await services.GetRequiredService<FrontDesk.FrontDeskIntake>().OnIntakeAsync(target, dispute, ct);
        // The applicant's files are stored first, under the case's id, outside the case's write transaction (they live in the
        // platform's store, and the single writer is held only for the number and the insert, ADR 0018). If the case is not
        // written after all, they are removed again: no case without its files, no files without their case (ADR 0056).
        if (files.Count > 0)
        {
            await Intake.ApplicantFiles.SaveAsync(files, store, dispute.Id, dispute.OrgUnitId, ct);
        }
        try
        {
            await using var tx = await target.Database.BeginTransactionAsync(ct);
            var number = await numbers.NextAsync(target, "disputes.case", new NumberScope(today.Year), ct);
            dispute.Sequence = checked((int)number.Seq);
            dispute.CaseNumber = number.Number;
            await target.SaveChangesAsync(ct);
            foreach (var overridden in codeChecks.Values.Where(c => c.AcceptedByOverride).DistinctBy(c => c.Normalized))
            {
                // On the case's own audit trail: the party's code passed through a reviewed override, with its reason and confirmer.
                await target.WriteAuditEventAsync("CreditCodeOverrideUsed", nameof(DisputeCase), dispute.Id.ToString(),
                    new { creditCode = overridden.Normalized, note = overridden.Message }, ct);
            }
            await tx.CommitAsync(ct);
        }
        catch when (files.Count > 0)
        {
            await Intake.ApplicantFiles.RemoveAsync(store, dispute.Id);
            throw;
        }
        // Hand-over (issue 13): the unit the application landed at is told at once, not at its next look at the worklist.
        await services.GetRequiredService<Handling.HandOvers>().NewApplicationAsync(dispute, ct);
        return new IntakeResult(dispute.Id, dispute.CaseNumber, queryCode);
    }

    public async Task<Paged<CaseListItem>> ListAsync(string? caseType, string? status, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(caseType))
        {
            query = query.Where(c => c.CaseTypeCode == caseType);
        }
        if (Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(c => c.Status == s);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.CaseTypeCode, c.Status, c.Channel, c.Category, c.ReceivedOn,
                Stage = c.Stages.Where(x => x.EndedOn == null).OrderByDescending(x => x.StartedOn).Select(x => x.StageName).FirstOrDefault(),
                c.DueOn,
            })
            .ToListAsync(ct);
        var today = deadlines.Today;
        var items = rows.Select(r => new CaseListItem(r.Id, r.CaseNumber, r.CaseTypeCode, Labels.CaseTypeName(r.CaseTypeCode), r.Status.ToString(), Labels.Status(r.Status),
                r.Channel.ToString(), r.Category, r.Stage, r.DueOn, r.DueOn < today, r.ReceivedOn)).ToList();
        return new Paged<CaseListItem>(items, total, page, pageSize);
    }

    public async Task<CaseDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Parties).Include(x => x.Stages).ThenInclude(s => s.Pauses)
            .Include(x => x.Stages).ThenInclude(s => s.Extensions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var units = new[] { c.OrgUnitId, c.PlaceOrgUnitId ?? Guid.Empty };
        var names = await orgs.NamesAsync(units, ct);
        var calendar = await deadlines.GetCalendarAsync(ct);
        var calculator = new DeadlineCalculator(calendar);
        var today = deadlines.Today;
        var stages = c.Stages.OrderBy(s => s.StartedOn).ThenBy(s => s.Id).Select(s => ToView(s, calculator, today)).ToList();
        // The current stage: the open one due first (as the case's stored due date).
        var currentDue = stages.Where(s => s.EndedOn is null && s.DueDate is not null).Min(s => s.DueDate);
        var parties = c.Parties.OrderBy(p => p.Role).Select(p => new PartyView(Labels.Role(p.Role), p.Kind == PartyKind.Person ? "自然人" : "单位",
            p.Name, p.IdNumber?.Masked, p.CreditCode, p.Phone?.Masked)).ToList();
        return new CaseDetail(c.Id, c.CaseNumber, c.CaseTypeCode, Labels.CaseTypeName(c.CaseTypeCode), c.ProfileVersion, c.Status.ToString(), Labels.Status(c.Status),
            c.Channel.ToString(), Labels.Channel(c.Channel), c.ExternalSystem, c.ExternalId, c.Category, c.Amount,
            c.PlaceOrgUnitId is { } p ? names.GetValueOrDefault(p) : null, names.GetValueOrDefault(c.OrgUnitId) ?? "", c.Description, c.ReceivedOn,
            c.RejectReason, c.Version, parties, stages, CalendarWarning.For(calendar, currentDue));
    }

    /// <summary>受理: ends the acceptance review and starts the next main stage of the pinned profile on the same day.</summary>
    public async Task<bool> AcceptAsync(Guid id, long? version, CancellationToken ct)
    {
        var c = await LoadPendingAsync(id, version, ct);
        if (c is null)
        {
            return false;
        }
        var today = deadlines.Today;
        var open = c.Stages.Where(s => s.EndedOn == null).OrderBy(s => s.StartedOn).ThenBy(s => s.Id).First();
        Handling.HandlingClock.EndOpenStages(c, "受理", today);
        var stages = await db.ProfileStages.AsNoTracking().Where(s => s.ProfileId == c.ProfileId).OrderBy(s => s.Order).ToListAsync(ct);
        var current = stages.FirstOrDefault(s => s.Code == open.StageCode);
        var next = stages.FirstOrDefault(s => !s.Optional && s.Order > (current?.Order ?? 0));
        open.EndedOn = today;
        open.Outcome = "受理";
        c.Accept();
        db.Set<Handling.CaseEvent>().Add(HistoryEntry(c, Handling.CaseEventKind.Accepted, $"受理：{Labels.CaseTypeName(c.CaseTypeCode)}", today));
        if (next is not null)
        {
            // Added explicitly: a new child with a preset key would otherwise be taken for an existing row.
            db.Stages.Add(StageFrom(next, c, today));
        }
        await services.GetRequiredService<Handling.HandlingClock>().AfterChangeAsync(c, accepted: true, ct);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<Handling.HandOvers>().ToPartiesAsync(c.Id, "accepted",
            $"您的{Labels.CaseTypeName(c.CaseTypeCode)}申请（案号 {c.CaseNumber}）已于 {Labels.Date(today)} 受理，可凭案号和查询码在网上查询办理进度。", ct);
        return true;
    }

    /// <summary>An entry of the case's handling record written by an acceptance decision, by the signed-in user.</summary>
    private Handling.CaseEvent HistoryEntry(DisputeCase c, Handling.CaseEventKind kind, string text, DateOnly on) => new()
    {
        CaseId = c.Id,
        OrgUnitId = c.OrgUnitId,
        Kind = kind,
        OnDate = on,
        ActorUserId = current.UserId,
        ActorName = current.UserName ?? "system",
        Text = text,
    };

    /// <summary>不予受理: the reason is required (it goes into the written decision the applicant receives).</summary>
    public async Task<bool> RejectAsync(Guid id, string? reason, long? version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
        {
            throw Refuse.Field("reason", "不予受理须写明理由（至少 4 个字），理由将载入不予受理决定书。");
        }
        var c = await LoadPendingAsync(id, version, ct);
        if (c is null)
        {
            return false;
        }
        Handling.HandlingClock.EndOpenStages(c, "不予受理：" + reason.Trim(), deadlines.Today);
        var calculator = new DeadlineCalculator(await deadlines.GetCalendarAsync(ct));
        foreach (var s in c.Stages)
        {
            Handling.HandlingClock.StampEnded(s, calculator);
        }
        c.Reject(reason.Trim());
        c.DueOn = null;
        db.Set<Handling.CaseEvent>().Add(HistoryEntry(c, Handling.CaseEventKind.Rejected, "不予受理：" + reason.Trim(), deadlines.Today));
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<Handling.HandOvers>().ToPartiesAsync(c.Id, "rejected",
            $"您的{Labels.CaseTypeName(c.CaseTypeCode)}申请（案号 {c.CaseNumber}）经审查不予受理，理由：{reason.Trim()}。不予受理决定书将依法送达。", ct);
        return true;
    }

    /// <summary>Public tracking: the case number and its query code must both match; the answer holds no personal data.</summary>
    public async Task<TrackingView?> TrackAsync(string? caseNumber, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(caseNumber) || string.IsNullOrWhiteSpace(queryCode))
        {
            return null;
        }
        // The public has no data scope: the lookup is explicit system work, answered only when the query code matches.
        await using var systemDb = services.GetRequiredService<ISystemWork>().Db<DisputesDb>("案件查询");
        var number = caseNumber.Trim();
        var c = await systemDb.Cases.AsNoTracking().Include(x => x.Stages).FirstOrDefaultAsync(x => x.CaseNumber == number, ct);
        if (c is null && TypedNumber.TryReadYearAndSerial(number, out var year, out var serial))
        {
            // Typed on a phone without 〔〕 (枣非诉(2026)13号, 2026-0013): the year and serial in the pattern in force, and in the
            // default pattern for numbers given before an administrator changed it; each a lookup by the unique number.
            var (pattern, _) = await numbers.PatternAsync(systemDb, "disputes.case", null, ct);
            var candidates = new[] { pattern, numbers.Definitions.First(d => d.Key == "disputes.case").DefaultPattern }
                .Select(p => NumberPattern.Format(p, new NumberValues(year, serial))).Distinct().ToList();
            c = await systemDb.Cases.AsNoTracking().Include(x => x.Stages).FirstOrDefaultAsync(x => candidates.Contains(x.CaseNumber), ct);
        }
        if (c?.QueryCodeHash is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(c.QueryCodeHash), Encoding.ASCII.GetBytes(Hash(queryCode.Trim().ToUpperInvariant()))))
        {
            return null;
        }
        var open = c.Stages.Where(s => s.EndedOn == null).OrderByDescending(s => s.StartedOn).FirstOrDefault();
        var due = c.DueOn;
        // The applicant's own files (names only): the query code has shown this is their application.
        var files = await services.GetRequiredService<Fazhi.Platform.Features.Attachments.IAttachmentStore>().ListOfOwnerAsync(Intake.ApplicantFiles.Owner, c.Id.ToString(), ct);
        return new TrackingView(c.CaseNumber, Labels.CaseTypeName(c.CaseTypeCode), Labels.Status(c.Status), open?.StageName, due, c.ReceivedOn,
            files.Select(f => f.FileName).ToList());
    }

    /// <summary>Places a dispute can arise in: the city and its county-level divisions (code, name).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> PlacesAsync(CancellationToken ct)
    {
        var units = await orgs.ActiveUnitsAsync(ct);
        return units.Where(o => o.Kind == Fazhi.Platform.Features.OrgUnits.OrgKind.Government
                && o.Level is Fazhi.Platform.Features.OrgUnits.OrgLevel.City or Fazhi.Platform.Features.OrgUnits.OrgLevel.County)
            .Select(u => (u.Code, u.Name)).ToList();
    }

    public async Task<IReadOnlyList<CaseTypeView>> CaseTypesAsync(CancellationToken ct)
    {
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Stages).OrderBy(p => p.SortOrder).ThenBy(p => p.ProfileVersion).ToListAsync(ct);
        return profiles.Select(p => new CaseTypeView(p.Code, p.Name, p.ProfileVersion, p.EffectiveFrom, p.SourceNote,
            p.Stages.OrderBy(s => s.Order).Select(s => new StageView(s.Code, s.Name, p.EffectiveFrom, s.Days, Labels.DayKindName(s.DayKind), s.Article, null, false, null, null)).ToList())).ToList();
    }

    private async Task<DisputeCase?> LoadPendingAsync(Guid id, long? version, CancellationToken ct)
    {
        // One case, one chain of collections (its stages, their pauses): one query returns a row per pause with no cartesian
        // product, so the single query is chosen here rather than left to EF's default (its warning 20504, ADR 0068).
        var c = await db.Cases.Include(x => x.Stages).ThenInclude(s => s.Pauses).AsSingleQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        if (version is { } v && v != c.Version)
        {
            throw new DbUpdateConcurrencyException("该案件已被他人修改，请刷新后再操作。");
        }
        if (CaseActions.AcceptanceWhyNot(c) is { } why)
        {
            throw Refuse.Conflict(why);
        }
        return c;
    }

    private static StageView ToView(CaseStage s, DeadlineCalculator calculator, DateOnly today)
    {
        var result = s.EndedOn is null ? calculator.Compute(s.ToSpec(), today) : null;
        var due = result?.DueDate ?? (s.EndedOn is null ? null : calculator.Compute(s.ToSpec(), s.StartedOn).DueDate);
        return new StageView(s.StageCode, s.StageName, s.StartedOn, s.Days, Labels.DayKindName(s.DayKind), s.Article, due, result?.IsOverdue ?? false, s.EndedOn, s.Outcome);
    }

    private static CaseStage StageFrom(ProfileStage stage, DisputeCase c, DateOnly start) => new()
    {
        CaseId = c.Id,
        OrgUnitId = c.OrgUnitId,
        StageCode = stage.Code,
        StageName = stage.Name,
        StartedOn = start,
        Days = stage.Days,
        DayKind = stage.DayKind,
        Article = stage.Article,
    };

    private static CaseParty? Party(PartyInput? input, PartyRole role, string prefix, bool required, bool requirePhone, Action<string, string> error,
        Func<string, IdentifierCheck> checkCreditCode)
    {
        var label = Labels.Role(role);
        // TextRules: trimmed of invisible characters too, a visible character required (a name of zero-width spaces or a BOM
        // is no name), no control characters, the length counted as a person counts characters.
        var name = TextRules.Clean(input?.Name);
        if (input is null || !TextRules.HasVisible(name))
        {
            if (required)
            {
                error(prefix + ".name", $"请填写{label}姓名或单位名称。");
            }
            return null;
        }
        name ??= "";
        if (TextRules.HasControl(name))
        {
            error(prefix + ".name", $"{label}名称含有不允许的控制字符。");
        }
        else if (TextRules.Length(name) > 128)
        {
            error(prefix + ".name", $"{label}名称不能超过 128 字。");
        }
        if (input.Kind is { } given && !Enum.IsDefined(given))
        {
            error(prefix + ".kind", $"{label}类型须为 Person（自然人）或 Organisation（单位）。");
        }
        var kind = input.Kind ?? PartyKind.Person;
        var party = new CaseParty { Name = name, Role = role, Kind = kind };
        if (kind == PartyKind.Person && !string.IsNullOrWhiteSpace(input.IdNumber))
        {
            var check = ResidentIdNumber.Validate(input.IdNumber);
            if (!check.IsValid)
            {
                error(prefix + ".idNumber", $"{label}身份证号码无效：{check.Message}");
            }
            else
            {
                party.IdNumber = SensitiveText.IdNumber(check.Normalized);
            }
        }
        else if (kind == PartyKind.Person && required)
        {
            error(prefix + ".idNumber", $"请填写{label}的居民身份证号码。");
        }
        if (kind == PartyKind.Organisation)
        {
            if (string.IsNullOrWhiteSpace(input.CreditCode))
            {
                if (required)
                {
                    error(prefix + ".creditCode", $"请填写{label}的统一社会信用代码。");
                }
            }
            else
            {
                var check = checkCreditCode(input.CreditCode);
                if (!check.IsValid)
                {
                    error(prefix + ".creditCode", $"{label}统一社会信用代码无效：{check.Message}");
                }
                else
                {
                    party.CreditCode = check.Normalized;
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var digits = new string(input.Phone.Where(char.IsDigit).ToArray());
            if (requirePhone && !MobileNumber().IsMatch(digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13 ? digits[2..] : digits))
            {
                // The public form: the applicant is reached by SMS (query code recovery, rating link), so a mobile number.
                error(prefix + ".phone", "请填写 11 位手机号码（1 开头，第二位为 3 至 9），如 13812345678。");
            }
            else if (digits.Length is < 7 or > 12)
            {
                error(prefix + ".phone", $"{label}联系电话格式不正确（手机号 11 位，或带区号的固定电话）。");
            }
            else
            {
                party.Phone = SensitiveText.Phone(digits);
            }
        }
        else if (requirePhone)
        {
            error(prefix + ".phone", "请填写联系电话，以便工作人员联系您。");
        }
        return party;
    }

    /// <summary>
    /// The next case number of the year: one counter row per year, incremented by an UPDATE inside the intake transaction, so
    /// concurrent intakes queue on the row lock (PostgreSQL) or the write lock (SQLite) and numbers have neither gaps nor repeats.
    /// </summary>
    internal static string NewQueryCode() => RandomNumberGenerator.GetString(QueryAlphabet, 8);

    internal static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

}
