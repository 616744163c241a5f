using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Incidents;

/// <summary>Lists the incidents of the cases a caller may see, and retries one after its cause was fixed.</summary>
public sealed class IncidentService(GridCaseDbContext db, CaseScope scope, CaseWorkflow workflow, TimeProvider clock)
{
    public async Task<Page<IncidentDto>> ListAsync(
        ClaimsPrincipal user, IncidentStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = from i in db.Incidents.AsNoTracking()
                    join c in scope.Visible(user).AsNoTracking() on i.CaseId equals c.Id
                    select new { Incident = i, c.Number };
        if (status is { } s) query = query.Where(x => x.Incident.Status == s);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Incident.At).ThenBy(x => x.Incident.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<IncidentDto>([.. rows.Select(x => IncidentDto.From(x.Incident, x.Number))], total);
    }

    /// <summary>
    /// Runs the faulted activity again; on success every open incident of that activity on that instance is
    /// resolved and journaled in the same transaction. 404 unknown, 403 outside the caller's scope, 409 not open
    /// or failing again.
    /// </summary>
    public async Task<IncidentDto> RetryAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException($"故障 {id} 不存在 / no incident {id}");
        var @case = await scope.FindVisibleAsync(incident.CaseId, user, cancellationToken);
        if (incident.Status != IncidentStatus.Open)
            throw new ConflictException("故障已处理 / the incident is already resolved");
        var actor = user.UserName();
        await workflow.RetryAsync(incident.InstanceId, incident.ActivityId, actor, async ct =>
        {
            var now = clock.GetUtcNow();
            var open = await db.Incidents
                .Where(i => i.InstanceId == incident.InstanceId && i.ActivityId == incident.ActivityId && i.Status == IncidentStatus.Open)
                .ToListAsync(ct);
            foreach (var i in open) i.Resolve(actor, now);
            var stage = (await db.Cases.SingleAsync(c => c.Id == incident.CaseId, ct)).Stage;
            db.Journal.Add(JournalEntry.Write(incident.CaseId, now, stage, incident.ActivityId, "IncidentResolved", null, actor, null));
        }, cancellationToken);
        var resolved = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        return IncidentDto.From(resolved, @case.Number);
    }
}
