using System.Net;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Calendars;

namespace GridCase.ApiTests.Deadlines;

/// <summary>A 7×24 team's working limits run through nights and weekends; an office's wait for Monday.</summary>
public sealed class OrgCalendarTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateTimeOffset SaturdayMorning = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    private async Task<(DateTimeOffset Created, DateTimeOffset Due)> HandleDeadlineAsync(string itemCode, string department)
    {
        var c = await new CaseDriver(app).ToHandleAsync(itemCode, department);
        var handle = CaseDriver.OpenItem(c, "Handle");
        return (handle["createdAt"]!.GetValue<DateTimeOffset>(), handle["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Handling_takes_the_calendar_of_the_department_it_was_dispatched_to()
    {
        var item = TestCatalog.PlainWorkingItem(app);
        var limit = new TimeLimit(item.TimeLimit, CalendarKind.Working).Duration.ToNaturalTimeSpan();
        var policy = app.Client("policy");
        Assert.Equal(HttpStatusCode.NoContent, (await policy.PutAsync("/api/org-units/CGJ/calendar", new { calendarCode = "AlwaysOpen" })).StatusCode);
        await ApiClient.ProblemAsync(await policy.PutAsync("/api/org-units/ZJJ/calendar", new { calendarCode = "Weekends" }), HttpStatusCode.BadRequest);
        app.FakeClock.SetUtcNow(SaturdayMorning);

        var (created, allHours) = await HandleDeadlineAsync(item.Code, "CGJ");
        var (_, office) = await HandleDeadlineAsync(item.Code, "ZJJ");

        Assert.Equal(limit, allHours - created);
        Assert.True(office > allHours, $"the office deadline {office} should fall after the 7×24 one {allHours}");
        Assert.True(office.ToOffset(TimeSpan.FromHours(8)).DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday);
    }
}
