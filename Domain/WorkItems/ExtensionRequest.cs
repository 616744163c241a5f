using GridCase.Domain.Cases;

namespace GridCase.Domain.WorkItems;

/// <summary>延期: a handler asks for more time with a reason; a dispatcher or supervisor decides.</summary>
public sealed class ExtensionRequest
{
    private ExtensionRequest() { }

    public Guid Id { get; private set; }
    public Guid WorkItemId { get; private set; }
    public Guid CaseId { get; private set; }
    public CaseStage Stage { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset CurrentDueAt { get; private set; }
    public DateTimeOffset RequestedDueAt { get; private set; }
    public ExtensionStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public Guid Version { get; set; }

    public static ExtensionRequest Ask(WorkItem item, string requestedBy, string? reason, DateTimeOffset requestedDueAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["须填写延期理由 / a reason is required"];
        if (item.DueAt is not { } due) errors["newDueAt"] = ["此任务没有时限 / the work item has no deadline"];
        else if (requestedDueAt <= now) errors["newDueAt"] = ["新的截止时间须在将来 / the new due time must be in the future"];
        else if (requestedDueAt <= due) errors["newDueAt"] = ["新的截止时间须晚于当前截止时间 / the new due time must be later than the current one"];
        if (errors.Count > 0) throw new DomainException("延期申请有误 / the extension request is invalid", errors);
        return new ExtensionRequest
        {
            Id = Guid.NewGuid(), WorkItemId = item.Id, CaseId = item.CaseId, Stage = item.Stage, RequestedBy = requestedBy,
            RequestedAt = now, Reason = reason!.Trim(), CurrentDueAt = item.DueAt!.Value, RequestedDueAt = requestedDueAt,
            Status = ExtensionStatus.Pending, Version = Guid.NewGuid(),
        };
    }

    public void Decide(bool approve, string decidedBy, string? comment, DateTimeOffset now)
    {
        if (Status != ExtensionStatus.Pending)
            throw new ConflictException("该延期申请已处理 / the extension request was already decided");
        if (!approve && string.IsNullOrWhiteSpace(comment))
            throw DomainException.Field("comment", "驳回须填写意见 / rejecting needs a comment");
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionComment = comment;
    }
}
