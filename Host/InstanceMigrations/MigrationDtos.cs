namespace GridCase.Host.InstanceMigrations;

/// <param name="ActivityMap">Old activity id → new activity id, for the active activities the new version renamed or replaced.</param>
/// <param name="DryRun">true (the default) only plans; false migrates in the background and answers 202.</param>
public sealed record MigrationRequest(int? FromVersion, int? ToVersion, Dictionary<string, string>? ActivityMap, bool? DryRun);

public sealed record ActivityPositionDto(string ActivityId, string? Name, string Type);

public sealed record MigrationBlockerDto(string ActivityId, string Code, string Message);

/// <summary>One instance in a dry run: where it stands, where it would stand on the new version, and what blocks it.</summary>
public sealed record InstancePlanDto(
    Guid InstanceId, Guid CaseId, string CaseNumber, string Status, bool Blocked,
    IReadOnlyList<ActivityPositionDto> From, IReadOnlyList<ActivityPositionDto> To, IReadOnlyList<MigrationBlockerDto> Blockers);

public sealed record MigrationDryRunDto(
    string DefinitionId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> ActivityMap,
    int Total, int Migratable, int Blocked, IReadOnlyList<InstancePlanDto> Instances);

public sealed record MigrationEntryDto(Guid InstanceId, Guid CaseId, string CaseNumber, string Outcome, string? Reason, DateTimeOffset? At);

public sealed record MigrationDto(
    Guid Id, string DefinitionId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> ActivityMap,
    string Status, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt,
    int Total, int Pending, int Migrated, int Blocked, int Failed, Cases.Page<MigrationEntryDto> Instances);
