using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Workflows.Activities;

/// <summary>An activity's view of the run: its own inputs, the instance variables, services, and bookmarks.</summary>
public sealed class ActivityExecutionContext(WorkflowRun run, ActivityNode node, IActivity activity)
{
    public WorkflowRun Run { get; } = run;
    public ActivityNode Node { get; } = node;
    public IActivity Activity { get; } = activity;
    public DateTimeOffset Now => Run.Now;
    public Guid CorrelationId => Run.Instance.CorrelationId;
    public JsonObject Variables => Run.State.Variables;

    /// <summary>What the activity wants the record of this step to say (Elsa's journal data); the Host maps it to the journal.</summary>
    public Dictionary<string, object?> JournalData { get; } = [];

    /// <summary>Bookmarks made by this execution, announced once it returns.</summary>
    internal List<Bookmark> NewBookmarks { get; } = [];

    public T GetRequiredService<T>() where T : notnull => Run.Services.GetRequiredService<T>();

    public IEnumerable<T> GetServices<T>() => Run.Services.GetServices<T>();

    /// <summary>A per-run object the caller handed to the engine, e.g. the case being moved.</summary>
    public T Feature<T>() where T : class => Run.Features.Get<T>();

    /// <summary>The input's value: its literal, or its JavaScript expression's result, read as the input's type.</summary>
    public T Get<T>(Input<T> input)
    {
        var raw = input.RawOn(Node);
        if (InputDefinition.ExpressionOf(raw) is { } script)
            raw = GetRequiredService<JavaScriptEvaluator>().Evaluate(script, ScriptGlobals());
        return input.TryRead(raw, out var value, out var error)
            ? value
            : throw InputError($"{input.Name}: {error}");
    }

    /// <summary>Waits here until a stimulus names this bookmark; the id is the caller's (e.g. a work item's).</summary>
    public Bookmark CreateBookmark(Guid id, string kind)
    {
        var bookmark = new Bookmark(id, Node.Id, kind);
        Run.State.Bookmarks.Add(bookmark);
        NewBookmarks.Add(bookmark);
        return bookmark;
    }

    /// <summary>The bookmarks this activity waits on now (several for an activity that opens parallel tasks).</summary>
    public IReadOnlyList<Bookmark> Bookmarks => [.. Run.State.Bookmarks.Where(b => b.ActivityId == Node.Id)];

    /// <summary>Stops waiting on one of this activity's bookmarks, e.g. the other tasks once the first answer decides.</summary>
    public void RemoveBookmark(Bookmark bookmark) => Run.State.Bookmarks.Remove(bookmark);

    /// <summary>This activity's own memory between stimuli, kept with the instance until <see cref="ClearState"/>.</summary>
    public JsonObject State => Run.State.ActivityStates.TryGetValue(Node.Id, out var state) ? state : Run.State.ActivityStates[Node.Id] = [];

    public void ClearState() => Run.State.ActivityStates.Remove(Node.Id);

    /// <summary>The source activities that have led into this one since it last continued (for joins).</summary>
    public IReadOnlyList<string> Arrivals => Run.State.JoinArrivals.GetValueOrDefault(Node.Id) ?? [];

    public void ClearArrivals() => Run.State.JoinArrivals.Remove(Node.Id);

    /// <summary>What a script can read: vars (the instance variables) and whatever the registered globals add.</summary>
    private Dictionary<string, JsonNode?> ScriptGlobals()
    {
        var globals = new Dictionary<string, JsonNode?> { ["vars"] = Variables.DeepClone() };
        foreach (var source in GetServices<IScriptGlobals>())
            source.AddTo(Run, globals);
        return globals;
    }

    public DomainException InputError(string message) =>
        new($"活动 {Node.Id} 配置有误 / activity {Node.Id} is misconfigured: {message}",
            new Dictionary<string, string[]> { [Node.Id] = [message] });
}
