using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Kit;

/// <summary>A field's label in the readable audit trail.</summary>
/// <param name="Name">The property name as the audit records it (e.g. <c>Status</c>).</param>
/// <param name="Label">Chinese label.</param>
/// <param name="LabelEn">English label.</param>
public sealed record AuditField(string Name, string Label, string LabelEn);

/// <summary>
/// How the audit trail names one kind of record (ADR 0041): the entity type as the audit records it (the CLR type name,
/// e.g. <c>DisputeCase</c>), its Chinese and English name, the page that shows one record (<c>{id}</c> is replaced by the
/// entry's record id; null when there is no such page) and labels for its fields. Fields without a label are left out of
/// the default view (the raw entry keeps them). Modules register theirs with <see cref="AuditLabelExtensions.AddAuditLabels"/>.
/// </summary>
public sealed record AuditLabel(string EntityType, string Label, string LabelEn, string? Link = null, params AuditField[] Fields);

/// <summary>The name of an action the audit records (<c>disputes.case.merge</c>), in Chinese and English.</summary>
public sealed record AuditActionLabel(string Action, string Label, string LabelEn);

public static class AuditLabelExtensions
{
    /// <summary>Registers how the audit trail names these records (additive: every module adds its own).</summary>
    public static IServiceCollection AddAuditLabels(this IServiceCollection services, params AuditLabel[] labels)
    {
        foreach (var label in labels)
        {
            services.AddSingleton(label);
        }
        return services;
    }

    /// <summary>Registers the names of a module's own audit actions.</summary>
    public static IServiceCollection AddAuditActions(this IServiceCollection services, params AuditActionLabel[] actions)
    {
        foreach (var action in actions)
        {
            services.AddSingleton(action);
        }
        return services;
    }

    /// <summary>Shorthand for a field label.</summary>
    public static AuditField F(string name, string label, string labelEn) => new(name, label, labelEn);
}

/// <summary>Every registered label, looked up by entity type, action and field; the English text in English mode.</summary>
public sealed class AuditLabels
{
    /// <summary>Fields every record may have, labelled once here; a module's own label for the field wins.</summary>
    private static readonly AuditField[] Common =
    [
        new("Status", "状态", "Status"), new("Name", "名称", "Name"), new("Title", "标题", "Title"), new("OrgUnitId", "单位", "Unit"),
        new("DisplayName", "姓名", "Name"), new("UserName", "用户名", "User name"), new("IsActive", "启用", "Active"),
        new("Code", "编码", "Code"), new("Number", "编号", "Number"), new("Reason", "理由", "Reason"), new("Note", "备注", "Note"),
        new("Stage", "阶段", "Stage"), new("DueDate", "期限", "Due date"), new("Deadline", "期限", "Deadline"),
        new("HandlerId", "承办人", "Handler"), new("AssigneeId", "承办人", "Assignee"), new("UserId", "用户", "User"),
        new("RoleId", "角色", "Role"), new("Kind", "类型", "Kind"), new("Type", "类型", "Type"), new("Summary", "摘要", "Summary"),
        new("HandlingUnitId", "办理单位", "Handling unit"), new("ParentId", "上级单位", "Parent unit"), new("Level", "层级", "Level"),
        new("Result", "结果", "Result"), new("Outcome", "结果", "Outcome"), new("Decision", "决定", "Decision"),
        new("ClosedAt", "办结时间", "Closed at"), new("AcceptedAt", "受理时间", "Accepted at"), new("SubmittedAt", "提交时间", "Submitted at"),
        new("PublishedAt", "公开时间", "Published at"), new("FileName", "文件名", "File name"), new("Year", "年度", "Year"),
    ];

    private static readonly AuditActionLabel[] Basic =
    [
        new("create", "新增", "Created"), new("update", "修改", "Changed"), new("delete", "删除", "Deleted"),
    ];

    private readonly Dictionary<string, AuditLabel> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditActionLabel> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditField> _common = Common.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public AuditLabels(IEnumerable<AuditLabel> entities, IEnumerable<AuditActionLabel> actions)
    {
        foreach (var e in entities)
        {
            _entities[e.EntityType] = e;
        }
        foreach (var a in Basic.Concat(actions))
        {
            _actions[a.Action] = a;
        }
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The registered record kinds, by label (the record filter's choices).</summary>
    public IReadOnlyList<AuditLabel> Entities => _entities.Values.OrderBy(e => e.Label, StringComparer.Ordinal).ToList();

    /// <summary>The registered actions (the action filter's choices).</summary>
    public IReadOnlyList<AuditActionLabel> Actions => _actions.Values.OrderBy(a => a.Action, StringComparer.Ordinal).ToList();

    public AuditLabel? Entity(string entityType) => _entities.GetValueOrDefault(entityType);

    /// <summary>The record kind's name; null when no module registered it (the page then says "其他记录").</summary>
    public string? EntityName(string entityType) => Entity(entityType) is { } e ? (English ? e.LabelEn : e.Label) : null;

    /// <summary>The action's name; null when it is not registered.</summary>
    public string? ActionName(string action) => _actions.TryGetValue(action, out var a) ? (English ? a.LabelEn : a.Label) : null;

    /// <summary>The field's label for this record kind; null when neither the kind nor the common list labels it.</summary>
    public string? FieldName(string entityType, string field)
    {
        var f = Entity(entityType)?.Fields.FirstOrDefault(x => x.Name == field) ?? _common.GetValueOrDefault(field);
        return f is null ? null : English ? f.LabelEn : f.Label;
    }

    /// <summary>The link to the record, or null.</summary>
    public string? LinkFor(string entityType, string? entityId) =>
        Entity(entityType)?.Link is { } link && !string.IsNullOrEmpty(entityId) && Guid.TryParse(entityId, out var id)
            ? link.Replace("{id}", id.ToString(), StringComparison.Ordinal)
            : null;
}
