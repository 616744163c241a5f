using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// One stimulus's worth of work on an instance. The caller loads the instance, attaches what its
/// activities need as <see cref="Features"/>, lets the engine change them, and saves it all in one transaction.
/// </summary>
public sealed class WorkflowRun(
    WorkflowDefinition definition,
    WorkflowInstance instance,
    IServiceProvider services,
    string actor,
    DateTimeOffset now)
{
    public WorkflowDefinition Definition { get; } = definition;
    public WorkflowInstance Instance { get; } = instance;
    public InstanceState State { get; } = instance.LoadState();
    public IServiceProvider Services { get; } = services;
    public RunFeatures Features { get; } = new();
    public string Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public bool Finished { get; internal set; }
    /// <summary>What released a bookmark in this run (a person's completion, a signal); null when the run starts or retries.</summary>
    public Stimulus? Stimulus { get; internal set; }

    /// <summary>Resolved once per run: a stimulus raises an event per step, and each asked the scope for every handler again.</summary>
    internal IReadOnlyList<IWorkflowEventHandler> EventHandlers => _eventHandlers ??= [.. Services.GetServices<IWorkflowEventHandler>()];

    private IWorkflowEventHandler[]? _eventHandlers;
}
