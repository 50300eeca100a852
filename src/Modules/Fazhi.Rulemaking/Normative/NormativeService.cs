using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Precheck;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Normative;

internal sealed record DraftInput(string? Title, string? IssuingAuthority, string? Text, string? Basis, string? DraftingExplanation, string? CommentRecord,
    DateOnly? EffectiveOn, int? ValidityYears, Guid? OrgUnitId = null);

internal sealed record FindingDecisionInput(FindingDecision Decision, string? Reason);

internal sealed record OpinionInput(string? ArticleLabel, ArticleVerdict Verdict, string? Reason);

internal sealed record ConclusionInput(bool Pass, string? Conclusion);

internal sealed record PublishInput(DateOnly? PublishedOn);

internal sealed record FilingInput(DateOnly? FiledOn, string? FiledWith);

internal sealed record SettingsInput(int ReviewWorkingDays, int FilingDays, int ExpiryReminderDays, int DefaultValidityYears, long? Version,
    int? DecisionCommentDays = null, int? DecisionReviewWorkingDays = null);

internal sealed record DraftDetail(NormativeDraft Draft, IReadOnlyList<DraftArticle> Articles, IReadOnlyList<DraftFinding> Findings, IReadOnlyList<ArticleOpinion> Opinions,
    IReadOnlyList<DraftFinding> EarlierFindings, IReadOnlyList<ArticleOpinion> EarlierOpinions);

