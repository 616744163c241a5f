using System.Diagnostics;
using System.Net;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Calendars;

namespace GridCase.ApiTests;

/// <summary>Host nodes share nothing but the database: a token one node issued is good on another.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_token_from_one_node_works_on_another_node_of_the_same_database()
    {
        using var first = new GridCaseApp { KeepData = true };
        var signedIn = await first.Client("acceptor").SignInAsync();
        var c = await signedIn.ReportAsync(TestCatalog.PlainItem(first).Code);
        // The key ring is in the shared database, not in a folder of one machine.
        Assert.True(first.Scoped(db => db.DataProtectionKeys.Count()) > 0);

        using var second = GridCaseApp.Restart(first);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Authorization = signedIn.Http.DefaultRequestHeaders.Authorization;

        var response = await http.GetAsync($"/api/cases/{c["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forged = second.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/inbox")).StatusCode);
    }

    [Fact]
    public async Task An_org_calendar_edited_on_one_node_moves_the_deadlines_the_other_node_sets()
    {
        var saturdayMorning = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
        using var first = new ClockedApp();
        first.FakeClock.SetUtcNow(saturdayMorning);
        var item = TestCatalog.PlainWorkingItem(first);
        var limit = new TimeLimit(item.TimeLimit, CalendarKind.Working).Duration.ToNaturalTimeSpan();
        using var second = ClockedApp.Restart(first.DataFolder, saturdayMorning);
        async Task<TimeSpan> HandlingTimeOnFirstAsync()
        {
            var handle = CaseDriver.OpenItem(await new CaseDriver(first).ToHandleAsync(item.Code, "CGJ"), "Handle");
            return handle["dueAt"]!.GetValue<DateTimeOffset>() - handle["createdAt"]!.GetValue<DateTimeOffset>();
        }
        Assert.NotEqual(limit, await HandlingTimeOnFirstAsync());

        Assert.Equal(HttpStatusCode.NoContent,
            (await second.Client("policy").PutAsync("/api/org-units/CGJ/calendar", new { calendarCode = "AlwaysOpen" })).StatusCode);

        // The first node never handled the edit; it sees the stamp move and reloads.
        var until = DateTime.UtcNow.AddSeconds(20);
        var handling = await HandlingTimeOnFirstAsync();
        while (handling != limit && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
            handling = await HandlingTimeOnFirstAsync();
        }
        Assert.Equal(limit, handling);
    }

    [Fact]
    public async Task A_second_process_on_the_same_SQLite_file_is_refused_at_startup_with_a_clear_message()
    {
        using var app = new GridCaseApp();
        _ = app.Services;
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.Environment["Data__Folder"] = app.DataFolder;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";

        using var process = Process.Start(info)!;
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the second process started on a SQLite file another process holds");
        }
        var text = string.Join("\n", await output);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("another GridCase process already uses the SQLite database", text);
        // The first host goes on working.
        await app.Client("acceptor").ReportAsync(TestCatalog.PlainItem(app).Code);
    }
}
