using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Security;
using Fazhi.Platform.Security.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.Platform.Data;

/// <summary>
/// Base of every Fazhi DbContext. It holds, in one place, what no module may forget:
/// the data-scope query filter on <see cref="IOrgScoped"/> records, the scope check on writes,
/// optimistic concurrency on <see cref="IVersioned"/> records, and the audit entry appended in the same transaction.
/// </summary>
public abstract class FazhiDbContext : DbContext
{
    private static readonly MethodInfo ApplyScopeFilterMethod =
        typeof(FazhiDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly ICurrentUser _currentUser;
    private readonly SensitiveDataProtector? _protector;

    protected FazhiDbContext(DbContextOptions options, ICurrentUser currentUser)
        : base(options)
    {
        _currentUser = currentUser;
        _protector = options.FindExtension<SensitiveDataOptionsExtension>()?.Protector;
        IsPostgres = Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension.Extract(options).GetType().Assembly
            == typeof(NpgsqlDbContextOptionsBuilderExtensions).Assembly;
        // A save inside our own audit transaction needs no savepoint: on failure the whole transaction rolls back.
        Database.AutoSavepointsEnabled = false;
    }

    internal SensitiveDataProtector RequireProtector() => SensitiveTextConverter.Require(_protector);

    /// <summary>The caller's data scope; read by the query filter each time a query runs.</summary>
    internal DataScope CurrentScope => _currentUser.Scope;

    internal ICurrentUser CurrentUser => _currentUser;

    // From the options, not Database.ProviderName: that reads the provider assembly's name on every call (measured on the
    // intake path: each save asked it).
    internal bool IsPostgres { get; }

    /// <summary>
    /// Serialises a check-then-write on <paramref name="key"/> (e.g. "a cap per enterprise") until the current transaction
    /// ends, across requests and nodes: on PostgreSQL a transaction-scoped advisory lock on the key's hash; on SQLite the
    /// transaction itself is the lock (Microsoft.Data.Sqlite begins transactions IMMEDIATE, so writers already queue).
    /// Call inside <c>Database.BeginTransactionAsync</c>, before the reads the decision depends on.
    /// </summary>
    public async Task LockForDecisionAsync(string key, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("LockForDecisionAsync needs an open transaction.");
        }
        if (IsPostgres)
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }
    }

    /// <summary>Only the platform's own context creates the audit table; the others map it without migrating it.</summary>
    protected virtual bool OwnsAuditTable => false;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Personal data is a scalar column; OnModelCreating binds the converter to the keys.
        configurationBuilder.Properties<SensitiveText>().HaveConversion<UnkeyedSensitiveTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("platform_audit_entries", t =>
            {
                if (!OwnsAuditTable)
                {
                    t.ExcludeFromMigrations();
                }
            });
            b.HasKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            if (!IsPostgres)
            {
                // SQLite has no date type and EF cannot compare DateTimeOffset text: store Unix milliseconds (what the
                // hash covers anyway), so time-range filters and the purge cut-off translate and use the index.
                b.Property(e => e.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            }
            b.Property(e => e.ActorName).HasMaxLength(128);
            b.Property(e => e.Action).HasMaxLength(64);
            b.Property(e => e.EntityType).HasMaxLength(128);
            b.Property(e => e.EntityId).HasMaxLength(128);
            b.Property(e => e.ClientIp).HasMaxLength(64);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(IOrgScoped).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                ApplyScopeFilterMethod.MakeGenericMethod(clr).Invoke(this, [modelBuilder]);
                // Every scoped table is read by unit; a module's own index led by the unit (e.g. unit and key) serves instead.
                if (!entityType.GetIndexes().Any(i => i.Properties[0].Name == nameof(IOrgScoped.OrgUnitId)))
                {
                    modelBuilder.Entity(clr).HasIndex(nameof(IOrgScoped.OrgUnitId));
                }
            }
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                modelBuilder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
            MapSensitiveProperties(modelBuilder, entityType);
        }
    }

    /// <summary>
    /// Personal data (PIPL Art. 51, GB/T 39786): each <see cref="SensitiveText"/> column is stored SM4-GCM encrypted, beside a
    /// shadow <c>{Name}BlindIndex</c> column (HMAC-SM3) for exact lookup, filled in <see cref="StampBlindIndexes"/>.
    /// </summary>
    private void MapSensitiveProperties(ModelBuilder modelBuilder, Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entityType)
    {
        foreach (var property in entityType.GetDeclaredProperties().Where(p => p.ClrType == typeof(SensitiveText)).ToList())
        {
            var kind = SensitiveModelExtensions.KindOf(property) ?? throw new InvalidOperationException(
                $"{entityType.ClrType.Name}.{property.Name} 是 SensitiveText，须用 IsSensitive(kind) 声明类别。");
            property.SetValueConverter(new SensitiveTextConverter(_protector, kind));
            var index = property.Name + SensitiveModelExtensions.BlindIndexSuffix;
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property<string>(index).HasMaxLength(HmacSm3.Size * 2).HasAnnotation(SensitiveModelExtensions.BlindIndexAnnotation, property.Name);
            entity.HasIndex(index);
        }
    }

    private void StampBlindIndexes()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var (index, source) in EntityShape.Of(entry.Metadata).BlindIndexes)
            {
                var value = (SensitiveText?)entry.Property(source).CurrentValue;
                entry.Property(index).CurrentValue = value is null ? null : RequireProtector().BlindIndex(value);
            }
        }
    }

    private void ApplyScopeFilter<T>(ModelBuilder modelBuilder)
        where T : class, IOrgScoped
    {
        // The unit list goes to SQL as one array parameter (EF.Parameter): as one parameter per unit (EF 10's default) the SQL
        // text changes with the list, so EF regenerated every scoped query's SQL, under a lock, on every execution (issue
        // 14, ADR 0042). The filter is an OR the planner cannot seek on either way, so no plan changes; queries that need a
        // seek on the unit repeat the list as a plain term of their own.
        Expression<Func<T, bool>> filter = e => CurrentScope.Unrestricted || EF.Parameter(CurrentScope.UnitIds).Contains(e.OrgUnitId);
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }

    /// <summary>
    /// Synchronous saves exist only for framework code that writes technical, unaudited rows (the data-protection key
    /// ring). Anything audited must go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        EnforceScopeAndStampVersions();
        StampBlindIndexes();
        if (CaptureAudit().Count > 0)
        {
            throw new NotSupportedException("Audited changes are saved asynchronously: use SaveChangesAsync.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        EnforceScopeAndStampVersions();
        StampBlindIndexes();
        var drafts = CaptureAudit();
        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await AppendAuditAsync(drafts, cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return written;
    }

    /// <summary>Appends security or business events that are not entity changes (sign-in, verify, export...).</summary>
    public async Task WriteAuditEventAsync(string action, string entityType, string? entityId, object? details, CancellationToken ct = default)
    {
        var draft = NewDraft(action, entityType, entityId, details is null ? "{}" : JsonSerializer.Serialize(details, AuditJson.Options));
        var ownTransaction = Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await Database.BeginTransactionAsync(ct) : null;
        await AppendAuditAsync([draft], ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    private void EnforceScopeAndStampVersions()
    {
        var scope = CurrentScope;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is IOrgScoped scoped)
            {
                var original = entry.State == EntityState.Added
                    ? scoped.OrgUnitId
                    : (Guid)entry.Property(nameof(IOrgScoped.OrgUnitId)).OriginalValue!;
                if (!scope.Allows(scoped.OrgUnitId) || !scope.Allows(original))
                {
                    throw new ScopeViolationException(entry.Metadata.ClrType.Name);
                }
            }
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }
        }
    }

    private List<AuditEntry> CaptureAudit()
    {
        var drafts = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var shape = EntityShape.Of(entry.Metadata);
            if (!shape.Audited)
            {
                continue;
            }
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                if (shape.BlindIndexes.ContainsKey(p.Metadata.Name))
                {
                    // Derived from the sensitive value beside it, which the audit shows masked.
                    continue;
                }
                if (shape.Redacted.Contains(p.Metadata.Name))
                {
                    if (entry.State == EntityState.Modified && p.IsModified)
                    {
                        changes[p.Metadata.Name] = ["***", "***"];
                    }
                    continue;
                }
                switch (entry.State)
                {
                    case EntityState.Added:
                        changes[p.Metadata.Name] = [null, AuditJson.Value(p.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[p.Metadata.Name] = [AuditJson.Value(p.OriginalValue), null];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[p.Metadata.Name] = [AuditJson.Value(p.OriginalValue), AuditJson.Value(p.CurrentValue)];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Deleted => "delete",
                _ => "update",
            };
            var draft = NewDraft(action, entry.Metadata.ClrType.Name, KeyOf(entry), JsonSerializer.Serialize(changes, AuditJson.Options));
            if (entry.Entity is IOrgScoped s)
            {
                draft.OrgUnitId = s.OrgUnitId;
            }
            drafts.Add(draft);
        }
        return drafts;
    }

    /// <summary>
    /// What the audit and the blind-index stamping need to know of an entity type, read from its metadata once per model
    /// (attribute reflection and annotation lookups on every save were measurable on the intake path).
    /// </summary>
    private sealed class EntityShape
    {
        // Weak keys: a model (and its shapes) goes when the last context built on it does (tests build many hosts).
        private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IEntityType, EntityShape> Shapes = new();
        private static readonly HashSet<string> RedactedNames = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

        private EntityShape(Microsoft.EntityFrameworkCore.Metadata.IEntityType type)
        {
            var clr = type.ClrType;
            Audited = !clr.IsDefined(typeof(NotAuditedAttribute), inherit: false)
                && clr != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);
            foreach (var p in type.GetProperties())
            {
                if (p.FindAnnotation(SensitiveModelExtensions.BlindIndexAnnotation)?.Value is string source)
                {
                    BlindIndexes[p.Name] = source;
                }
                // Secrets never enter the audit trail: marked properties, Identity's hashes and its token values.
                if (p.PropertyInfo?.IsDefined(typeof(AuditRedactedAttribute)) == true
                    || RedactedNames.Contains(p.Name)
                    || (typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>).IsAssignableFrom(clr) && p.Name == "Value"))
                {
                    Redacted.Add(p.Name);
                }
            }
        }

        public bool Audited { get; }

        /// <summary>Blind-index column name to the sensitive property it is derived from.</summary>
        public Dictionary<string, string> BlindIndexes { get; } = [];

        public HashSet<string> Redacted { get; } = [];

        public static EntityShape Of(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) => Shapes.GetValue(type, t => new EntityShape(t));
    }

    private AuditEntry NewDraft(string action, string entityType, string? entityId, string changes) => new()
    {
        At = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        ActorId = _currentUser.UserId,
        ActorName = _currentUser.UserName ?? "anonymous",
        OrgUnitId = _currentUser.OrgUnitId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Changes = changes,
        ClientIp = (_currentUser as CurrentUser)?.ClientIp,
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }
        return string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private Task AppendAuditAsync(List<AuditEntry> drafts, CancellationToken ct) =>
        AuditAppender.AppendAsync(Database, IsPostgres, drafts, ct);
}

/// <summary>A write outside the caller's data scope. Reported as 404, as if the record did not exist.</summary>
public sealed class ScopeViolationException(string entity)
    : InvalidOperationException($"记录不在当前用户的数据范围内（{entity}）。");

internal static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Values as the audit shows them: dates ISO 8601, enums by name, everything else as is.</summary>
    public static object? Value(object? v) => v switch
    {
        null => null,
        Enum e => e.ToString(),
        DateTimeOffset d => d.ToString("O"),
        DateTime d => d.ToString("O"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        SensitiveText t => t.Masked,
        byte[] b => Convert.ToBase64String(b),
        _ => v,
    };
}
