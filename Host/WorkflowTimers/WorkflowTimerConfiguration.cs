using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.WorkflowTimers;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.ActivityId).HasMaxLength(64);
        b.Property(t => t.Outcome).HasMaxLength(64);
        b.HasIndex(t => new { t.FiredAt, t.DueAt });
    }
}
