using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Signals;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.ReporterReplies;

/// <summary>
/// A reply from the reporter (群众答复), taken down by whoever spoke with them: journaled on the case, and raised as the
/// <see cref="InternalSignals.ReporterReplied"/> signal in the same transaction, so a flow waiting for it moves once.
/// </summary>
public sealed class ReporterReplies(GridCaseDbContext db, CaseScope scope, CaseSignals signals, TimeProvider clock)
{
    public const int MaxTextLength = 2000;

    public async Task RecordAsync(Guid caseId, ReporterReplyRequest? request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Field("text", "须填写群众答复 / the reply's text is required");
        if (text.Length > MaxTextLength)
            throw DomainException.Field("text", $"答复最长 {MaxTextLength} 字 / the reply is at most {MaxTextLength} characters");
        var @case = await scope.FindVisibleAsync(caseId, user, cancellationToken);
        if (@case.Status is not CaseStatus.Open)
            throw new ConflictException($"案件已{@case.Status}，不再记录答复 / the case is {@case.Status}; replies are no longer recorded");

        var actor = user.UserName();
        var now = clock.GetUtcNow();
        var data = new JsonObject { ["text"] = text, ["recordedBy"] = actor, ["at"] = now.ToString("O") };
        await signals.RaiseAsync(caseId, InternalSignals.ReporterReplied, data, actor, async ct =>
        {
            var stage = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Stage).SingleAsync(ct);
            db.Journal.Add(JournalEntry.Write(caseId, now, stage, null, "ReporterReplied", null, actor, text));
        }, cancellationToken);
    }
}
