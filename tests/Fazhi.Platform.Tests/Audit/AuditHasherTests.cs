using System.Globalization;
using System.Text;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Platform.Tests.Audit;

public sealed class AuditHasherTests
{
    /// <summary>The canonical form as first written (StringBuilder + SM3 of the UTF-8 string): existing chains were hashed with it.</summary>
    private static string Reference(AuditEntry e)
    {
        var sb = new StringBuilder();
        void Field(string v) => sb.Append(v.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v).Append('|');
        Field(e.PreviousHash);
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Field(e.ActorId?.ToString("N") ?? "");
        Field(e.ActorName);
        Field(e.OrgUnitId?.ToString("N") ?? "");
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId ?? "");
        Field(e.Changes);
        Field(e.ClientIp ?? "");
        return Sm3.HashHex(sb.ToString());
    }

    public static TheoryData<string, string?, string?> Samples => new()
    {
        { "{}", null, null },
        { "{\"Name\":[\"枣庄市司法局\",\"枣庄市司法局（新）\"]}", "370402", "10.0.0.1" },
        { "{\"Note\":[null,\"😀 emoji 与中文 mixed\"]}", "a,b", "::1" },
        { new string('长', 5000), "x", "" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Fast_hasher_keeps_the_canonical_form_of_existing_chains(string changes, string? entityId, string? ip)
    {
        var e = new AuditEntry
        {
            Sequence = 1234567,
            At = DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123),
            ActorId = entityId is null ? null : Guid.NewGuid(),
            ActorName = "张三",
            OrgUnitId = Guid.NewGuid(),
            Action = "update",
            EntityType = "OrgUnit",
            EntityId = entityId,
            Changes = changes,
            ClientIp = ip,
            PreviousHash = AuditHasher.Genesis,
        };
        var buffer = new AuditHashBuffer();

        Assert.Equal(Reference(e), AuditHasher.Compute(e));
        Assert.Equal(Reference(e), buffer.ComputeHex(e).ToString());
        e.Hash = AuditHasher.Compute(e);
        Assert.True(buffer.Matches(e));
        e.Changes += " ";
        Assert.False(buffer.Matches(e));
    }
}
