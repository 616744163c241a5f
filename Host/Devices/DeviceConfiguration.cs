using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.HasKey(d => d.DeviceId);
        b.Property(d => d.DeviceId).HasMaxLength(DeviceKeys.MaxDeviceIdLength);
        b.Property(d => d.Kind).HasMaxLength(40);
        b.Property(d => d.GridCode).HasMaxLength(32);
        b.Property(d => d.Address).HasMaxLength(500);
        b.Property(d => d.KeyHash).HasMaxLength(32);
        // A key finds its device by its hash.
        b.HasIndex(d => d.KeyHash).IsUnique();
        b.Property(d => d.RegisteredBy).HasMaxLength(64);
    }
}
