using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Callbacks;

/// <summary>
/// 回访清单: cases whose closure standard needs the resident's own answer (ResidentCallback) and whose
/// evaluation ran out of time. For them the flow's default ("satisfied by timeout") is not applied: the
/// Evaluate task stays open, overdue and listed here until a callback agent records the answer.
/// </summary>
public sealed class CallbackList(GridCaseDbContext db, UnitOfWork unit, CaseScope scope, TimeProvider clock)
{
    public const string FlaggedEvent = "CallbackRequired";

    /// <summary>Journals, once per Evaluate task, that the default outcome was withheld.</summary>
    public Task FlagAsync(WorkItem item, CancellationToken cancellationToken) => unit.RunAsync(async ct =>
    {
        var flagged = await db.Journal.AsNoTracking()
            .Where(j => j.CaseId == item.CaseId && j.Event == FlaggedEvent && j.ActivityId == item.ActivityId)
            .Select(j => j.At).ToListAsync(ct);
        if (flagged.Any(at => at >= item.CreatedAt)) return;
        db.Journal.Add(JournalEntry.Write(item.CaseId, clock.GetUtcNow(), item.Stage, item.ActivityId, FlaggedEvent, null, "system",
            "须回访群众，不按超期默认满意 / the resident must be called back: no default evaluation by timeout"));
    }, cancellationToken);

    public async Task<IReadOnlyList<CallbackDto>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rows = await (
                from w in db.WorkItems.AsNoTracking()
                join c in scope.Visible(user).AsNoTracking() on w.CaseId equals c.Id
                where w.Status == WorkItemStatus.Open && w.Stage == CaseStage.Evaluate && w.Sla == SlaState.Overdue
                select new { Item = w, Case = c })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Case.NeedsResidentCallback)
            .OrderBy(r => r.Item.DueAt)
            .Select(r => new CallbackDto(r.Case.Id, r.Case.Number, r.Case.Title, r.Case.ItemCode, r.Item.Id, r.Item.DueAt, r.Case.DispatchRound))];
    }
}

public sealed record CallbackDto(Guid CaseId, string CaseNumber, string Title, string? ItemCode, Guid WorkItemId, DateTimeOffset? DueAt, int DispatchRound);
