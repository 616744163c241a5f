using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.InstanceMigrations;

internal sealed class WorkflowMigrationConfiguration : IEntityTypeConfiguration<WorkflowMigration>
{
    public void Configure(EntityTypeBuilder<WorkflowMigration> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.DefinitionId).HasMaxLength(64);
        b.Property(m => m.RequestedBy).HasMaxLength(64);
        b.HasIndex(m => new { m.DefinitionId, m.RequestedAt });
        b.HasIndex(m => m.Status);
    }
}

internal sealed class WorkflowMigrationEntryConfiguration : IEntityTypeConfiguration<WorkflowMigrationEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowMigrationEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Reason).HasMaxLength(WorkflowMigrationEntry.MaxReasonLength);
        b.HasIndex(e => new { e.MigrationId, e.Outcome });
        b.HasOne<WorkflowMigration>().WithMany().HasForeignKey(e => e.MigrationId);
    }
}
