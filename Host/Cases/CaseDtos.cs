using GridCase.Host.Incidents;
using GridCase.Host.Repeats;

namespace GridCase.Host.Cases;

public sealed record CaseSummaryDto(
    Guid Id, string Number, string Title, string Channel, string? ItemCode, string GridCode, string? DepartmentCode,
    string? ResponsibleLevel, string? ResponsibleOrgUnitCode, string Stage, string Status,
    string? Resolution, int DispatchRound, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt);

public sealed record CaseDto(
    Guid Id,
    string Number,
    string Title,
    string Description,
    string Channel,
    string? ItemCode,
    string? ItemName,
    string GridCode,
    /// <summary>The owner department; with co-handlers, the lead (主办).</summary>
    string? DepartmentCode,
    /// <summary>协办: the departments the last dispatch named beside the lead.</summary>
    IReadOnlyList<string> CoHandlerCodes,
    /// <summary>Tiered handling: the level answering for the case (Grid, Community, Subdistrict, District) and its org unit; null off that path.</summary>
    string? ResponsibleLevel,
    string? ResponsibleOrgUnitCode,
    string Stage,
    string Status,
    string? Resolution,
    int DispatchRound,
    int ReworkCount,
    int ReturnCount,
    /// <summary>How often a supervisor reopened the case after closure (案结事未了).</summary>
    int ReopenCount,
    string? Satisfaction,
    /// <summary>Sensor alerts behind the case: the first and the repeats folded into it (0 for other channels).</summary>
    int AlertCount,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ClosedAt,
    LocationDto Location,
    ReporterDto Reporter,
    CatalogSnapshotDto? Catalog,
    AssessmentDto? Assessment,
    WorkflowRefDto Workflow,
    IReadOnlyList<WorkItemDto> OpenWorkItems,
    IReadOnlyList<JournalEntryDto> Journal,
    IReadOnlyList<AttachmentDto> Attachments,
    /// <summary>退单: which department returned the case, who, when and why, oldest first.</summary>
    IReadOnlyList<CaseReturnDto> Returns,
    /// <summary>Automatic steps that threw and wait for a retry (the workflow's status is then Faulted).</summary>
    IReadOnlyList<IncidentDto> Incidents,
    /// <summary>疑似重复: while the report waits for acceptance, cases that may report the same problem (nearest first).</summary>
    IReadOnlyList<DuplicateCandidateDto> DuplicateCandidates,
    /// <summary>并案: the master this report was merged into; it ends with the master.</summary>
    MergeLinkDto? MergedInto,
    /// <summary>Reports merged into this case, oldest merge first.</summary>
    IReadOnlyList<MergeLinkDto> MergedReports,
    /// <summary>Every department's share of the case, open or done: the lead's handling, co-handlers' parts, summonses (报到).</summary>
    IReadOnlyList<CasePartDto> Parts,
    /// <summary>Per department, whether its parts were on time: a co-handler's or a summoned department's lateness is its own, not the case's.</summary>
    IReadOnlyList<DepartmentSlaDto> DepartmentSla);

/// <param name="Kind">Lead (主办), CoHandler (协办) or Summons (报到).</param>
/// <param name="Late">Completed after its due instant, or open and overdue.</param>
public sealed record CasePartDto(
    Guid WorkItemId, string Kind, string OrgUnitCode, string ActivityId, string Stage, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt, string Sla, bool Late, DateTimeOffset? CompletedAt, string? CompletedBy, string? Outcome, string? Comment);

public sealed record DepartmentSlaDto(string OrgUnitCode, int Parts, int LateParts)
{
    public bool OnTime => LateParts == 0;
}

public sealed record LocationDto(string GridCode, double? Lat, double? Lng, string? Address);

public sealed record ReporterDto(string? Name, string? Phone);

public sealed record CatalogSnapshotDto(
    string ItemCode, int ItemVersion, string ItemName, string TimeLimit, string Calendar, string ClosureStandard,
    IReadOnlyList<string> ClosureRequirements, string OwnerDepartmentCode, string Urgency);

public sealed record AssessmentDto(
    bool OnTime, int LateWorkItems, int ReworkCount, int ReturnCount, int DispatchRound, DateTimeOffset AssessedAt, string? SolvedAtLevel,
    int ReopenCount);

public sealed record WorkflowRefDto(string DefinitionId, int Version, string Status);

public sealed record WorkItemDto(
    Guid Id, Guid CaseId, string ActivityId, string Stage, string Name, string Role, string ScopeOrgUnitCode,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> CandidateUsers, string? AssignedUser, DateTimeOffset CreatedAt,
    DateTimeOffset? WarnAt, DateTimeOffset? DueAt, string Sla, string Calendar,
    /// <summary>Seconds until dueAt (negative when overdue); while suspended, what was left when the clock stopped.</summary>
    double? RemainingSeconds, bool Suspended,
    /// <summary>Task (the flow's), Lead (主办), CoHandler (协办) or Summons (报到).</summary>
    string Kind);

public sealed record JournalEntryDto(DateTimeOffset At, string Stage, string? ActivityId, string Event, string? Outcome, string Actor, string? Comment);

public sealed record CaseReturnDto(string DepartmentCode, string Reason, string ReturnedBy, DateTimeOffset ReturnedAt, int DispatchRound);

public sealed record AttachmentDto(Guid Id, string Kind, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <param name="TotalIsLowerBound">True when the list holds more rows than its total was counted to (see ListTotals): there are at least Total.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool TotalIsLowerBound = false);

/// <summary>A write's answer under <c>Prefer: return=minimal</c>: where the case stands and who may act next.</summary>
public sealed record CaseProgressDto(Guid Id, string Number, string Stage, string Status, string GridCode, IReadOnlyList<WorkItemDto> OpenWorkItems);
