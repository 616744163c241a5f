using System.Text.Json;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.Org;
using GridCase.Domain.Supervision;
using GridCase.Domain.WorkItems;
using GridCase.Host.Runtime;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Host.Persistence;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    private static readonly string[] AreaColumns = ["DistrictCode", "SubdistrictCode", "CommunityCode", "GridCode"];

    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Number).HasMaxLength(32);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.ItemCode).HasMaxLength(32);
        b.Property(c => c.DepartmentCode).HasMaxLength(32);
        b.Property(c => c.ReportedBy).HasMaxLength(64);
        b.HasIndex(c => new { c.Stage, c.Status });
        b.HasIndex(c => c.ReportedAt);
        // The case list in its order (newest first, then by number) within each kind of area scope: page 1 and its capped
        // total are walks of one index, not a sort or a count of the whole table.
        // EF cannot index a complex property's columns (efcore#31246): each area column has a shadow twin on the same
        // column that only names it in an index; EF reads it but never writes it, the complex property does.
        foreach (var column in AreaColumns)
        {
            var twin = b.Property<string>(column).HasColumnName(column).HasMaxLength(32).IsRequired().Metadata;
            twin.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            twin.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            b.HasIndex(column, nameof(Case.ReportedAt), nameof(Case.Number)).IsDescending(false, true, false);
        }
        // 疑似重复: the candidates of a new report are read by item code and report time.
        b.HasIndex(c => new { c.ItemCode, c.ReportedAt });
        // 并案: a master's merged reports, read when it ends and on its detail.
        b.HasIndex(c => c.MergedIntoId);
        b.Ignore(c => c.ResponsibleOrgUnitCode);
        b.ComplexProperty(c => c.Location);
        b.ComplexProperty(c => c.Reporter, r =>
        {
            r.Property(x => x.Name).HasMaxLength(64);
            r.Property(x => x.Phone).HasMaxLength(32);
        });
        b.ComplexProperty(c => c.Area, a =>
        {
            a.Property(x => x.GridCode).HasMaxLength(32).HasColumnName("GridCode");
            a.Property(x => x.CommunityCode).HasMaxLength(32).HasColumnName("CommunityCode");
            a.Property(x => x.SubdistrictCode).HasMaxLength(32).HasColumnName("SubdistrictCode");
            a.Property(x => x.DistrictCode).HasMaxLength(32).HasColumnName("DistrictCode");
        });
        // Snapshots are written whole and never queried inside: one JSON column each.
        b.Property(c => c.Catalog).HasConversion(Json<CatalogSnapshot>.Converter());
        b.Property(c => c.Assessment).HasConversion(Json<Assessment>.Converter());
        // A JSON text column on every provider (PostgreSQL would make a primitive collection an array), so that cases
        // dispatched before co-handling existed read as having none.
        b.Property(c => c.CoHandlerCodes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, WorkflowJson.Options),
                s => JsonSerializer.Deserialize<List<string>>(s, WorkflowJson.Options) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
            .HasMaxLength(1000)
            .HasDefaultValueSql("'[]'");
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.Property(w => w.ActivityId).HasMaxLength(64);
        b.Property(w => w.Name).HasMaxLength(128);
        b.Property(w => w.Role).HasMaxLength(32);
        b.Property(w => w.ScopeOrgUnitCode).HasMaxLength(32);
        b.Property(w => w.AssignedUser).HasMaxLength(64);
        b.Property(w => w.CompletedBy).HasMaxLength(64);
        b.Property(w => w.Outcome).HasMaxLength(64);
        b.Property(w => w.Comment).HasMaxLength(2000);
        // A case's open work, read by every write and answer on the case. On CaseId alone SQLite (no statistics) chose a
        // Status index instead and walked every open item of the city: 0.5 ms a read at 1,000 open items, 8 ms at 9,000.
        b.HasIndex(w => new { w.CaseId, w.Status });
        // An inbox view's open work (of my roles, in my units, nobody's or mine): its total and, when it is small, its keys in
        // due order come from this index alone; for one role and one unit it is the page's order too.
        b.HasIndex(w => new { w.Status, w.Role, w.ScopeOrgUnitCode, w.AssignedUser, w.DueAt, w.Id });
        b.HasIndex(w => new { w.Status, w.DueAt });
        b.HasIndex(w => new { w.Status, w.Sla });
        // The SLA sweep's and the timer horizon's range reads: only the open items whose next instant is due (or in the window).
        b.HasIndex(w => new { w.Status, w.Sla, w.WarnAt });
        b.HasIndex(w => new { w.Status, w.Sla, w.DueAt });
        // The inbox's open views in their order: claimable (nobody's) or mine, the most urgent first.
        b.HasIndex(w => new { w.Status, w.AssignedUser, w.DueAt, w.Id });
        // 已办: my completed work, the latest first.
        b.HasIndex(w => new { w.CompletedBy, w.Status, w.CompletedAt, w.Id }).IsDescending(false, false, true, false);
        b.Property(w => w.Calendar).HasMaxLength(16);
        // Items opened before kinds existed are the flow's own tasks; a sentinel no item has makes every new row write its kind.
        b.Property(w => w.Kind).HasDefaultValue(WorkItemKind.Task).HasSentinel((WorkItemKind)(-1));
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.WorkItemId, e.Status });
        b.HasIndex(e => e.Status);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Property(e => e.RequestedBy).HasMaxLength(64);
        b.Property(e => e.DecidedBy).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.DecisionComment).HasMaxLength(2000);
    }
}

