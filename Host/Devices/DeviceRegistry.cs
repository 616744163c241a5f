using System.Security.Claims;
using System.Text.RegularExpressions;
using GridCase.Domain;
using GridCase.Domain.Org;
using GridCase.Host.Alerts;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Devices;

/// <summary>Registers sensors in grids within the admin's scope and lists them; a device's key is shown once, at registration.</summary>
public sealed partial class DeviceRegistry(GridCaseDbContext db, UnitOfWork unit, OrgDirectory org, IOptions<AlertOptions> alerts, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9._-]{1,48}$")]
    private static partial Regex DeviceIdPattern();

    public async Task<RegisteredDeviceDto> RegisterAsync(RegisterDeviceRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DeviceId is { } id && !DeviceIdPattern().IsMatch(id))
            errors["deviceId"] = ["设备编号须为 1–48 位字母、数字或 . _ - / deviceId is 1–48 letters, digits, '.', '_' or '-'"];
        var kinds = alerts.Value.KindNames;
        if (string.IsNullOrEmpty(request.Kind) || !kinds.Contains(request.Kind, StringComparer.Ordinal))
            errors["kind"] = [$"kind 须为 {string.Join(" | ", kinds)} / kind must be one of them"];
        if (string.IsNullOrWhiteSpace(request.GridCode))
            errors["gridCode"] = ["须填写网格编码 / gridCode is required"];
        else if (org.Find(request.GridCode) is not { Kind: OrgUnitKind.Grid })
            errors["gridCode"] = [$"网格 {Shorten(request.GridCode)} 不存在 / no grid {Shorten(request.GridCode)}"];
        var location = request.Location;
        if (location?.Lat is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90)
            || location?.Lng is { } lng && (!double.IsFinite(lng) || lng is < -180 or > 180))
            errors["location"] = ["坐标超出范围 / lat/lng out of range"];
        if (location?.Address?.Length > 500) errors["location.address"] = ["地址最长 500 字 / address is at most 500 characters"];
        if (errors.Count > 0) throw new DomainException("设备信息有误 / the device is invalid", errors);
        if (!org.Covers(user.OrgUnitCode(), request.GridCode!))
            throw new ForbiddenException($"网格 {request.GridCode} 不在您的管辖范围 / grid {request.GridCode} is outside your org scope");

        var (key, hash) = DeviceKeys.New();
        var device = new Device
        {
            DeviceId = request.DeviceId ?? $"DEV-{ReportCase.NewNumber(clock.GetUtcNow())[^8..]}",
            Kind = request.Kind!, GridCode = request.GridCode!, Lat = location?.Lat, Lng = location?.Lng, Address = location?.Address,
            KeyHash = hash, RegisteredAt = clock.GetUtcNow(), RegisteredBy = user.UserName(),
        };
        await unit.RunAsync(async ct =>
        {
            if (await db.Devices.AnyAsync(d => d.DeviceId == device.DeviceId, ct))
                throw new ConflictException($"设备 {device.DeviceId} 已登记 / device {device.DeviceId} is registered already");
            db.Devices.Add(device);
        }, cancellationToken);
        return new RegisteredDeviceDto(ToDto(device), key);
    }

    /// <summary>The devices in grids within the caller's scope, by id; never their keys.</summary>
    public async Task<Page<DeviceDto>> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var grids = org.CodesWithin(user.OrgUnitCode()).Where(code => org.Find(code)!.Kind == OrgUnitKind.Grid).ToList();
        var devices = db.Devices.AsNoTracking().Where(d => grids.Contains(d.GridCode));
        var total = await devices.CountAsync(cancellationToken);
        var rows = await devices.OrderBy(d => d.DeviceId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<DeviceDto>([.. rows.Select(ToDto)], total);
    }

    private static DeviceDto ToDto(Device d) =>
        new(d.DeviceId, d.Kind, d.GridCode, new DeviceLocationDto(d.Lat, d.Lng, d.Address), d.RegisteredAt, d.RegisteredBy);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
