using Fazhi.Library.Works;

namespace Fazhi.Library.Manage;

/// <summary>The manual-entry form (手工录入) as posted; <see cref="ToEntry"/> hands it to the importer, which checks it.</summary>
internal sealed class ManualForm
{
    public string? Title { get; set; }

    public EffectLevel Level { get; set; } = EffectLevel.NormativeDocument;

    public string? IssuingBody { get; set; }

    public string? Region { get; set; }

    public DateOnly? PromulgatedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string? DocumentNumber { get; set; }

    // No initializer: an unticked box posts nothing, which must read as false. A fresh form is ticked by the page.
    public bool IsPublic { get; set; }

    public string? Text { get; set; }

    public ManualEntry ToEntry() => new(Title ?? "", Level, IssuingBody, Region, PromulgatedOn, EffectiveOn, DocumentNumber, IsPublic, Text ?? "");
}

/// <summary>A work's facts as edited (基本信息), with the concurrency stamp the page was read with.</summary>
internal sealed class FactsForm
{
    public string? Title { get; set; }

    public EffectLevel Level { get; set; }

    public string? IssuingBody { get; set; }

    public string? Region { get; set; }

    public string? Category { get; set; }

    public bool IsPublic { get; set; }

    public long Version { get; set; }

    public static FactsForm From(WorkDetail w) => new()
    {
        Title = w.Title, Level = w.Level, IssuingBody = w.IssuingBody, Region = w.Region, Category = w.Category, IsPublic = w.IsPublic, Version = w.Version,
    };

    public WorkEdit ToEdit() => new(Title ?? "", Level, IssuingBody, Region, Category, IsPublic, Version);
}

/// <summary>Repeal or lapse (废止/失效), or undoing it.</summary>
internal sealed class EndForm
{
    public WorkEnd End { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public static EndForm From(WorkDetail w) => new() { End = w.End, EndedOn = w.EndedOn, Note = w.EndNote, Version = w.Version };

    public WorkEndEdit ToEdit() => new(End, EndedOn, Note, Version);
}

/// <summary>One version's dates and 文号.</summary>
internal sealed class VersionForm
{
    public int Number { get; set; }

    public DateOnly? PromulgatedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string? DocumentNumber { get; set; }

    public long Version { get; set; }

    public static VersionForm From(VersionSummary v, long stamp) => new()
    {
        Number = v.Number, PromulgatedOn = v.PromulgatedOn, EffectiveOn = v.EffectiveOn, DocumentNumber = v.DocumentNumber, Version = stamp,
    };

    public VersionEdit ToEdit() => new(PromulgatedOn, EffectiveOn, DocumentNumber, Version);
}

/// <summary>A corrected article text and the reason (更正理由).</summary>
internal sealed class ArticleForm
{
    public int Number { get; set; }

    public string? Anchor { get; set; }

    public string? Text { get; set; }

    public string? Reason { get; set; }

    public ArticleEdit ToEdit() => new(Text ?? "", Reason ?? "");
}
