using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Arbitrations;

/// <summary>
/// POST /api/arbitrations/{id}/decide: checks the caller and the body, then completes the case's Arbitrate task with
/// the ruling, so that the flow moves on and <see cref="CaseArbitrated"/> records it, all in one unit of work.
/// </summary>
public sealed class ArbitrationDecision(ArbitrationList list, GridCaseDbContext db, OrgDirectory org, CaseWorkflow workflow)
{
    public async Task<ArbitrationDto> DecideAsync(Guid id, DecideArbitrationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var arbitration = await list.FindAsync(id, user, cancellationToken);
        var ruling = ArbitrationRuling.Read(request.OwnerDepartmentCode, request.BasisKind, request.Basis, request.WriteBackToCatalog ?? false,
            org, ArbitrationFields.Body);
        if (ruling.WriteBackToCatalog && await db.Cases.AsNoTracking().Where(c => c.Id == arbitration.CaseId).Select(c => c.ItemCode).SingleAsync(cancellationToken) is null)
            throw DomainException.Field(ArbitrationFields.Body.WriteBack, "案件无事项小类，无从回写 / the case has no catalog item to write back to");
        if (arbitration.Status is not ArbitrationStatus.Open)
            throw new ConflictException("此仲裁已裁定 / the arbitration is already decided");

        var data = new JsonObject
        {
            ["ownerDepartmentCode"] = ruling.OwnerDepartmentCode,
            ["basisKind"] = ruling.BasisKind.ToString(),
            ["writeBackToCatalog"] = ruling.WriteBackToCatalog,
        };
        await workflow.CompleteAsync(arbitration.WorkItemId, user, CaseArbitrated.Designate, ruling.Basis, data, cancellationToken);
        return await list.GetAsync(id, user, cancellationToken);
    }
}
