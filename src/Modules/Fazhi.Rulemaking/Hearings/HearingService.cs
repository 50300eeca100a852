using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Hearings;

internal sealed record HearingInput(HearingKind? Kind, HearingSubject? Subject, Guid? SubjectId, string? Title, string? Content, DateOnly? HeldOn, string? Place,
    string? Participants);

internal sealed record HearingRecordInput(string? Record, long? Version);

internal sealed record HearingSubjectOption(HearingSubject Subject, Guid Id, string Title, string UnitName);

internal sealed record MinutesView(Guid Id, string FileName, long Size, string Url);

internal sealed record HearingDetail(Hearing Hearing, IReadOnlyList<MinutesView> Minutes);

/// <summary>
/// Hearings and expert meetings (ADR 0047) on legislation projects and major decisions: announced with the date, place,
/// content and participants — a hearing no later than the settings row's days before it is held (规章制定程序条例 第十六条,
/// default 30) — then held with the record and the minutes attached. A unit acts for the subjects in its data scope, with
/// the subject's own permission (a legislation project's <see cref="RulemakingPermissions.LegislationWork"/>, a decision's
/// <see cref="RulemakingPermissions.DecisionsWork"/>).
/// </summary>
internal sealed class HearingService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IAttachmentStore attachments, ISystemWork systemWork)
{
    public const string MinutesOwner = "rulemaking.hearing";

    public DateOnly Today => clock.Today;

    public static string KindName(HearingKind k) => k == HearingKind.Hearing ? "听证会" : "专家论证会";

    public static string SubjectName(HearingSubject s) => s switch
    {
        HearingSubject.LegislationProject => "立法项目",
        HearingSubject.MajorDecision => "重大行政决策",
        _ => "规范性文件草案",
    };

    public static string StateName(HearingState s) => s == HearingState.Announced ? "已公告，待举行" : "已举行";

    /// <summary>The article the notice period comes from, for the subject.</summary>
    public static string NoticeArticle(HearingSubject s) => s switch
    {
        HearingSubject.LegislationProject => "规章制定程序条例 第十六条",
        HearingSubject.MajorDecision => "重大行政决策程序暂行条例 第十八条",
        // No national rule sets a notice period for a normative document's hearing; the same days apply by reference (ADR 0065).
        _ => "参照规章制定程序条例 第十六条",
    };

    private static string SubjectPermission(HearingSubject s) => s switch
    {
        HearingSubject.LegislationProject => RulemakingPermissions.LegislationWork,
        HearingSubject.MajorDecision => RulemakingPermissions.DecisionsWork,
        _ => RulemakingPermissions.Draft,
    };

    public Task<List<Hearing>> ListAsync(CancellationToken ct) =>
        db.Hearings.AsNoTracking().OrderByDescending(h => h.HeldOn).ThenBy(h => h.Title).Take(500).ToListAsync(ct);

    public Task<List<Hearing>> ForSubjectAsync(Guid subjectId, CancellationToken ct) =>
        db.Hearings.AsNoTracking().Where(h => h.SubjectId == subjectId).OrderBy(h => h.HeldOn).ToListAsync(ct);

