using Microsoft.AspNetCore.Identity;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>
/// The security baseline's password rules beyond length (ASVS 5.0 V6.2; 等保 2.0 "complexity"):
/// not on the common-password list, and not containing the user name. No composition rules.
/// </summary>
internal sealed class BaselinePasswordValidator : IPasswordValidator<FazhiUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<FazhiUser> manager, FazhiUser user, string? password)
    {
        var errors = new List<IdentityError>();
        var pwd = (password ?? "").ToLowerInvariant();
        if (IsCommon(pwd))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "该密码过于常见，容易被猜中，请换一个。" });
        }
        var name = user.UserName?.ToLowerInvariant();
        if (!string.IsNullOrEmpty(name) && name.Length >= 3 && pwd.Contains(name, StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>A password is common if it is on the list, or is a listed word with only digits or symbols around it.</summary>
    internal static bool IsCommon(string lowered)
    {
        if (Common.Value.Contains(lowered))
        {
            return true;
        }
        var core = lowered.Trim("0123456789!@#$%^&*.-_ ".ToCharArray());
        return core.Length == 0 || Common.Value.Contains(core) || lowered.Distinct().Count() <= 2;
    }

    private static HashSet<string> Load()
    {
        var asm = typeof(BaselinePasswordValidator).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}
