using System.Globalization;
using System.Text;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Platform.Features.Audit;

/// <summary>
/// Computes an entry's link hash: SM3 over the previous hash and every field, each length-prefixed so that no two
/// different entries share a canonical form.
/// </summary>
internal static class AuditHasher
{
    /// <summary>The previous hash of entry 1.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e)
    {
        var sb = new StringBuilder(256 + e.Changes.Length);
        Field(sb, e.PreviousHash);
        Field(sb, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Field(sb, e.ActorId?.ToString("N") ?? "");
        Field(sb, e.ActorName);
        Field(sb, e.OrgUnitId?.ToString("N") ?? "");
        Field(sb, e.Action);
        Field(sb, e.EntityType);
        Field(sb, e.EntityId ?? "");
        Field(sb, e.Changes);
        Field(sb, e.ClientIp ?? "");
        return Sm3.HashHex(sb.ToString());
    }

    private static void Field(StringBuilder sb, string value) =>
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
}
