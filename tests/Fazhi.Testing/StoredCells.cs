using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Testing;

/// <summary>What a table holds, read raw: for tests that a personal value (a phone number, a client address) is stored nowhere in clear.</summary>
public static class StoredCells
{
    /// <summary>Every cell of every row of <paramref name="table"/> as text, joined by <c>|</c>.</summary>
    public static async Task<string> AllAsync(DbContext db, string table)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table}";
        await using var reader = await cmd.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
            }
        }
        return string.Join("|", cells);
    }
}
