using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Learning.People;

/// <summary>
/// An official in the personnel register (人员名册): name, unit, post, whether a leading official (领导干部), level, and the
/// account they sign in with where they have one. Scoped to the unit: a unit keeps its own people, the office all of them.
/// </summary>
internal sealed class Person : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>职务 / 岗位.</summary>
    public string Post { get; set; } = "";

    /// <summary>领导干部: the leading officials submit the yearly duty report (述职述法).</summary>
    public bool IsLeader { get; set; }

    /// <summary>职级 (e.g. 处级、科级、一般干部).</summary>
    public string Level { get; set; } = "";

    /// <summary>The account this person signs in with, when they have one (unique).</summary>
    public Guid? UserId { get; set; }

    public string UserName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("learning_people");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Name });
        b.HasIndex(x => x.UserId).IsUnique();
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Post).HasMaxLength(100);
        b.Property(x => x.Level).HasMaxLength(32);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
