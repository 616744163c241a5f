using GridCase.Host.Arbitrations;
using GridCase.Host.Auth;
using GridCase.Host.Calendars;
using GridCase.Host.Callbacks;
using GridCase.Host.Cases;
using GridCase.Host.Catalog;
using GridCase.Host.Attachments;
using GridCase.Host.Deadlines;
using GridCase.Host.FlowBindings;
using GridCase.Host.Incidents;
using GridCase.Host.Notifications;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.ReporterReplies;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Host.Supervision;
using GridCase.Host.Seeding;
using GridCase.Host.Signals;
using GridCase.Host.Timers;
using GridCase.Host.Whistles;
using GridCase.Host.WorkflowDefinitions;
using GridCase.Host.WorkItems;
using GridCase.Host.InstanceMigrations;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;

namespace GridCase.Host.Hosting;

public static class ServiceRegistration
{
    public static void AddGridCase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = builder.AddGridCaseDatabase();
        services.AddSingleton(new ProviderName(provider));
        services.AddSingleton<WriteGate>();
        services.AddScoped<UnitOfWork>();
        services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        services.AddSingleton(DemoMode.From(builder.Configuration, builder.Environment));
        services.Configure<CalendarOptions>(builder.Configuration.GetSection("Calendar"));
        services.AddSingleton(TimeProvider.System);

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong parameter types become exceptions the handler answers with ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        AddIdentity(services, builder.Configuration);
        AddHangfire(builder, provider);
        AddOpenApi(services);

        services.AddSingleton<OrgDirectory>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<GridCase.Workflows.Runtime.IWorkingCalendars>(sp => sp.GetRequiredService<CalendarService>());
        services.AddCaseWorkflow();
        // After the case workflow: its outcome handlers count reworks and returns before the supervision triggers read them.
        services.AddSupervision();
        services.AddFlowBindings();
        services.AddSignals();
        services.AddWhistles();
        services.AddReporterReplies();
        services.AddIncidents();
        services.AddInstanceMigrations(builder.Configuration);
        services.AddArbitrations();
        services.AddNotifications(builder.Configuration);
        services.AddScoped<CaseScope>();
        services.AddScoped<CaseReader>();
        services.AddSingleton<ListTotals>();
        services.AddOptions<ListOptions>().Bind(builder.Configuration.GetSection(ListOptions.Section))
            .Validate(o => o.TotalLimit is > 0 and <= 1_000_000, "Lists:TotalLimit must be 1..1000000").ValidateOnStart();
        services.AddScoped<ReportCase>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<Inbox>();
        services.AddScoped<DefinitionEditor>();
        services.AddScoped<OrgSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCases>();
        services.AddScoped<BootstrapAdmin>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<TimerScheduler>();
        services.AddScoped<SlaTimerJob>();
        services.AddScoped<SlaSweep>();
        services.AddSingleton<SlaSweepGate>();
        services.AddTimerHorizon(builder.Configuration);
        services.AddScoped<TimerFailures>();
        services.AddScoped<CallbackList>();
        services.AddScoped<CaseCancellation>();
        services.AddScoped<CaseReopening>();
        services.AddOptions<ReopenOptions>().Bind(builder.Configuration.GetSection(ReopenOptions.Section))
            .Validate(o => o.WindowDays is > 0 and <= 3650, "Reopen:WindowDays must be 1..3650").ValidateOnStart();
        services.AddScoped<CaseLoopStop>();
        services.AddScoped<IdempotencyKeys>();
        services.AddHostedService<SweepStartup<SlaSweep>>();
        services.AddSingleton<ReferenceDataRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<ReferenceDataRefresh>());
        services.AddScoped<ReferenceDataSeeder>();
        services.AddSingleton<CatalogSuggester>();
        services.AddScoped<CatalogReader>();
        services.AddScoped<CatalogEditor>();
        services.AddScoped<CatalogImport>();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<AttachmentService>();
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        // Tokens are protected with these keys: in the database, any node can read a token any other issued.
        services.AddDataProtection().SetApplicationName("GridCase").PersistKeysToDbContext<GridCaseDbContext>();
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddAdminTools(configuration);
        services.AddAuthorization();
        services.Configure<LoginRateLimitOptions>(configuration.GetSection("LoginRateLimit"));
        services.AddSingleton<LoginThrottle>();
        // Lockout is the second line behind LoginThrottle: it takes many failures and lasts briefly, so that
        // guessing at every user name cannot keep every account shut (see the README, "Signing in").
        services.AddIdentityCore<GridCaseUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 50;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GridCaseDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<GridCaseClaimsFactory>();
    }

    private static void AddHangfire(WebApplicationBuilder builder, string provider)
    {
        // The storage is registered by hand so that each host (and each test host) has its own. It is made
        // after Hangfire's global configuration, which points Hangfire's static logging at this host.
        var connection = builder.Configuration.GetConnectionString(PersistenceSetup.ConnectionName);
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            _ = sp.GetRequiredService<IGlobalConfiguration>();
            return provider switch
            {
                "SqlServer" => new SqlServerStorage(connection),
                "PostgreSql" => PostgreSqlJobStorage(connection!),
                _ => new InMemoryStorage(),
            };
        });
        builder.Services.AddHangfire(c => c.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer(o =>
        {
            if (provider is "SqlServer" or "PostgreSql")
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            }
            else
            {
                // In memory, a poll is a look at a sorted set: every 200 ms costs nothing and takes up to 0.8 s off each
                // timer's lag (Hangfire's schedule is in whole seconds, so a job runs in [its second, + one poll]).
                o.SchedulePollingInterval = TimeSpan.FromMilliseconds(200);
                // Two more than the cores: a timer sweep that waits for the one before it holds a worker, and
                // notifications and migrations must still find one.
                o.WorkerCount = Environment.ProcessorCount + 2;
            }
        });
    }

    /// <summary>Hangfire's tables live in the app's database, in a schema of their own that it creates on first start.</summary>
    private static PostgreSqlStorage PostgreSqlJobStorage(string connection)
    {
        // Each worker polls its queue; the default 15 s would make an SLA job late by up to that much.
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
    }

    private static void AddOpenApi(IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = "GridCase API", Version = "v1", Description = "网格化社会治理案件闭环 / grid governance case loop" });
            o.CustomSchemaIds(t => t.FullName!.Replace("GridCase.Host.", "").Replace('+', '.'));
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "POST /api/auth/login → accessToken",
            });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            // Devices sign their alerts with the key shown at registration; nothing else takes it.
            o.AddSecurityDefinition("DeviceKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Devices.DeviceKeyAuthentication.HeaderName,
                Description = "POST /api/alerts only: the device key from POST /api/devices, as X-Device-Key: <key> or Authorization: Device <key>",
            });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("DeviceKey", doc)] = [] });
        });
    }
}

/// <summary>The database provider in use: Sqlite, SqlServer or PostgreSql.</summary>
public sealed record ProviderName(string Value)
{
    public bool IsSqlite => Value == "Sqlite";
}
