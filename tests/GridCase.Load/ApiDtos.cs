namespace GridCase.Load;

// Only the parts of the Host's contract this tool reads or sends; unknown fields are ignored on purpose so the
// tool keeps working while the API grows.

public sealed record LoginRequest(string UserName, string Password);

public sealed record LoginResponse(string AccessToken);

public sealed record ReportCaseRequest(string Channel, string Title, string Description, string ItemCode, ReportLocation Location, ReportReporter Reporter);

public sealed record ReportLocation(string GridCode, string Address);

public sealed record ReportReporter(string Name, string Phone);

public sealed record CompleteWorkItemRequest(string Outcome, string? Comment);

public sealed record CaseView(Guid Id, string Stage, string Status, string GridCode, IReadOnlyList<WorkItemView>? OpenWorkItems);

public sealed record WorkItemView(Guid Id, string Stage, IReadOnlyList<string>? Outcomes, IReadOnlyList<string>? CandidateUsers);

public sealed record OrgUnitNode(string Code, string Kind, IReadOnlyList<OrgUnitNode>? Children);
