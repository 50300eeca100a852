using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

internal sealed record DraftInput(long Version, string? Statement, decimal? SubmittedValue);

internal sealed record EvidenceInput(EvidenceKind Kind, string Title, string? RecordType, string? RecordId, decimal? Value, string? Unit);

internal sealed record DeductionInput(decimal Points, string Reason);

/// <summary>Passed: pass/fail indicators; Points: points indicators (and an override of a computed score); Deductions: deduction indicators.</summary>
internal sealed record ScoreInput(decimal? Points, bool? Passed, IReadOnlyList<DeductionInput>? Deductions, string? Note);

/// <summary>
/// The submission flow of a task: the lead unit drafts and submits (co-units contribute), reviewers return with a reason,
/// approve upwards through the org tree, the office accepts and approves (locking the record), unlocks with a reason,
/// scores, and answers the one appeal. Every refused edit says why.
/// </summary>
internal sealed class SubmissionService(AssessmentDb db, ICurrentUser user, IOrgDirectory orgs, IAttachmentStore attachments, TimeProvider clock, INotifier notifier)
{
    public const string AttachmentOwner = "assessment.task";

    /// <summary>The largest figure an evidence item may state (一万亿): counts and amounts in yuan stay far below it; beyond is a typo.</summary>
    public const decimal MaxFigure = 1_000_000_000_000m;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Actor => user.UserName ?? "system";

    /// <summary>Why the unit's submission data of this task may not change now, or null.</summary>
    public static string? EditRefusal(AssessmentTask task, Campaign campaign)
    {
        if (campaign.Status == CampaignStatus.Archived)
        {
            return $"考评活动已于 {Cst(campaign.StatusChangedAtUtc)} 归档，材料不能再修改。{campaign.StatusReason}".Trim();
        }
        if (campaign.Status == CampaignStatus.Closed)
        {
            return $"考评期已于 {Cst(campaign.StatusChangedAtUtc)} 关闭，材料不能再修改。{campaign.StatusReason}".Trim();
        }
        return task.Status switch
        {
            SubmissionStatus.Approved => task.LockedReason ?? "材料已审定锁定。",
            SubmissionStatus.Submitted => "材料已报送，正在审核，不能修改；如需修改，请审核单位退回。",
            SubmissionStatus.Accepted => "材料已审核通过，不能修改；如需修改，请法治办退回。",
            _ => null,
        };
    }