internal sealed class SupervisionEntryConfiguration : IEntityTypeConfiguration<SupervisionEntry>
{
    public void Configure(EntityTypeBuilder<SupervisionEntry> b)
    {
        // A new table: the old one held one row per warning and overdue of each deadline, which this list no longer is.
        b.ToTable("SupervisionList");
        b.HasKey(e => e.Id);
        // One open entry per case and kind, whatever races: finished entries move out of slot 0 (see OpenSlot).
        b.HasIndex(e => new { e.CaseId, e.Kind, e.OpenSlot }).IsUnique();
        // The list in its order, most severe first, then the oldest: the active entries (slot 0) or those of one status.
        b.HasIndex(e => new { e.OpenSlot, e.Severity, e.CreatedAt }).IsDescending(false, true, false);
        b.HasIndex(e => new { e.Status, e.Severity, e.CreatedAt }).IsDescending(false, true, false);
        b.Property(e => e.Version).IsConcurrencyToken();
        // A number, unlike other enums, so that "most severe first" is an ORDER BY on any provider.
        b.Property(e => e.Severity).HasConversion<int>();
        b.Property(e => e.ResponsibleOrgUnitCode).HasMaxLength(32);
        b.Property(e => e.GridCode).HasMaxLength(32);
        b.Property(e => e.RaisedBy).HasMaxLength(64);
        b.Property(e => e.FinishedBy).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.Notes).HasMaxLength(2000);
        b.Property(e => e.Result).HasMaxLength(2000);
    }
}

internal sealed class CaseReturnConfiguration : IEntityTypeConfiguration<CaseReturn>
{
    public void Configure(EntityTypeBuilder<CaseReturn> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.CaseId);
        b.Property(r => r.DepartmentCode).HasMaxLength(32);
        b.Property(r => r.Reason).HasMaxLength(CaseReturn.MaxReasonLength);
        b.Property(r => r.ReturnedBy).HasMaxLength(64);
    }
}

