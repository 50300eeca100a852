using System.Data.Common;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.PersonalData;

/// <summary>Personal data encrypted at rest with SM4 (GB/T 39786, PIPL Art. 51), found again through its blind index.</summary>
[Collection(HostCollection.Name)]
public sealed class EncryptedColumnTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_users_mobile_is_stored_encrypted_found_by_exact_value_and_shown_masked()
    {
        var user = await factory.CreateUserAsync(orgCode: "370403");
        var plain = "138" + Random.Shared.Next(1000, 10000) + "5678";

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.Mobile = SensitiveText.Phone($"+86 {plain[..3]} {plain[3..7]} {plain[7..]}");
            await db.SaveChangesAsync();
        });

        var (raw, index) = await factory.InScopeAsync(async sp => await ReadRawAsync(sp.GetRequiredService<PlatformDb>(), user.UserName));
        Assert.NotNull(raw);
        Assert.DoesNotContain(plain, raw);
        var bytes = Convert.FromBase64String(raw);
        Assert.Equal(1, bytes[0]); // format version
        Assert.Equal(1 + 12 + plain.Length + 16, bytes.Length);
        Assert.DoesNotContain(plain, System.Text.Encoding.ASCII.GetString(bytes));
        Assert.Matches("^[0-9a-f]{64}$", index);

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var found = await db.Users.WhereSensitiveEquals(u => u.Mobile, plain).SingleAsync();
            Assert.Equal(user.Id, found.Id);
            Assert.Equal("138****5678", found.Mobile!.ToString());
            Assert.Equal(plain, found.Mobile.Reveal());
            Assert.Empty(await db.Users.WhereSensitiveEquals(u => u.Mobile, "13900000000").ToListAsync());

            // The audit trail records the change, masked.
            var changes = await db.Set<AuditEntry>().Where(e => e.EntityType == "FazhiUser" && e.EntityId == user.Id.ToString())
                .Select(e => e.Changes).ToListAsync();
            Assert.Contains(changes, c => c.Contains("138****5678"));
            Assert.DoesNotContain(changes, c => c.Contains(plain) || c.Contains(index!));
        });
    }

    [Fact]
    public async Task Changing_or_clearing_the_mobile_keeps_the_blind_index_in_step()
    {
        var user = await factory.CreateUserAsync(orgCode: "370404");
        var first = "139" + Random.Shared.Next(10_000_000, 100_000_000);
        var second = "137" + Random.Shared.Next(10_000_000, 100_000_000);

        await SetMobileAsync(user.Id, first);
        await SetMobileAsync(user.Id, second);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            Assert.Empty(await db.Users.WhereSensitiveEquals(u => u.Mobile, first).ToListAsync());
            Assert.Equal(user.Id, (await db.Users.WhereSensitiveEquals(u => u.Mobile, SensitiveText.Phone(second)).SingleAsync()).Id);
        });

        await SetMobileAsync(user.Id, null);
        var (raw, index) = await factory.InScopeAsync(async sp => await ReadRawAsync(sp.GetRequiredService<PlatformDb>(), user.UserName));
        Assert.Null(raw);
        Assert.Null(index);
    }

    [Fact]
    public async Task The_data_protection_key_ring_in_the_database_is_sm4_encrypted()
    {
        // Make sure a key exists, then read the stored XML as an attacker with the database would.
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("x", protector.Unprotect(protector.Protect("x")));

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var xml = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(xml);
            Assert.All(xml, x =>
            {
                Assert.Contains("Sm4XmlDecryptor", x);
                Assert.Contains("encryptedSecret", x);
            });

            // A fresh read of the ring decrypts each key through the SM4 decryptor.
            var keys = sp.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.All(keys, k => Assert.NotNull(k.CreateEncryptor()));
        });
    }

    private Task SetMobileAsync(Guid id, string? mobile) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDb>();
        var u = await db.Users.SingleAsync(x => x.Id == id);
        u.Mobile = SensitiveText.CreateOrNull(SensitiveKind.Phone, mobile);
        await db.SaveChangesAsync();
    });

    /// <summary>The columns as stored, through ADO.NET, bypassing EF's converters.</summary>
    private static async Task<(string? Raw, string? Index)> ReadRawAsync(PlatformDb db, string userName)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT \"Mobile\", \"MobileBlindIndex\" FROM platform_users WHERE \"UserName\" = @name";
            var p = cmd.CreateParameter();
            p.ParameterName = "@name";
            p.Value = userName;
            cmd.Parameters.Add(p);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
