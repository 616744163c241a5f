using GridCase.Host.Alerts;
using GridCase.Host.Arbitrations;
using GridCase.Host.Auth;
using GridCase.Host.Calendars;
using GridCase.Host.Callbacks;
using GridCase.Host.Timers;
using GridCase.Host.Cases;
using GridCase.Host.Catalog;
using GridCase.Host.Attachments;
using GridCase.Host.Dashboard;
using GridCase.Host.Deadlines;
using GridCase.Host.FlowBindings;
using GridCase.Host.Hosting;
using GridCase.Host.Incidents;
using GridCase.Host.InstanceMigrations;
using GridCase.Host.Notifications;
using GridCase.Host.Org;
using GridCase.Host.Repeats;
using GridCase.Host.ReporterReplies;
using GridCase.Host.Signals;
using GridCase.Host.Supervision;
using GridCase.Host.WebApp;
using GridCase.Host.Whistles;
using GridCase.Host.WorkflowDefinitions;
using GridCase.Host.WorkItems;

var builder = WebApplication.CreateBuilder(args);
builder.AddGridCase();
builder.Services.AddWebApp();
builder.Services.AddDashboard();
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddRepeats(builder.Configuration);

var app = builder.Build();
await DatabaseStartup.InitializeAsync(app.Services, app.Services.GetRequiredService<ProviderName>().Value);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAdminTools();

app.UseWebApp();
app.MapHealthChecks("/health");
app.MapAuth();
app.MapCases();
app.MapCatalog();
app.MapAttachments();
app.MapWorkItems();
app.MapOrg();
app.MapWorkflowDefinitions();
app.MapInstanceMigrations();
app.MapFlowBindings();
app.MapSignals();
app.MapWhistles();
app.MapReporterReplies();
app.MapIncidents();
app.MapNotifications();
app.MapDeadlines();
app.MapSupervision();
app.MapCalendars();
app.MapTimers();
app.MapCallbacks();
app.MapArbitrations();
app.MapDashboard();
app.MapAlerts();
app.MapRepeats();

app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
