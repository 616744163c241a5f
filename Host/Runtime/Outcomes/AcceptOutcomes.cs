using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>受理/立案: the case is classified, from the acceptor's item or the one given at intake.</summary>
public sealed class CaseAccepted(GridCaseDbContext db) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Accept;
    public string? Outcome => "Accept";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var code = outcome.Stimulus.Data?["itemCode"]?.ToString();
        if (string.IsNullOrWhiteSpace(code))
        {
            outcome.Case.Accept(null);
            return;
        }
        var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code && i.IsCurrent, cancellationToken)
            ?? throw DomainException.Field("data.itemCode", $"事项 {code} 不存在 / no catalog item {code}");
        outcome.Case.Accept(item.Snapshot());
    }
}

/// <summary>不予受理.</summary>
public sealed class CaseRejected : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Accept;
    public string? Outcome => "Reject";

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        outcome.Case.Reject(outcome.Now);
        return ValueTask.CompletedTask;
    }
}
