using GridCase.Host.Devices;
using GridCase.Host.Identity;
using GridCase.Host.Problems;
using GridCase.Host.Cases;
using GridCase.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Alerts;

public static class AlertEndpoints
{
    /// <summary>Devices, their key scheme and the alert intake, with the Alerts section.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlertOptions>(configuration.GetSection("Alerts"));
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DeviceKeyAuthentication>(DeviceKeyAuthentication.SchemeName, null);
        return services.AddScoped<DeviceRegistry>().AddScoped<AlertIntake>();
    }

    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        devices.MapPost("", async Task<Created<RegisteredDeviceDto>> (RegisterDeviceRequest request, DeviceRegistry registry, HttpContext http, CancellationToken ct) =>
        {
            var registered = await registry.RegisterAsync(request, http.User, ct);
            return TypedResults.Created($"/api/devices/{Uri.EscapeDataString(registered.Device.DeviceId)}", registered);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
          .WithName("RegisterDevice").WithSummary("登记感知设备（密钥仅此一次显示）/ register a sensor; its key is shown this once");

        devices.MapGet("", async Task<Ok<Page<DeviceDto>>> (int? page, int? pageSize, DeviceRegistry registry, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await registry.ListAsync(http.User, p, size, ct));
        }).WithName("ListDevices").WithSummary("感知设备（不含密钥）/ registered sensors, without keys");

        var deviceOnly = new AuthorizationPolicyBuilder(DeviceKeyAuthentication.SchemeName).RequireClaim(DeviceKeyAuthentication.DeviceIdClaim).Build();
        app.MapPost("/api/alerts", async Task<Results<Created<AlertResultDto>, Ok<AlertResultDto>>> (AlertRequest request, AlertIntake intake,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await intake.HandleAsync(request, http.User.FindFirst(DeviceKeyAuthentication.DeviceIdClaim)!.Value, ct);
            return result.Folded ? TypedResults.Ok(result) : TypedResults.Created($"/api/cases/{result.CaseId}", result);
        }).RequireAuthorization(deviceOnly).WithTags("Alerts")
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
          .WithName("ReportAlert")
          .WithSummary("设备告警（Authorization: Device <密钥> 或 X-Device-Key）：新案件 201，窗口内重复告警并入在办案件 200 / a device alert: 201 with a new case, 200 when folded into the open one");
    }
}
