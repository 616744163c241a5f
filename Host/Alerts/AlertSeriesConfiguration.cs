using GridCase.Host.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.Alerts;

internal sealed class AlertSeriesConfiguration : IEntityTypeConfiguration<AlertSeries>
{
    public void Configure(EntityTypeBuilder<AlertSeries> b)
    {
        b.HasKey(s => new { s.DeviceId, s.Kind });
        b.Property(s => s.DeviceId).HasMaxLength(DeviceKeys.MaxDeviceIdLength);
        b.Property(s => s.Kind).HasMaxLength(40);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
