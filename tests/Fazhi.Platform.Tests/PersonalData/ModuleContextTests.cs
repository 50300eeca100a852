using System.Security.Cryptography;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Security;
using Fazhi.Platform.Security.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Tests.PersonalData;

/// <summary>
/// A module's own DbContext with ID numbers and addresses, outside the host: the converters are bound to the keys they were
/// built with, so a process holding two key files (two hosts in one test run) never reads one's data with the other's key.
/// </summary>
public sealed class ModuleContextTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fazhi-pd-" + Guid.NewGuid().ToString("N"));

    public ModuleContextTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Id_numbers_and_addresses_round_trip_and_only_the_right_key_reads_them()
    {
        var keysA = new SensitiveDataProtector(new KeyFileProvider(Path.Combine(_dir, "a.key")));
        var keysB = new SensitiveDataProtector(new KeyFileProvider(Path.Combine(_dir, "b.key")));
        var id = Guid.CreateVersion7();

        await using (var db = Open(keysA))
        {
            await db.Database.EnsureCreatedAsync();
            db.People.Add(new Person { Id = id, IdNumber = SensitiveText.IdNumber("37040219900101123x"), Address = SensitiveText.Address("山东省枣庄市市中区光明路 1 号") });
            await db.SaveChangesAsync();
        }

        await using (var db = Open(keysA))
        {
            var person = await db.People.WhereSensitiveEquals(p => p.IdNumber, "37040219900101123X").SingleAsync();
            Assert.Equal("3704**********123X", person.IdNumber!.ToString());
            Assert.Equal("山东省枣庄市市中区光明路 1 号", person.Address!.Reveal());
            Assert.Throws<ArgumentException>(() => db.People.WhereSensitiveEquals(p => p.IdNumber, SensitiveText.Phone("13812345678")));
        }

        await using (var db = Open(keysB))
        {
            // Another key file: the blind index does not match, and the ciphertext does not open.
            Assert.Empty(await db.People.WhereSensitiveEquals(p => p.IdNumber, "37040219900101123X").ToListAsync());
            await Assert.ThrowsAsync<CryptographicException>(() => db.People.SingleAsync());
        }

        await using (var db = Open(keysA))
        {
            Assert.Equal(id, (await db.People.SingleAsync()).Id);
        }
    }

    private PeopleDb Open(SensitiveDataProtector protector) => new(new DbContextOptionsBuilder<PeopleDb>()
        .UseSqlite($"Data Source={Path.Combine(_dir, "people.db")}")
        .UseSensitiveData(protector)
        .Options);

    public sealed class Person
    {
        public Guid Id { get; set; }

        public SensitiveText? IdNumber { get; set; }

        public SensitiveText? Address { get; set; }
    }

    private sealed class PeopleDb(DbContextOptions<PeopleDb> options) : FazhiDbContext(options, SystemCurrentUser.Instance)
    {
        public DbSet<Person> People => Set<Person>();

        protected override bool OwnsAuditTable => true;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Person>(b =>
            {
                b.ToTable("test_people");
                b.Property(x => x.IdNumber).IsSensitive(SensitiveKind.IdNumber);
                b.Property(x => x.Address).IsSensitive(SensitiveKind.Address);
            });
            base.OnModelCreating(modelBuilder);
        }
    }
}