    /// <summary>The projects and decisions the user may hold a meeting on: in scope, with the subject's permission, still before the decision.</summary>
    public async Task<List<HearingSubjectOption>> SubjectsAsync(CancellationToken ct)
    {
        var list = new List<HearingSubjectOption>();
        if (user.Has(RulemakingPermissions.LegislationWork))
        {
            // The stage is stored as its name, so "before 决定" is compared here, not in SQL.
            list.AddRange((await db.LegislationProjects.AsNoTracking().Where(p => !p.Withdrawn).OrderBy(p => p.Title).Take(500)
                .Select(p => new { p.Id, p.Title, p.UnitName, p.Stage }).ToListAsync(ct)).Where(p => p.Stage < LegislationStage.Decided).Take(200)
                .Select(p => new HearingSubjectOption(HearingSubject.LegislationProject, p.Id, p.Title, p.UnitName)));
        }
        if (user.Has(RulemakingPermissions.DecisionsWork))
        {
            list.AddRange((await db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.InProgress).OrderBy(d => d.Title).Take(200)
                .Select(d => new { d.Id, d.Title, d.UnitName }).ToListAsync(ct)).Select(d => new HearingSubjectOption(HearingSubject.MajorDecision, d.Id, d.Title, d.UnitName)));
        }
        if (user.Has(RulemakingPermissions.Draft))
        {
            list.AddRange((await db.Drafts.AsNoTracking().Where(d => d.Status == Normative.DraftStatus.UnderReview || d.Status == Normative.DraftStatus.Returned)
                .OrderBy(d => d.Title).Take(200).Select(d => new { d.Id, d.Title, d.DraftingUnitName }).ToListAsync(ct))
                .Select(d => new HearingSubjectOption(HearingSubject.NormativeDocument, d.Id, d.Title, d.DraftingUnitName)));
        }
        return list;
    }

    /// <summary>
    /// Announces a hearing or an expert meeting. A hearing held sooner than the settings row's days after today is refused
    /// naming <c>heldOn</c> and the article (规章制定程序条例 第十六条: 举行听证会的 30 日前公布时间、地点和内容).
    /// </summary>
    public async Task<Hearing> AnnounceAsync(HearingInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Kind is not { } k || !Enum.IsDefined(k), "kind", "请选择听证会或专家论证会。");
        checks.When(input.Subject is not { } s || !Enum.IsDefined(s), "subject", "请选择立法项目、重大行政决策或规范性文件草案。");
        var title = TextRules.Required(checks, "title", "会议名称", input.Title, 200);
        var content = TextRules.Required(checks, "content", "听证或论证的内容", input.Content, 4000);
        var place = TextRules.Required(checks, "place", "地点", input.Place, 200);
        var participants = TextRules.Required(checks, "participants", "参加人", input.Participants, 2000);
        checks.When(input.HeldOn is null, "heldOn", "请填写举行日期。");
        checks.When(input.HeldOn < Today, "heldOn", "举行日期不能早于今天（公告在举行之前）。");
        checks.ThrowIfAny("未公告。");
        var (unitId, unitName, subjectTitle) = await SubjectAsync(input.Subject!.Value, input.SubjectId, ct);
        var settings = await db.LegislationSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new LegislationSettings();
        if (input.Kind == HearingKind.Hearing && input.HeldOn!.Value.DayNumber - Today.DayNumber < settings.HearingNoticeDays)
        {
            // 规章制定程序条例 第十六条: 起草单位应当在举行听证会的 30 日前公布听证会的时间、地点和内容 (the days are the settings row's).
            throw Refuse.Field("heldOn",
                $"听证会应当在举行 {settings.HearingNoticeDays} 日前公布时间、地点和内容，最早可定于 {Today.AddDays(settings.HearingNoticeDays):yyyy-MM-dd} 举行（{NoticeArticle(input.Subject.Value)}）。",
                NoticeArticle(input.Subject.Value));
        }
        var hearing = new Hearing
        {
            OrgUnitId = unitId, UnitName = unitName, Kind = input.Kind!.Value, Subject = input.Subject.Value, SubjectId = input.SubjectId!.Value, SubjectTitle = subjectTitle,
            Title = title, Content = content, AnnouncedOn = Today, HeldOn = input.HeldOn!.Value, Place = place, Participants = participants, State = HearingState.Announced,
            AnnouncedBy = user.UserName ?? "",
        };
        db.Hearings.Add(hearing);
        await db.SaveChangesAsync(ct);
        return hearing;
    }

    private async Task<(Guid Unit, string UnitName, string Title)> SubjectAsync(HearingSubject subject, Guid? id, CancellationToken ct)
    {
        if (subject == HearingSubject.LegislationProject)
        {
            if (!user.Has(RulemakingPermissions.LegislationWork))
            {
                throw Refuse.Forbidden("只有立法项目的起草单位或立法工作机构可以为立法项目举行听证会或论证会。");
            }
            var p = await db.LegislationProjects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw Refuse.Field("subjectId", "请选择您数据范围内的立法项目。");
            if (p.Withdrawn || p.Stage >= LegislationStage.Decided)
            {
                throw Refuse.Field("subjectId", "立法项目已作出决定或已撤出计划，不能再举行听证会或论证会。");
            }
            return (p.OrgUnitId, p.UnitName, p.Title);
        }
        if (subject == HearingSubject.NormativeDocument)
        {
            if (!user.Has(RulemakingPermissions.Draft))
            {
                throw Refuse.Forbidden("只有规范性文件的起草单位或合法性审核机构可以为规范性文件草案举行听证会或论证会。");
            }
            var n = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.Field("subjectId", "请选择您数据范围内的规范性文件草案。");
            if (n.Status is not (Normative.DraftStatus.UnderReview or Normative.DraftStatus.Returned))
            {
                throw Refuse.Field("subjectId", "规范性文件草案已审核通过或已公布，不能再举行听证会或论证会。");
            }
            return (n.OrgUnitId, n.DraftingUnitName, n.Title);
        }
        if (!user.Has(RulemakingPermissions.DecisionsWork))
        {
            throw Refuse.Forbidden("只有决策承办单位或政府办公室可以为重大行政决策举行听证会或论证会。");
        }
        var d = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.Field("subjectId", "请选择您数据范围内的重大行政决策事项。");
        if (d.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Field("subjectId", "决策已作出，不能再举行听证会或论证会。");
        }
        return (d.OrgUnitId, d.UnitName, d.Title);
    }

    private void RequireSubjectPermission(Hearing h)
    {
        if (!user.Has(SubjectPermission(h.Subject)))
        {
            throw Refuse.Forbidden($"您没有办理{SubjectName(h.Subject)}的权限。");
        }
    }

    public async Task<HearingDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var h = await db.Hearings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("会议不存在或不在您的数据范围内。");
        var files = await attachments.ListAsync(MinutesOwner, id.ToString(), ct);
        return new HearingDetail(h, files.Select(a => new MinutesView(a.Id, a.FileName, a.Size, AttachmentLinks.ContentUrl(a.Id))).ToList());
    }

    /// <summary>Attaches the minutes (听证笔录 / 论证意见); possible until the record is entered.</summary>
    public async Task AddMinutesAsync(Guid id, Stream content, string fileName, CancellationToken ct)
    {
        var h = await db.Hearings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("会议不存在或不在您的数据范围内。");
        RequireSubjectPermission(h);
        if (h.State == HearingState.Held)
        {
            throw Refuse.Conflict("会议记录已登记，不能再更改附件。");
        }
        var saved = await attachments.SaveAsync(content, fileName, h.OrgUnitId, MinutesOwner, id.ToString(), ct);
        if (!saved.Ok)
        {
            throw Refuse.Field("file", saved.Refusal ?? "文件未保存。");
        }
    }

    /// <summary>Records the meeting as held: not before its date, with the minutes attached and the record's summary.</summary>
    public async Task<Hearing> RecordAsync(Guid id, HearingRecordInput input, CancellationToken ct)
    {
        var h = await db.Hearings.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("会议不存在或不在您的数据范围内。");
        RequireSubjectPermission(h);
        Refuse.UnlessVersion(input.Version, h.Version, "会议");
        if (h.State == HearingState.Held)
        {
            throw Refuse.Conflict("会议记录已登记。");
        }
        if (Today < h.HeldOn)
        {
            throw Refuse.Conflict($"{KindName(h.Kind)}定于 {h.HeldOn:yyyy-MM-dd} 举行，举行后才能登记记录。");
        }
        var checks = new FieldChecks();
        var record = TextRules.Required(checks, "record", h.Kind == HearingKind.Hearing ? "听证笔录要点" : "论证意见要点", input.Record, 8000);
        var files = await attachments.ListAsync(MinutesOwner, id.ToString(), ct);
        checks.When(files.Count == 0, "file", h.Kind == HearingKind.Hearing ? "请先上传听证笔录。" : "请先上传专家论证意见或会议纪要。");
        checks.ThrowIfAny("记录未登记。");
        (h.State, h.Record, h.RecordedOn, h.RecordedBy) = (HearingState.Held, record, Today, user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return h;
    }

    /// <summary>Whether a hearing (听证会, not an expert meeting) on the subject has been held with its record.</summary>
    public static Task<bool> HearingHeldAsync(RulemakingDb db, Guid subjectId, CancellationToken ct) =>
        db.Hearings.AsNoTracking().AnyAsync(h => h.SubjectId == subjectId && h.Kind == HearingKind.Hearing && h.State == HearingState.Held, ct);

    /// <summary>The public notices: hearings (not expert meetings) announced or held, newest first (no account).</summary>
    public async Task<List<Hearing>> PublicAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("听证会公告");
        return await system.Hearings.AsNoTracking().Where(h => h.Kind == HearingKind.Hearing).OrderByDescending(h => h.HeldOn).Take(200).ToListAsync(ct);
    }

    public async Task<Hearing?> PublicGetAsync(Guid id, CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("听证会公告");
        return await system.Hearings.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id && h.Kind == HearingKind.Hearing, ct);
    }
}
