using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Platform.Features.Audit;

/// <summary>How the audit trail names the platform's own records and actions (ADR 0041); modules register theirs.</summary>
internal static class PlatformAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuditLabels(
            new AuditLabel("FazhiUser", "账户", "Account", "/admin/users/{id}",
                F("MustChangePassword", "须修改密码", "Must change password"), F("TwoFactorEnabled", "双因素认证", "Two-factor authentication"),
                F("LockoutEnd", "锁定至", "Locked until"), F("AccessFailedCount", "连续登录失败次数", "Failed sign-ins"),
                F("PasswordHash", "密码", "Password"), F("LastSignInAt", "最近登录", "Last sign-in")),
            new AuditLabel("OrgUnit", "组织机构", "Organisation unit", "/admin/org-units/{id}", F("Path", "位置", "Position"), F("SortOrder", "排序", "Order")),
            new AuditLabel("Role", "角色", "Role", "/admin/roles/{id}", F("AdminKind", "三员类别", "Administrator kind"), F("Description", "说明", "Description")),
            new AuditLabel("RolePermission", "角色权限", "Role permission", null, F("Permission", "权限", "Permission")),
            new AuditLabel("RoleAssignment", "角色授权", "Role grant"),
            new AuditLabel("IdentityUserToken`1", "登录令牌", "Sign-in token", null, F("LoginProvider", "来源", "Provider")),
            new AuditLabel("IdentityUserLogin`1", "外部登录", "External sign-in"),
            new AuditLabel("IdentityUserClaim`1", "账户声明", "Account claim"),
            new AuditLabel("Attachment", "附件", "Attachment", null, F("Size", "大小", "Size"), F("ContentType", "文件类型", "File type")),
            new AuditLabel("Notification", "消息", "Message", null, F("ReadAt", "已读时间", "Read at"), F("Body", "内容", "Text")),
            new AuditLabel("CalendarDay", "工作日历", "Working-day calendar", null, F("Date", "日期", "Date"), F("IsWorkingDay", "工作日", "Working day")),
            new AuditLabel("CalendarYear", "工作日历年度", "Calendar year"),
            new AuditLabel("CreditCodeOverride", "信用代码人工核验", "Credit code override"),
            new AuditLabel("NumberPatternSetting", "文号规则", "Numbering pattern", null, F("Pattern", "规则", "Pattern")),
            new AuditLabel("NumberSequenceCounter", "文号序号", "Numbering counter", null, F("Value", "当前序号", "Current number")),
            new AuditLabel("AuditChain", "审计日志", "Audit trail"),
            new AuditLabel("PhoneVerificationCode", "手机验证码", "Phone verification code", null, F("Purpose", "用途", "Purpose")));
        services.AddAuditActions(
            new AuditActionLabel("signin.succeeded", "登录成功", "Signed in"),
            new AuditActionLabel("signin.succeeded_recovery_code", "使用恢复码登录", "Signed in with a recovery code"),
            new AuditActionLabel("signin.password_ok_needs_2fa", "密码正确，等待验证码", "Password right, awaiting the code"),
            new AuditActionLabel("signin.2fa_failed", "验证码错误", "Wrong verification code"),
            new AuditActionLabel("signin.locked_out", "登录失败，账户锁定", "Sign-in failed, account locked"),
            new AuditActionLabel("signin.not_allowed", "不允许登录", "Sign-in not allowed"),
            new AuditActionLabel("signin.failed", "登录失败", "Sign-in failed"),
            new AuditActionLabel("password.changed", "修改密码", "Password changed"),
            new AuditActionLabel("password.reset", "重置密码", "Password reset"),
            new AuditActionLabel("2fa.enabled", "启用双因素认证", "Two-factor enabled"),
            new AuditActionLabel("2fa.disabled", "停用双因素认证", "Two-factor disabled"),
            new AuditActionLabel("2fa.reset", "重置双因素认证", "Two-factor reset"),
            new AuditActionLabel("account.unlocked", "解除锁定", "Account unlocked"),
            new AuditActionLabel("attachment.downloaded", "下载附件", "Attachment downloaded"),
            new AuditActionLabel("audit.exported", "导出审计日志", "Audit trail exported"),
            new AuditActionLabel("audit.purged", "清理审计日志", "Audit trail purged"),
            new AuditActionLabel("audit.verified", "校验审计日志", "Audit trail verified"),
            new AuditActionLabel("calendar.imported", "导入工作日历", "Calendar imported"),
            new AuditActionLabel("orgunit.deactivated", "停用单位", "Unit deactivated"),
            new AuditActionLabel("orgunit.exported", "导出组织机构", "Units exported"),
            new AuditActionLabel("orgunit.imported", "导入组织机构", "Units imported"),
            new AuditActionLabel("signout", "退出登录", "Signed out"),
            new AuditActionLabel("2fa.recovery_codes_regenerated", "重新生成恢复码", "Recovery codes regenerated"),
            new AuditActionLabel("role.assigned", "授予角色", "Role granted"),
            new AuditActionLabel("role.removed", "撤销角色", "Role withdrawn"),
            new AuditActionLabel("platform.phone-code.requested", "发送手机验证码", "Phone verification code requested"));
    }
}
