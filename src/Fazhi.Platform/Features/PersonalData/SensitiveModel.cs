using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.PersonalData;

/// <summary>Mapping and querying <see cref="SensitiveText"/> properties with EF Core.</summary>
public static class SensitiveModelExtensions
{
    internal const string KindAnnotation = "Fazhi:SensitiveKind";

    internal const string BlindIndexAnnotation = "Fazhi:BlindIndexOf";

    internal const string BlindIndexSuffix = "BlindIndex";

    /// <summary>
    /// Stores the property SM4-GCM encrypted (base64 text, a fresh nonce per write) and adds a companion shadow column
    /// <c>{Property}BlindIndex</c> (HMAC-SM3 hex of the normalised value, indexed) kept current on every save.
    /// Look records up with <see cref="WhereSensitiveEquals{T}(DbSet{T}, Expression{Func{T, SensitiveText}}, string)"/>;
    /// comparing the property itself in a query never matches, as each ciphertext is different. The blind index is filled by
    /// <see cref="FazhiDbContext"/>'s SaveChanges: bulk <c>ExecuteUpdate</c> or raw SQL must not write these columns.
    /// </summary>
    public static TBuilder IsSensitive<TBuilder>(this TBuilder property, SensitiveKind kind)
        where TBuilder : PropertyBuilder
    {
        if (property.Metadata.ClrType != typeof(SensitiveText))
        {
            throw new InvalidOperationException($"IsSensitive() applies to SensitiveText properties, not {property.Metadata.Name} ({property.Metadata.ClrType.Name}).");
        }
        property.HasAnnotation(KindAnnotation, kind.ToString());
        return property;
    }

    /// <summary>Records whose <paramref name="property"/> equals <paramref name="value"/> (normalised first), through the blind index.</summary>
    public static IQueryable<T> WhereSensitiveEquals<T>(this DbSet<T> set, Expression<Func<T, SensitiveText?>> property, string value)
        where T : class
    {
        var (context, name, kind) = Resolve(set, property);
        return Where(set, context, name, SensitiveText.Create(kind, value));
    }

    /// <inheritdoc cref="WhereSensitiveEquals{T}(DbSet{T}, Expression{Func{T, SensitiveText}}, string)"/>
    public static IQueryable<T> WhereSensitiveEquals<T>(this DbSet<T> set, Expression<Func<T, SensitiveText?>> property, SensitiveText value)
        where T : class
    {
        var (context, name, kind) = Resolve(set, property);
        if (value.Kind != kind)
        {
            throw new ArgumentException($"{typeof(T).Name}.{name} 存放 {kind}，不能按 {value.Kind} 查找。", nameof(value));
        }
        return Where(set, context, name, value);
    }

    private static IQueryable<T> Where<T>(DbSet<T> set, FazhiDbContext context, string name, SensitiveText value)
        where T : class
    {
        var index = context.RequireProtector().BlindIndex(value);
        var column = name + BlindIndexSuffix;
        return set.Where(e => EF.Property<string>(e, column) == index);
    }

    private static (FazhiDbContext Context, string Name, SensitiveKind Kind) Resolve<T>(DbSet<T> set, Expression<Func<T, SensitiveText?>> property)
        where T : class
    {
        var context = set.GetService<ICurrentDbContext>().Context as FazhiDbContext
            ?? throw new InvalidOperationException("WhereSensitiveEquals needs a FazhiDbContext.");
        var name = (property.Body as MemberExpression)?.Member.Name
            ?? throw new ArgumentException("Pass a property access such as u => u.Mobile.", nameof(property));
        var kind = KindOf(context.Model.FindEntityType(typeof(T))?.FindProperty(name))
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped with IsSensitive().");
        return (context, name, kind);
    }

    internal static SensitiveKind? KindOf(IReadOnlyProperty? property) =>
        property?.FindAnnotation(KindAnnotation)?.Value is string s && Enum.TryParse<SensitiveKind>(s, out var k) ? k : null;
}

/// <summary>Converts a <see cref="SensitiveText"/> to its SM4-GCM ciphertext (base64) and back.</summary>
internal sealed class SensitiveTextConverter(SensitiveDataProtector? protector, SensitiveKind kind)
    : ValueConverter<SensitiveText, string>(
        v => Protect(protector, kind, v),
        s => Unprotect(protector, kind, s))
{
    private static string Protect(SensitiveDataProtector? protector, SensitiveKind kind, SensitiveText value)
    {
        if (value.Kind != kind)
        {
            throw new InvalidOperationException($"此字段存放 {kind}，不能写入 {value.Kind}。");
        }
        return Require(protector).Protect(value);
    }

    private static SensitiveText Unprotect(SensitiveDataProtector? protector, SensitiveKind kind, string stored) =>
        Require(protector).Unprotect(kind, stored);

    internal static SensitiveDataProtector Require(SensitiveDataProtector? protector) => protector ?? throw new InvalidOperationException(
        "未配置个人信息加密密钥（Security:KeyFile），无法读写加密字段。No key provider is configured for sensitive columns.");
}

/// <summary>
/// Lets EF see <see cref="SensitiveText"/> as a scalar while the model is discovered (and at design time, when migrations are
/// created without keys). <see cref="FazhiDbContext"/> replaces it with a keyed <see cref="SensitiveTextConverter"/>.
/// </summary>
internal sealed class UnkeyedSensitiveTextConverter() : ValueConverter<SensitiveText, string>(
    v => Fail<string>(),
    s => Fail<SensitiveText>())
{
    private static T Fail<T>() => throw new InvalidOperationException("SensitiveText 属性须用 IsSensitive(kind) 映射。Map SensitiveText properties with IsSensitive(kind).");
}

/// <summary>Carries the <see cref="SensitiveDataProtector"/> into a DbContext's options (and so into its model's converters).</summary>
internal sealed class SensitiveDataOptionsExtension(SensitiveDataProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public SensitiveDataProtector Protector => protector;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>
    /// The protector takes part in the internal service provider's identity, so each set of keys gets its own cached model:
    /// two hosts in one process (tests) never share converters bound to the other's keys.
    /// </summary>
    private sealed class ExtensionInfo(SensitiveDataOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private SensitiveDataProtector Protector => ((SensitiveDataOptionsExtension)Extension).Protector;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "FazhiSensitiveData ";

        public override int GetServiceProviderHashCode() => RuntimeHelpers.GetHashCode(Protector);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o && ReferenceEquals(o.Protector, Protector);

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Fazhi:SensitiveData"] = GetServiceProviderHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal static class SensitiveDataOptions
{
    public static TBuilder UseSensitiveData<TBuilder>(this TBuilder builder, SensitiveDataProtector? protector)
        where TBuilder : DbContextOptionsBuilder
    {
        if (protector is not null)
        {
            ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new SensitiveDataOptionsExtension(protector));
        }
        return builder;
    }
}
