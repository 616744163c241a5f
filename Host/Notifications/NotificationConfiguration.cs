using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("NotificationOutbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.DeliveredAt, x.NextAttemptAt });
        b.HasIndex(x => new { x.UserName, x.CreatedAt });
    }
}
