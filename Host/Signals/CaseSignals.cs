using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Workflows.Activities;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Signals;

/// <summary>Delivers a named signal to a case whose flow waits for it (WaitForSignal), from a person of the roles the activity names.</summary>
public sealed class CaseSignals(GridCaseDbContext db, CaseScope scope, DefinitionStore definitions, WaitForSignal activity, CaseWorkflow workflow)
{
    public async Task<Guid> SendAsync(Guid caseId, string name, JsonObject? data, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await scope.FindVisibleAsync(caseId, user, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId, cancellationToken);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var waiting = instance.LoadState().Bookmarks
            .Where(b => b.Kind == activity.Descriptor.Type)
            .Select(b => (Bookmark: b, Node: definition.Find(b.ActivityId)))
            .FirstOrDefault(w => w.Node is not null && activity.Signal.Literal(w.Node) == name);
        if (waiting.Node is null)
            throw new ConflictException($"案件未在等待信号 {name} / the case is not waiting for signal {name}");
        if (!user.IsInRole(Roles.Admin) && !activity.Roles.Literal(waiting.Node).Any(user.IsInRole))
            throw new ForbiddenException($"无权发送信号 {name} / your role may not send signal {name}");
        return await workflow.ResumeBookmarkAsync(instance.Id, waiting.Bookmark.Id, WaitForSignal.Received, user.UserName(), data, null, cancellationToken);
    }
}
