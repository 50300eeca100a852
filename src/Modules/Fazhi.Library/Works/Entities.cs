using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Library.Works;

/// <summary>
/// 效力级别: the rank of a document in the hierarchy of 立法法 Arts. 98-102 (宪法 > 法律 > 行政法规 > 地方性法规 > 规章),
/// with 司法解释 and the city's 行政规范性文件 (below 规章) added. The order of the members is the order of rank.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EffectLevel>))]
public enum EffectLevel
{
    /// <summary>宪法.</summary>
    Constitution,

    /// <summary>法律 (全国人大及其常委会).</summary>
    Law,

    /// <summary>行政法规 (国务院).</summary>
    AdministrativeRegulation,

    /// <summary>监察法规 (国家监察委员会).</summary>
    SupervisoryRegulation,

    /// <summary>司法解释 (最高人民法院、最高人民检察院).</summary>
    JudicialInterpretation,

    /// <summary>地方性法规 of a province (省级).</summary>
    ProvincialRegulation,

    /// <summary>地方性法规 of a 设区的市 (立法法 Art. 81), approved by the province.</summary>
    MunicipalRegulation,

    /// <summary>自治条例和单行条例 (立法法 Art. 85).</summary>
    AutonomousRegulation,

    /// <summary>部门规章 (立法法 Art. 91).</summary>
    DepartmentRule,

    /// <summary>地方政府规章 (立法法 Art. 93).</summary>
    LocalGovernmentRule,

    /// <summary>行政规范性文件: the city's own, below 规章.</summary>
    NormativeDocument,

    /// <summary>其他 (guiding cases, notices and the like).</summary>
    Other,
}

/// <summary>时效性 on a given date, computed from a version's dates and how its validity ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidityStatus>))]
public enum ValidityStatus
{
    /// <summary>尚未生效: published, effective date still ahead.</summary>
    NotYetEffective,

    /// <summary>现行有效.</summary>
    InForce,

    /// <summary>已修改: a later version took its place.</summary>
    Amended,

    /// <summary>已废止: repealed.</summary>
    Repealed,

    /// <summary>失效: lapsed (a fixed term ran out, or declared no longer applicable).</summary>
    Expired,
}

/// <summary>How the validity of a work ended, when it did (set by a library administrator, audited).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkEnd>))]
public enum WorkEnd
{
    /// <summary>Still valid.</summary>
    None,

    /// <summary>已废止.</summary>
    Repealed,

    /// <summary>失效.</summary>
    Expired,
}

