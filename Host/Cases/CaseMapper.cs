using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.WorkItems;
using Riok.Mapperly.Abstractions;

namespace GridCase.Host.Cases;

/// <summary>Entity → DTO mapping, generated at compile time.</summary>
// Only target members must be covered: DTOs show a chosen part of an entity.
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CaseMapper
{
    [MapProperty("Area.GridCode", nameof(CaseSummaryDto.GridCode))]
    public static partial CaseSummaryDto ToSummary(Case source);

    public static partial CatalogSnapshotDto ToDto(CatalogSnapshot source);

    public static partial AssessmentDto ToDto(Assessment source);

    public static partial JournalEntryDto ToDto(JournalEntry source);

    public static partial AttachmentDto ToDto(Attachment source);

    public static partial CaseReturnDto ToDto(CaseReturn source);

    public static CasePartDto ToPart(WorkItem item) => new(
        item.Id, item.Kind.ToString(), item.ScopeOrgUnitCode, item.ActivityId, item.Stage.ToString(), item.Status.ToString(), item.CreatedAt,
        item.DueAt, item.Sla.ToString(), item.IsLate, item.CompletedAt, item.CompletedBy, item.Outcome, item.Comment);

    public static WorkItemDto ToDto(WorkItem item, IReadOnlyList<string> candidateUsers, DateTimeOffset now) => new(
        item.Id, item.CaseId, item.ActivityId, item.Stage.ToString(), item.Name, item.Role, item.ScopeOrgUnitCode,
        item.Outcomes, candidateUsers, item.AssignedUser, item.CreatedAt, item.WarnAt, item.DueAt, item.Sla.ToString(), item.Calendar,
        item.IsSuspended ? item.RemainingToDue?.TotalSeconds : (item.DueAt - now)?.TotalSeconds, item.IsSuspended,
        item.Kind.ToString());
}
