using System.Text.Json.Nodes;
using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Catalog;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Arbitrations;

/// <summary>
/// 指定: completing the Arbitrate task decides the case's arbitration. The case goes on with the designated owner
/// (the flow leads to its Handle task) and, when asked, the catalog item gets the owner and basis as a new version.
/// The decide endpoint and a plain task completion both come here, so both record the same.
/// </summary>
public sealed class CaseArbitrated(GridCaseDbContext db, OrgDirectory org, CatalogEditor catalog) : IStageOutcomeHandler
{
    public const string Designate = nameof(Designate);

    public CaseStage Stage => CaseStage.Arbitrate;
    public string? Outcome => Designate;

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var (@case, stimulus) = (outcome.Case, outcome.Stimulus);
        var data = stimulus.Data;
        var ruling = ArbitrationRuling.Read(
            data?["ownerDepartmentCode"]?.ToString(), data?["basisKind"]?.ToString(), stimulus.Comment,
            Flag(data?["writeBackToCatalog"]), org, ArbitrationFields.Completion);
        if (ruling.WriteBackToCatalog && @case.ItemCode is null)
            throw DomainException.Field(ArbitrationFields.Completion.WriteBack, "案件无事项小类，无从回写 / the case has no catalog item to write back to");

        var arbitration = await db.Arbitrations.SingleOrDefaultAsync(a => a.WorkItemId == stimulus.BookmarkId, cancellationToken)
            ?? throw new ConflictException("此任务没有待裁定的仲裁 / no arbitration waits on this task");
        arbitration.Decide(ruling.OwnerDepartmentCode, ruling.BasisKind, ruling.Basis, stimulus.Actor, outcome.Now);
        @case.Designate(ruling.OwnerDepartmentCode);
        db.Journal.Add(JournalEntry.Write(@case.Id, outcome.Now, CaseStage.Arbitrate, null, "Designated", ruling.OwnerDepartmentCode,
            stimulus.Actor, $"{CatalogLabels.Label(ruling.BasisKind)} {ruling.BasisKind}: {ruling.Basis}"));

        if (ruling.WriteBackToCatalog)
        {
            var written = await catalog.WriteOwnershipAsync(@case.ItemCode!, new CatalogOwnership(
                ruling.OwnerDepartmentCode, ruling.BasisKind, ruling.Basis, arbitration.SourceName), cancellationToken);
            arbitration.WrittenBackAs(written.Code, written.Version);
            db.Journal.Add(JournalEntry.Write(@case.Id, outcome.Now, CaseStage.Arbitrate, null, "CatalogWrittenBack", $"v{written.Version}",
                stimulus.Actor, $"{written.Code} v{written.Version}: {ruling.OwnerDepartmentCode}"));
        }
    }

    /// <summary>true, or "true" as a form would send it; anything else is no.</summary>
    private static bool Flag(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<bool>(out var b) ? b : value.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) && p);
}
