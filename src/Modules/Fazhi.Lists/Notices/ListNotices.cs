using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Powers;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Notices;

/// <summary>One line of a version's notice: an item added, changed or cancelled, with its unit and what changed.</summary>
internal sealed record NoticeEntry(string ItemCode, string Name, string Unit, string Detail);

/// <summary>What a published version changed against the version before it (all additions for the first).</summary>
internal sealed record VersionChanges(int Number, DateOnly? EffectiveOn, string Note, IReadOnlyList<NoticeEntry> Added, IReadOnlyList<NoticeEntry> Changed,
    IReadOnlyList<NoticeEntry> Cancelled);

/// <summary>
/// The public notice (公告, .docx) of a published list version: the platform's official-notice layout (GB/T 9704, 仿宋 body),
/// the 文号 taken once from the numbering kit (<see cref="NoticeNumbers"/>, kept on the version so every download shows the
/// same one), and the version's additions, changes and cancellations against the version before it. Public data: anyone
/// may download the notice of a published version (ADR 0044).
/// </summary>
internal sealed class ListNotices(ListsDb db, INumberSequence numbers, IOrgDirectory orgs)
{
    public static readonly NumberSequenceDefinition NoticeNumbers = new("lists.notice", "清单调整公告文号", "枣清单〔{year}〕{seq}号");

    public async Task<(byte[] Bytes, string Name)> CertificatesAsync(int number, CancellationToken ct)
    {
        var version = await db.CertVersions.FirstOrDefaultAsync(v => v.Number == number && v.Status == CertVersionStatus.Published, ct)
            ?? throw Refuse.Field("version", $"证明事项清单第 {number} 版不存在或尚未发布。");
        var changes = await DiffAsync(db.CertItems.AsNoTracking(), number, r => r.FromVersion, r => r.ToVersion, r => r.ItemCode, r => r.Status == CertItemStatus.Cancelled,
            r => new NoticeEntry(r.ItemCode, r.Name, r.RequestingUnitName, $"{r.Matter}；开具单位：{r.IssuingUnit}；{(r.NotifyCommit ? "实行告知承诺制" : "不实行告知承诺制")}；设定依据：{r.LegalBasis}"),
            r => r.CancelReason, ct);
        await NumberAsync(version, ct);
        var result = new VersionChanges(version.Number, version.EffectiveOn, version.Note, changes.Added, changes.Changed, changes.Cancelled);
        return (Write("证明事项清单", "证明事项", version.NoticeNumber!, result, await IssuerAsync(ct)), DownloadName.Safe($"证明事项清单（第{number}版）调整公告.docx"));
    }

    public async Task<(byte[] Bytes, string Name)> PowersAsync(int number, CancellationToken ct)
    {
        var version = await db.PowerVersions.FirstOrDefaultAsync(v => v.Number == number && v.Status == CertVersionStatus.Published, ct)
            ?? throw Refuse.Field("version", $"权责清单第 {number} 版不存在或尚未发布。");
        var changes = await DiffAsync(db.PowerItems.AsNoTracking(), number, r => r.FromVersion, r => r.ToVersion, r => r.ItemCode, r => r.Status == PowerItemStatus.Cancelled,
            r => new NoticeEntry(r.ItemCode, r.Name, r.UnitName, $"{PowerService.KindName(r.Kind)}；{PowerService.LevelName(r.Level)}；设定依据：{r.LegalBasis}"),
            r => r.CancelReason, ct);
        await NumberAsync(version, ct);
        var result = new VersionChanges(version.Number, version.EffectiveOn, version.Note, changes.Added, changes.Changed, changes.Cancelled);
        return (Write("权责清单", "权力事项", version.NoticeNumber!, result, await IssuerAsync(ct)), DownloadName.Safe($"权责清单（第{number}版）调整公告.docx"));
    }

