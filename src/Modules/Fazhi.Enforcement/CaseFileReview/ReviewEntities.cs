using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.CaseFileReview;

/// <summary>
/// A version of a case-file review rubric (案卷评查标准). Editing never rewrites a version: it adds the next version of
/// the same <see cref="Code"/> and marks the previous one superseded, so plans keep scoring against the version they chose.
/// Reference data shared by the city, not data-scoped; maintained by holders of <c>enforcement.casereview.manage</c>.
/// </summary>
internal sealed class ReviewRubric : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = "";

    public int VersionNo { get; set; }

    public string Name { get; set; } = "";

    public string Basis { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public string ChangeNote { get; set; } = "";

    public DateTime? SupersededAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>One scoring item of a rubric version: the points it carries and its deduction rule (扣分规则).</summary>
internal sealed class RubricItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RubricId { get; set; }

    public int Seq { get; set; }

    public string Category { get; set; } = "";

    public string Title { get; set; } = "";

    public decimal Points { get; set; }

    public string DeductionRule { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<ReviewPlanStatus>))]
internal enum ReviewPlanStatus
{
    /// <summary>Created, sample not yet drawn.</summary>
    Draft,

    /// <summary>Sample drawn; reviewers score.</summary>
    Drawn,

    /// <summary>Results published to the bodies; rectification follows.</summary>
    Finished,
}

/// <summary>
/// A review plan (评查计划) of a supervising unit (the justice bureau). It involves several bodies, so it is not
/// <c>IOrgScoped</c>: <see cref="OwnerUnitId"/> is the supervising unit; access is checked by <c>CaseReviewService</c>
/// (owner scope manages; a body sees its own results once finished). See ADR 0015.
/// </summary>
internal sealed class ReviewPlan : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OwnerUnitId { get; set; }

    public string Name { get; set; } = "";

    public int Year { get; set; }

    /// <summary>Cases closed (结案) in [PeriodFrom, PeriodTo] form the population.</summary>
    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public Guid RubricId { get; set; }

    /// <summary>Fixed number of cases per body, or null when <see cref="SamplePercent"/> applies.</summary>
    public int? SampleSize { get; set; }

    /// <summary>Percentage of each body's closed cases (rounded up, at least one), or null.</summary>
    public int? SamplePercent { get; set; }

    /// <summary>The seed of the draw (hex), stored so anyone can redo it.</summary>
    public string Seed { get; set; } = "";

    public ReviewPlanStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? DrawnAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>A body taking part in a plan, with the population size seen at the draw.</summary>
internal sealed class ReviewPlanBody
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid BodyUnitId { get; set; }

    public string BodyName { get; set; } = "";

    public int ClosedCases { get; set; }

    public int Sampled { get; set; }
}

/// <summary>A case drawn for review and its score (满分 minus deductions).</summary>
internal sealed class ReviewSample : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid OwnerUnitId { get; set; }

    public Guid BodyUnitId { get; set; }

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public int DrawOrder { get; set; }

    public decimal? Score { get; set; }

    public string Reviewer { get; set; } = "";

    public DateTime? ScoredAtUtc { get; set; }

    public string Comment { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>A deduction on one rubric item of a sampled case, with its reason.</summary>
internal sealed class ReviewDeduction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SampleId { get; set; }

    public Guid PlanId { get; set; }

    public Guid ItemId { get; set; }

    public decimal Points { get; set; }

    public string Reason { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<RectificationStatus>))]
internal enum RectificationStatus
{
    /// <summary>Issued, waiting for the body's answer.</summary>
    Open,

    /// <summary>The body answered; the supervisor checks.</summary>
    Answered,

    /// <summary>Accepted by the supervisor (整改到位).</summary>
    Closed,
}

/// <summary>A rectification task (整改) for a body after a review plan, tracked to closure.</summary>
internal sealed class Rectification : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid OwnerUnitId { get; set; }

    public Guid BodyUnitId { get; set; }

    public string BodyName { get; set; } = "";

    public string Requirement { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public RectificationStatus Status { get; set; }

    public string Response { get; set; } = "";

    public DateOnly? AnsweredOn { get; set; }

    public string AnsweredBy { get; set; } = "";

    public string SupervisorNote { get; set; } = "";

    public DateOnly? ClosedOn { get; set; }

    public long Version { get; set; }
}

internal sealed class ReviewRubricConfiguration : IEntityTypeConfiguration<ReviewRubric>
{
    public void Configure(EntityTypeBuilder<ReviewRubric> b)
    {
        b.ToTable("enforcement_review_rubrics");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Code, x.VersionNo }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(128);
        b.Property(x => x.ChangeNote).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class RubricItemConfiguration : IEntityTypeConfiguration<RubricItem>
{
    public void Configure(EntityTypeBuilder<RubricItem> b)
    {
        b.ToTable("enforcement_review_rubric_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RubricId, x.Seq }).IsUnique();
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(256);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.DeductionRule).HasMaxLength(1000);
    }
}

internal sealed class ReviewPlanConfiguration : IEntityTypeConfiguration<ReviewPlan>
{
    public void Configure(EntityTypeBuilder<ReviewPlan> b)
    {
        b.ToTable("enforcement_review_plans");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OwnerUnitId, x.Year });
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Seed).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReviewPlanBodyConfiguration : IEntityTypeConfiguration<ReviewPlanBody>
{
    public void Configure(EntityTypeBuilder<ReviewPlanBody> b)
    {
        b.ToTable("enforcement_review_plan_bodies");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PlanId, x.BodyUnitId }).IsUnique();
        b.HasIndex(x => x.BodyUnitId);
        b.Property(x => x.BodyName).HasMaxLength(128);
    }
}

internal sealed class ReviewSampleConfiguration : IEntityTypeConfiguration<ReviewSample>
{
    public void Configure(EntityTypeBuilder<ReviewSample> b)
    {
        b.ToTable("enforcement_review_samples");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PlanId, x.CaseId }).IsUnique();
        b.HasIndex(x => x.BodyUnitId);
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.Property(x => x.Score).HasPrecision(6, 2);
        b.Property(x => x.Reviewer).HasMaxLength(128);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReviewDeductionConfiguration : IEntityTypeConfiguration<ReviewDeduction>
{
    public void Configure(EntityTypeBuilder<ReviewDeduction> b)
    {
        b.ToTable("enforcement_review_deductions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.SampleId, x.ItemId }).IsUnique();
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.Reason).HasMaxLength(1000);
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("enforcement_review_rectifications");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.BodyUnitId, x.Status });
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.BodyName).HasMaxLength(128);
        b.Property(x => x.Requirement).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Response).HasMaxLength(4000);
        b.Property(x => x.AnsweredBy).HasMaxLength(128);
        b.Property(x => x.SupervisorNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
