using System.Globalization;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Devices;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Alerts;

/// <summary>
/// 感知预警: an authenticated device's alert reports a case on the Sensor channel at the device's grid and location,
/// classified as its kind's catalog item. A repeat of the same device and kind within the fold window of the last one
/// is counted and journaled on that case while it is open, never a new case; the decision and its writes are one
/// transaction, and a racing alert that opened the case first makes this one fold into it.
/// </summary>
public sealed class AlertIntake(
    GridCaseDbContext db, UnitOfWork unit, CaseWorkflow workflow, OrgDirectory org, IOptions<AlertOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public async Task<AlertResultDto> HandleAsync(AlertRequest request, string deviceId, CancellationToken cancellationToken)
    {
        if (request.DeviceId is { Length: > 0 } claimed && claimed != deviceId)
            throw new UnauthorizedException("设备密钥与设备编号不符 / the device key belongs to another device");
        var now = clock.GetUtcNow();
        var itemCode = Validate(request, now);
        var device = await db.Devices.AsNoTracking().SingleAsync(d => d.DeviceId == deviceId, cancellationToken);
        var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode && i.IsCurrent, cancellationToken)
            ?? throw DomainException.Field("kind", $"{request.Kind} 对应的事项 {itemCode} 不存在 / kind {request.Kind} maps to no current item ({itemCode})");
        var kind = request.Kind!;
        var actor = $"device:{deviceId}";
        var details = Details(request, kind);

        StartedWork? started = null;
        var result = await unit.RunAsync(async ct =>
        {
            started = null;
            var series = await db.AlertSeries.SingleOrDefaultAsync(s => s.DeviceId == deviceId && s.Kind == kind, ct);
            if (series is not null
                && now - series.LastAlertAt <= options.Value.FoldWindow
                && await db.Cases.SingleOrDefaultAsync(c => c.Id == series.CaseId, ct) is { Status: CaseStatus.Open } open)
            {
                open.RecordAlert();
                series.LastAlertAt = now;
                series.Version = Guid.NewGuid();
                db.Journal.Add(JournalEntry.Write(open.Id, now, open.Stage, null, "AlertRepeated", kind, actor, $"#{open.AlertCount} {details}"));
                return new AlertResultDto(open.Id, open.Number, true, open.AlertCount);
            }

            var @case = Case.Report(
                ReportCase.NewNumber(now), $"感知预警：{item.Name}", $"设备 {deviceId} 告警 / device alert: {details}", Channel.Sensor,
                new CaseLocation(device.Lat, device.Lng, device.Address), new Reporter(deviceId, null),
                org.AreaOf(device.GridCode), item.Code, item.Snapshot(), actor, now);
            @case.RecordAlert();
            if (series is null)
                db.AlertSeries.Add(series = new AlertSeries { DeviceId = deviceId, Kind = kind });
            series.CaseId = @case.Id;
            series.LastAlertAt = now;
            series.Version = Guid.NewGuid();
            started = await workflow.StartWithinAsync(@case, item.CategoryCode, actor, ct);
            return new AlertResultDto(@case.Id, @case.Number, false, @case.AlertCount);
        }, cancellationToken,
            // A racing alert inserted the series first (its key), or a case number was drawn twice: decide again.
            retryAlso: e => e.IsUniqueViolation(),
            // A burst of duplicates on a server database races on the one series row; each lost race only means
            // another alert was counted first, so this one decides again (the 40 attempts of the earlier 10 × 4).
            attempts: RaceAttempts);
        if (started is not null) workflow.Schedule(started);
        return result;
    }

    private const int RaceAttempts = 40;

    /// <returns>The catalog item of the alert's kind.</returns>
    private string Validate(AlertRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.DeviceId)) errors["deviceId"] = ["须填写设备编号 / deviceId is required"];
        var kinds = options.Value.KindNames;
        var itemCode = request.Kind is null ? null : options.Value.ItemOf(request.Kind);
        if (itemCode is null) errors["kind"] = [$"kind 须为 {string.Join(" | ", kinds)} / kind must be one of them"];
        if (request.ObservedAt is not { } observed) errors["observedAt"] = ["须填写发生时间（带时区）/ observedAt is required, with its offset"];
        else if (observed > now + FutureTolerance) errors["observedAt"] = ["发生时间晚于当前时间 / observedAt lies in the future"];
        if (request.Value is { } value && !double.IsFinite(value)) errors["value"] = ["读数须为有限数值 / value must be a finite number"];
        if (request.PhotoUrl is { } url
            && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors["photoUrl"] = ["照片地址须为 500 字以内的 http(s) 网址 / photoUrl must be an http(s) URL of at most 500 characters"];
        if (errors.Count > 0) throw new DomainException("告警内容有误 / the alert is invalid", errors);
        return itemCode!;
    }

    private static string Details(AlertRequest request, string kind)
    {
        var parts = new List<string> { kind, $"observedAt {request.ObservedAt!.Value:O}" };
        if (request.Value is { } value) parts.Add($"value {value.ToString(CultureInfo.InvariantCulture)}");
        if (request.PhotoUrl is { } url) parts.Add($"photo {url}");
        return string.Join(", ", parts);
    }
}
