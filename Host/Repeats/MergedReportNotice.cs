using GridCase.CaseActivities;
using GridCase.Domain.Cases;

namespace GridCase.Host.Repeats;

/// <summary>
/// Tells a reporter how the matter they reported ended, through the notification outbox (Notify's path: an SMS to
/// the reporter's phone, in the same transaction as the step that ended it).
/// </summary>
public sealed class MergedReportNotice(INotificationOutbox outbox)
{
    /// <summary>Stands where an activity id would: what raised the notification.</summary>
    public const string Source = "merge";

    public ValueTask TellAsync(
        Case reported, string masterNumber, CaseStatus status, CaseResolution? resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (zh, en) = (status, resolution) switch
        {
            (CaseStatus.Rejected, _) => ("不予受理", "rejected"),
            (_, CaseResolution.Unresolved) => ("已办结（未解决）", "closed unresolved"),
            _ => ("已办结", "closed, resolved"),
        };
        var message = reported.Number == masterNumber
            ? $"您反映的问题（案件 {masterNumber}）{zh}，同一问题的其他反映一并办结 / your report {masterNumber} is {en}, with the other reports of the same matter"
            : $"您反映的问题（案件 {reported.Number}）已与案件 {masterNumber} 合并办理，{zh} / your report {reported.Number} was handled with case {masterNumber} and is {en}";
        return outbox.PutAsync(new NotificationRequest(
            reported.Id, Source, [], "", [], ToReporter: true, $"案件 {reported.Number} 办理结果 / result of case {reported.Number}", message, now), cancellationToken);
    }
}
