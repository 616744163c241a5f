using GridCase.Host.Cases;

namespace GridCase.Host.WorkItems;

/// <summary>One inbox row: the work item with what a person needs to recognise its case, and how it ended once done.</summary>
public sealed record InboxEntryDto(
    WorkItemDto WorkItem, string CaseNumber, string CaseTitle, string? ItemName, string GridCode, string? Address,
    DateTimeOffset? CompletedAt, string? CompletedOutcome);
