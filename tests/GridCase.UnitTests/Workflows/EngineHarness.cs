using GridCase.CaseActivities;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.UnitTests.Workflows;

/// <summary>The engine with the case activities, wired as the Host wires them, with in-memory work items and no database.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public List<WorkItem> WorkItems { get; } = [];
    public List<WorkflowEvent> Events { get; } = [];
    public List<WorkflowTimerRequest> Timers { get; } = [];
    public List<NotificationRequest> Notifications { get; } = [];
    public List<SupervisionRaise> Supervision { get; } = [];
    /// <summary>What the catalog suggests for any text (null: nothing), for AutoAccept.</summary>
    public CatalogSuggestion? Suggestion { get; set; }
    public ServiceProvider Services { get; }
    public WorkflowEngine Engine => Services.GetRequiredService<WorkflowEngine>();
    public DefinitionValidator Validator => Services.CreateScope().ServiceProvider.GetRequiredService<DefinitionValidator>();

    public EngineHarness(Action<IServiceCollection>? configure = null) => Services = Configure(new ServiceCollection(), configure)
        .AddCaseActivities()
        .AddSingleton<ITaskDispatcher>(new Tasks(WorkItems))
        .AddSingleton<ITaskDeadlines, Deadlines>()
        .AddSingleton<IAssigneeScopes, Scopes>()
        .AddSingleton<ITaskRoles, TaskRoles>()
        .AddSingleton<IClosureRequirementSource, NoItems>()
        .AddSingleton<IWorkflowEventHandler>(new Recorder(Events))
        .AddSingleton<IWorkflowTimers>(new TimerList(Timers))
        .AddSingleton<INotificationOutbox>(new Outbox(Notifications))
        .AddSingleton<ISupervisionList>(new SupervisionRecorder(Supervision))
        .AddSingleton<ICaseClassifier>(new Classifier(this))
        .AddSingleton<IDispatchTargets, Targets>()
        .AddSingleton<IWorkingCalendars, Calendars>()
        .BuildServiceProvider();

    private static IServiceCollection Configure(IServiceCollection services, Action<IServiceCollection>? configure)
    {
        configure?.Invoke(services);
        return services;
    }

    public WorkflowRun Run(WorkflowDefinition definition, WorkflowInstance instance, Case @case)
    {
        var run = new WorkflowRun(definition, instance, Services, "tester", Now);
        run.Features.Set(new CaseRun(@case));
        return run;
    }

    public IEnumerable<WorkItem> Open => WorkItems.Where(w => w.Status == WorkItemStatus.Open);

    private sealed class Tasks(List<WorkItem> items) : ITaskDispatcher
    {
        public ValueTask<Guid> OpenAsync(TaskRequest r, CancellationToken cancellationToken)
        {
            var item = WorkItem.Open(r.CaseId, r.InstanceId, r.ActivityId, r.Stage, r.Name, r.Role, r.ScopeOrgUnitCode, r.Outcomes, r.Now,
                r.Deadline?.WarnAt, r.Deadline?.DueAt, r.Calendar, r.Kind);
            items.Add(item);
            return ValueTask.FromResult(item.Id);
        }

        public ValueTask<bool> CompleteAsync(Guid workItemId, string actor, string outcome, string? comment, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(items.Single(w => w.Id == workItemId).Complete(actor, outcome, comment, now));

        public ValueTask CancelAsync(Guid workItemId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            items.Single(w => w.Id == workItemId).Cancel(now);
            return ValueTask.CompletedTask;
        }

        public ValueTask CancelOpenAsync(Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            foreach (var item in items.Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open)) item.Cancel(now);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Deadlines : ITaskDeadlines
    {
        public TaskDeadline Compute(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode) =>
            new(start.AddHours(1), start.AddHours(2));
    }

    private sealed class Scopes : IAssigneeScopes
    {
        // The Host's scopes, so the shipped flows validate here as they do there.
        public IReadOnlyList<string> Names { get; } = ["CaseGrid", "CaseCommunity", "CaseSubdistrict", "District", "DispatchedDepartment", "Responsible"];
        public string? Resolve(string scope, Case @case) => scope switch
        {
            "CaseGrid" => @case.Area.GridCode,
            "Responsible" => @case.ResponsibleOrgUnitCode,
            _ => null,
        };
        public bool Exists(string orgUnitCode) => orgUnitCode.StartsWith('D') || orgUnitCode.StartsWith('G');
    }

    /// <summary>Standard office hours without holiday data, and a 7×24 calendar for the unit "TEAM".</summary>
    private sealed class Calendars : IWorkingCalendars
    {
        private readonly WorkingCalendar _standard = WorkingCalendar.Create([]);
        private readonly WorkingCalendar _alwaysOpen = WorkingCalendar.AlwaysOpen();
        public WorkingCalendar For(string? orgUnitCode) => orgUnitCode == "TEAM" ? _alwaysOpen : _standard;
    }

    private sealed class TaskRoles : ITaskRoles
    {
        public IReadOnlyList<string> Names { get; } = ["Acceptor", "Dispatcher", "Handler", "GridWorker", "CallbackAgent", "Supervisor"];
    }

    private sealed class NoItems : IClosureRequirementSource
    {
        public Task<IReadOnlySet<ClosureRequirement>> RequirementsMetByAsync(string definitionId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<ClosureRequirement>>(new HashSet<ClosureRequirement>());
    }

    private sealed class TimerList(List<WorkflowTimerRequest> timers) : IWorkflowTimers
    {
        public ValueTask ScheduleAsync(WorkflowTimerRequest request, CancellationToken cancellationToken)
        {
            timers.Add(request);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Outbox(List<NotificationRequest> requests) : INotificationOutbox
    {
        public ValueTask PutAsync(NotificationRequest request, CancellationToken cancellationToken)
        {
            requests.Add(request);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Departments D1 and D2; grid G1's area has the duty team S1-DT, other grids none.</summary>
    private sealed class Targets : IDispatchTargets
    {
        public string? DutyTeamOf(Case @case) => @case.Area.SubdistrictCode == "S1" ? "S1-DT" : null;
        public bool CanHandle(string orgUnitCode) => orgUnitCode is "D1" or "D2" or "S1-DT";
    }

    private sealed class Classifier(EngineHarness harness) : ICaseClassifier
    {
        public ValueTask<CatalogSuggestion?> BestSuggestionAsync(string text, CancellationToken cancellationToken) =>
            ValueTask.FromResult(harness.Suggestion);
    }

    private sealed class Recorder(List<WorkflowEvent> events) : IWorkflowEventHandler
    {
        public ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
        {
            events.Add(workflowEvent);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SupervisionRecorder(List<SupervisionRaise> raised) : ISupervisionList
    {
        public ValueTask<GridCase.Domain.Supervision.SupervisionEntry> RaiseAsync(SupervisionRaise raise, CancellationToken cancellationToken)
        {
            raised.Add(raise);
            return ValueTask.FromResult(GridCase.Domain.Supervision.SupervisionEntry.Raise(raise.CaseId, raise.Kind, raise.Reason, raise.Severity,
                raise.ResponsibleOrgUnitCode ?? "", "", raise.WorkItemId, raise.Actor, raise.Now, raise.DueAt));
        }
    }
}
