using System.Security.Cryptography;
using System.Text;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Precheck;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Legislation;

internal sealed record LegislationSettingsInput(int CommentDays, int RuleEffectDays, int FilingDays, long? Version, int? HearingNoticeDays = null);

internal sealed record PlanInput(int Year, string? Title);

internal sealed record PlanItemInput(string? Title, LegislationKind? Kind, Guid? OrgUnitId, DateOnly? PlannedSubmitOn, DateOnly? PlannedAdoptOn, string? Reason);

internal sealed record PlanItemChangeInput(DateOnly? PlannedSubmitOn, DateOnly? PlannedAdoptOn, string? Reason, long? Version);

internal sealed record WithdrawInput(string? Reason);

internal sealed record VersionInput(string? Name, string? Text, string? Note);

/// <summary>
/// Moving a project to <see cref="Stage"/>. <see cref="On"/> is the day (the start of the comment period, the decision, the
/// publication, the filing); the other fields belong to one stage each.
/// </summary>
internal sealed record AdvanceInput(LegislationStage Stage, DateOnly? On, string? Note, int? VersionNo, DateOnly? CommentTo, string? ShortReason, string? DocumentNo,
    DateOnly? EffectiveOn, string? ExceptionReason, string? FiledWith, long? Version);

internal sealed record AnswerInput(CommentAnswer? Answer, string? Reason);

/// <summary>
/// A later round of public comment at 审查 (规章制定程序条例 第二十一条, ADR 0069): the later version, its period (named as
/// in <see cref="AdvanceInput"/>: <c>on</c> to <c>commentTo</c>), the reason for a shorter one, and the project's version as read.
/// </summary>
internal sealed record CommentRoundInput(int? VersionNo, DateOnly? On, DateOnly? CommentTo, string? ShortReason, long? Version);

/// <summary>A citizen's comment: the article, the text, an optional name, and the mobile with the SMS code sent to it (ADR 0065).</summary>
internal sealed record PublicCommentInput(Guid ProjectId, string? Article, string? Text, string? Name, string? Phone = null, string? Code = null);

/// <summary>Asking for a comment code; the article, when given, is checked against the one-comment-per-article rule first.</summary>
internal sealed record CommentCodeInput(string? Phone, string? Article);

internal sealed record CommentReceipt(string Number, string QueryCode, string ProjectTitle, string Article);

internal sealed record CommentTracking(string Number, string ProjectTitle, int VersionNo, string Article, string ArticleText, string Text, DateOnly SubmittedOn, string? AnswerName,
    string AnswerReason, DateOnly? AnsweredOn);

internal sealed record ContactPointInput(Guid? OrgUnitId, string? Name, DateOnly? EstablishedOn);

internal sealed record BulkItem(string? Article, string? Text, string? Commenter);

internal sealed record BulkInput(IReadOnlyList<BulkItem>? Items);

internal sealed record ContactPointView(ContactPoint Point, string UnitName, int Comments, int Adopted, int Drafts);

/// <summary>A comment with where its article stands in the project's newest version (null when that article was deleted).</summary>
internal sealed record CommentView(LegislationComment Comment, string? ContactPointName, string? NowLabel, int LatestVersionNo);

internal sealed record ProjectDetail(LegislationProject Project, LegislativePlan Plan, IReadOnlyList<ProjectStageRecord> Stages, IReadOnlyList<DraftVersion> Versions,
    IReadOnlyList<CommentView> Comments, IReadOnlyList<PlanChange> Changes, IReadOnlyList<CommentRound> Rounds)
{
    /// <summary>The round a comment was made in: the round of its version (one round per version), or null.</summary>
    public CommentRound? RoundOf(LegislationComment c) => Rounds.FirstOrDefault(r => r.VersionId == c.VersionId);
}

internal sealed record PublicDraft(LegislationProject Project, DraftVersion Version, IReadOnlyList<DraftArticle> Articles);

