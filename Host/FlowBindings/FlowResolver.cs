using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.FlowBindings;

/// <summary>Which flow a new case runs: the most specific matching binding, else <see cref="DefaultDefinitionId"/>.</summary>
public sealed class FlowResolver(GridCaseDbContext db)
{
    public const string DefaultDefinitionId = "case-lifecycle";

    /// <summary>
    /// Resolved once, when the case is reported, from its channel and the item given at intake. Classifying the
    /// case later (at Accept) does not move it to another flow: its instance is running, and moving a running
    /// instance is an explicit migration, never a side effect.
    /// </summary>
    public async Task<string> DefinitionIdForAsync(Channel channel, string? categoryCode, string? itemCode, CancellationToken cancellationToken)
    {
        var bindings = await db.FlowBindings.AsNoTracking().ToListAsync(cancellationToken);
        return bindings.Where(b => b.Matches(channel, categoryCode, itemCode))
            .OrderByDescending(b => b.Specificity).ThenBy(b => b.Id)
            .FirstOrDefault()?.DefinitionId ?? DefaultDefinitionId;
    }
}
