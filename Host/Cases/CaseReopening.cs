using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Cases;

/// <summary>
/// 二次派单 beyond the loop: a supervisor reopens a finished case within the configured window after its closure,
/// because it was closed but not solved, or solved only for now. The flow goes on at its second dispatch (round + 1),
/// the reopen is journaled and the next assessment counts it.
/// </summary>
public sealed class CaseReopening(CaseScope scope, CaseWorkflow workflow, GridCaseDbContext db, IOptions<ReopenOptions> options)
{
    public const int MaxReasonLength = 2000;

    public async Task ReopenAsync(Guid caseId, ReopenCaseBody body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Reason))
            errors["reason"] = ["须填写重新打开的理由 / a reason is required"];
        else if (body.Reason.Length > MaxReasonLength)
            errors["reason"] = [$"理由最长 {MaxReasonLength} 字 / the reason is at most {MaxReasonLength} characters"];
        var kind = RequestFields.Enum<ReopenKind>(body.Kind, "kind", errors, required: true);
        if (errors.Count > 0) throw new DomainException("重新打开的请求有误 / the reopen request is invalid", errors);

        await scope.FindVisibleAsync(caseId, user, cancellationToken);
        var window = TimeSpan.FromDays(options.Value.WindowDays);
        var actor = user.UserName();
        await workflow.ReopenAsync(caseId, actor, (@case, now) =>
        {
            @case.Reopen(now, window);
            db.Journal.Add(JournalEntry.Write(@case.Id, now, @case.Stage, null, "Reopened", kind!.Value.ToString(), actor, body.Reason!.Trim()));
        }, cancellationToken);
    }
}

public sealed record ReopenCaseBody(string? Reason, string? Kind);
