using GridCase.Domain.Catalog;

namespace GridCase.Workflows.Runtime;

/// <summary>What activities need from the world outside the instance; the Host answers from its database.</summary>
public interface IWorkflowServices
{
    /// <summary>The current version of a catalog item, as a case would snapshot it; null when no such item.</summary>
    ValueTask<CatalogSnapshot?> FindCatalogItemAsync(string itemCode, CancellationToken cancellationToken);

    bool IsDepartment(string orgUnitCode);

    ValueTask<bool> HasAttachmentAsync(Guid caseId, string kind, CancellationToken cancellationToken);

    /// <summary>Warn and due instants for a task opened now, on the calendar of the org unit that works it.</summary>
    TaskDeadline ComputeDeadline(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode);
}

public sealed record TaskDeadline(DateTimeOffset WarnAt, DateTimeOffset DueAt);