/// <summary>
/// A work (法律法规): one law, regulation, rule or normative document across all its versions (历史沿革). City-wide
/// reference data, not org-scoped: everyone signed in reads it; the public reads the published ones.
/// </summary>
internal sealed class LawWork : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The full title as promulgated, e.g. 中华人民共和国行政处罚法.</summary>
    public string Title { get; set; } = "";

    /// <summary>The title used to match citations and re-imports: without 中华人民共和国, spaces and brackets (<see cref="WorkKey"/>).</summary>
    public string Key { get; set; } = "";

    public EffectLevel Level { get; set; }

    /// <summary>制定机关, e.g. 全国人民代表大会常务委员会, 国务院, 枣庄市人民代表大会常务委员会.</summary>
    public string IssuingBody { get; set; } = "";

    /// <summary>地域: empty for national law, else the province or city (山东, 枣庄市).</summary>
    public string Region { get; set; } = "";

    /// <summary>The subject group of the national database (行政法, 经济法 ...), when known.</summary>
    public string Category { get; set; } = "";

    /// <summary>Shown to the public on the portal's library page.</summary>
    public bool IsPublic { get; set; } = true;

    public WorkEnd End { get; set; }

    /// <summary>The day the work was repealed or lapsed (its last version stops applying on this day).</summary>
    public DateOnly? EndedOn { get; set; }

    public string EndNote { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One version (版本) of a work: one per adoption, amendment or revision. Never overwritten: an amended text imported
/// later is a new version. It applies from <see cref="EffectiveOn"/> (or its <see cref="VersionDate"/>) until the next
/// version's start, or the work's end.
/// </summary>
internal sealed class LawVersion : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkId { get; set; }

    /// <summary>1, 2, 3 ... in order of <see cref="VersionDate"/>; part of the article URL.</summary>
    public int Number { get; set; }

    /// <summary>The date that names the version: the last adoption/amendment/revision date (the file name's date in the national export).</summary>
    public DateOnly? VersionDate { get; set; }

    /// <summary>公布日期, when stated.</summary>
    public DateOnly? PromulgatedOn { get; set; }

    /// <summary>施行日期, when stated; otherwise the version applies from its <see cref="VersionDate"/>.</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>文号 (e.g. 法释〔2018〕1号, 国务院令第711号), when known.</summary>
    public string DocumentNumber { get; set; } = "";

    /// <summary>The dated history lines (历史沿革) as printed above the text, one per line.</summary>
    public string History { get; set; } = "";

    /// <summary>A preamble (序言) or any text before the first article.</summary>
    public string Preamble { get; set; } = "";

    public int ArticleCount { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public long Version { get; set; }

    /// <summary>The first day the version applies.</summary>
    public DateOnly AppliesFrom => EffectiveOn ?? VersionDate ?? DateOnly.MinValue;
}

/// <summary>
/// A source file a version was built from (a code like the 民法典 comes in one file per 编). The SM3 hash makes an import
/// idempotent: a file already imported adds nothing.
/// </summary>
[NotAudited]
internal sealed class VersionSource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VersionId { get; set; }

    public string FileName { get; set; } = "";

    public string Sm3 { get; set; } = "";

    /// <summary>The 编 this file holds (the file's second title), empty for a whole work.</summary>
    public string Part { get; set; } = "";

    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>The kind of a structural unit of a text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProvisionKind>))]
public enum ProvisionKind
{
    /// <summary>编 (also a code's part that came in its own file).</summary>
    Part,

    /// <summary>分编.</summary>
    Subpart,

    /// <summary>章.</summary>
    Chapter,

    /// <summary>节.</summary>
    Section,

    /// <summary>Another heading (附则 without a number, a case's 裁判要点 ...).</summary>
    Heading,

    /// <summary>条: the unit of citation.</summary>
    Article,

    /// <summary>A paragraph of a text that has no articles (missing structure).</summary>
    Paragraph,
}

/// <summary>
/// One structural unit of a version, in reading order: headings (编/章/节) and articles (条). An article's text keeps
/// its paragraphs (款) on separate lines; items (项) start with （一）. Its anchor (art-33, art-120-1 for 第一百二十条之一)
/// is stable across versions where the number is, so <c>/library/{work}/{version}/art-33</c> addresses it.
/// Derived from an import (the import is audited as one event), so not audited row by row; edits are audited as events.
/// </summary>
[NotAudited]
internal sealed class Provision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VersionId { get; set; }

    public Guid WorkId { get; set; }

    /// <summary>Reading order within the version.</summary>
    public int Ordinal { get; set; }

    public ProvisionKind Kind { get; set; }

    /// <summary>第三十三条, 第二章, 第一节 (empty for a paragraph or an unnumbered heading).</summary>
    public string Label { get; set; } = "";

    /// <summary>The heading's title (总则); empty for an article.</summary>
    public string Heading { get; set; } = "";

    /// <summary>The article number (33; 120 for 第一百二十条之一), 0 for other kinds.</summary>
    public int Number { get; set; }

    /// <summary>The 之N suffix (1 for 第一百二十条之一), 0 when none.</summary>
    public int SubNumber { get; set; }

    /// <summary>art-33, art-120-1, ch-2, pt-1-ch-2-sec-1, p-4.</summary>
    public string Anchor { get; set; } = "";

    /// <summary>The headings above it, e.g. 第二章 行政处罚的种类和设定 / 第一节 一般规定.</summary>
    public string Path { get; set; } = "";

    /// <summary>The text of an article or paragraph (款 on separate lines), without its label.</summary>
    public string Text { get; set; } = "";
}

