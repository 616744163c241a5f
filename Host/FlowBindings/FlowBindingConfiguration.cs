using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.FlowBindings;

internal sealed class FlowBindingConfiguration : IEntityTypeConfiguration<FlowBinding>
{
    public void Configure(EntityTypeBuilder<FlowBinding> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Specificity);
        b.Property(x => x.CategoryCode).HasMaxLength(32);
        b.Property(x => x.ItemCode).HasMaxLength(32);
        b.Property(x => x.DefinitionId).HasMaxLength(64);
    }
}

internal sealed class FlowBindingChangeConfiguration : IEntityTypeConfiguration<FlowBindingChange>
{
    public void Configure(EntityTypeBuilder<FlowBindingChange> b)
    {
        b.ToTable("FlowBindingAudit");
        b.HasKey(x => x.Id);
        b.Property(x => x.ChangedBy).HasMaxLength(64);
        b.HasIndex(x => x.ChangedAt);
    }
}
