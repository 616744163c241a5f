using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>
/// An admin takes a case out of the loop (e.g. a flow that can never satisfy its closure standard): the
/// instance stops, open tasks are cancelled — so their timers find nothing open and never fire — and
/// the reason is journaled, all in one unit of work.
/// </summary>
public sealed class CaseCancellation(GridCaseDbContext db, CaseLoopStop loop, UnitOfWork unit, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public Task CancelAsync(Guid caseId, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Field("reason", "须填写取消理由 / a reason is required");
        if (reason.Length > MaxReasonLength)
            throw DomainException.Field("reason", $"理由最长 {MaxReasonLength} 字 / the reason is at most {MaxReasonLength} characters");
        return unit.RunAsync(async ct =>
        {
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct)
                ?? throw new NotFoundException($"案件 {caseId} 不存在 / no case {caseId}");
            var now = clock.GetUtcNow();
            @case.Cancel(now);
            await loop.StopAsync(caseId, now, ct);
            db.Journal.Add(JournalEntry.Write(caseId, now, @case.Stage, null, "Cancelled", null, user.UserName(), reason.Trim()));
        }, cancellationToken);
    }
}

public sealed record CancelCaseBody(string? Reason);
