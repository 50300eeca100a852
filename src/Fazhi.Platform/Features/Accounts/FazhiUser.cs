using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>A Fazhi account. Accounts are scoped records: they belong to their home org unit.</summary>
public sealed class FazhiUser : IdentityUser<Guid>, IOrgScoped, IVersioned
{
    public FazhiUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Display name (姓名).</summary>
    public string DisplayName { get; set; } = "";

    public Guid OrgUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set for accounts created by <c>--demo</c>; the UI labels them.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The password must be changed at next sign-in (one-time passwords from the console or an administrator).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Mobile phone (手机号), optional; stored SM4-encrypted with a blind index, shown masked (138****5678).</summary>
    public SensitiveText? Mobile { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public long Version { get; set; }
}
