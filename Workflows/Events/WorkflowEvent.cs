using GridCase.Workflows.Activities;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Events;

/// <summary>What the engine tells while it moves an instance; the Host records it (the journal).</summary>
public abstract record WorkflowEvent(WorkflowRun Run);

/// <summary>An activity ran to completion and leaves by these ports.</summary>
public sealed record ActivityExecuted(ActivityExecutionContext Context, IReadOnlyList<string> Outcomes) : WorkflowEvent(Context.Run);

/// <summary>An activity now waits on a bookmark.</summary>
public sealed record BookmarkCreated(ActivityExecutionContext Context, Bookmark Bookmark) : WorkflowEvent(Context.Run);

/// <summary>A stimulus released a bookmark; the activity leaves by these ports (none when it waits on other bookmarks still).</summary>
public sealed record BookmarkResumed(ActivityExecutionContext Context, Bookmark Bookmark, Stimulus Stimulus, IReadOnlyList<string> Outcomes)
    : WorkflowEvent(Context.Run);

/// <summary>A resumed activity refused its stimulus by throwing; the run is abandoned and nothing of it is saved.</summary>
public sealed record WorkflowFaulted(ActivityExecutionContext Context, Exception Error) : WorkflowEvent(Context.Run);

/// <summary>An End finished the instance; remaining bookmarks are dropped.</summary>
public sealed record WorkflowFinished(ActivityExecutionContext Context, WorkflowResult Result, IReadOnlyList<Bookmark> Dropped)
    : WorkflowEvent(Context.Run);

/// <summary>An automatic activity threw: the instance is Faulted at it (an incident) and the run is saved.</summary>
public sealed record ActivityFaulted(ActivityExecutionContext Context, ActivityFault Fault, Exception Error) : WorkflowEvent(Context.Run);