    internal static string Cst(DateTime? utc) => utc is { } u ? u.AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>The task if the caller is its lead unit (scope) or a co-unit (has a visible contribution); Role tells which.</summary>
    public async Task<(AssessmentTask? Task, Campaign? Campaign, TaskContribution? Contribution)> FindAsync(Guid taskId, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        TaskContribution? contribution = null;
        if (task is null)
        {
            contribution = await db.Contributions.FirstOrDefaultAsync(c => c.TaskId == taskId, ct);
            if (contribution is null)
            {
                return (null, null, null);
            }
            // A co-unit sees the task it contributes to (its contribution row is in its scope), not the lead unit's other records.
            task = await db.Tasks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        }
        if (task is null)
        {
            return (null, null, null);
        }
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == task.CampaignId, ct);
        return (task, campaign, contribution);
    }

    private async Task<(AssessmentTask Task, Campaign Campaign)> LeadTaskAsync(Guid taskId, CancellationToken ct)
    {
        var (task, campaign, contribution) = await FindAsync(taskId, ct);
        if (task is null || campaign is null)
        {
            throw Missing.Of("考评任务");
        }
        if (contribution is not null)
        {
            throw Refuse.Forbidden("只有牵头单位可以填写和报送；配合单位请在本任务中补充本单位的说明和佐证材料。");
        }
        return (task, campaign);
    }

    /// <summary>Refuses an edit of the unit's submission data when the task or campaign does not allow it now.</summary>
    private static void EnsureEditable(AssessmentTask task, Campaign campaign)
    {
        if (EditRefusal(task, campaign) is { } locked)
        {
            throw Refuse.Conflict(locked);
        }
    }

    private void Event(AssessmentTask task, string action, string reason = "") =>
        db.TaskEvents.Add(new TaskEvent { TaskId = task.Id, OrgUnitId = task.OrgUnitId, Action = action, Actor = Actor, Reason = reason, AtUtc = Now });

    public async Task SaveDraftAsync(Guid taskId, DraftInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var statement = TextRules.Optional(checks, "statement", "工作情况说明", input.Statement, 8000) ?? "";
        checks.ThrowIfAny();
        var (task, campaign) = await LeadTaskAsync(taskId, ct);
        EnsureEditable(task, campaign);
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version;
        task.Statement = statement;
        task.SubmittedValue = input.SubmittedValue;
        if (task.Status == SubmissionStatus.NotStarted)
        {
            task.Status = SubmissionStatus.Draft;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveContributionAsync(Guid taskId, string? statement, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var text = TextRules.Optional(checks, "statement", "说明", statement, 8000) ?? "";
        checks.ThrowIfAny();
        var (task, campaign, contribution) = await FindAsync(taskId, ct);
        if (task is null || campaign is null)
        {
            throw Missing.Of("考评任务");
        }
        if (contribution is null)
        {
            throw Refuse.Forbidden("您的单位不是本任务的配合单位。");
        }
        EnsureEditable(task, campaign);
        contribution.Statement = text;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Evidence> AddEvidenceAsync(Guid taskId, EvidenceInput input, Stream? file, string? fileName, CancellationToken ct)
    {
        var (task, campaign, contribution) = await FindAsync(taskId, ct);
        if (task is null || campaign is null)
        {
            throw Missing.Of("考评任务");
        }
        EnsureEditable(task, campaign);
        var checks = new FieldChecks();
        var title = file is null
            ? TextRules.Required(checks, "title", "佐证材料名称", input.Title, 200)
            : TextRules.Optional(checks, "title", "佐证材料名称", input.Title, 200);
        var recordType = TextRules.Optional(checks, "recordType", "记录类型", input.RecordType, 64) ?? "";
        var recordId = TextRules.Optional(checks, "recordId", "记录编号", input.RecordId, 64) ?? "";
        var valueUnit = TextRules.Optional(checks, "unit", "计量单位", input.Unit, 32) ?? "";
        NumberRules.Quantity(checks, "value", "数值", input.Value, MaxFigure);
        checks.When(input.Kind == EvidenceKind.Record && (recordType.Length == 0 || recordId.Length == 0), "recordId", "关联 Fazhi 内的记录须填写记录类型和编号。");
        checks.When(input.Kind == EvidenceKind.Figure && input.Value is null, "value", "数据类佐证须填写数值。");
        checks.ThrowIfAny();
        var unitId = contribution?.OrgUnitId ?? task.OrgUnitId;
        var evidence = new Evidence
        {
            TaskId = task.Id,
            OrgUnitId = unitId,
            Kind = input.Kind,
            Title = title ?? fileName ?? "",
            RecordType = recordType,
            RecordId = recordId,
            Value = input.Value,
            Unit = valueUnit,
            CreatedAtUtc = Now,
        };
        if (input.Kind == EvidenceKind.File)
        {
            if (file is null || string.IsNullOrWhiteSpace(fileName))
            {
                throw Refuse.Field("file", "请选择要上传的文件。");
            }
            var saved = await attachments.SaveAsync(file, fileName, unitId, AttachmentOwner, task.Id.ToString(), ct);
            if (!saved.Ok)
            {
                var reason = saved.Refusal ?? "文件未能保存。";
                throw saved.Status == 404 ? Refuse.NotFound(reason) : Refuse.Field("file", reason);
            }
            evidence.AttachmentId = saved.Saved!.Id;
        }
        db.Evidence.Add(evidence);
        if (contribution is null && task.Status == SubmissionStatus.NotStarted)
        {
            task.Status = SubmissionStatus.Draft;
        }
        await db.SaveChangesAsync(ct);
        return evidence;
    }

    public async Task SubmitAsync(Guid taskId, CancellationToken ct)
    {
        var (task, campaign) = await LeadTaskAsync(taskId, ct);
        EnsureEditable(task!, campaign!);
        // Co-units' evidence counts too; the lead unit may know that its own task has some (system read of one task's rows).
        if (task!.Statement.Length == 0 && !await db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.TaskId == task.Id, ct))
        {
            throw Refuse.Invalid("请先填写工作情况说明或添加佐证材料，再报送。");
        }
        task.AwaitingUnitId = await FirstReviewerUnitAsync(task.OrgUnitId, campaign!.BottomUpApproval, ct);
        task.Status = SubmissionStatus.Submitted;
        task.SubmittedAtUtc = Now;
        Event(task, "submitted");
        await db.SaveChangesAsync(ct);
        await ToReviewersAsync(task, "submitted", ct);
    }

    /// <summary>Hand-over (issue 13): the reviewers of the unit the submission now waits at are told.</summary>
    private async Task ToReviewersAsync(AssessmentTask task, string what, CancellationToken ct)
    {
        if (task.AwaitingUnitId is not { } unit)
        {
            return;
        }
        var from = await orgs.FindAsync(task.OrgUnitId, ct);
        var to = new HashSet<Guid>(await notifier.UsersWithPermissionAtAsync(unit, AssessmentPermissions.Approve, ct));
        to.UnionWith(await notifier.UsersWithPermissionAtAsync(unit, AssessmentPermissions.Review, ct));
        await notifier.NotifyAsync(to, new NotificationMessage("assessment.handover", $"待审核的考评材料：{from?.Name}",
            $"{from?.Name}报送的考评材料等待本单位审核。", $"/assessment/tasks/{task.Id}", $"{task.Id}:{what}:{task.ReturnCount}"), ct);
    }

    /// <summary>Bottom-up: a town's submission goes to its district first; everything else (and without bottom-up) to the city.</summary>
    private async Task<Guid> FirstReviewerUnitAsync(Guid unitId, bool bottomUp, CancellationToken ct)
    {
        var ancestors = await orgs.AncestorsAsync(unitId, ct);
        var city = ancestors.FirstOrDefault(a => a.Level == OrgLevel.City) ?? await orgs.FindAsync(unitId, ct);
        if (bottomUp && ancestors.FirstOrDefault(a => a.Level == OrgLevel.County) is { } county)
        {
            return county.Id;
        }
        return city!.Id;
    }

    private async Task<(AssessmentTask Task, Campaign Campaign)> ReviewTaskAsync(Guid taskId, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw Missing.Of("考评任务");
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == task.CampaignId, ct);
        if (campaign.Status != CampaignStatus.Active)
        {
            throw Refuse.Conflict(EditRefusal(task, campaign)!);
        }
        return (task, campaign);
    }

    /// <summary>Whether the caller reviews at the task's current step: the office at the city step, an approver at their own unit.</summary>
    private async Task CheckReviewerAsync(AssessmentTask task, CancellationToken ct)
    {
        if (task.AwaitingUnitId is not { } awaiting)
        {
            throw Refuse.Conflict("该任务当前不在审核中。");
        }
        var unit = await orgs.FindAsync(awaiting, ct);
        if (unit?.Level == OrgLevel.City)
        {
            if (!user.Has(AssessmentPermissions.Review))
            {
                throw Refuse.Forbidden($"该材料正在等待{unit.Name}（法治办）审核。");
            }
            return;
        }
        if (!user.Has(AssessmentPermissions.Approve) || user.OrgUnitId != awaiting)
        {
            throw Refuse.Forbidden($"该材料正在等待{unit?.Name}审核，您不是该单位的审核人员。");
        }
    }

    /// <summary>Returns a submission to the unit. The reason is mandatory and shown to the unit.</summary>
    public async Task ReturnAsync(Guid taskId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Refuse.Field("reason", "退回必须说明理由，告知单位需要补充或修改的内容。");
        }
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status is not (SubmissionStatus.Submitted or SubmissionStatus.Accepted))
        {
            throw Refuse.Conflict(task.Status == SubmissionStatus.Approved ? task.LockedReason ?? "已审定。" : "该任务尚未报送，不能退回。");
        }
        if (task.Status == SubmissionStatus.Accepted)
        {
            if (!user.Has(AssessmentPermissions.Review))
            {
                throw Refuse.Forbidden("只有法治办可以退回已审核通过的材料。");
            }
        }
        else
        {
            await CheckReviewerAsync(task, ct);
        }
        task.Status = SubmissionStatus.Returned;
        task.ReturnCount++;
        task.ReturnReason = reason.Trim();
        task.AwaitingUnitId = null;
        Event(task, "returned", task.ReturnReason);
        await db.SaveChangesAsync(ct);
        // Hand-over (issue 13): the unit's submitters learn of the return and its reason at once.
        var submitters = await notifier.UsersWithPermissionAtAsync(task.OrgUnitId, AssessmentPermissions.Submit, ct);
        await notifier.NotifyAsync(submitters, new NotificationMessage("assessment.handover", "考评材料被退回",
            $"报送的考评材料被退回，理由：{task.ReturnReason}。请补充或修改后重新报送（截止 {task.DueDate:yyyy-MM-dd}）。",
            $"/assessment/tasks/{task.Id}", $"{task.Id}:returned:{task.ReturnCount}"), ct);
    }

    /// <summary>An intermediate reviewer (a district) approves a subordinate's submission and passes it up to the next level.</summary>
    public async Task ApproveUpAsync(Guid taskId, CancellationToken ct)
    {
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status != SubmissionStatus.Submitted)
        {
            throw Refuse.Conflict("该任务不在报送审核中。");
        }
        await CheckReviewerAsync(task, ct);
        var here = await orgs.FindAsync(task.AwaitingUnitId!.Value, ct);
        if (here?.Level == OrgLevel.City)
        {
            throw Refuse.Conflict("已到市级审核，请由法治办审核通过。");
        }
        var next = (await orgs.AncestorsAsync(here!.Id, ct)).FirstOrDefault(a => a.Level == OrgLevel.City) ?? here;
        task.AwaitingUnitId = next.Id;
        Event(task, "approved-up", $"{here.Name}审核同意，报{next.Name}");
        await db.SaveChangesAsync(ct);
        await ToReviewersAsync(task, "approved-up", ct);
    }

    /// <summary>The office accepts a submission that reached the city.</summary>
    public async Task AcceptAsync(Guid taskId, CancellationToken ct)
    {
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status != SubmissionStatus.Submitted)
        {
            throw Refuse.Conflict("该任务不在报送审核中。");
        }
        if (task.AwaitingUnitId is { } awaiting && (await orgs.FindAsync(awaiting, ct))?.Level != OrgLevel.City)
        {
            throw Refuse.Conflict("本活动实行逐级审核：该材料须先由区（市）审核同意后报市级。");
        }
        await CheckReviewerAsync(task, ct);
        task.Status = SubmissionStatus.Accepted;
        task.AwaitingUnitId = null;
        Event(task, "accepted");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Final approval (审定): the submission is locked; the lock states who approved it and when.</summary>
    public async Task ApproveAsync(Guid taskId, CancellationToken ct)
    {
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status != SubmissionStatus.Accepted)
        {
            throw Refuse.Conflict(task.Status == SubmissionStatus.Approved ? task.LockedReason ?? "已审定。" : "须先审核通过，才能审定。");
        }
        task.Status = SubmissionStatus.Approved;
        task.LockedReason = $"已于 {Cst(Now)} 由 {Actor} 审定，材料已锁定；如需修改，须由法治办说明理由解锁。";
        Event(task, "approved");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Unlocks an approved record (audited, reason mandatory); the unit may edit and resubmit.</summary>
    public async Task UnlockAsync(Guid taskId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Refuse.Field("reason", "解锁必须说明理由。");
        }
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status != SubmissionStatus.Approved)
        {
            throw Refuse.Conflict("该任务未锁定。");
        }
        var previous = task.LockedReason;
        task.Status = SubmissionStatus.Returned;
        task.LockedReason = null;
        task.ReturnReason = $"已解锁：{reason.Trim()}";
        Event(task, "unlocked", reason.Trim());
        await db.WriteAuditEventAsync("assessment.task.unlock", nameof(AssessmentTask), task.Id.ToString(), new { reason = reason.Trim(), previousLock = previous }, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Scores a task by its indicator's method (office). Deductions replace earlier ones; each needs a reason.</summary>
    public async Task<decimal> ScoreAsync(Guid taskId, ScoreInput input, decimal? computedValue, CancellationToken ct)
    {
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        if (task!.Status is not (SubmissionStatus.Accepted or SubmissionStatus.Approved))
        {
            throw Refuse.Conflict("须在材料审核通过后评分。");
        }
        if (await db.Appeals.AnyAsync(a => a.TaskId == task.Id && a.AnsweredAtUtc == null, ct))
        {
            throw Refuse.Conflict("该得分有待答复的申诉，请先答复申诉。");
        }
        var indicator = await db.Indicators.AsNoTracking().FirstAsync(i => i.Id == task.IndicatorId, ct);
        decimal score;
        var deductions = new List<Deduction>();
        switch (indicator.Method)
        {
            case ScoringMethod.Points:
                if (input.Points is not { } p || p < 0 || p > indicator.MaxScore)
                {
                    throw Refuse.Field("points", $"得分须在 0 至 {indicator.MaxScore:0.##} 分之间。");
                }
                score = p;
                break;
            case ScoringMethod.PassFail:
                if (input.Passed is not { } passed)
                {
                    throw Refuse.Field("passed", "请选择达标或不达标。");
                }
                task.Passed = passed;
                score = passed ? indicator.MaxScore : 0;
                break;
            case ScoringMethod.Deduction:
                foreach (var d in input.Deductions ?? [])
                {
                    if (d.Points <= 0 || string.IsNullOrWhiteSpace(d.Reason))
                    {
                        throw Refuse.Field("deductions", "每项扣分须大于 0 并写明扣分理由。");
                    }
                    deductions.Add(new Deduction { TaskId = task.Id, OrgUnitId = task.OrgUnitId, Points = d.Points, Reason = d.Reason.Trim() });
                }
                score = Math.Max(0, indicator.MaxScore - deductions.Sum(d => d.Points));
                break;
            default:
                if (input.Points is { } manual)
                {
                    if (manual < 0 || manual > indicator.MaxScore || string.IsNullOrWhiteSpace(input.Note))
                    {
                        throw Refuse.Field("points", $"人工调整计算指标得分须在 0 至 {indicator.MaxScore:0.##} 分之间并说明理由。");
                    }
                    score = manual;
                }
                else if (computedValue is { } v)
                {
                    score = Math.Round(indicator.MaxScore * Math.Clamp(v, 0, 1), 2);
                }
                else
                {
                    throw Refuse.Conflict("计算指标暂无数据（分母为 0），请人工评分并说明理由。");
                }
                break;
        }
        var old = await db.Deductions.Where(d => d.TaskId == task.Id).ToListAsync(ct);
        db.Deductions.RemoveRange(old);
        db.Deductions.AddRange(deductions);
        task.Score = score;
        task.ScoreNote = input.Note?.Trim() ?? "";
        task.ScoredBy = Actor;
        task.ScoredAtUtc = Now;
        Event(task, "scored", $"{score:0.##} 分" + (deductions.Count > 0 ? "；" + string.Join("；", deductions.Select(d => $"扣 {d.Points:0.##} 分：{d.Reason}")) : ""));
        await db.SaveChangesAsync(ct);
        return score;
    }

    /// <summary>A unit appeals its score, once.</summary>
    public async Task AppealAsync(Guid taskId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Refuse.Field("reason", "请写明申诉理由。");
        }
        var (task, campaign) = await LeadTaskAsync(taskId, ct);
        if (campaign!.Status != CampaignStatus.Active)
        {
            throw Refuse.Conflict(EditRefusal(task!, campaign)!);
        }
        if (task!.Score is not { } score)
        {
            throw Refuse.Conflict("该指标尚未评分，不能申诉。");
        }
        if (await db.Appeals.AnyAsync(a => a.TaskId == task.Id, ct))
        {
            throw Refuse.Conflict("每项得分只能申诉一次，本项已申诉。");
        }
        db.Appeals.Add(new ScoreAppeal { TaskId = task.Id, OrgUnitId = task.OrgUnitId, Reason = reason.Trim(), FiledBy = Actor, FiledAtUtc = Now, ScoreBefore = score });
        Event(task, "appealed", reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The office answers the appeal; a new score (optional) replaces the old one.</summary>
    public async Task AnswerAppealAsync(Guid taskId, string? answer, decimal? newScore, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw Refuse.Field("answer", "请填写申诉答复。");
        }
        var (task, _) = await ReviewTaskAsync(taskId, ct);
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.TaskId == task!.Id, ct);
        if (appeal is null)
        {
            throw Missing.Of("申诉");
        }
        if (appeal.AnsweredAtUtc is not null)
        {
            throw Refuse.Conflict($"该申诉已于 {Cst(appeal.AnsweredAtUtc)} 由 {appeal.AnsweredBy} 答复。");
        }
        var max = await db.Indicators.Where(i => i.Id == task!.IndicatorId).Select(i => i.MaxScore).FirstAsync(ct);
        if (newScore is { } s && (s < 0 || s > max))
        {
            throw Refuse.Field("newScore", $"调整后的得分须在 0 至 {max:0.##} 分之间。");
        }
        appeal.Answer = answer.Trim();
        appeal.AnsweredBy = Actor;
        appeal.AnsweredAtUtc = Now;
        appeal.ScoreAfter = newScore ?? task!.Score;
        task!.Score = appeal.ScoreAfter;
        Event(task, "appeal-answered", answer.Trim());
        await db.SaveChangesAsync(ct);
    }
}
