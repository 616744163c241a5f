using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Cases;

/// <summary>An admin takes a stuck case out of the loop: tasks and timers stop, the reason is journaled.</summary>
public sealed class CancelCaseTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static IEnumerable<string> Events(JsonNode c) => c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>());

    [Fact]
    public async Task An_admin_cancels_a_case_with_a_reason_and_its_timers_never_fire()
    {
        var d = new CaseDriver(app);
        var c = await d.ToHandleAsync(TestCatalog.PlainItem(app).Code);
        var caseId = c["id"]!.GetValue<string>();
        var due = CaseDriver.OpenItem(c, "Handle")["dueAt"]!.GetValue<DateTimeOffset>();
        var url = $"/api/cases/{caseId}/cancel";

        await ApiClient.ProblemAsync(await d.As("supervisor").PostAsync(url, new { reason = "流程无法结束" }), HttpStatusCode.Forbidden);
        var noReason = await ApiClient.ProblemAsync(await d.As("admin").PostAsync(url, new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        Assert.Equal("Open", (await d.CaseAsync(caseId))["status"]!.GetValue<string>());

        var cancelled = await ApiClient.ReadAsync(await d.As("admin").PostAsync(url, new { reason = "流程无法结束" }), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Empty(cancelled["openWorkItems"]!.AsArray());
        Assert.Contains(cancelled["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "Cancelled"
            && j["actor"]!.GetValue<string>() == "admin" && j["comment"]!.GetValue<string>() == "流程无法结束");
        var id = Guid.Parse(caseId);
        Assert.Equal(WorkflowStatus.Cancelled, app.Scoped(db => db.WorkflowInstances.AsNoTracking().Single(i => i.CorrelationId == id).Status));
        Assert.DoesNotContain((await d.As("handler.CGJ").GetJsonAsync("/api/inbox")).AsArray(), w => w!["caseId"]!.GetValue<string>() == caseId);

        app.FakeClock.SetUtcNow(due.AddDays(1));
        await app.SweepAsync();
        var after = await new CaseDriver(app).CaseAsync(caseId);
        Assert.DoesNotContain("Warning", Events(after));
        Assert.DoesNotContain("Overdue", Events(after));
        Assert.Equal("Cancelled", after["status"]!.GetValue<string>());

        await ApiClient.ProblemAsync(await new CaseDriver(app).As("admin").PostAsync(url, new { reason = "再次取消" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_rejected_case_cannot_be_cancelled()
    {
        var d = new CaseDriver(app);
        var c = await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await d.CompleteAsync(c, "Accept", "Reject", "不属于受理范围");

        await ApiClient.ProblemAsync(await d.As("admin").PostAsync($"/api/cases/{c["id"]}/cancel", new { reason = "x" }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await d.As("admin").PostAsync($"/api/cases/{Guid.NewGuid()}/cancel", new { reason = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_a_faulted_case_resolves_its_open_incidents_and_journals_it()
    {
        var item = TestCatalog.PlainItem(app).Code;
        var flow = TestFlows.QuickFix("cancel-faulted");
        flow["root"]!["activities"]![1] = new JsonObject
        {
            ["id"] = "dispatch", ["type"] = "SetVariable",
            ["inputs"] = new JsonObject { ["variable"] = "x", ["value"] = TestFlows.Expression("vars.missing.deeper") },
        };
        await TestFlows.BindAsync(app, flow, item);
        var d = new CaseDriver(app);
        var c = await d.CompleteAsync(await d.Acceptor.ReportAsync(item), "Accept", "Accept");
        var caseId = c["id"]!.GetValue<string>();
        var incidentId = Assert.Single(c["incidents"]!.AsArray())!["id"]!.GetValue<string>();

        var cancelled = await ApiClient.ReadAsync(await d.As("admin").PostAsync($"/api/cases/{caseId}/cancel", new { reason = "流程故障无法修复" }), HttpStatusCode.OK);

        Assert.Empty(cancelled["incidents"]!.AsArray());
        Assert.Contains(cancelled["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "IncidentResolved"
            && j["activityId"]!.GetValue<string>() == "dispatch" && j["actor"]!.GetValue<string>() == "admin");
        var open = await app.Client("admin").GetJsonAsync("/api/incidents?status=Open");
        Assert.DoesNotContain(open["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == incidentId);
        var resolved = await app.Client("admin").GetJsonAsync("/api/incidents?status=Resolved");
        Assert.Equal("admin", resolved["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == incidentId)!["resolvedBy"]!.GetValue<string>());
    }
}