    /// <summary>
    /// The revisions a version opened (<c>FromVersion == number</c>) against those it closed (<c>ToVersion == number</c>):
    /// opened without a closed one = added, opened cancelled = cancelled, otherwise changed. Items the version did not touch
    /// are not read.
    /// </summary>
    private static async Task<(List<NoticeEntry> Added, List<NoticeEntry> Changed, List<NoticeEntry> Cancelled)> DiffAsync<T>(IQueryable<T> items, int number,
        System.Linq.Expressions.Expression<Func<T, int>> from, System.Linq.Expressions.Expression<Func<T, int?>> to, Func<T, string> code, Func<T, bool> cancelled,
        Func<T, NoticeEntry> entry, Func<T, string> cancelReason, CancellationToken ct)
        where T : class
    {
        var opened = await items.Where(Equal(from, number)).ToListAsync(ct);
        var closed = (await items.Where(EqualNullable(to, number)).ToListAsync(ct)).ToDictionary(code);
        var (added, changed, gone) = (new List<NoticeEntry>(), new List<NoticeEntry>(), new List<NoticeEntry>());
        foreach (var r in opened.OrderBy(code, StringComparer.Ordinal))
        {
            var before = closed.GetValueOrDefault(code(r));
            if (cancelled(r))
            {
                if (before is null || !cancelled(before))
                {
                    var e = entry(r);
                    gone.Add(e with { Detail = $"取消原因：{cancelReason(r)}" });
                }
            }
            else if (before is null || cancelled(before))
            {
                added.Add(entry(r));
            }
            else
            {
                changed.Add(entry(r));
            }
        }
        return (added, changed, gone);
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Equal<T>(System.Linq.Expressions.Expression<Func<T, int>> field, int value) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(field.Body, System.Linq.Expressions.Expression.Constant(value)), field.Parameters);

    private static System.Linq.Expressions.Expression<Func<T, bool>> EqualNullable<T>(System.Linq.Expressions.Expression<Func<T, int?>> field, int value) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(field.Body, System.Linq.Expressions.Expression.Constant(value, typeof(int?))), field.Parameters);

    /// <summary>The version's 文号, taken from the numbering kit on the first download and kept (the year is the version's publication year).</summary>
    private async Task NumberAsync(INoticeNumbered version, CancellationToken ct)
    {
        if (version.NoticeNumber is not null)
        {
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = (version.PublishedAt ?? DateTimeOffset.UtcNow).Year;
        version.NoticeNumber = (await numbers.NextAsync(db, NoticeNumbers.Key, new NumberScope(year), ct)).Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The list owner as issuer: the unit that takes the lists' reports (the module's settings row), else none.</summary>
    private async Task<string?> IssuerAsync(CancellationToken ct)
    {
        var code = await db.Settings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.IntakeUnitCode).FirstOrDefaultAsync(ct);
        return code is null ? null : (await orgs.FindByCodeAsync(code, ct))?.Name;
    }

    /// <summary>The notice's text: the version and its effective date, then 一、新增 二、调整 三、取消, each item on its own line.</summary>
    internal static byte[] Write(string list, string itemWord, string number, VersionChanges v, string? issuer)
    {
        var effective = v.EffectiveOn is { } d ? DocxNotice.ChineseDate(d) : "发布之日";
        var body = new List<string>
        {
            $"根据《优化营商环境条例》和清单动态调整的规定，现将{list}（第{v.Number}版）的调整情况予以公布，自{effective}起施行。" +
            $"本次新增{itemWord} {v.Added.Count} 项，调整 {v.Changed.Count} 项，取消 {v.Cancelled.Count} 项。",
        };
        if (v.Note.Length > 0)
        {
            body.Add($"调整说明：{v.Note}");
        }
        void Section(string heading, IReadOnlyList<NoticeEntry> entries)
        {
            body.Add(entries.Count == 0 ? $"{heading}（无）" : $"{heading}（{entries.Count} 项）");
            body.AddRange(entries.Select((e, i) => $"{i + 1}. {e.Name}（编码 {e.ItemCode}，{e.Unit}）：{e.Detail}"));
        }
        Section($"一、新增{itemWord}", v.Added);
        Section($"二、调整{itemWord}", v.Changed);
        Section($"三、取消{itemWord}", v.Cancelled);
        body.Add($"调整后的{list}全文可在本市法治政府门户“{list}”栏目查询。");
        body.Add("特此公告。");
        return DocxNotice.Create(new OfficialNotice
        {
            Issuer = issuer, DocNumber = number, Title = $"关于公布{list}（第{v.Number}版）调整情况的公告", Body = body, Signature = issuer, Date = v.EffectiveOn,
        });
    }
}
