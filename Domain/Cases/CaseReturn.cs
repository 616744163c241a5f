namespace GridCase.Domain.Cases;

/// <summary>
/// 退单: one department said a case is not theirs, with its reason. Kept apart from the journal because dispatch
/// (改派) and arbitration (三定) ask which departments returned a case, and why.
/// </summary>
public sealed class CaseReturn
{
    private CaseReturn() { }

    public const int MaxReasonLength = 2000;

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string ReturnedBy { get; private set; } = "";
    public DateTimeOffset ReturnedAt { get; private set; }
    public int DispatchRound { get; private set; }

    /// <summary>A return needs a reason: the dispatcher and, at the second return, the arbitrator read it.</summary>
    public static CaseReturn Record(Case @case, string? reason, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Field("comment", "退单须填写理由 / a return needs a reason (comment)");
        if (reason.Length > MaxReasonLength)
            throw DomainException.Field("comment", $"退单理由最长 {MaxReasonLength} 字 / the reason is at most {MaxReasonLength} characters");
        if (@case.DepartmentCode is not { } department)
            throw new ConflictException("案件尚未派遣，无从退单 / the case was never dispatched, so it cannot be returned");
        @case.RecordReturn();
        return new CaseReturn
        {
            CaseId = @case.Id,
            DepartmentCode = department,
            Reason = reason.Trim(),
            ReturnedBy = actor,
            ReturnedAt = now,
            DispatchRound = @case.DispatchRound,
        };
    }
}
