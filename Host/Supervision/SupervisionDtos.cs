namespace GridCase.Host.Supervision;

public sealed record SupervisionEntryDto(
    long Id, Guid CaseId, string CaseNumber, string CaseTitle, string Kind, string Reason, string Severity, string Status,
    string ResponsibleOrgUnitCode, string GridCode, Guid? WorkItemId, string RaisedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset DueAt, int TriggerCount, int UrgeCount, string Notes, string? Result, DateTimeOffset? FinishedAt, string? FinishedBy);

/// <summary>GET /api/supervision's filters; status omitted means the active entries (Open and Urged).</summary>
public sealed record SupervisionFilter(string? Kind, string? Status, string? OrgUnitCode, string? Severity, int? Page, int? PageSize);

/// <summary>A supervisor's own entry (人工督办, e.g. 领导批示).</summary>
public sealed record RaiseSupervisionBody(string? Reason, string? Severity, DateTimeOffset? DueAt, string? ResponsibleOrgUnitCode);

public sealed record UrgeBody(string? Comment);

public sealed record EscalateBody(string? Reason);

/// <summary>联合督办: the lead (主办) and co-handling (协办) departments, each given a work item due at <see cref="DueAt"/>.</summary>
public sealed record JointSupervisionBody(string? LeadDepartmentCode, IReadOnlyList<string>? CoHandlerCodes, DateTimeOffset? DueAt, string? Comment);

public sealed record SupervisionResultBody(string? Result);
