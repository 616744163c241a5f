using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// One stimulus's worth of work on an instance. The caller loads these parts, the engine changes them
/// and collects what is new, and the caller saves it all in one transaction.
/// </summary>
public sealed class WorkflowRun(
    WorkflowDefinition definition,
    WorkflowInstance instance,
    Case @case,
    IReadOnlyList<WorkItem> openWorkItems,
    IWorkflowServices services,
    JavaScriptEvaluator evaluator,
    string actor,
    DateTimeOffset now)
{
    public WorkflowDefinition Definition { get; } = definition;
    public WorkflowInstance Instance { get; } = instance;
    public InstanceState State { get; } = instance.LoadState();
    public Case Case { get; } = @case;
    public IReadOnlyList<WorkItem> OpenWorkItems { get; } = openWorkItems;
    public IWorkflowServices Services { get; } = services;
    public JavaScriptEvaluator Evaluator { get; } = evaluator;
    public string Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;

    public List<WorkItem> NewWorkItems { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public bool Finished { get; set; }

    public void Write(CaseStage stage, string? activityId, string @event, string? outcome = null, string? comment = null, string? actor = null) =>
        Journal.Add(JournalEntry.Write(Case.Id, Now, stage, activityId, @event, outcome, actor ?? Actor, comment));
}
