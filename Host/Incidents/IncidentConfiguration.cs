using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Property(x => x.ResolvedBy).HasMaxLength(64);
        b.HasIndex(x => new { x.Status, x.At });
        b.HasIndex(x => x.CaseId);
    }
}