/// <summary>
/// Normative documents (行政规范性文件, ADR 0027): a drafting unit submits a draft with its basis, drafting explanation and
/// comment record; the pre-check runs and its findings are stored with the round; the review office decides each finding
/// and each article within the review period and concludes (return for revision, or pass); a closed round takes no
/// further opinion. A passed draft gets its unified registration number from the numbering kit, is published (refused
/// without the number), filed within the filing period, and lapses at the end of its validity period.
/// </summary>
internal sealed class NormativeService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, ISystemWork systemWork,
    LegalityPrecheck precheck, INumberSequence numbers, Fazhi.Library.Contracts.ILibraryPublishing library)
{
    /// <summary>统一登记编号 (pattern editable at /admin/numbering): e.g. ZZFG-2026-001 (the Shandong/枣庄 format is unverified, domain.md Part 2 §4).</summary>
    public static readonly NumberSequenceDefinition RegistrationNumbers = new("rulemaking.registration", "行政规范性文件统一登记编号", "ZZFG-{year}-{seq:000}");

    public DateOnly Today => clock.Today;

    public async Task<RulemakingSettings> SettingsAsync(CancellationToken ct) =>
        await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new RulemakingSettings();

    public async Task<RulemakingSettings> SaveSettingsAsync(SettingsInput input, CancellationToken ct)
    {
        var row = await db.Settings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        var checks = new FieldChecks();
        checks.When(input.ReviewWorkingDays is < 1 or > 60, "reviewWorkingDays", "审核期限应为 1–60 个工作日。");
        checks.When(input.FilingDays is < 1 or > 90, "filingDays", "备案期限应为 1–90 日。");
        checks.When(input.ExpiryReminderDays is < 1 or > 365, "expiryReminderDays", "有效期届满提醒应为届满前 1–365 日。");
        checks.When(input.DefaultValidityYears is < 1 or > 10, "defaultValidityYears", "默认有效期应为 1–10 年。");
        // 重大行政决策程序暂行条例 第十五条 (一般不少于 30 日) and 第二十六条 (一般不少于 7 个工作日): the usual periods; shorter ones need a reason.
        checks.When(input.DecisionCommentDays is < 1 or > 180, "decisionCommentDays", "重大行政决策征求意见期限应为 1–180 日（重大行政决策程序暂行条例第十五条）。");
        checks.When(input.DecisionReviewWorkingDays is < 1 or > 60, "decisionReviewWorkingDays", "重大行政决策合法性审查时间应为 1–60 个工作日（重大行政决策程序暂行条例第二十六条）。");
        checks.ThrowIfAny("设置未保存。");
        if (row is null)
        {
            row = new RulemakingSettings();
            db.Settings.Add(row);
        }
        else
        {
            Refuse.UnlessVersion(input.Version, row.Version, "设置");
        }
        (row.ReviewWorkingDays, row.FilingDays, row.ExpiryReminderDays, row.DefaultValidityYears) = (input.ReviewWorkingDays, input.FilingDays, input.ExpiryReminderDays, input.DefaultValidityYears);
        (row.DecisionCommentDays, row.DecisionReviewWorkingDays) = (input.DecisionCommentDays ?? row.DecisionCommentDays, input.DecisionReviewWorkingDays ?? row.DecisionReviewWorkingDays);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The drafts in the caller's scope (a drafting unit sees only its own), newest first.</summary>
    public Task<List<NormativeDraft>> ListAsync(DraftStatus? status, CancellationToken ct) =>
        db.Drafts.AsNoTracking().Where(d => status == null || d.Status == status).OrderByDescending(d => d.SubmittedOn).ThenBy(d => d.Title).ToListAsync(ct);

    public async Task<DraftDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        var findings = await db.Findings.AsNoTracking().Where(f => f.DraftId == id).OrderByDescending(f => f.Round).ThenBy(f => f.Position).ToListAsync(ct);
        var opinions = await db.Opinions.AsNoTracking().Where(o => o.DraftId == id).OrderByDescending(o => o.Round).ToListAsync(ct);
        var articles = DraftArticles.Split(draft.Text);
        var order = articles.Select((a, i) => (a.Label, i)).ToDictionary(x => x.Label, x => x.i);
        return new DraftDetail(draft, articles, findings.Where(f => f.Round == draft.Round).ToList(),
            opinions.Where(o => o.Round == draft.Round).OrderBy(o => order.GetValueOrDefault(o.ArticleLabel, int.MaxValue)).ToList(),
            findings.Where(f => f.Round != draft.Round).ToList(), opinions.Where(o => o.Round != draft.Round).ToList());
    }

    /// <summary>The pre-check on its own (<c>POST /api/rulemaking/legality-precheck</c>), against the city's documents in force on the effective date.</summary>
    public async Task<PrecheckResult> PrecheckAsync(PrecheckRequest request, CancellationToken ct)
    {
        var (_, on) = LegalityPrecheck.Validate(request);
        return await precheck.RunAsync(request, await InForceAsync(on, null, ct), ct);
    }

    /// <summary>Every normative document published through Fazhi and in force on <paramref name="on"/> (all units: the repetition check is city-wide).</summary>
    public async Task<List<InForceDocument>> InForceAsync(DateOnly on, Guid? except, CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("规范性文件重复性预审");
        var docs = await system.Drafts.AsNoTracking()
            .Where(d => d.Status == DraftStatus.Published && d.EffectiveOn <= on && (d.ExpiresOn == null || d.ExpiresOn >= on) && d.Id != except)
            .Select(d => new { d.Id, d.Title, d.RegistrationNo, d.Text }).ToListAsync(ct);
        return docs.Select(d => new InForceDocument(d.Id, d.Title, d.RegistrationNo ?? "", DraftArticles.Split(d.Text))).ToList();
    }

    public async Task<NormativeDraft> SubmitAsync(DraftInput input, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var checks = new FieldChecks();
        var fields = Check(checks, input, settings);
        var unitId = input.OrgUnitId is { } given && given != Guid.Empty ? given : user.OrgUnitId;
        var unit = unitId is { } u ? await orgs.FindAsync(u, ct) : null;
        if (unit is null)
        {
            checks.Add("orgUnitId", "请选择起草单位。");
        }
        else if (!user.Scope.Allows(unit.Id))
        {
            checks.Add("orgUnitId", $"只能报送本单位的草案（{unit.Name}不在您的数据范围内）。");
        }
        checks.ThrowIfAny("草案未报送。");
        var draft = new NormativeDraft { OrgUnitId = unit!.Id, DraftingUnitName = unit.Name, Status = DraftStatus.UnderReview, Round = 1 };
        fields.Apply(draft);
        await StartRoundAsync(draft, settings, ct);
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Resubmits a returned draft, revised: a new round with a new pre-check and a new review period.</summary>
    public async Task<NormativeDraft> ResubmitAsync(Guid id, DraftInput input, long? version, CancellationToken ct)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, draft.Version, "草案");
        if (draft.Status != DraftStatus.Returned)
        {
            throw Refuse.Conflict("只有退回修改的草案可以重新报送。");
        }
        var settings = await SettingsAsync(ct);
        var checks = new FieldChecks();
        var fields = Check(checks, input, settings);
        checks.ThrowIfAny("草案未报送。");
        fields.Apply(draft);
        draft.Round++;
        draft.Status = DraftStatus.UnderReview;
        await StartRoundAsync(draft, settings, ct);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    private async Task StartRoundAsync(NormativeDraft draft, RulemakingSettings settings, CancellationToken ct)
    {
        draft.SubmittedOn = Today;
        // The review period: settings.ReviewWorkingDays working days on the platform calendar (国办发〔2018〕115号, unverified).
        draft.ReviewDueOn = (await clock.AddWorkingDaysAsync(Today, settings.ReviewWorkingDays, ct)).Date;
        draft.ConcludedOn = null;
        var result = await precheck.RunAsync(new PrecheckRequest(LegalityPrecheck.KindNormativeDocument, draft.Text, draft.EffectiveOn, draft.IssuingAuthority, draft.ValidityYears),
            await InForceAsync(draft.EffectiveOn, draft.Id, ct), ct);
        var position = 0;
        foreach (var f in result.Findings)
        {
            db.Findings.Add(new DraftFinding
            {
                DraftId = draft.Id, OrgUnitId = draft.OrgUnitId, Round = draft.Round, Position = position++, Rule = f.Rule, RuleName = f.RuleName, Article = Cut(f.Article, 300),
                ArticleUrl = f.ArticleUrl, DraftArticle = f.DraftArticle, Passage = Cut(f.Passage, 400), Message = Cut(f.Message, 1000), Link = f.Link,
            });
        }
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private sealed record Fields(string Title, string Authority, string Text, string Basis, string Explanation, string Comments, DateOnly EffectiveOn, int ValidityYears)
    {
        public void Apply(NormativeDraft d) =>
            (d.Title, d.IssuingAuthority, d.Text, d.Basis, d.DraftingExplanation, d.CommentRecord, d.EffectiveOn, d.ValidityYears) =
            (Title, Authority, Text, Basis, Explanation, Comments, EffectiveOn, ValidityYears);
    }

    private Fields Check(FieldChecks checks, DraftInput input, RulemakingSettings settings)
    {
        var title = TextRules.Required(checks, "title", "文件名称", input.Title, 200);
        var authority = TextRules.Required(checks, "issuingAuthority", "制定机关", input.IssuingAuthority, 200);
        var text = TextRules.Required(checks, "text", "草案文本", input.Text, 200_000);
        checks.When(text.Length > 0 && DraftArticles.Split(text).All(a => a.Label == DraftArticles.Preamble), "text", "草案文本应按条（第一条、第二条……）分行书写。");
        var basis = TextRules.Required(checks, "basis", "制定依据", input.Basis, 4000);
        var explanation = TextRules.Required(checks, "draftingExplanation", "起草说明", input.DraftingExplanation, 20_000);
        var comments = TextRules.Required(checks, "commentRecord", "征求意见情况", input.CommentRecord, 20_000);
        checks.When(input.EffectiveOn is null, "effectiveOn", "请填写拟施行日期。");
        DateRules.Check(checks, "effectiveOn", "拟施行日期", input.EffectiveOn);
        checks.When(input.EffectiveOn is { } e && e < Today, "effectiveOn", "拟施行日期不能早于今天（不溯及既往，立法法第一百零四条）。");
        var years = input.ValidityYears ?? settings.DefaultValidityYears;
        checks.When(years is < 1 or > 10, "validityYears", "有效期应为 1–10 年。");
        return new Fields(title, authority, text, basis, explanation, comments, input.EffectiveOn ?? Today, years);
    }

    private async Task<NormativeDraft> UnderReviewAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        if (draft.Status != DraftStatus.UnderReview)
        {
            throw Refuse.Conflict("本轮合法性审核已结束，不能再提出审核意见。");
        }
        return draft;
    }

    public async Task<DraftFinding> DecideFindingAsync(Guid id, Guid findingId, FindingDecisionInput input, CancellationToken ct)
    {
        var draft = await UnderReviewAsync(id, ct);
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == findingId && f.DraftId == id && f.Round == draft.Round, ct) ?? throw Refuse.NotFound("预审问题不存在。");
        var checks = new FieldChecks();
        checks.When(input.Decision == FindingDecision.Pending, "decision", "请选择采纳或不予采纳。");
        var reason = TextRules.Required(checks, "reason", "理由", input.Reason, 2000);
        checks.ThrowIfAny("认定未保存。");
        (finding.Decision, finding.DecisionReason, finding.DecidedBy) = (input.Decision, reason, user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return finding;
    }

    public async Task<ArticleOpinion> RecordOpinionAsync(Guid id, OpinionInput input, CancellationToken ct)
    {
        var draft = await UnderReviewAsync(id, ct);
        var checks = new FieldChecks();
        var label = TextRules.Required(checks, "articleLabel", "条款", input.ArticleLabel, 32);
        checks.When(label.Length > 0 && DraftArticles.Split(draft.Text).All(a => a.Label != label), "articleLabel", $"草案中没有{label}。");
        var reason = TextRules.Optional(checks, "reason", "理由", input.Reason, 2000) ?? "";
        checks.When(input.Verdict != ArticleVerdict.Legal && reason.Length == 0, "reason", "修改或删除的意见须写明理由。");
        checks.ThrowIfAny("意见未保存。");
        var opinion = await db.Opinions.FirstOrDefaultAsync(o => o.DraftId == id && o.Round == draft.Round && o.ArticleLabel == label, ct);
        if (opinion is null)
        {
            opinion = new ArticleOpinion { DraftId = id, OrgUnitId = draft.OrgUnitId, Round = draft.Round, ArticleLabel = label };
            db.Opinions.Add(opinion);
        }
        (opinion.Verdict, opinion.Reason, opinion.ReviewerName) = (input.Verdict, reason, user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return opinion;
    }

    /// <summary>
    /// Closes the round: every finding decided first; a pass is refused while a finding is accepted or an article is to be
    /// amended or deleted (those go back to the drafting unit); a return needs a reason and an accepted finding or an
    /// amend/delete opinion. After this the round takes no further opinion (409).
    /// </summary>
    public async Task<NormativeDraft> ConcludeAsync(Guid id, ConclusionInput input, long? version, CancellationToken ct)
    {
        var draft = await UnderReviewAsync(id, ct);
        Refuse.UnlessVersion(version, draft.Version, "草案");
        var findings = await db.Findings.AsNoTracking().Where(f => f.DraftId == id && f.Round == draft.Round).ToListAsync(ct);
        var opinions = await db.Opinions.AsNoTracking().Where(o => o.DraftId == id && o.Round == draft.Round).ToListAsync(ct);
        var checks = new FieldChecks();
        var conclusion = TextRules.Required(checks, "conclusion", "审核结论", input.Conclusion, 4000);
        var pending = findings.Count(f => f.Decision == FindingDecision.Pending);
        checks.When(pending > 0, "findings", $"还有 {pending} 个预审问题未认定（采纳或不予采纳）。");
        var accepted = findings.Count(f => f.Decision == FindingDecision.Accepted);
        var changes = opinions.Count(o => o.Verdict != ArticleVerdict.Legal);
        if (input.Pass)
        {
            checks.When(accepted > 0, "findings", $"已采纳 {accepted} 个预审问题，不能审核通过，应退回修改。");
            checks.When(changes > 0, "opinions", $"有 {changes} 条修改或删除意见，不能审核通过，应退回修改。");
        }
        else
        {
            checks.When(accepted == 0 && changes == 0, "opinions", "退回修改须有采纳的预审问题或修改、删除意见。");
        }
        checks.ThrowIfAny("审核结论未保存。");
        draft.Status = input.Pass ? DraftStatus.Passed : DraftStatus.Returned;
        draft.Conclusion = conclusion;
        draft.ConcludedOn = Today;
        draft.ReviewerName = user.UserName ?? "";
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>统一登记: takes the next registration number from the numbering kit for a passed draft.</summary>
    public async Task<NormativeDraft> RegisterAsync(Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        if (draft.Status != DraftStatus.Passed)
        {
            throw Refuse.Conflict("只有审核通过的草案可以统一登记。");
        }
        draft.RegistrationNo = (await numbers.NextAsync(db, RegistrationNumbers.Key, new NumberScope(Today.Year), ct)).Number;
        draft.Status = DraftStatus.Registered;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    /// <summary>Publishes a registered document; refused without a unified registration number. Filing falls due FilingDays later.</summary>
    public async Task<NormativeDraft> PublishAsync(Guid id, PublishInput input, CancellationToken ct)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        if (draft.Status == DraftStatus.Published)
        {
            throw Refuse.Conflict("该文件已公布。");
        }
        if (string.IsNullOrEmpty(draft.RegistrationNo))
        {
            throw Refuse.Conflict("未取得统一登记编号的规范性文件不得公布：请先统一登记。", "行政规范性文件统一登记（国办发〔2018〕37号）");
        }
        var settings = await SettingsAsync(ct);
        var checks = new FieldChecks();
        checks.When(input.PublishedOn is null, "publishedOn", "请填写公布日期。");
        DateRules.Check(checks, "publishedOn", "公布日期", input.PublishedOn, Today);
        checks.When(input.PublishedOn > draft.EffectiveOn, "publishedOn", "公布日期不能晚于施行日期（未经公布的不得作为行政管理依据，优化营商环境条例第六十四条）。");
        checks.ThrowIfAny("未公布。");
        // The published text becomes a work (or a new version of the work with this title) in the library (ADR 0047); a
        // refusal there (say, a text without articles) refuses the publication before anything here is saved.
        await library.PublishAsync(new Fazhi.Library.Contracts.PublishedText(draft.Title, Fazhi.Library.Contracts.PublishedTextKind.NormativeDocument,
            draft.IssuingAuthority, draft.RegistrationNo, input.PublishedOn!.Value, draft.EffectiveOn, draft.Text), ct);
        draft.PublishedOn = input.PublishedOn;
        // 备案: within FilingDays (default 30) days of publication — 山东省人大常委会备案审查规定 第七条; 法规规章备案审查条例 第四条 for rules.
        draft.FilingDueOn = input.PublishedOn!.Value.AddDays(settings.FilingDays);
        draft.ExpiresOn = draft.EffectiveOn.AddYears(draft.ValidityYears).AddDays(-1);
        draft.Status = DraftStatus.Published;
        await db.SaveChangesAsync(ct);
        return draft;
    }

    public async Task<NormativeDraft> FileAsync(Guid id, FilingInput input, CancellationToken ct)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("草案不存在或不在您的数据范围内。");
        if (draft.Status != DraftStatus.Published)
        {
            throw Refuse.Conflict("公布后才能备案。");
        }
        if (draft.FiledOn is not null)
        {
            throw Refuse.Conflict("该文件已备案。");
        }
        var checks = new FieldChecks();
        checks.When(input.FiledOn is null, "filedOn", "请填写报送备案日期。");
        DateRules.Check(checks, "filedOn", "报送备案日期", input.FiledOn, Today);
        checks.When(input.FiledOn < draft.PublishedOn, "filedOn", "报送备案日期不能早于公布日期。");
        var with = TextRules.Required(checks, "filedWith", "备案机关", input.FiledWith, 400);
        checks.ThrowIfAny("备案未登记。");
        (draft.FiledOn, draft.FiledWith) = (input.FiledOn, with);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>合法性审核意见书 (.docx) of the last concluded round.</summary>
    public async Task<(byte[] Bytes, string Name)> OpinionDocumentAsync(Guid id, CancellationToken ct)
    {
        var detail = await GetAsync(id, ct);
        var d = detail.Draft;
        if (d.ConcludedOn is null)
        {
            throw Refuse.Conflict("本轮审核尚未作出结论，暂无审核意见书。");
        }
        var body = new List<string>
        {
            $"{d.DraftingUnitName}：",
            $"你单位于 {d.SubmittedOn:yyyy年M月d日} 报送的《{d.Title}》（第 {d.Round} 轮）收悉。经合法性审核，意见如下：",
            $"一、审核结论：{(d.Status == DraftStatus.Returned ? "退回修改" : "审核通过")}。{d.Conclusion}",
        };
        var accepted = detail.Findings.Where(f => f.Decision == FindingDecision.Accepted).ToList();
        body.Add(accepted.Count == 0 ? "二、自动预审发现的问题：无采纳的问题。" : "二、自动预审发现并经审核采纳的问题：");
        body.AddRange(accepted.Select((f, i) => $"（{i + 1}）{f.DraftArticle}：{f.RuleName}（{f.Article}）。“{f.Passage}” {f.DecisionReason}"));
        body.Add(detail.Opinions.Count == 0 ? "三、逐条意见：无。" : "三、逐条意见：");
        body.AddRange(detail.Opinions.Select(o => $"{o.ArticleLabel}：{VerdictName(o.Verdict)}。{o.Reason}"));
        var bytes = DocxNotice.Create(new OfficialNotice
        {
            Issuer = "合法性审核机构", Title = $"关于《{d.Title}》的合法性审核意见书", Body = body, Signature = d.ReviewerName, Date = d.ConcludedOn,
        });
        return (bytes, DownloadName.Safe($"合法性审核意见书-{d.Title}.docx"));
    }

    public static string StatusName(DraftStatus s) => s switch
    {
        DraftStatus.UnderReview => "审核中",
        DraftStatus.Returned => "退回修改",
        DraftStatus.Passed => "审核通过，待登记",
        DraftStatus.Registered => "已登记，待公布",
        DraftStatus.Repealed => "已废止",
        DraftStatus.DeclaredInvalid => "已宣布失效",
        _ => "已公布",
    };

    public static string VerdictName(ArticleVerdict v) => v switch
    {
        ArticleVerdict.Legal => "合法",
        ArticleVerdict.Amend => "修改",
        _ => "删除",
    };

    public static string DecisionName(FindingDecision d) => d switch
    {
        FindingDecision.Accepted => "采纳",
        FindingDecision.Dismissed => "不予采纳",
        _ => "待认定",
    };

    /// <summary>Where a published document stands on <paramref name="today"/>: 待备案 / 备案逾期 / 已备案, and 有效期届满.</summary>
    public static string StandingOf(NormativeDraft d, DateOnly today) =>
        // Repealed or declared invalid on or before its effective date: it never took effect (施行前废止, ADR 0051).
        d.Status is DraftStatus.Repealed or DraftStatus.DeclaredInvalid && d.RepealedOn <= d.EffectiveOn ? StatusName(d.Status) + "（未生效）"
        : d.Status != DraftStatus.Published ? StatusName(d.Status)
        : d.ExpiresOn < today ? "已失效（有效期届满）"
        : d.EffectiveOn > today ? "已公布，尚未施行"
        : "现行有效";
}
