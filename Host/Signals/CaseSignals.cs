using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Signals;

/// <summary>
/// Delivers a named signal to a case whose flow waits for it (WaitForSignal): from a person of the roles the activity
/// names, or raised by GridCase itself when something happens to the case (<see cref="InternalSignals"/>).
/// </summary>
public sealed class CaseSignals(GridCaseDbContext db, CaseScope scope, DefinitionStore definitions, WaitForSignal activity, CaseWorkflow workflow)
{
    public async Task<Guid> SendAsync(Guid caseId, string name, JsonObject? data, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await scope.FindVisibleAsync(caseId, user, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId, cancellationToken);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var waiting = Waiting(instance, definition, name)
            ?? throw new ConflictException($"案件未在等待信号 {name} / the case is not waiting for signal {name}");
        if (!user.IsInRole(Roles.Admin) && !activity.Roles.Literal(waiting.Node).Any(user.IsInRole))
            throw new ForbiddenException($"无权发送信号 {name} / your role may not send signal {name}");
        return await workflow.ResumeBookmarkAsync(instance.Id, waiting.Bookmark.Id, WaitForSignal.Received, user.UserName(), data, null, cancellationToken);
    }

    /// <summary>
    /// Records what happened (<paramref name="record"/>: the attachment, the reply) and, in the same transaction, resumes a
    /// WaitForSignal of that name if the case's flow waits on one. A flow that waits on nothing is no error: the event is
    /// recorded all the same, and once the bookmark is released the next event finds none, so it moves the flow once.
    /// </summary>
    public Task RaiseAsync(Guid caseId, string name, JsonObject? data, string actor, Func<CancellationToken, Task> record, CancellationToken cancellationToken) =>
        workflow.RecordAndResumeAsync(caseId, (instance, definition) => Waiting(instance, definition, name)?.Bookmark,
            WaitForSignal.Received, actor, data, record, cancellationToken);

    private (Bookmark Bookmark, ActivityNode Node)? Waiting(WorkflowInstance instance, WorkflowDefinition definition, string name) =>
        instance.LoadState().Bookmarks
            .Where(b => b.Kind == activity.Descriptor.Type)
            .Select(b => (Bookmark: b, Node: definition.Find(b.ActivityId)))
            .Where(w => w.Node is not null && activity.Signal.Literal(w.Node) == name)
            .Select(w => ((Bookmark, ActivityNode)?)(w.Bookmark, w.Node!))
            .FirstOrDefault();
}
