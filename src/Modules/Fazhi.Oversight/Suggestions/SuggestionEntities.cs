using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Suggestions;

[JsonConverter(typeof(JsonStringEnumConverter<SuggestionKind>))]
internal enum SuggestionKind
{
    /// <summary>司法建议 (行政诉讼法 第六十六条、第九十六条; 行诉解释 第一百四十九条).</summary>
    Judicial,

    /// <summary>检察建议 (行政诉讼法 第二十五条; 检察公益诉讼解释 第二十一条).</summary>
    Procuratorial,
}

[JsonConverter(typeof(JsonStringEnumConverter<SuggestionStatus>))]
internal enum SuggestionStatus
{
    /// <summary>已收到，待答复.</summary>
    Received,

    /// <summary>已答复，待办结确认.</summary>
    Replied,

    /// <summary>已办结.</summary>
    Closed,
}

/// <summary>
/// A judicial or procuratorial suggestion received by an agency of the city (the record's org unit, so the data scope decides
/// who sees it), with its reply deadline (the issuer's, or the settings' default), the agency's reply and rectification.
/// </summary>
internal sealed class Suggestion : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The addressee agency (被建议单位).</summary>
    public Guid OrgUnitId { get; set; }

    public SuggestionKind Kind { get; set; }

    /// <summary>发出建议的法院或检察院.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>建议书文号, full-width brackets, e.g. 枣中法建〔2026〕3号 (normalised like a case number).</summary>
    public string DocumentNumber { get; set; } = "";

    public string Content { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    /// <summary>The reply deadline the issuer set, when it set one.</summary>
    public DateOnly? IssuerDueOn { get; set; }

    /// <summary>An urgent procuratorial suggestion (15 days, 检察公益诉讼解释 第二十一条).</summary>
    public bool Urgent { get; set; }

    /// <summary>How the due date was set, in words (e.g. 建议书载明期限, 默认两个月), for the record page and the drill-down.</summary>
    public string DueBasis { get; set; } = "";

    public DateOnly ReplyDueOn { get; set; }

    public SuggestionStatus Status { get; set; }

    public DateOnly? RepliedOn { get; set; }

    /// <summary>答复内容.</summary>
    public string? Reply { get; set; }

    /// <summary>整改措施及成效.</summary>
    public string? Rectification { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The lawsuit the suggestion arose from (e.g. a head who did not appear, 出庭规定 第十二条), when there is one.</summary>
    public Guid? LawsuitId { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> b)
    {
        b.ToTable("oversight_suggestions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Issuer).HasMaxLength(100);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.DueBasis).HasMaxLength(100);
        b.Property(x => x.Reply).HasMaxLength(4000);
        b.Property(x => x.Rectification).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One record per addressee and document (a suggestion sent to several agencies is one record each).
        b.HasIndex(x => new { x.DocumentNumber, x.OrgUnitId }).IsUnique();
        // The rates' index: by receipt date, covering the grouping, the counts and the drill-down's sort (ADR 0045).
        b.HasIndex(x => new { x.ReceivedOn, x.OrgUnitId, x.Kind, x.ReplyDueOn, x.RepliedOn, x.Id }, "IX_oversight_suggestions_rate");
        b.HasIndex(x => new { x.Status, x.ReplyDueOn });
    }
}
