using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Users;

/// <summary>
/// The account list's query string: the kit's list query (keyword over name and user name, from/to over the day the
/// account was created) and the list's own filters.
/// </summary>
internal sealed class UserListQuery : DatedListQuery
{
    /// <summary>Org unit code; its subtree is included.</summary>
    [FromQuery(Name = "org")]
    public string? Org { get; set; }

    [FromQuery(Name = "role")]
    public Guid? Role { get; set; }

    /// <summary>active, inactive, locked, demo or no2fa.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }
}

internal sealed record UserListItem(
    Guid Id, string UserName, string DisplayName, string OrgUnitCode, string OrgUnitName, IReadOnlyList<string> Roles,
    bool IsActive, bool IsLockedOut, bool IsDemo, bool TwoFactorEnabled, bool MustChangePassword, string? Phone, long Version);

internal sealed record UserRoleItem(Guid Id, Guid RoleId, string RoleCode, string RoleName, AdminKind AdminKind, Guid OrgUnitId, string OrgUnitCode, string OrgUnitName);

internal sealed record UserDetail(
    Guid Id, string UserName, string DisplayName, Guid OrgUnitId, string OrgUnitCode, string OrgUnitName,
    bool IsActive, bool IsLockedOut, DateTimeOffset? LockoutEnd, bool IsDemo, bool TwoFactorEnabled, bool MustChangePassword,
    string? Phone, DateTimeOffset CreatedAt, long Version, IReadOnlyList<UserRoleItem> Roles);

internal sealed record CreateUserRequest(string? UserName, string? DisplayName, Guid? OrgUnitId);

/// <summary>The one-time password is in this response and nowhere else: it is never stored or shown again.</summary>
internal sealed record CreatedUser(Guid Id, string UserName, string OneTimePassword);

internal sealed record UpdateUserRequest(string? DisplayName, Guid? OrgUnitId, long Version);

internal sealed record OneTimePasswordResponse(Guid Id, string UserName, string OneTimePassword);

internal sealed record OrgChoice(Guid Id, string Code, string Name);

/// <summary>Why the two-factor authentication is reset (required, written to the audit trail) and optionally the version the caller read.</summary>
internal sealed record ResetTwoFactorRequest(string? Reason, long? Version);

/// <summary>
/// Account administration for the system administrator, shared by the pages and the API. Every read goes through the
/// data-scope query filter, so an account outside the caller's scope is simply not found.
/// </summary>
internal sealed class UserAdministration(PlatformDb db, UserManager<FazhiUser> users, ICurrentUser current)
{
    /// <summary>The largest page: the kit's page-size choice (PageSizeField) goes up to 200.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The account list: keyword over user name and display name, sorted by user name unless asked otherwise.</summary>
    public static readonly ListShape<FazhiUser> Shape = new ListShape<FazhiUser> { DefaultPageSize = 20, MaxPageSize = MaxPageSize }
        .Search((q, keyword) =>
        {
            var term = keyword.ToLowerInvariant();
            return q.Where(u => u.UserName!.ToLower().Contains(term) || u.DisplayName.ToLower().Contains(term));
        })
        // The creation day is compared in memory (FilterAsync), as lockout ends are: SQLite cannot compare DateTimeOffset
        // values. Declared here so that the list takes from/to and checks them.
        .Dated((q, _, _) => q)
        .SortBy("userName", u => u.UserName)
        .SortBy("displayName", u => u.DisplayName)
        .ThenBy(u => u.Id);

