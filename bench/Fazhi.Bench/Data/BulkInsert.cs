using System.Data.Common;
using System.Text;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Bench.Data;

/// <summary>
/// Bench-only bulk loading: multi-row INSERTs built from the EF model (table, column names, value converters such as
/// the SM4 encryption of personal data), in one transaction per call. It bypasses change tracking and therefore the
/// audit chain; it exists to make a million realistic rows in minutes, not hours, and is never used by the product.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(DbContext db, SensitiveDataProtector protector, IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        // SQLite finds each named parameter by a linear scan of the statement's parameters, so a statement's cost grows with
        // the square of its parameter count: about 600 per statement there. Npgsql has no such cost.
        var perStatement = Math.Max(1, (db.Database.IsNpgsql() ? 30_000 : 600) / props.Count);
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", props.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var chunk = rows.Skip(start).Take(perStatement).ToList();
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table)} ({columns}) VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < props.Count; c++)
                {
                    var name = $"@p{n++}";
                    text.Append(c == 0 ? name : ", " + name);
                    cmd.Parameters.Add(Parameter(cmd, name, props[c], chunk[r], protector));
                }
                text.Append(')');
            }
            cmd.CommandText = text.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Parameter(DbCommand cmd, string name, IProperty p, object row, SensitiveDataProtector protector)
    {
        object? value;
        if (p.FindAnnotation(SensitiveModelExtensions.BlindIndexAnnotation)?.Value is string source)
        {
            // The keyed lookup hash the product stamps on save (FazhiDbContext.StampBlindIndexes).
            var sensitive = (SensitiveText?)p.DeclaringType.FindProperty(source)!.PropertyInfo!.GetValue(row);
            value = sensitive is null ? null : protector.BlindIndex(sensitive);
        }
        else
        {
            value = p.PropertyInfo?.GetValue(row) ?? p.FieldInfo?.GetValue(row);
        }
        // The mapping applies the property's converter (e.g. SM4 encryption of SensitiveText).
        return p.GetRelationalTypeMapping().CreateParameter(cmd, name, value, p.IsNullable);
    }
}