/// <summary>
/// Legislation projects (地方性法规、政府规章, ADR 0034): the yearly plan and its recorded changes, each project's stages, draft
/// versions with article-level comparison, the public comment period, article-anchored comments with answers, contact points'
/// bulk submissions, publication with the date of effect and the filing due date.
/// </summary>
internal sealed class LegislationService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, ISystemWork systemWork, INumberSequence numbers,
    Fazhi.Library.Contracts.ILibraryPublishing library, IPhoneVerification phones, ITextMessageGateway sms)
{
    /// <summary>
    /// The kit's SMS codes for public comments (ADR 0065; the scope is the version under comment): 10 minutes, 5 codes per
    /// number and 20 per client (address) per hour (one code per comment, a citizen may comment on several articles), 5 wrong tries.
    /// </summary>
    public static readonly PhoneCodeRules CodeRules = new("rulemaking.legislation-comment", TimeSpan.FromMinutes(10), 5, 20, 5);

    /// <summary>
    /// The issue's rule for the public comment form: one comment per verified mobile per article (of the version under comment).
    /// </summary>
    public static string OnePerArticleMessage(string article) => $"该手机号码已对{article}提出过意见：每个经短信验证的手机号码对每一条只能提出一条意见。";

    public const string CodeSentMessage = "验证码已发送至该手机，10 分钟内有效。";

    private const string MobileMessage = "请填写 11 位手机号码（1 开头，第二位为 3 至 9；用于接收验证码、确认每人每条一条意见，不会公开）。";

    public static readonly NumberSequenceDefinition CommentNumbers = new("rulemaking.legislation-comment", "立法征求意见编号", "LFYJ-{year}-{seq:00000}");

    private const string QueryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public DateOnly Today => clock.Today;

    // ---- settings -------------------------------------------------------------------------------------------------

    public async Task<LegislationSettings> SettingsAsync(CancellationToken ct) =>
        await db.LegislationSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new LegislationSettings();

    public async Task<LegislationSettings> SaveSettingsAsync(LegislationSettingsInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.CommentDays is < 1 or > 180, "commentDays", "征求意见期限应在 1 至 180 日之间。");
        checks.When(input.RuleEffectDays is < 0 or > 180, "ruleEffectDays", "规章施行期限应在 0 至 180 日之间。");
        checks.When(input.FilingDays is < 1 or > 180, "filingDays", "备案期限应在 1 至 180 日之间。");
        checks.When(input.HearingNoticeDays is < 1 or > 180, "hearingNoticeDays", "听证会提前公告期限应在 1 至 180 日之间。");
        checks.ThrowIfAny("期限未保存。");
        var row = await db.LegislationSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new LegislationSettings();
            db.LegislationSettings.Add(row);
        }
        else
        {
            Refuse.UnlessVersion(input.Version, row.Version, "期限设置");
        }
        (row.CommentDays, row.RuleEffectDays, row.FilingDays) = (input.CommentDays, input.RuleEffectDays, input.FilingDays);
        row.HearingNoticeDays = input.HearingNoticeDays ?? row.HearingNoticeDays;
        await db.SaveChangesAsync(ct);
        return row;
    }

    // ---- the plan -------------------------------------------------------------------------------------------------

    public Task<List<LegislativePlan>> PlansAsync(CancellationToken ct) => db.LegislativePlans.AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(ct);

    public Task<List<LegislationProject>> ProjectsAsync(CancellationToken ct) =>
        db.LegislationProjects.AsNoTracking().OrderBy(p => p.PlannedAdoptOn).ThenBy(p => p.Title).ToListAsync(ct);

    public async Task<LegislativePlan> CreatePlanAsync(PlanInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Year is < 2000 or > 2100, "year", "年度不正确。");
        var title = TextRules.Required(checks, "title", "计划名称", input.Title, 200);
        checks.ThrowIfAny("立法计划未建立。");
        var plan = new LegislativePlan { Year = input.Year, Title = title };
        db.LegislativePlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>印发: the plan is adopted; from now on every change to it is recorded with its reason.</summary>
    public async Task<LegislativePlan> AdoptPlanAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.LegislativePlans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法计划不存在。");
        if (plan.AdoptedOn is not null)
        {
            throw Refuse.Conflict("该立法计划已印发。");
        }
        if (!await db.LegislationProjects.AnyAsync(p => p.PlanId == id, ct))
        {
            throw Refuse.Conflict("立法计划中还没有项目，不能印发。");
        }
        plan.AdoptedOn = Today;
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>An item of the plan (a project at 列入计划). Added to an adopted plan, it needs a reason and is recorded as a change.</summary>
    public async Task<LegislationProject> AddItemAsync(Guid planId, PlanItemInput input, CancellationToken ct)
    {
        var plan = await db.LegislativePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw Refuse.NotFound("立法计划不存在。");
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "项目名称", input.Title, 200);
        checks.When(input.Kind is not { } k || !Enum.IsDefined(k), "kind", "请选择地方性法规或政府规章。");
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        checks.When(unit is null, "orgUnitId", "请选择起草单位。");
        checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "起草单位不在您的数据范围内。");
        PlannedDates(checks, input.PlannedSubmitOn, input.PlannedAdoptOn);
        var reason = TextRules.Optional(checks, "reason", "增列理由", input.Reason, 2000) ?? "";
        checks.When(plan.AdoptedOn is not null && reason.Length == 0, "reason", "立法计划已印发，增列项目须写明理由。");
        checks.ThrowIfAny("项目未列入计划。");
        var project = new LegislationProject
        {
            PlanId = plan.Id, OrgUnitId = unit!.Id, UnitName = unit.Name, Title = title, Kind = input.Kind!.Value, PlannedSubmitOn = input.PlannedSubmitOn!.Value,
            PlannedAdoptOn = input.PlannedAdoptOn!.Value, Stage = LegislationStage.Planned,
        };
        db.LegislationProjects.Add(project);
        if (plan.AdoptedOn is not null)
        {
            db.PlanChanges.Add(new PlanChange
            {
                PlanId = plan.Id, ProjectId = project.Id, Kind = PlanChangeKind.Added, Reason = reason, ChangedBy = user.UserName ?? "", ChangedOn = Today,
                Description = $"增列《{title}》（{LegislationProcedure.KindName(project.Kind)}，{unit.Name}起草，计划 {project.PlannedAdoptOn:yyyy-MM-dd} 前提请审议）",
            });
        }
        await db.SaveChangesAsync(ct);
        return project;
    }

    private static void PlannedDates(FieldChecks checks, DateOnly? submit, DateOnly? adopt)
    {
        checks.When(submit is null, "plannedSubmitOn", "请填写计划报送日期。");
        checks.When(adopt is null, "plannedAdoptOn", "请填写计划提请审议日期。");
        DateRules.Check(checks, "plannedSubmitOn", "计划报送日期", submit);
        DateRules.Check(checks, "plannedAdoptOn", "计划提请审议日期", adopt);
        checks.When(adopt < submit, "plannedAdoptOn", "计划提请审议日期不能早于计划报送日期。");
    }

    /// <summary>Changes an item's planned dates; on an adopted plan the change and its reason are recorded.</summary>
    public async Task<LegislationProject> ChangeItemAsync(Guid id, PlanItemChangeInput input, CancellationToken ct)
    {
        var project = await db.LegislationProjects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(input.Version, project.Version, "立法项目");
        if (project.Withdrawn || project.Stage >= LegislationStage.Decided)
        {
            throw Refuse.Conflict(project.Withdrawn ? "该项目已撤出立法计划。" : "项目已作出决定，不再调整计划。");
        }
        var plan = await db.LegislativePlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId, ct);
        var checks = new FieldChecks();
        PlannedDates(checks, input.PlannedSubmitOn, input.PlannedAdoptOn);
        var reason = TextRules.Optional(checks, "reason", "调整理由", input.Reason, 2000) ?? "";
        checks.When(plan.AdoptedOn is not null && reason.Length == 0, "reason", "立法计划已印发，调整项目须写明理由。");
        checks.ThrowIfAny("计划未调整。");
        if (plan.AdoptedOn is not null)
        {
            db.PlanChanges.Add(new PlanChange
            {
                PlanId = plan.Id, ProjectId = project.Id, Kind = PlanChangeKind.Changed, Reason = reason, ChangedBy = user.UserName ?? "", ChangedOn = Today,
                Description = $"《{project.Title}》计划报送日期 {project.PlannedSubmitOn:yyyy-MM-dd} → {input.PlannedSubmitOn:yyyy-MM-dd}，计划提请审议日期 {project.PlannedAdoptOn:yyyy-MM-dd} → {input.PlannedAdoptOn:yyyy-MM-dd}",
            });
        }
        (project.PlannedSubmitOn, project.PlannedAdoptOn) = (input.PlannedSubmitOn!.Value, input.PlannedAdoptOn!.Value);
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>撤出计划 with the reason (recorded); not after the decision.</summary>
    public async Task<LegislationProject> WithdrawAsync(Guid id, WithdrawInput input, CancellationToken ct)
    {
        var project = await db.LegislationProjects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        if (project.Withdrawn || project.Stage >= LegislationStage.Decided)
        {
            throw Refuse.Conflict(project.Withdrawn ? "该项目已撤出立法计划。" : "项目已作出决定，不能撤出计划。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "撤出理由", input.Reason, 2000);
        checks.ThrowIfAny("项目未撤出。");
        project.Withdrawn = true;
        db.PlanChanges.Add(new PlanChange
        {
            PlanId = project.PlanId, ProjectId = project.Id, Kind = PlanChangeKind.Withdrawn, Reason = reason, ChangedBy = user.UserName ?? "", ChangedOn = Today,
            Description = $"《{project.Title}》撤出立法计划（撤出时阶段：{LegislationProcedure.Name(project.Stage)}）",
        });
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>Unanswered comments per project in scope.</summary>
    public async Task<Dictionary<Guid, int>> UnansweredAsync(CancellationToken ct) =>
        (await db.LegislationComments.AsNoTracking().Where(c => c.Answer == null).GroupBy(c => c.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);

    public Task<List<PlanChange>> ChangesAsync(Guid planId, CancellationToken ct) =>
        db.PlanChanges.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.ChangedOn).ToListAsync(ct);

    // ---- a project ------------------------------------------------------------------------------------------------

    public async Task<ProjectDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var project = await db.LegislationProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        var plan = await db.LegislativePlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId, ct);
        var stages = await db.LegislationStages.AsNoTracking().Where(s => s.ProjectId == id).ToListAsync(ct);
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.ProjectId == id).OrderBy(v => v.No).ToListAsync(ct);
        var comments = await db.LegislationComments.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.Number).ToListAsync(ct);
        var changes = await db.PlanChanges.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.ChangedOn).ToListAsync(ct);
        var rounds = await db.CommentRounds.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.No).ToListAsync(ct);
        var pointIds = comments.Where(c => c.ContactPointId != null).Select(c => c.ContactPointId!.Value).Distinct().ToList();
        await using var system = systemWork.Db<RulemakingDb>("立法联系点名称");
        var points = await system.ContactPoints.AsNoTracking().Where(p => pointIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new ProjectDetail(project, plan, stages.OrderBy(s => s.Stage).ToList(), versions, Locate(comments, versions, points), changes, rounds);
    }

    /// <summary>Each comment stays on the article of the version it was made on; it also shows where that article is in the newest version.</summary>
    private static List<CommentView> Locate(List<LegislationComment> comments, List<DraftVersion> versions, Dictionary<Guid, string> points)
    {
        var latest = versions.LastOrDefault();
        var split = versions.ToDictionary(v => v.Id, v => DraftArticles.Split(v.Text));
        var latestArticles = latest is null ? [] : split[latest.Id];
        var pairs = versions.ToDictionary(v => v.Id, v => latest is null ? [] : ArticleDiff.Compare(split[v.Id], latestArticles));
        return comments.Select(c =>
        {
            var now = pairs.TryGetValue(c.VersionId, out var p) ? p.FirstOrDefault(x => x.FromLabel == c.ArticleLabel)?.ToLabel : null;
            return new CommentView(c, c.ContactPointId is { } cp ? points.GetValueOrDefault(cp) : null, now, latest?.No ?? 0);
        }).ToList();
    }

    /// <summary>A new version of the draft (from 起草 until the decision); its articles must be numbered 第X条 and unique.</summary>
    public async Task<DraftVersion> AddVersionAsync(Guid id, VersionInput input, CancellationToken ct)
    {
        var project = await db.LegislationProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        if (!LegislationProcedure.TakesVersions(project))
        {
            throw Refuse.Conflict($"“{LegislationProcedure.Name(project.Stage)}”阶段不能提交草案稿本（起草至审查阶段可以）。");
        }
        var checks = new FieldChecks();
        var text = TextRules.Required(checks, "text", "草案文本", input.Text, 200000);
        var name = TextRules.Optional(checks, "name", "稿本名称", input.Name, 100);
        var note = TextRules.Optional(checks, "note", "修改说明", input.Note, 2000) ?? "";
        var articles = DraftArticles.Split(text).Where(a => a.Label != DraftArticles.Preamble).ToList();
        checks.When(text.Length > 0 && articles.Count == 0, "text", "草案应逐条书写，每条以“第X条”开头。");
        var duplicate = articles.GroupBy(a => a.Label).FirstOrDefault(g => g.Count() > 1)?.Key;
        checks.When(duplicate is not null, "text", $"“{duplicate}”出现了不止一次，每条的条序应唯一。");
        checks.ThrowIfAny("稿本未保存。");
        var no = (await db.DraftVersions.Where(v => v.ProjectId == id).MaxAsync(v => (int?)v.No, ct) ?? 0) + 1;
        var version = new DraftVersion
        {
            ProjectId = id, OrgUnitId = project.OrgUnitId, No = no, Name = name ?? $"第{no}稿", Text = text, Note = note, CreatedOn = Today, CreatedBy = user.UserName ?? "",
        };
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Two versions side by side by article.</summary>
    public async Task<(DraftVersion From, DraftVersion To, List<ArticlePair> Rows)> CompareAsync(Guid id, int from, int to, CancellationToken ct)
    {
        _ = await db.LegislationProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        var a = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProjectId == id && v.No == from, ct);
        var b = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProjectId == id && v.No == to, ct);
        var checks = new FieldChecks();
        checks.When(a is null, "from", $"没有第 {from} 稿。");
        checks.When(b is null, "to", $"没有第 {to} 稿。");
        checks.ThrowIfAny("无法比较。");
        return (a!, b!, ArticleDiff.Compare(DraftArticles.Split(a!.Text), DraftArticles.Split(b!.Text)));
    }

    /// <summary>Moves the project to the next stage, with what that stage needs (see <see cref="LegislationProcedure"/>).</summary>
    public async Task<LegislationProject> AdvanceAsync(Guid id, AdvanceInput input, CancellationToken ct)
    {
        var project = await db.LegislationProjects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        if (input.Version is { } given && given != project.Version)
        {
            throw Refuse.Stale();
        }
        LegislationProcedure.EnsureNext(project, input.Stage);
        var settings = await SettingsAsync(ct);
        var today = Today;
        var checks = new FieldChecks();
        var on = input.On ?? today;
        DateRules.Check(checks, "on", "日期", on, input.Stage == LegislationStage.PublicComment ? null : today);
        var note = TextRules.Optional(checks, "note", "情况说明", input.Note, 4000) ?? "";
        switch (input.Stage)
        {
            case LegislationStage.Initiated:
                checks.When(note.Length == 0, "note", "请写明立项的依据和决定（规章制定程序条例第十条）。");
                break;
            case LegislationStage.PublicComment:
                await OpenCommentAsync(project, input, on, settings, checks, ct);
                break;
            case LegislationStage.Review:
                if (project.CommentTo is { } end && today <= end)
                {
                    throw Refuse.Conflict($"征求意见期限至 {end:yyyy-MM-dd} 届满后才能进入“审查”。", LegislationProcedure.Article(LegislationStage.PublicComment));
                }
                var open = await db.LegislationComments.CountAsync(c => c.ProjectId == id && c.Answer == null, ct);
                if (open > 0)
                {
                    throw Refuse.Conflict($"尚有 {open} 条意见未答复（采纳、部分采纳或不采纳并说明理由），不能进入“审查”。", LegislationProcedure.Article(LegislationStage.PublicComment));
                }
                break;
            case LegislationStage.Decided:
                // A round opened at review (规章制定程序条例 第二十一条, ADR 0069) must have ended and been answered before the decision.
                if (project.CommentTo is { } reviewEnd && today <= reviewEnd)
                {
                    throw Refuse.Conflict($"审查阶段再次征求意见至 {reviewEnd:yyyy-MM-dd} 届满后才能作出“决定”。", LegislationProcedure.ReviewCommentArticle);
                }
                var unanswered = await db.LegislationComments.CountAsync(c => c.ProjectId == id && c.Answer == null, ct);
                if (unanswered > 0)
                {
                    throw Refuse.Conflict($"尚有 {unanswered} 条意见未答复（采纳、部分采纳或不采纳并说明理由），不能作出“决定”。", LegislationProcedure.ReviewCommentArticle);
                }
                checks.When(note.Length == 0, "note", project.Kind == LegislationKind.GovernmentRule
                    ? "请写明决定规章的会议（常务会议或者全体会议，规章制定程序条例第二十七条）。" : "请写明人大常委会表决通过的会议。");
                break;
            case LegislationStage.Published:
                Publication(project, input, on, settings, checks);
                break;
            case LegislationStage.Filed:
                var filedWith = TextRules.Required(checks, "filedWith", "备案机关", input.FiledWith, 200);
                checks.When(on < project.PublishedOn, "on", "备案日期不能早于公布日期。");
                project.FiledWith = filedWith;
                break;
        }
        checks.ThrowIfAny($"未进入“{LegislationProcedure.Name(input.Stage)}”。");
        if (input.Stage == LegislationStage.Published)
        {
            await PublishToLibraryAsync(project, on, ct);
        }
        switch (input.Stage)
        {
            case LegislationStage.Decided:
                project.DecidedOn = on;
                break;
            case LegislationStage.Published:
                project.PublishedOn = on;
                project.FilingDueOn = on.AddDays(settings.FilingDays);
                break;
            case LegislationStage.Filed:
                project.FiledOn = on;
                break;
        }
        project.Stage = input.Stage;
        db.LegislationStages.Add(new ProjectStageRecord { ProjectId = id, OrgUnitId = project.OrgUnitId, Stage = input.Stage, On = on, Note = note, By = user.UserName ?? "" });
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>
    /// 征求意见: the first round (规章制定程序条例 第十五条) — a version published for comment from <paramref name="from"/> to the
    /// given end, at least the settings row's days unless a reason for the shorter period is stated (the rule is the
    /// project's, <see cref="LegislationProject.OpenCommentRound"/>).
    /// </summary>
    private async Task OpenCommentAsync(LegislationProject project, AdvanceInput input, DateOnly from, LegislationSettings settings, FieldChecks checks, CancellationToken ct)
    {
        var version = input.VersionNo is { } no ? await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProjectId == project.Id && v.No == no, ct) : null;
        var reason = TextRules.Optional(checks, "shortReason", "缩短征求意见期限的理由", input.ShortReason, 2000) ?? "";
        var rounds = await db.CommentRounds.AsNoTracking().Where(r => r.ProjectId == project.Id).ToListAsync(ct);
        var round = project.OpenCommentRound(rounds, version, from, input.CommentTo, reason, settings.CommentDays, Today, user.UserName ?? "", checks);
        if (!checks.Any)
        {
            db.CommentRounds.Add(round);
        }
    }

    /// <summary>
    /// 审查阶段再次公开征求意见 (规章制定程序条例 第二十一条, ADR 0069): at review the legislative office publishes a later version
    /// for comment again. The previous rounds' comments and answers stay on their versions; the public page shows the new
    /// version. The rule (stage, the previous round ended, a later version, the period) is the project's.
    /// </summary>
    public async Task<CommentRound> OpenReviewRoundAsync(Guid id, CommentRoundInput input, CancellationToken ct)
    {
        var project = await db.LegislationProjects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("立法项目不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(input.Version, project.Version, "立法项目");
        var settings = await SettingsAsync(ct);
        var today = Today;
        var checks = new FieldChecks();
        var from = input.On ?? today;
        DateRules.Check(checks, "on", "开始日期", from);
        checks.When(from < today, "on", "开始日期不能早于今天。");
        var reason = TextRules.Optional(checks, "shortReason", "缩短征求意见期限的理由", input.ShortReason, 2000) ?? "";
        var version = input.VersionNo is { } no ? await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProjectId == id && v.No == no, ct) : null;
        var rounds = await db.CommentRounds.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        var round = project.OpenCommentRound(rounds, version, from, input.CommentTo, reason, settings.CommentDays, today, user.UserName ?? "", checks);
        checks.ThrowIfAny("未再次公开征求意见。");
        db.CommentRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>
    /// 公布: the number and the date of effect. A government rule takes effect no sooner than the settings row's days after
    /// publication (规章制定程序条例 第三十二条: 30 日) unless the stated exception applies (国家安全、外汇汇率、货币政策的确定，或者公布后
    /// 不立即施行将有碍规章施行). Filing is due the settings row's days after publication (第三十四条；法规规章备案审查条例 第四条).
    /// </summary>
    private static void Publication(LegislationProject project, AdvanceInput input, DateOnly on, LegislationSettings settings, FieldChecks checks)
    {
        var number = TextRules.Required(checks, "documentNo", "公布文号（令号）", input.DocumentNo, 100);
        checks.When(input.EffectiveOn is null, "effectiveOn", "请填写施行日期。");
        DateRules.Check(checks, "effectiveOn", "施行日期", input.EffectiveOn);
        checks.When(input.EffectiveOn < on, "effectiveOn", "施行日期不能早于公布日期。");
        var exception = TextRules.Optional(checks, "exceptionReason", "提前施行的理由", input.ExceptionReason, 2000) ?? "";
        if (project.Kind == LegislationKind.GovernmentRule && input.EffectiveOn is { } eff && eff >= on && eff < on.AddDays(settings.RuleEffectDays) && exception.Length == 0)
        {
            checks.Add("effectiveOn", $"规章应当自公布之日起 {settings.RuleEffectDays} 日后施行（{on.AddDays(settings.RuleEffectDays):yyyy-MM-dd} 起）；涉及国家安全、外汇汇率、货币政策的确定以及公布后不立即施行将有碍规章施行的，须写明理由（规章制定程序条例第三十二条）。");
        }
        (project.DocumentNo, project.EffectiveOn, project.EffectExceptionReason) = (number, input.EffectiveOn, exception);
    }

    /// <summary>
    /// The published text — the project's last draft version — becomes a work or a new version in the library (ADR 0047),
    /// before the stage is saved, so a refusal there leaves the project unpublished.
    /// </summary>
    private async Task PublishToLibraryAsync(LegislationProject project, DateOnly on, CancellationToken ct)
    {
        var last = await db.DraftVersions.AsNoTracking().Where(v => v.ProjectId == project.Id).OrderByDescending(v => v.No).FirstOrDefaultAsync(ct)
            ?? throw Refuse.Conflict("立法项目没有草案稿本，无法公布文本。");
        var (kind, issuer) = project.Kind == LegislationKind.GovernmentRule
            ? (Fazhi.Library.Contracts.PublishedTextKind.GovernmentRule, "枣庄市人民政府")
            : (Fazhi.Library.Contracts.PublishedTextKind.MunicipalRegulation, "枣庄市人民代表大会常务委员会");
        await library.PublishAsync(new Fazhi.Library.Contracts.PublishedText(project.Title, kind, issuer, project.DocumentNo, on, project.EffectiveOn ?? on, last.Text), ct);
    }

    // ---- answers --------------------------------------------------------------------------------------------------

    /// <summary>The answer to a comment: 采纳, or 部分采纳 / 不采纳 with the reason (required).</summary>
    public async Task<LegislationComment> AnswerAsync(Guid commentId, AnswerInput input, CancellationToken ct)
    {
        var comment = await db.LegislationComments.FirstOrDefaultAsync(c => c.Id == commentId, ct) ?? throw Refuse.NotFound("意见不存在或不在您的数据范围内。");
        var project = await db.LegislationProjects.AsNoTracking().FirstAsync(p => p.Id == comment.ProjectId, ct);
        if (project.Stage >= LegislationStage.Decided)
        {
            throw Refuse.Conflict("项目已作出决定，不能再答复意见。");
        }
        var checks = new FieldChecks();
        checks.When(input.Answer is not { } a || !Enum.IsDefined(a), "answer", "请选择采纳、部分采纳或不采纳。");
        var reason = TextRules.Optional(checks, "reason", "理由", input.Reason, 4000) ?? "";
        checks.When(input.Answer is CommentAnswer.PartlyAdopted or CommentAnswer.NotAdopted && reason.Length == 0, "reason", "部分采纳或不采纳的，须说明理由。");
        checks.ThrowIfAny("意见未答复。");
        (comment.Answer, comment.AnswerReason, comment.AnsweredOn, comment.AnsweredBy) = (input.Answer, reason, Today, user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return comment;
    }

    // ---- the public -----------------------------------------------------------------------------------------------

    /// <summary>Drafts open for comment today (no account).</summary>
    public async Task<List<LegislationProject>> PublicDraftsAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("立法草案公开征求意见");
        var today = Today;
        return await system.LegislationProjects.AsNoTracking()
            .Where(p => !p.Withdrawn && (p.Stage == LegislationStage.PublicComment || p.Stage == LegislationStage.Review) && p.CommentFrom <= today && p.CommentTo >= today)
            .OrderBy(p => p.CommentTo).Take(200).ToListAsync(ct);
    }

    /// <summary>One draft open for comment with its articles, or null when it is not open.</summary>
    public async Task<PublicDraft?> PublicDraftAsync(Guid id, CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("立法草案公开征求意见");
        var project = await system.LegislationProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !LegislationProcedure.OpenForComment(project, Today))
        {
            return null;
        }
        var version = await system.DraftVersions.AsNoTracking().FirstAsync(v => v.Id == project.CommentVersionId, ct);
        return new PublicDraft(project, version, DraftArticles.Split(version.Text));
    }

    /// <summary>
    /// Sends a comment code to a mainland mobile for a draft open for comment (ADR 0065). When the article is given and the
    /// number already commented on it, refused before any code is sent.
    /// </summary>
    public async Task SendCodeAsync(Guid projectId, CommentCodeInput input, string? client, CancellationToken ct)
    {
        var draft = await PublicDraftAsync(projectId, ct) ?? throw Refuse.NotFound("该草案不在公开征求意见期内。");
        var phone = MainlandMobile.Normalise(input.Phone) ?? throw Refuse.Field("phone", MobileMessage);
        var article = TextRules.Clean(input.Article) ?? "";
        if (article.Length > 0 && draft.Articles.Any(a => a.Label == article))
        {
            await using var read = systemWork.Db<RulemakingDb>("立法草案公开征求意见");
            if (await CommentedAsync(read, draft, article, phone, ct))
            {
                throw Refuse.Field("phone", OnePerArticleMessage(article));
            }
        }
        var code = await phones.RequestAsync(CodeRules, draft.Version.Id.ToString(), phone, client, issue: true, ct);
        await sms.SendAsync(new TextMessage("rulemaking.legislation-comment-code", phone,
            $"【法治枣庄】您正在对《{draft.Project.Title}》征求意见稿提出意见，验证码 {code}，{CodeRules.Lifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略本短信。",
            draft.Project.Id.ToString()), ct);
    }

    private static Task<bool> CommentedAsync(RulemakingDb read, PublicDraft draft, string article, string phone, CancellationToken ct) =>
        read.LegislationComments.WhereSensitiveEquals(c => c.CommenterPhone, phone).AnyAsync(c => c.VersionId == draft.Version.Id && c.ArticleLabel == article, ct);

    /// <summary>
    /// A citizen's comment on one article of the draft open for comment, from a mobile proved by the SMS code (one comment per
    /// number per article, ADR 0065); returns the number and the query code (shown once, stored hashed). Checked in this
    /// order, nothing saved on a refusal: the fields, the one-per-article rule, the code (used up), then saved; the unique
    /// index settles a race.
    /// </summary>
    public async Task<CommentReceipt> SubmitPublicAsync(PublicCommentInput input, CancellationToken ct)
    {
        var draft = await PublicDraftAsync(input.ProjectId, ct) ?? throw Refuse.NotFound("该草案不在公开征求意见期内。");
        var checks = new FieldChecks();
        var article = TextRules.Clean(input.Article) ?? "";
        var target = draft.Articles.FirstOrDefault(a => a.Label == article);
        checks.When(target is null, "article", "请选择要提意见的条文。");
        var text = TextRules.Required(checks, "text", "意见内容", input.Text, 2000);
        var name = TextRules.Optional(checks, "name", "姓名或称呼", input.Name, 50) ?? "";
        var phone = MainlandMobile.Normalise(input.Phone);
        checks.When(phone is null, "phone", MobileMessage);
        var code = input.Code?.Trim() ?? "";
        checks.When(code.Length != 6 || !code.All(char.IsAsciiDigit), "code", "请填写短信中的 6 位数字验证码（先点“获取验证码”）。");
        checks.ThrowIfAny("意见未提交，请按提示修改。");
        await using var system = systemWork.Db<RulemakingDb>("立法草案公开征求意见");
        if (await CommentedAsync(system, draft, target!.Label, phone!, ct))
        {
            throw Refuse.Field("phone", OnePerArticleMessage(target.Label));
        }
        await phones.VerifyAsync(CodeRules, draft.Version.Id.ToString(), phone!, code, ct);
        var queryCode = RandomNumberGenerator.GetString(QueryAlphabet, 8);
        // Two submissions from one number on one article at once: the unique index keeps one, the other is refused as above.
        var comment = (await AddCommentsAsync(system, draft, [(target, text, name)], Hash(queryCode), null, ct, SensitiveText.Phone(phone!))
            .RefusingDuplicateAsync(() => Refuse.Field("phone", OnePerArticleMessage(target.Label))))[0];
        return new CommentReceipt(comment.Number, queryCode, draft.Project.Title, target.Label);
    }

    /// <summary>Adds the comments in one transaction (all or none), each with the next number.</summary>
    private async Task<List<LegislationComment>> AddCommentsAsync(RulemakingDb target, PublicDraft draft, IEnumerable<(DraftArticle Article, string Text, string Name)> rows, string codeHash,
        Guid? contactPointId, CancellationToken ct, SensitiveText? phone = null)
    {
        var added = new List<LegislationComment>();
        await using var tx = await target.Database.BeginTransactionAsync(ct);
        foreach (var (article, text, name) in rows)
        {
            var comment = new LegislationComment
            {
                ProjectId = draft.Project.Id, OrgUnitId = draft.Project.OrgUnitId, VersionId = draft.Version.Id, VersionNo = draft.Version.No, ArticleLabel = article.Label,
                ArticleText = article.Text.Length <= 8000 ? article.Text : article.Text[..8000], Text = text, CommenterName = name, QueryCodeHash = codeHash,
                ContactPointId = contactPointId, SubmittedOn = Today, CommenterPhone = phone,
                Number = (await numbers.NextAsync(target, CommentNumbers.Key, new NumberScope(Today.Year), ct)).Number,
            };
            target.LegislationComments.Add(comment);
            added.Add(comment);
        }
        await target.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The commenter's view by number and query code; null when either is wrong (one answer for both).</summary>
    public async Task<CommentTracking?> TrackAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode) || number.Length > 40 || queryCode.Length > 40)
        {
            return null;
        }
        await using var system = systemWork.Db<RulemakingDb>("立法意见答复查询");
        var n = number.Trim().ToUpperInvariant();
        var c = await system.LegislationComments.AsNoTracking().FirstOrDefaultAsync(x => x.Number == n, ct);
        if (c is null || c.QueryCodeHash.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c.QueryCodeHash), Encoding.ASCII.GetBytes(Hash(queryCode.Trim().ToUpperInvariant()))))
        {
            return null;
        }
        var project = await system.LegislationProjects.AsNoTracking().FirstAsync(p => p.Id == c.ProjectId, ct);
        return new CommentTracking(c.Number, project.Title, c.VersionNo, c.ArticleLabel, c.ArticleText, c.Text, c.SubmittedOn, c.Answer is { } a ? LegislationProcedure.AnswerName(a) : null,
            c.AnswerReason, c.AnsweredOn);
    }

    internal static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    // ---- contact points -------------------------------------------------------------------------------------------

    /// <summary>The contact points in scope with their contribution: comments submitted, adopted (fully or partly), drafts commented on.</summary>
    public async Task<List<ContactPointView>> ContactPointsAsync(CancellationToken ct)
    {
        var points = await db.ContactPoints.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var ids = points.Select(p => p.Id).ToList();
        await using var system = systemWork.Db<RulemakingDb>("立法联系点意见统计");
        var comments = await system.LegislationComments.AsNoTracking().Where(c => c.ContactPointId != null && ids.Contains(c.ContactPointId!.Value))
            .Select(c => new { c.ContactPointId, c.Answer, c.ProjectId }).ToListAsync(ct);
        var names = await orgs.NamesAsync(points.Select(p => p.OrgUnitId), ct);
        return points.Select(p =>
        {
            var mine = comments.Where(c => c.ContactPointId == p.Id).ToList();
            return new ContactPointView(p, names.GetValueOrDefault(p.OrgUnitId, ""), mine.Count, mine.Count(c => c.Answer is CommentAnswer.Adopted or CommentAnswer.PartlyAdopted),
                mine.Select(c => c.ProjectId).Distinct().Count());
        }).ToList();
    }

    public async Task<ContactPoint> CreateContactPointAsync(ContactPointInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var name = TextRules.Required(checks, "name", "联系点名称", input.Name, 200);
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        checks.When(unit is null, "orgUnitId", "请选择联系点所在单位。");
        checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "该单位不在您的数据范围内。");
        checks.When(input.EstablishedOn is null, "establishedOn", "请填写设立日期。");
        DateRules.Check(checks, "establishedOn", "设立日期", input.EstablishedOn, Today);
        if (unit is not null && await db.ContactPoints.AnyAsync(p => p.OrgUnitId == unit.Id, ct))
        {
            checks.Add("orgUnitId", "该单位已是基层立法联系点。");
        }
        checks.ThrowIfAny("联系点未设立。");
        var point = new ContactPoint { OrgUnitId = unit!.Id, Name = name, EstablishedOn = input.EstablishedOn!.Value };
        db.ContactPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return point;
    }

    /// <summary>The contact point of the signed-in account's unit, or null.</summary>
    public async Task<ContactPoint?> MyContactPointAsync(CancellationToken ct)
    {
        if (user.OrgUnitId is not { } unit)
        {
            return null;
        }
        await using var system = systemWork.Db<RulemakingDb>("立法联系点");
        return await system.ContactPoints.AsNoTracking().FirstOrDefaultAsync(p => p.OrgUnitId == unit, ct);
    }

    /// <summary>
    /// A contact point's gathered comments on a draft open for comment, in bulk: all or none (each refusal names its line as
    /// <c>items[i].article</c> / <c>items[i].text</c>). Each comment is anchored like a citizen's and counted for the point.
    /// </summary>
    public async Task<List<LegislationComment>> SubmitBulkAsync(Guid projectId, BulkInput input, CancellationToken ct)
    {
        var point = await MyContactPointAsync(ct) ?? throw Refuse.Forbidden("您所在的单位不是基层立法联系点。");
        return await SubmitForAsync(point, projectId, input, ct);
    }

    /// <summary>The bulk submission for <paramref name="point"/> (the signed-in account's, or the demo seed's).</summary>
    internal async Task<List<LegislationComment>> SubmitForAsync(ContactPoint point, Guid projectId, BulkInput input, CancellationToken ct)
    {
        var draft = await PublicDraftAsync(projectId, ct) ?? throw Refuse.NotFound("该草案不在征求意见期内。");
        var items = input.Items ?? [];
        var checks = new FieldChecks();
        checks.When(items.Count == 0, "items", "请至少填写一条意见。");
        checks.When(items.Count > 500, "items", "一次最多提交 500 条意见。");
        var rows = new List<(DraftArticle Article, string Text, string Name)>();
        for (var i = 0; i < items.Count && i < 500; i++)
        {
            var article = draft.Articles.FirstOrDefault(a => a.Label == (TextRules.Clean(items[i]?.Article) ?? ""));
            checks.When(article is null, $"items[{i}].article", $"第 {i + 1} 条意见：草案中没有这一条。");
            var text = TextRules.Required(checks, $"items[{i}].text", $"第 {i + 1} 条意见的内容", items[i]?.Text, 2000);
            var name = TextRules.Optional(checks, $"items[{i}].commenter", $"第 {i + 1} 条意见的提出人", items[i]?.Commenter, 50) ?? "";
            if (article is not null)
            {
                rows.Add((article, text, name));
            }
        }
        checks.ThrowIfAny("意见未提交，请按提示修改。");
        await using var system = systemWork.Db<RulemakingDb>($"基层立法联系点报送意见：{point.Name}");
        return await AddCommentsAsync(system, draft, rows, "", point.Id, ct);
    }

    /// <summary>The signed-in contact point's own submissions with their answers.</summary>
    public async Task<List<(LegislationComment Comment, string ProjectTitle)>> MySubmissionsAsync(CancellationToken ct)
    {
        var point = await MyContactPointAsync(ct);
        if (point is null)
        {
            return [];
        }
        await using var system = systemWork.Db<RulemakingDb>("立法联系点意见");
        var comments = await system.LegislationComments.AsNoTracking().Where(c => c.ContactPointId == point.Id).OrderByDescending(c => c.Number).Take(500).ToListAsync(ct);
        var ids = comments.Select(c => c.ProjectId).Distinct().ToList();
        var titles = await system.LegislationProjects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return comments.Select(c => (c, titles.GetValueOrDefault(c.ProjectId, ""))).ToList();
    }
}
