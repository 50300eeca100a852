using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Roles;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>, IEntityTypeConfiguration<RolePermission>, IEntityTypeConfiguration<RoleAssignment>,
    IEntityTypeConfiguration<ShippedRolePermission>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.ToTable("platform_roles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Description).HasMaxLength(512);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Permissions).WithOne().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RolePermission> b)
    {
        b.ToTable("platform_role_permissions");
        b.HasKey(x => new { x.RoleId, x.Permission });
        b.Property(x => x.Permission).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<ShippedRolePermission> b)
    {
        b.ToTable("platform_role_shipped_permissions");
        b.HasKey(x => new { x.RoleId, x.Permission });
        b.Property(x => x.Permission).HasMaxLength(128);
        b.HasOne<Role>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("platform_role_assignments");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UserId, x.RoleId, x.OrgUnitId }).IsUnique();
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FazhiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