internal sealed class ArbitrationConfiguration : IEntityTypeConfiguration<Arbitration>
{
    public void Configure(EntityTypeBuilder<Arbitration> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.WorkItemId).IsUnique();
        b.HasIndex(a => new { a.DistrictCode, a.Status, a.OpenedAt });
        b.Property(a => a.DistrictCode).HasMaxLength(32);
        b.Property(a => a.OwnerDepartmentCode).HasMaxLength(32);
        b.Property(a => a.Basis).HasMaxLength(Arbitration.MaxBasisLength);
        b.Property(a => a.DecidedBy).HasMaxLength(64);
        b.Property(a => a.CatalogItemCode).HasMaxLength(16);
        b.Ignore(a => a.SourceName);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("Journal");
        b.HasKey(j => j.Id);
        b.HasIndex(j => j.CaseId);
        b.Property(j => j.ActivityId).HasMaxLength(64);
        b.Property(j => j.Event).HasMaxLength(64);
        b.Property(j => j.Outcome).HasMaxLength(64);
        b.Property(j => j.Actor).HasMaxLength(64);
        b.Property(j => j.Comment).HasMaxLength(2000);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.HasKey(i => i.Id);
        // The column keeps its first name: every instance so far belongs to a case.
        b.Property(i => i.CorrelationId).HasColumnName("CaseId");
        b.HasIndex(i => i.CorrelationId).IsUnique();
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Property(i => i.DefinitionId).HasMaxLength(64);
    }
}

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        b.Property(d => d.DefinitionId).HasMaxLength(64);
        b.Property(d => d.Name).HasMaxLength(200);
        b.Property(d => d.PublishedBy).HasMaxLength(64);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.ParentCode).HasMaxLength(32);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Path).HasMaxLength(200);
        b.Property(o => o.CalendarCode).HasMaxLength(32);
        b.HasIndex(o => o.Path);
    }
}

internal sealed class CatalogCategoryConfiguration : IEntityTypeConfiguration<CatalogCategory>
{
    public void Configure(EntityTypeBuilder<CatalogCategory> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(8);
        b.Property(c => c.Name).HasMaxLength(100);
    }
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> b)
    {
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.Code, i.Version }).IsUnique();
        b.HasIndex(i => new { i.IsCurrent, i.CategoryCode });
        b.Property(i => i.Code).HasMaxLength(16);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.CategoryCode).HasMaxLength(8);
        b.Property(i => i.TimeLimit).HasMaxLength(32);
        b.Property(i => i.OwnerDepartmentCode).HasMaxLength(32);
        b.Property(i => i.Source).HasMaxLength(64);
        // By name, like every other enum: stored numbers would change meaning if the enum were reordered.
        b.PrimitiveCollection(i => i.ClosureRequirements).ElementType().HasConversion<string>();
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<GridCase.Host.Calendars.CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<GridCase.Host.Calendars.CalendarYearRecord> b)
    {
        b.ToTable("CalendarYears");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.UpdatedBy).HasMaxLength(64);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<GridCase.Domain.Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<GridCase.Domain.Attachments.Attachment> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.CaseId, a.Kind });
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(64);
    }
}

/// <summary>JSON column for an immutable value that is always replaced whole.</summary>
internal static class Json<T> where T : class
{
    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T?, string?> Converter() => new(
        v => v == null ? null : JsonSerializer.Serialize(v, WorkflowJson.Options),
        s => s == null ? null : JsonSerializer.Deserialize<T>(s, WorkflowJson.Options));
}

internal sealed class TimerFailureConfiguration : IEntityTypeConfiguration<GridCase.Host.Timers.TimerFailure>
{
    public void Configure(EntityTypeBuilder<GridCase.Host.Timers.TimerFailure> b)
    {
        b.HasKey(f => f.Id);
        b.HasIndex(f => new { f.WorkItemId, f.Level }).IsUnique();
        b.Property(f => f.Error).HasMaxLength(GridCase.Host.Timers.TimerFailure.MaxErrorLength);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<GridCase.Host.Cases.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<GridCase.Host.Cases.IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(k => k.Id);
        // Keys are per user: the index lets exactly one of several racing retries write its case.
        b.HasIndex(k => new { k.UserName, k.Key }).IsUnique();
        b.Property(k => k.UserName).HasMaxLength(64);
        b.Property(k => k.Key).HasMaxLength(GridCase.Host.Cases.IdempotencyRecord.MaxKeyLength);
        b.Property(k => k.BodyHash).HasMaxLength(64);
    }
}

internal sealed class CacheStampConfiguration : IEntityTypeConfiguration<CacheStamp>
{
    public void Configure(EntityTypeBuilder<CacheStamp> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(32);
    }
}
