using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Certificates;

/// <summary>
/// One .xlsx import of a list (certification items, power items), row by row, all or nothing: every row with an error is
/// named ("第 5 行 G 列（设定依据）：…") and then nothing is saved; otherwise each accepted row counts as an addition, a
/// change or a cancellation. <paramref name="where"/> names a row's field by its column.
/// </summary>
internal sealed class ListImportTally(Func<int, string, string> where)
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public int Added { get; private set; }

    public int Changed { get; private set; }

    public int Cancelled { get; private set; }

    public int Unchanged { get; private set; }

    public void CountUnchanged() => Unchanged++;

    /// <summary>True when the row is accepted as <paramref name="kind"/>; false (its errors kept) when it has any.</summary>
    public bool Accept(int row, FieldChecks checks, CertChangeKind? kind)
    {
        if (checks.Errors.Count > 0 || kind is null)
        {
            var messages = checks.Errors.SelectMany(e => e.Value.Select(m => where(row, e.Key) + m)).ToList();
            _errors[$"rows[{row}]"] = messages.Count > 0 ? messages : [$"第 {row} 行：无法导入。"];
            return false;
        }
        _ = kind switch
        {
            CertChangeKind.Add => Added++,
            CertChangeKind.Change => Changed++,
            _ => Cancelled++,
        };
        return true;
    }

    /// <summary>Refuses the whole import when any row had an error, or when nothing differs from the list in force.</summary>
    public void ThrowIfRefused(int changes, string nothingToImport)
    {
        if (_errors.Count > 0)
        {
            throw Refuse.Fields(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), $"导入未执行：{_errors.Count} 行有错误，请修改后重新导入。");
        }
        if (changes == 0)
        {
            throw Refuse.Field("file", nothingToImport);
        }
    }
}