/// <summary>
/// A reference found in an article's text: 《中华人民共和国行政处罚法》第三十三条 (external), 本法第十条 (internal), 前款
/// (the previous paragraph). <see cref="TargetKey"/> is the cited work's <see cref="WorkKey"/>; the target is resolved
/// when read, so a law imported later still picks up the citations made to it.
/// </summary>
[NotAudited]
internal sealed class Citation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FromVersionId { get; set; }

    public Guid FromWorkId { get; set; }

    public string FromAnchor { get; set; } = "";

    public string TargetKey { get; set; } = "";

    /// <summary>Cited article number, 0 when the citation names only the work.</summary>
    public int TargetNumber { get; set; }

    public int TargetSubNumber { get; set; }

    /// <summary>The words as they appear in the text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Where in the article's text the words start (for linking in place).</summary>
    public int Offset { get; set; }
}

/// <summary>
/// The change feed the search index follows: one row per change to a work, in the transaction of the change. Each node
/// applies rows it has not seen to its own index, so no node misses an edit (ADR 0023).
/// </summary>
[NotAudited]
internal sealed class LibraryChange
{
    public long Id { get; set; }

    public Guid WorkId { get; set; }

    public DateTime AtUtc { get; set; }
}

internal sealed class LawWorkConfiguration : IEntityTypeConfiguration<LawWork>
{
    public void Configure(EntityTypeBuilder<LawWork> b)
    {
        b.ToTable("library_works");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Key).HasMaxLength(300);
        b.HasIndex(x => x.Key);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.End).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.IssuingBody).HasMaxLength(200);
        b.Property(x => x.Region).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.EndNote).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class LawVersionConfiguration : IEntityTypeConfiguration<LawVersion>
{
    public void Configure(EntityTypeBuilder<LawVersion> b)
    {
        b.ToTable("library_versions");
        b.HasIndex(x => new { x.WorkId, x.Number }).IsUnique();
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AppliesFrom);
    }
}

internal sealed class VersionSourceConfiguration : IEntityTypeConfiguration<VersionSource>
{
    public void Configure(EntityTypeBuilder<VersionSource> b)
    {
        b.ToTable("library_version_sources");
        b.HasIndex(x => x.Sm3).IsUnique();
        b.HasIndex(x => x.VersionId);
        b.Property(x => x.Sm3).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(400);
        b.Property(x => x.Part).HasMaxLength(100);
    }
}

internal sealed class ProvisionConfiguration : IEntityTypeConfiguration<Provision>
{
    public void Configure(EntityTypeBuilder<Provision> b)
    {
        b.ToTable("library_provisions");
        b.HasIndex(x => new { x.VersionId, x.Ordinal });
        b.HasIndex(x => new { x.VersionId, x.Anchor });
        b.HasIndex(x => x.WorkId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Label).HasMaxLength(60);
        b.Property(x => x.Heading).HasMaxLength(300);
        b.Property(x => x.Anchor).HasMaxLength(60);
        b.Property(x => x.Path).HasMaxLength(600);
    }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> b)
    {
        b.ToTable("library_citations");
        b.HasIndex(x => new { x.TargetKey, x.TargetNumber });
        b.HasIndex(x => x.FromVersionId);
        b.Property(x => x.TargetKey).HasMaxLength(300);
        b.Property(x => x.FromAnchor).HasMaxLength(60);
        b.Property(x => x.Text).HasMaxLength(400);
    }
}

internal sealed class LibraryChangeConfiguration : IEntityTypeConfiguration<LibraryChange>
{
    public void Configure(EntityTypeBuilder<LibraryChange> b)
    {
        b.ToTable("library_changes");
        b.Property(x => x.Id).ValueGeneratedOnAdd();
    }
}