    /// <summary>
    /// The accounts in scope that the list's own filters keep (unit subtree, role, status, creation day); null when the unit
    /// code names no unit. The keyword and the sort are the shape's.
    /// </summary>
    private async Task<IQueryable<FazhiUser>?> FilterAsync(UserListQuery query, ListRequest list, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Org))
        {
            var code = query.Org.Trim();
            var path = await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return null;
            }
            q = q.Where(u => db.OrgUnits.Any(o => o.Id == u.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (query.Role is { } roleId)
        {
            q = q.Where(u => db.RoleAssignments.Any(a => a.UserId == u.Id && a.RoleId == roleId));
        }
        switch (query.Status)
        {
            case "active":
                q = q.Where(u => u.IsActive);
                break;
            case "inactive":
                q = q.Where(u => !u.IsActive);
                break;
            case "demo":
                q = q.Where(u => u.IsDemo);
                break;
            case "no2fa":
                q = q.Where(u => !u.TwoFactorEnabled);
                break;
            case "locked":
                // Lockout ends are compared in memory: SQLite cannot compare DateTimeOffset values. Few rows have one.
                var now = DateTimeOffset.UtcNow;
                var candidates = await q.Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
                var locked = candidates.Where(c => c.LockoutEnd > now).Select(c => c.Id).ToList();
                q = q.Where(u => locked.Contains(u.Id));
                break;
        }
        if (list.From is not null || list.To is not null)
        {
            // The day in China the account was created, compared in memory (see Shape); an office has thousands of accounts at most.
            var created = await q.Select(u => new { u.Id, u.CreatedAt }).ToListAsync(ct);
            var kept = created.Where(c => DateOnly.FromDateTime(c.CreatedAt.ToOffset(ChinaTime.Offset).DateTime) is var day
                && (list.From is null || day >= list.From) && (list.To is null || day <= list.To)).Select(c => c.Id).ToList();
            q = q.Where(u => kept.Contains(u.Id));
        }
        return q;
    }

    /// <summary>
    /// The account list as the page shows it, every filtered row (at most <see cref="ListOutput.MaxRows"/>, else refused),
    /// for the .xlsx export and the print view; the phone is masked, as on the page.
    /// </summary>
    public async Task<ListTable> TableAsync(UserListQuery query, ListRequest list, CancellationToken ct)
    {
        var q = await FilterAsync(query, list, ct);
        var filtered = q is null ? new List<FazhiUser>() : await CountedAsync(Shape.Apply(q, list), ct);
        var ids = filtered.Select(u => u.Id).ToList();
        var orgIds = filtered.Select(u => u.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Code, o.Name }, ct);
        var roles = (await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).Select(a => new { a.UserId, a.Role!.Name }).ToListAsync(ct))
            .ToLookup(a => a.UserId, a => a.Name);
        var roleName = query.Role is { } r ? await db.Roles.AsNoTracking().Where(x => x.Id == r).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        XlsxColumn[] columns =
        [
            new("用户名", 18), new("姓名", 12), new("所属单位", 24), new("组织机构代码", 14), new("角色", 30), new("手机", 14), new("状态", 24), new("创建日期", 12),
        ];
        return new ListTable("用户账户",
            ListOutput.Describe(list, "创建日期", ("组织机构代码（含下级）", query.Org?.Trim()), ("角色", roleName), ("状态", StatusName(query.Status))), columns,
            filtered.Select(u => (IReadOnlyList<object?>)
            [
                u.UserName, u.DisplayName, orgs.GetValueOrDefault(u.OrgUnitId)?.Name ?? "", orgs.GetValueOrDefault(u.OrgUnitId)?.Code ?? "",
                string.Join("、", roles[u.Id].Distinct()), Masking.Phone(u.PhoneNumber), StatusText(u),
                DateOnly.FromDateTime(u.CreatedAt.ToOffset(ChinaTime.Offset).DateTime),
            ]).ToList());

        static async Task<List<FazhiUser>> CountedAsync(IQueryable<FazhiUser> rows, CancellationToken ct)
        {
            ListOutput.CheckSize(await rows.CountAsync(ct));
            return await rows.ToListAsync(ct);
        }
    }

    /// <summary>The status filter's name, as the list's query bar offers it.</summary>
    private static string? StatusName(string? status) => status switch
    {
        "active" => "正常",
        "inactive" => "已停用",
        "locked" => "已锁定",
        "demo" => "演示账户",
        "no2fa" => "未启用双因素",
        _ => null,
    };

    /// <summary>An account's status tags as text (the list's status column).</summary>
    private static string StatusText(FazhiUser u)
    {
        var tags = new List<string> { u.IsActive ? "正常" : "已停用" };
        if (IsLocked(u.LockoutEnd))
        {
            tags.Add("已锁定");
        }
        if (u.IsDemo)
        {
            tags.Add("演示");
        }
        if (!u.TwoFactorEnabled)
        {
            tags.Add("未启用双因素");
        }
        if (u.MustChangePassword)
        {
            tags.Add("待修改一次性密码");
        }
        return string.Join("、", tags);
    }

    /// <summary>One page of accounts in scope; <paramref name="list"/> is the query as <see cref="Shape"/> checked or read it.</summary>
    public async Task<Paged<UserListItem>> ListAsync(UserListQuery query, ListRequest list, CancellationToken ct)
    {
        if (await FilterAsync(query, list, ct) is not { } q)
        {
            return new Paged<UserListItem>([], 0, list.Page.Page, list.Page.PageSize);
        }
        var found = await Shape.PageAsync(q, list, ct);
        var ids = found.Items.Select(r => r.Id).ToList();
        var orgIds = found.Items.Select(r => r.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Code, o.Name }, ct);
        var roles = (await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId))
                .Select(a => new { a.UserId, a.Role!.Name }).ToListAsync(ct))
            .ToLookup(a => a.UserId, a => a.Name);
        return found.Select(r => new UserListItem(
            r.Id, r.UserName ?? "", r.DisplayName, orgs.GetValueOrDefault(r.OrgUnitId)?.Code ?? "", orgs.GetValueOrDefault(r.OrgUnitId)?.Name ?? "",
            roles[r.Id].Distinct().ToList(), r.IsActive, IsLocked(r.LockoutEnd), r.IsDemo, r.TwoFactorEnabled, r.MustChangePassword,
            Masking.Phone(r.PhoneNumber), r.Version));
    }

    public async Task<UserDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null)
        {
            return null;
        }
        var org = await db.OrgUnits.AsNoTracking().Where(o => o.Id == u.OrgUnitId).Select(o => new { o.Code, o.Name }).FirstOrDefaultAsync(ct);
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id)
            .Select(a => new
            {
                a.Id, a.RoleId, a.Role!.Code, a.Role.Name, a.Role.AdminKind, a.OrgUnitId,
                Org = db.OrgUnits.Where(o => o.Id == a.OrgUnitId).Select(o => new { o.Code, o.Name, o.Path }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new UserDetail(u.Id, u.UserName ?? "", u.DisplayName, u.OrgUnitId, org?.Code ?? "", org?.Name ?? "",
            u.IsActive, IsLocked(u.LockoutEnd), u.LockoutEnd, u.IsDemo, u.TwoFactorEnabled, u.MustChangePassword,
            Masking.Phone(u.PhoneNumber), u.CreatedAt, u.Version,
            roles.OrderBy(r => r.Org?.Path, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new UserRoleItem(r.Id, r.RoleId, r.Code, r.Name, r.AdminKind, r.OrgUnitId, r.Org?.Code ?? "", r.Org?.Name ?? "")).ToList());
    }

    public async Task<CreatedUser> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        EnsureMayManage();
        var errors = new Dictionary<string, string[]>();
        var userName = request.UserName?.Trim() ?? "";
        var displayName = request.DisplayName?.Trim() ?? "";
        var normalized = users.NormalizeName(userName);
        if (userName.Length is < 3 or > 64)
        {
            errors["userName"] = ["用户名须为 3 至 64 个字符。"];
        }
        else if (userName.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            errors["userName"] = ["用户名只能包含英文字母、数字和 - . _ @。"];
        }
        // User names are unique in the whole installation, not per scope: check beyond the caller's data scope.
        else if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalized, ct))
        {
            errors["userName"] = [$"用户名“{userName}”已被使用。"];
        }
        CheckDisplayName(displayName, errors);
        await CheckOrgAsync(request.OrgUnitId, errors, ct);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "账户未创建：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        var password = PlatformSeeder.OneTimePassword();
        var user = new FazhiUser { UserName = userName, DisplayName = displayName, OrgUnitId = request.OrgUnitId!.Value, MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw Refuse.Field("userName", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return new CreatedUser(user.Id, userName, password);
    }

    public async Task<UserDetail> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken ct)
    {
        EnsureMayManage();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            throw NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        var displayName = request.DisplayName?.Trim() ?? "";
        CheckDisplayName(displayName, errors);
        await CheckOrgAsync(request.OrgUnitId, errors, ct);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "修改未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        // The version the caller read: a stale one makes the save fail instead of overwriting someone else's edit.
        db.Entry(user).Property(u => u.Version).OriginalValue = request.Version;
        user.DisplayName = displayName;
        user.OrgUnitId = request.OrgUnitId!.Value;
        if (!await TrySaveAsync(ct))
        {
            throw Refuse.Stale();
        }
        return (await GetAsync(id, ct))!;
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        EnsureMayManage();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            throw NotFound();
        }
        if (!active && user.Id == current.UserId)
        {
            throw Refuse.Field("id", "不能停用自己的账户。");
        }
        if (user.IsActive == active)
        {
            throw Refuse.Field("id", active ? "该账户已是启用状态。" : "该账户已停用。");
        }
        user.IsActive = active;
        // A new security stamp ends the account's open sessions at their next validation.
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlockAsync(Guid id, CancellationToken ct)
    {
        EnsureMayManage();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            throw NotFound();
        }
        if (!IsLocked(user.LockoutEnd) && user.AccessFailedCount == 0)
        {
            throw Refuse.Field("id", "该账户未被锁定。");
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("account.unlocked", nameof(FazhiUser), user.Id.ToString(), new { userName = user.UserName }, ct);
    }

    /// <summary>Sets a new one-time password (returned once), requires a change at next sign-in and lifts a lockout.</summary>
    public async Task<OneTimePasswordResponse> ResetPasswordAsync(Guid id, CancellationToken ct)
    {
        EnsureMayManage();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            throw NotFound();
        }
        if (user.Id == current.UserId)
        {
            throw Refuse.Field("id", "不能重置自己的密码，请在“账户安全”中修改密码。");
        }
        var password = PlatformSeeder.OneTimePassword();
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw Refuse.Field("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await db.WriteAuditEventAsync("password.reset", nameof(FazhiUser), user.Id.ToString(), new { userName = user.UserName }, ct);
        return new OneTimePasswordResponse(user.Id, user.UserName!, password);
    }

    public const int MaxResetReasonLength = 200;

    /// <summary>
    /// For a user who lost their authenticator: turns TOTP off, discards the authenticator key and the recovery codes and
    /// changes the security stamp, so the account's open sessions end at their next validation (within a minute).
    /// An administrator (三员) must enrol again at the next sign-in (AccountGateMiddleware); a business user signs in with the password.
    /// Business accounts: the system administrator; 三员 accounts: only the security administrator (ADR 0003). Audited as <c>2fa.reset</c>.
    /// </summary>
    public async Task ResetTwoFactorAsync(Guid id, ResetTwoFactorRequest? request, CancellationToken ct)
    {
        if (!current.Has(PlatformPermissions.UsersManage) && !current.Has(PlatformPermissions.RolesManage))
        {
            throw Refuse.Forbidden("重置双因素认证需要“管理用户”（系统管理员）或“管理角色与权限”（安全管理员）权限。");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            throw NotFound();
        }
        var adminRole = await AdminRoleHeldAsync(id, ct);
        if (TwoFactorResetRefusal(id, adminRole) is { } refusal)
        {
            throw Refuse.Forbidden(refusal);
        }
        var reason = request?.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            throw Refuse.Field("reason", "请填写重置原因（例如：手机遗失，已当面核实本人身份），原因将记入审计日志。");
        }
        if (reason.Length > MaxResetReasonLength)
        {
            throw Refuse.Field("reason", $"重置原因不超过 {MaxResetReasonLength} 个字符。");
        }
        if (!user.TwoFactorEnabled)
        {
            throw Refuse.Field("id", "该账户尚未启用双因素认证，无需重置。");
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (request?.Version is { } version)
        {
            // The version the caller read: a stale one fails instead of acting on an account that changed meanwhile.
            db.Entry(user).Property(u => u.Version).OriginalValue = version;
        }
        // Saved directly (not through UserManager, whose store re-attaches the user and drops the version check).
        user.TwoFactorEnabled = false;
        if (!await TrySaveAsync(ct))
        {
            throw Refuse.Stale();
        }
        // A fresh key: the lost authenticator's codes stop working; no recovery codes until the user enrols again.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        // A new security stamp ends the account's open sessions at their next validation.
        await users.UpdateSecurityStampAsync(user);
        await db.WriteAuditEventAsync("2fa.reset", nameof(FazhiUser), user.Id.ToString(), new
        {
            userName = user.UserName,
            reason,
            administratorRole = adminRole,
        }, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Why the caller may not reset this account's two-factor authentication, or null when they may; for the detail
    /// page, which offers the action only when allowed and otherwise says why.
    /// </summary>
    public async Task<string?> TwoFactorResetRefusalAsync(Guid id, CancellationToken ct) =>
        !current.Has(PlatformPermissions.UsersManage) && !current.Has(PlatformPermissions.RolesManage)
            ? "重置双因素认证需要“管理用户”（系统管理员）或“管理角色与权限”（安全管理员）权限。"
            : TwoFactorResetRefusal(id, await AdminRoleHeldAsync(id, ct));

    /// <summary>ADR 0003: business accounts are the system administrator's, 三员 accounts only the security administrator's; nobody resets their own.</summary>
    private string? TwoFactorResetRefusal(Guid id, string? adminRole)
    {
        if (id == current.UserId)
        {
            return "不能重置自己的双因素认证：请在“账户安全”中管理；验证器遗失时请由其他管理员重置。";
        }
        if (adminRole is not null)
        {
            return current.Has(PlatformPermissions.RolesManage)
                ? null
                : $"该账户担任“{adminRole}”（三员）：三员账户的双因素认证只能由安全管理员重置（三员分立）。";
        }
        return current.Has(PlatformPermissions.UsersManage)
            ? null
            : "业务账户的双因素认证由系统管理员重置，需要“管理用户”权限。";
    }

    /// <summary>
    /// The 三员 role the account holds, if any. Counted over all its assignments, including units outside the
    /// caller's data scope (as 三员分立 itself is), so a role held elsewhere cannot be hidden by scope.
    /// </summary>
    private Task<string?> AdminRoleHeldAsync(Guid userId, CancellationToken ct) =>
        db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.UserId == userId && a.Role!.AdminKind != AdminKind.None)
            .Select(a => a.Role!.Name)
            .FirstOrDefaultAsync(ct);

    /// <summary>The org units the caller may place accounts in and grant roles at, in tree order.</summary>
    public async Task<List<OrgChoice>> OrgChoicesAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        var q = db.OrgUnits.AsNoTracking().Where(o => o.IsActive);
        if (!scope.Unrestricted)
        {
            var ids = scope.UnitIds;
            q = q.Where(o => ids.Contains(o.Id));
        }
        return await q.OrderBy(o => o.Path).Select(o => new OrgChoice(o.Id, o.Code, o.Name)).ToListAsync(ct);
    }

    public Task<Guid?> OrgIdByCodeAsync(string? code, CancellationToken ct) =>
        db.OrgUnits.Where(o => o.Code == (code ?? "").Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);

    private void EnsureMayManage()
    {
        if (!current.Has(PlatformPermissions.UsersManage))
        {
            throw Refuse.Forbidden("管理账户需要“管理用户”权限（系统管理员）。");
        }
    }

    private static RefusalException NotFound() => Refuse.NotFound("用户不存在或不在您的数据范围内。");

    private static void CheckDisplayName(string displayName, Dictionary<string, string[]> errors)
    {
        if (displayName.Length is < 1 or > 64)
        {
            errors["displayName"] = ["请填写姓名（不超过 64 个字符）。"];
        }
    }

    private async Task CheckOrgAsync(Guid? orgUnitId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (orgUnitId is not { } id)
        {
            errors["orgUnitId"] = ["请选择所属组织机构。"];
            return;
        }
        var org = await db.OrgUnits.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name }).FirstOrDefaultAsync(ct);
        if (org is null)
        {
            errors["orgUnitId"] = ["所选组织机构不存在。"];
        }
        else if (!current.Scope.Allows(id))
        {
            errors["orgUnitId"] = [$"“{org.Name}”不在您的管理范围内：只能把账户放在本单位及下级单位。"];
        }
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static bool IsLocked(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end > DateTimeOffset.UtcNow;
}

/// <summary>Masks personal data in lists (PIPL Art. 51): a phone shows its first 3 and last 4 digits.</summary>
internal static class Masking
{
    public static string? Phone(string? phone) =>
        string.IsNullOrEmpty(phone) ? null : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
