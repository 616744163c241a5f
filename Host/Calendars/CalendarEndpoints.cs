using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Calendars;
using GridCase.Host.Hosting;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Calendars;

public sealed record OrgCalendarBody(string? CalendarCode);

public static class CalendarEndpoints
{
    public static void MapCalendars(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Calendars").RequireAuthorization();

        api.MapGet("/calendars", async Task<Ok<List<int>>> (GridCaseDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct)))
            .WithSummary("已配置的年份 / years with a holiday calendar");

        api.MapGet("/calendars/{year:int}", async Task<Ok<JsonNode>> (int year, GridCaseDbContext db, CancellationToken ct) =>
        {
            var record = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct)
                ?? throw new NotFoundException($"{year} 年日历未配置 / no calendar for {year}");
            return TypedResults.Ok(JsonNode.Parse(record.Json)!);
        }).WithSummary("节假日与调休 / holidays and make-up working days of a year");

        api.MapPut("/calendars/{year:int}", async Task<Ok<JsonNode>> (int year, JsonObject body, GridCaseDbContext db, ReferenceDataRefresh refresh,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            CalendarYear parsed;
            try
            {
                parsed = CalendarYear.Parse(body.ToJsonString());
            }
            catch (FormatException e)
            {
                throw DomainException.Field("calendar", e.Message);
            }
            if (parsed.Year != year) throw DomainException.Field("year", $"年份须为 {year} / year must match the URL");
            var record = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, ct);
            if (record is null) db.CalendarYears.Add(record = new CalendarYearRecord { Year = year, Json = "" });
            record.Json = parsed.ToJson();
            record.UpdatedAt = clock.GetUtcNow();
            record.UpdatedBy = http.User.UserName();
            await ReferenceDataRefresh.StampAsync(db, CacheStamp.Calendars, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            // Deadlines already set stay as they are; new ones use the edited year.
            await refresh.RefreshAsync(db, ct);
            return TypedResults.Ok(JsonNode.Parse(record.Json)!);
        }).RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin)).WithSummary("编辑年度日历 / edit a year");

        api.MapPut("/org-units/{code}/calendar", async Task<NoContent> (string code, OrgCalendarBody body, GridCaseDbContext db, ReferenceDataRefresh refresh, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.CalendarCode is not (null or CalendarService.AlwaysOpenCode))
                throw DomainException.Field("calendarCode", $"日历须为空（标准工作日历）或 {CalendarService.AlwaysOpenCode} / null or {CalendarService.AlwaysOpenCode}");
            var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == code, ct)
                ?? throw new NotFoundException($"组织 {code} 不存在 / no org unit {code}");
            unit.CalendarCode = body.CalendarCode;
            await ReferenceDataRefresh.StampAsync(db, CacheStamp.Org, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            // This node at once; the others within a second, when they see the stamp move.
            await refresh.RefreshAsync(db, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin)).WithSummary("组织的工作日历（如 7×24）/ an org unit's calendar");
    }
}
