using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.Org;
using GridCase.Domain.Supervision;
using GridCase.Domain.WorkItems;
using GridCase.Host.Calendars;
using GridCase.Host.FlowBindings;
using GridCase.Host.Incidents;
using GridCase.Host.InstanceMigrations;
using GridCase.Host.Notifications;
using GridCase.Host.WorkflowTimers;
using GridCase.Host.Identity;
using GridCase.Host.Runtime;
using GridCase.Workflows.Runtime;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using GridCase.Host.Cases;
using GridCase.Host.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GridCase.Host.Persistence;

/// <summary>
/// The one model of GridCase. Each provider has a subclass so that each keeps its own generated
/// migrations; everything else is shared.
/// </summary>
public abstract class GridCaseDbContext(DbContextOptions options)
    : IdentityDbContext<GridCaseUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign bearer tokens, shared by every Host node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<CaseReturn> CaseReturns => Set<CaseReturn>();
    public DbSet<Arbitration> Arbitrations => Set<Arbitration>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<CatalogCategory> CatalogCategories => Set<CatalogCategory>();
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<SupervisionEntry> SupervisionEntries => Set<SupervisionEntry>();
    public DbSet<FlowBinding> FlowBindings => Set<FlowBinding>();
    public DbSet<FlowBindingChange> FlowBindingChanges => Set<FlowBindingChange>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<WorkflowMigration> WorkflowMigrations => Set<WorkflowMigration>();
    public DbSet<WorkflowMigrationEntry> WorkflowMigrationEntries => Set<WorkflowMigrationEntry>();
    public DbSet<Devices.Device> Devices => Set<Devices.Device>();
    public DbSet<Alerts.AlertSeries> AlertSeries => Set<Alerts.AlertSeries>();

    public DbSet<TimerFailure> TimerFailures => Set<TimerFailure>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<CacheStamp> CacheStamps => Set<CacheStamp>();

    /// <summary>
    /// Every write of a case, a work item or an extension request gets a new concurrency token, so a stale copy
    /// can never overwrite it. On SQLite the write gate is taken here unless the caller's unit of work holds it.
    /// </summary>
    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
        foreach (var entry in ChangeTracker.Entries<WorkItem>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
        foreach (var entry in ChangeTracker.Entries<ExtensionRequest>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = Guid.NewGuid();
        var gate = ((IInfrastructure<IServiceProvider>)this).Instance.GetService<IDbContextOptions>()
            ?.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<WriteGate>();
        return gate is null
            ? base.SaveChangesAsync(cancellationToken)
            : gate.RunAsync(() => base.SaveChangesAsync(cancellationToken), cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in any SQL client, and stable if members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GridCaseDbContext).Assembly);
    }
}
