using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Host.Timers;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Deadlines;

/// <summary>Warnings, overdue, extensions and suspensions on a fake clock; each provider runs these in a subclass.</summary>
public abstract class SlaTests(ClockedApp app)
{
    private static JsonNode Handle(JsonNode c) => CaseDriver.OpenItem(c, "Handle");

    private static int Count(JsonNode c, string @event) => c["journal"]!.AsArray().Count(j => j!["event"]!.GetValue<string>() == @event);

    /// <summary>A fresh driver: tokens are issued on the fake clock and expire when it moves on.</summary>
    private CaseDriver Driver() => new(app);

    private Task<JsonNode> ToHandleAsync(string? itemCode = null) => Driver().ToHandleAsync(itemCode ?? TestCatalog.PlainItem(app).Code);

    private async Task JobsDoneAsync()
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow.AddSeconds(30);
        bool Pending() => monitoring.EnqueuedCount("default") + monitoring.ProcessingCount() > 0
                          || monitoring.ScheduledJobs(0, 10_000).Any(j => j.Value.EnqueueAt <= DateTime.UtcNow);
        while (Pending() && DateTime.UtcNow < until) await Task.Delay(100);
    }

    private void MoveTo(DateTimeOffset instant)
    {
        if (instant > app.FakeClock.GetUtcNow()) app.FakeClock.SetUtcNow(instant);
    }

    [Fact]
    public async Task A_work_item_warns_then_goes_overdue_once_each_and_lands_on_the_supervision_list()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var warnAt = item["warnAt"]!.GetValue<DateTimeOffset>();
        var dueAt = item["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.True(app.FakeClock.GetUtcNow() < warnAt && warnAt < dueAt);
        Assert.Equal("Normal", item["sla"]!.GetValue<string>());
        Assert.True(item["remainingSeconds"]!.GetValue<double>() > 0);

        MoveTo(warnAt.AddSeconds(1));
        await app.SweepAsync();
        await app.SweepAsync();
        var d = Driver();
        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("Warning", Handle(c)["sla"]!.GetValue<string>());
        Assert.Equal(1, Count(c, "Warning"));
        var warnings = await d.As("supervisor").GetJsonAsync("/api/work-items?sla=Warning&pageSize=200");
        Assert.Contains(warnings["items"]!.AsArray(), w => w!["id"]!.GetValue<string>() == item["id"]!.GetValue<string>());

        MoveTo(dueAt.AddSeconds(1));
        await app.SweepAsync();
        await app.SweepAsync();
        d = Driver();
        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("Overdue", Handle(c)["sla"]!.GetValue<string>());
        Assert.True(Handle(c)["remainingSeconds"]!.GetValue<double>() < 0);
        Assert.Equal(1, Count(c, "Warning"));
        Assert.Equal(1, Count(c, "Overdue"));
        var entry = Assert.Single((await d.As("supervisor").GetJsonAsync("/api/supervision?kind=Overdue&pageSize=200"))["items"]!.AsArray(),
            e => e!["caseId"]!.GetValue<string>() == c["id"]!.GetValue<string>())!;
        Assert.Equal((item["id"]!.GetValue<string>(), "Open", 1), (entry["workItemId"]!.GetValue<string>(), entry["status"]!.GetValue<string>(),
            entry["triggerCount"]!.GetValue<int>()));

        c = await d.CompleteAsync(c, "Handle", "Complete", "已处理");
        c = await d.CompleteAsync(c, "Verify", "Pass");
        Assert.False(c["assessment"]!["onTime"]!.GetValue<bool>());
        Assert.Equal(1, c["assessment"]!["lateWorkItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sweeps_racing_over_one_due_work_item_raise_its_warning_once()
    {
        var c = await ToHandleAsync();
        MoveTo(Handle(c)["warnAt"]!.GetValue<DateTimeOffset>().AddSeconds(1));

        // Two nodes' sweeps (or a sweep and the item's own job) firing at once: on a server database they really race.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SweepAsync()));

        c = await Driver().CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("Warning", Handle(c)["sla"]!.GetValue<string>());
        Assert.Equal(1, Count(c, "Warning"));
    }

    [Fact]
    public async Task Racing_extension_requests_for_one_work_item_leave_one_pending()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var handler = item["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var body = new { reason = "需协调施工单位", newDueAt = item["dueAt"]!.GetValue<DateTimeOffset>().AddDays(2) };
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Client(handler).SignInAsync()));

        var responses = await Task.WhenAll(clients.Select(client => client.PostAsync($"/api/work-items/{item["id"]}/extension-requests", body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await ApiClient.ProblemAsync(conflict, HttpStatusCode.Conflict);
        c = await Driver().CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal(1, Count(c, "ExtensionRequested"));
    }

    [Fact]
    public async Task An_evaluation_not_given_in_three_days_is_taken_as_satisfied()
    {
        var c = await ToHandleAsync();
        var d = Driver();
        c = await d.CompleteAsync(c, "Handle", "Complete", "已处理");
        c = await d.CompleteAsync(c, "Verify", "Pass");
        var evaluate = CaseDriver.OpenItem(c, "Evaluate");
        var due = evaluate["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(3), due - app.FakeClock.GetUtcNow());

        MoveTo(due.AddSeconds(1));
        await app.SweepAsync();

        c = await Driver().CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("Done", c["stage"]!.GetValue<string>());
        Assert.Equal("Satisfied", c["satisfaction"]!.GetValue<string>());
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "TaskCompleted" && j["actor"]!.GetValue<string>() == "system");
    }

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_and_a_bad_request_changes_nothing()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var id = item["id"]!.GetValue<string>();
        var dueAt = item["dueAt"]!.GetValue<DateTimeOffset>();
        var handler = item["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var d = Driver();
        var url = $"/api/work-items/{id}/extension-requests";

        var noReason = await ApiClient.ProblemAsync(await d.As(handler).PostAsync(url, new { newDueAt = dueAt.AddDays(2) }), HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var past = await ApiClient.ProblemAsync(await d.As(handler).PostAsync(url, new { reason = "需协调施工", newDueAt = app.FakeClock.GetUtcNow().AddHours(-1) }), HttpStatusCode.BadRequest);
        Assert.NotNull(past["errors"]!["newDueAt"]);
        await ApiClient.ProblemAsync(await d.As("handler.WJW").PostAsync(url, new { reason = "x", newDueAt = dueAt.AddDays(2) }), HttpStatusCode.Forbidden);
        Assert.Empty((await d.As("dispatcher").GetJsonAsync($"/api/extension-requests?workItemId={id}")).AsArray());

        var newDue = dueAt.AddDays(2);
        var request = await ApiClient.ReadAsync(await d.As(handler).PostAsync(url, new { reason = "需协调施工单位", newDueAt = newDue }), HttpStatusCode.Created);
        await ApiClient.ProblemAsync(await d.As(handler).PostAsync(url, new { reason = "再次申请", newDueAt = newDue }), HttpStatusCode.Conflict);
        var rid = request["id"]!.GetValue<string>();
        await ApiClient.ProblemAsync(await d.As(handler).PostAsync($"/api/extension-requests/{rid}/approve", new { }), HttpStatusCode.Forbidden);
        var noComment = await ApiClient.ProblemAsync(await d.As("dispatcher").PostAsync($"/api/extension-requests/{rid}/reject", new { }), HttpStatusCode.BadRequest);
        Assert.NotNull(noComment["errors"]!["comment"]);

        var approved = await ApiClient.ReadAsync(await d.As("dispatcher").PostAsync($"/api/extension-requests/{rid}/approve", new { comment = "同意" }), HttpStatusCode.OK);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await d.As("supervisor").PostAsync($"/api/extension-requests/{rid}/reject", new { comment = "晚了" }), HttpStatusCode.Conflict);

        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal(newDue, Handle(c)["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.True(Handle(c)["warnAt"]!.GetValue<DateTimeOffset>() < newDue);
        Assert.Equal(1, Count(c, "ExtensionRequested"));
        Assert.Equal(1, Count(c, "ExtensionApproved"));

        // The old due time passes without consequence.
        MoveTo(dueAt.AddMinutes(1));
        await app.SweepAsync();
        c = await Driver().CaseAsync(c["id"]!.GetValue<string>());
        Assert.NotEqual("Overdue", Handle(c)["sla"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_suspension_stops_the_clock_and_a_resume_gives_back_the_time_that_was_left()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var id = item["id"]!.GetValue<string>();
        var handler = item["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var d = Driver();

        await ApiClient.ProblemAsync(await d.As(handler).PostAsync($"/api/work-items/{id}/suspend", new { reason = "" }), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await d.As(handler).PostAsync($"/api/work-items/{id}/resume", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await d.As(handler).PostAsync($"/api/work-items/{id}/suspend", new { reason = "等待产权单位确认" })).StatusCode);
        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        var left = Handle(c)["remainingSeconds"]!.GetValue<double>();
        Assert.True(Handle(c)["suspended"]!.GetValue<bool>());
        await ApiClient.ProblemAsync(await d.As(handler).CompleteAsync(id, "Complete", "已处理"), HttpStatusCode.Conflict);

        var oldDue = Handle(c)["dueAt"]!.GetValue<DateTimeOffset>();
        MoveTo(oldDue.AddDays(10));
        await app.SweepAsync();
        d = Driver();
        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("Normal", Handle(c)["sla"]!.GetValue<string>());
        Assert.Equal(left, Handle(c)["remainingSeconds"]!.GetValue<double>());

        Assert.Equal(HttpStatusCode.NoContent, (await d.As(handler).PostAsync($"/api/work-items/{id}/resume", null)).StatusCode);
        c = await d.CaseAsync(c["id"]!.GetValue<string>());
        Assert.False(Handle(c)["suspended"]!.GetValue<bool>());
        Assert.True(Handle(c)["dueAt"]!.GetValue<DateTimeOffset>() > app.FakeClock.GetUtcNow());
        Assert.Equal(1, Count(c, "Suspended"));
        Assert.Equal(1, Count(c, "Resumed"));
        await ApiClient.ReadAsync(await d.As(handler).CompleteAsync(id, "Complete", "已处理"), HttpStatusCode.OK);
    }

    private async Task ExtendAsync(JsonNode item, DateTimeOffset newDue)
    {
        var d = Driver();
        var handler = item["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var request = await ApiClient.ReadAsync(await d.As(handler).PostAsync($"/api/work-items/{item["id"]}/extension-requests",
            new { reason = "需协调施工单位", newDueAt = newDue }), HttpStatusCode.Created);
        await ApiClient.ReadAsync(await d.As("dispatcher").PostAsync($"/api/extension-requests/{request["id"]}/approve", new { comment = "同意" }), HttpStatusCode.OK);
    }

    private static IEnumerable<string> SlaEvents(JsonNode c) =>
        c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).Where(e => e is "Warning" or "Overdue" or "ExtensionApproved");

    [Fact]
    public async Task An_extension_after_a_warning_starts_a_new_episode_that_warns_and_goes_overdue()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var caseId = c["id"]!.GetValue<string>();
        var dueAt = item["dueAt"]!.GetValue<DateTimeOffset>();
        MoveTo(item["warnAt"]!.GetValue<DateTimeOffset>().AddSeconds(1));
        await app.SweepAsync();
        Assert.Equal("Warning", Handle(await Driver().CaseAsync(caseId))["sla"]!.GetValue<string>());

        var newDue = dueAt.AddDays(2);
        await ExtendAsync(item, newDue);
        c = await Driver().CaseAsync(caseId);
        Assert.Equal("Normal", Handle(c)["sla"]!.GetValue<string>());

        MoveTo(Handle(c)["warnAt"]!.GetValue<DateTimeOffset>().AddSeconds(1));
        await app.SweepAsync();
        Assert.Equal("Warning", Handle(await Driver().CaseAsync(caseId))["sla"]!.GetValue<string>());
        MoveTo(newDue.AddSeconds(1));
        await app.SweepAsync();

        var d = Driver();
        c = await d.CaseAsync(caseId);
        Assert.Equal("Overdue", Handle(c)["sla"]!.GetValue<string>());
        Assert.Equal(["Warning", "ExtensionApproved", "Warning", "Overdue"], SlaEvents(c));
        // Warnings stay on the work item and in the journal; the supervision list holds the case once, for its overdue.
        var entry = Assert.Single((await d.As("supervisor").GetJsonAsync("/api/supervision?pageSize=200"))["items"]!.AsArray(),
            e => e!["caseId"]!.GetValue<string>() == caseId)!;
        Assert.Equal(("Overdue", item["id"]!.GetValue<string>(), 1), (entry["kind"]!.GetValue<string>(), entry["workItemId"]!.GetValue<string>(),
            entry["triggerCount"]!.GetValue<int>()));
        Assert.DoesNotContain((await d.As("admin").GetJsonAsync("/api/timers/failed")).AsArray(),
            f => f!["workItemId"]!.GetValue<string>() == item["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_extension_approved_while_suspended_is_kept_on_resume()
    {
        var c = await ToHandleAsync();
        var item = Handle(c);
        var caseId = c["id"]!.GetValue<string>();
        var dueAt = item["dueAt"]!.GetValue<DateTimeOffset>();
        var handler = item["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var d = Driver();
        Assert.Equal(HttpStatusCode.NoContent, (await d.As(handler).PostAsync($"/api/work-items/{item["id"]}/suspend", new { reason = "等待产权单位确认" })).StatusCode);

        await ExtendAsync(item, dueAt.AddDays(3));
        Assert.Equal(HttpStatusCode.NoContent, (await d.As(handler).PostAsync($"/api/work-items/{item["id"]}/resume", null)).StatusCode);

        c = await Driver().CaseAsync(caseId);
        var resumedDue = Handle(c)["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.True(resumedDue > dueAt.AddDays(2), $"the extended deadline was lost on resume: {resumedDue} (was {dueAt})");
        MoveTo(dueAt.AddMinutes(1));
        await app.SweepAsync();
        Assert.Equal("Normal", Handle(await Driver().CaseAsync(caseId))["sla"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_timer_is_listed_for_admins_fails_its_hangfire_job_and_the_sweep_goes_on()
    {
        var bad = Handle(await ToHandleAsync());
        var good = await ToHandleAsync();
        var badId = Guid.Parse(bad["id"]!.GetValue<string>());
        void PointAt(Guid caseId) => app.Scoped(db =>
        {
            var w = db.WorkItems.Single(x => x.Id == badId);
            db.Entry(w).Property(x => x.CaseId).CurrentValue = caseId;
            return db.SaveChanges();
        });
        // On durable storage each instant has its job, due at once while the fake clock lies in the real past; under load one may
        // run late, after the clock moved, and fire beside the sweep this test watches. Let them find nothing due first.
        await JobsDoneAsync();
        // A work item whose case cannot be found: every attempt to fire it fails.
        PointAt(Guid.NewGuid());
        MoveTo(new[] { bad["warnAt"]!.GetValue<DateTimeOffset>(), Handle(good)["warnAt"]!.GetValue<DateTimeOffset>() }.Max().AddSeconds(1));

        await Assert.ThrowsAnyAsync<Exception>(app.SweepAsync);

        var d = Driver();
        Assert.Equal("Warning", Handle(await d.CaseAsync(good["id"]!.GetValue<string>()))["sla"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await d.As("supervisor").GetAsync("/api/timers/failed"), HttpStatusCode.Forbidden);
        var failed = (await d.As("admin").GetJsonAsync("/api/timers/failed")).AsArray().Single(f => f!["workItemId"]!.GetValue<Guid>() == badId)!;
        Assert.Equal("Warning", failed["level"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(failed["error"]!.GetValue<string>()));
        Assert.Equal(1, failed["attempts"]!.GetValue<int>());
        Assert.True(failed["failedAt"]!.GetValue<DateTimeOffset>() <= app.FakeClock.GetUtcNow());

        // The same timer as a Hangfire job: it fails for Hangfire to show, and counts as another attempt.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var jobId = jobs.Enqueue<SlaTimerJob>(j => j.FireAsync(badId, GridCase.Domain.WorkItems.SlaState.Warning, CancellationToken.None));
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!monitoring.FailedJobs(0, 100).Any(j => j.Key == jobId) && DateTime.UtcNow < until) await Task.Delay(200);
        Assert.Contains(monitoring.FailedJobs(0, 100), j => j.Key == jobId);
        failed = (await Driver().As("admin").GetJsonAsync("/api/timers/failed")).AsArray().Single(f => f!["workItemId"]!.GetValue<Guid>() == badId)!;
        Assert.Equal(2, failed["attempts"]!.GetValue<int>());

        // Repaired, it fires on the next sweep and leaves the list.
        PointAt(Guid.Parse(bad["caseId"]!.GetValue<string>()));
        await app.SweepAsync();
        Assert.DoesNotContain((await Driver().As("admin").GetJsonAsync("/api/timers/failed")).AsArray(), f => f!["workItemId"]!.GetValue<Guid>() == badId);
        Assert.Equal("Warning", Handle(await Driver().CaseAsync(bad["caseId"]!.GetValue<string>()))["sla"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_calendar_year_is_edited_by_policy_admins_and_validated()
    {
        var d = Driver();
        var year = await d.As("policy").GetJsonAsync("/api/calendars/2026");
        Assert.Contains(year["holidays"]!.AsArray(), h => h!["date"]!.GetValue<string>() == "2026-10-01");

        await ApiClient.ProblemAsync(await d.As("acceptor").PutAsync("/api/calendars/2026", year), HttpStatusCode.Forbidden);
        var bad = year.DeepClone();
        bad["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2027-01-01", ["name"] = "错年" });
        await ApiClient.ProblemAsync(await d.As("policy").PutAsync("/api/calendars/2026", bad), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await d.As("policy").PutAsync("/api/calendars/2025", year), HttpStatusCode.BadRequest);

        var edited = year.DeepClone();
        edited["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2026-12-31", ["name"] = "区庆" });
        var saved = await ApiClient.ReadAsync(await d.As("policy").PutAsync("/api/calendars/2026", edited), HttpStatusCode.OK);
        Assert.Contains(saved["holidays"]!.AsArray(), h => h!["date"]!.GetValue<string>() == "2026-12-31");
        Assert.Contains(2026, (await d.As("acceptor").GetJsonAsync("/api/calendars")).AsArray().Select(y => y!.GetValue<int>()));
    }
}

public sealed class SqliteSlaTests(ClockedApp app) : SlaTests(app), IClassFixture<ClockedApp>;
