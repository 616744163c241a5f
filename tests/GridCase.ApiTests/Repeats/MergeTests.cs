using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridCase.ApiTests.Repeats.RepeatReports;

namespace GridCase.ApiTests.Repeats;

/// <summary>并案: the acceptor merges a report into a master; it ends with the master and both reporters hear the result.</summary>
public sealed class MergeTests(RepeatApp app) : IClassFixture<RepeatApp>
{
    private static IEnumerable<JsonNode> Journal(JsonNode c, string @event) =>
        c["journal"]!.AsArray().Where(j => j!["event"]!.GetValue<string>() == @event).Select(j => j!);

    private Task<HttpResponseMessage> MergeAsync(ApiClient client, JsonNode @case, object body) =>
        client.PostAsync($"/api/cases/{Id(@case)}/merge", body);

    private List<GridCase.Host.Notifications.Notification> ToPhone(string phone, JsonNode c)
    {
        var id = Guid.Parse(Id(c));
        return app.Scoped(db => db.Notifications.AsNoTracking().Where(n => n.CaseId == id && n.Phone == phone).ToList());
    }

    [Fact]
    public async Task A_merged_report_leaves_its_loop_and_ends_with_the_masters_result_and_both_reporters_hear_it()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        const double lat = 30.2025, lng = 120.1025;
        var master = await ReportAtAsync(d.Acceptor, item.Code, lat, lng, phone: "13911110001");
        master = await d.CompleteAsync(master, "Accept", "Accept");
        master = await d.CompleteAsync(master, "Dispatch", "Dispatch");
        var report = await ReportAtAsync(d.Acceptor, item.Code, lat + 30 * Metre, lng, phone: "13911110002");
        report = await d.CaseAsync(Id(report));
        Assert.Contains(report["duplicateCandidates"]!.AsArray(), c => c!["number"]!.GetValue<string>() == Number(master));
        var acceptItem = CaseDriver.OpenItem(report, "Accept")["id"]!.GetValue<string>();

        var merged = await ApiClient.ReadAsync(
            await MergeAsync(d.Acceptor, report, new { masterCaseId = Id(master), reason = "同一井盖 / same manhole" }), HttpStatusCode.OK);

        Assert.Equal("Merged", merged["stage"]!.GetValue<string>());
        Assert.Equal("Open", merged["status"]!.GetValue<string>());
        Assert.Equal(Number(master), merged["mergedInto"]!["number"]!.GetValue<string>());
        Assert.Empty(merged["openWorkItems"]!.AsArray());
        Assert.Equal("Cancelled", merged["workflow"]!["status"]!.GetValue<string>());
        var entry = Journal(merged, "MergedInto").Single();
        Assert.Equal(("acceptor", "同一井盖 / same manhole", Number(master)),
            (entry["actor"]!.GetValue<string>(), entry["comment"]!.GetValue<string>(), entry["outcome"]!.GetValue<string>()));
        Assert.DoesNotContain((await d.Acceptor.GetJsonAsync("/api/inbox")).AsArray(), w => w!["id"]!.GetValue<string>() == acceptItem);

        master = await d.CaseAsync(Id(master));
        Assert.Equal([Number(report)], master["mergedReports"]!.AsArray().Select(r => r!["number"]!.GetValue<string>()));
        Assert.Equal("acceptor", Journal(master, "ReportMerged").Single()["actor"]!.GetValue<string>());
        Assert.Equal(Number(report), Journal(master, "ReportMerged").Single()["outcome"]!.GetValue<string>());

        master = await d.CompleteAsync(master, "Handle", "Complete", "已修复");
        master = await d.CompleteAsync(master, "Verify", "Pass");
        Assert.Equal("Open", (await d.CaseAsync(Id(report)))["status"]!.GetValue<string>());
        master = await d.CompleteAsync(master, "Evaluate", "Satisfied");
        Assert.Equal("Resolved", master["resolution"]!.GetValue<string>());

        var ended = await d.CaseAsync(Id(report));
        Assert.Equal(("Closed", "Done", "Resolved"),
            (ended["status"]!.GetValue<string>(), ended["stage"]!.GetValue<string>(), ended["resolution"]!.GetValue<string>()));
        Assert.Equal(Number(master), Journal(ended, "ClosedWithMaster").Single()["comment"]!.GetValue<string>());
        Assert.Contains(Number(master), Assert.Single(ToPhone("13911110002", report)).Message);
        Assert.Contains(Number(master), Assert.Single(ToPhone("13911110001", master)).Message);
    }

    [Fact]
    public async Task A_report_merged_into_a_finished_master_ends_at_once_with_its_result_and_a_rejected_master_takes_its_reports_along()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        var done = await ReportAtAsync(d.Acceptor, item.Code, 30.2075, 120.1075, phone: "13911110003");
        foreach (var (stage, outcome) in new[] { ("Accept", "Accept"), ("Dispatch", "Dispatch"), ("Handle", "Complete"), ("Verify", "Pass"), ("Evaluate", "Unsatisfied") })
            done = await d.CompleteAsync(done, stage, outcome, "ok");
        // A second round, then unresolved: the master ends Unresolved.
        foreach (var (stage, outcome) in new[] { ("Dispatch", "Dispatch"), ("Handle", "Complete"), ("Verify", "Pass"), ("Evaluate", "Unsatisfied") })
            if (done["stage"]!.GetValue<string>() != "Done") done = await d.CompleteAsync(done, stage, outcome, "ok");
        Assert.Equal("Done", done["stage"]!.GetValue<string>());
        var resolution = done["resolution"]!.GetValue<string>();

        var late = await ReportAtAsync(d.Acceptor, item.Code, 30.2075, 120.1076, phone: "13911110004");
        var merged = await ApiClient.ReadAsync(await MergeAsync(d.Acceptor, late, new { masterCaseId = Id(done) }), HttpStatusCode.OK);
        Assert.Equal(("Closed", "Done", resolution),
            (merged["status"]!.GetValue<string>(), merged["stage"]!.GetValue<string>(), merged["resolution"]!.GetValue<string>()));
        Assert.Single(ToPhone("13911110004", late));

        var pending = await ReportAtAsync(d.Acceptor, item.Code, 30.2076, 120.1075, phone: "13911110005");
        var report = await ReportAtAsync(d.Acceptor, item.Code, 30.2076, 120.1076, phone: "13911110006");
        await ApiClient.ReadAsync(await MergeAsync(d.Acceptor, report, new { masterCaseId = Id(pending) }), HttpStatusCode.OK);
        await d.CompleteAsync(pending, "Accept", "Reject", "不属于受理范围");
        var rejected = await d.CaseAsync(Id(report));
        Assert.Equal(("Rejected", "Rejected"), (rejected["status"]!.GetValue<string>(), rejected["stage"]!.GetValue<string>()));
        Assert.Contains("不予受理", Assert.Single(ToPhone("13911110006", report)).Message);
    }

    [Fact]
    public async Task Bad_input_is_400_a_foreign_role_or_scope_403_and_nothing_is_written()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        var master = await ReportAtAsync(d.Acceptor, item.Code, 30.2125, 120.1025);
        var report = await ReportAtAsync(d.Acceptor, item.Code, 30.2125, 120.1026);
        var before = Snapshots.Stable(await d.CaseAsync(Id(report)));
        var masterBefore = Snapshots.Stable(await d.CaseAsync(Id(master)));
        var rows = app.Scoped(db => (db.Journal.Count(), db.Notifications.Count()));

        var missing = await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, report, new { reason = new string('x', 2001) }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["masterCaseId"]);
        Assert.NotNull(missing["errors"]!["reason"]);
        var self = await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, report, new { masterCaseId = Id(report) }), HttpStatusCode.BadRequest);
        Assert.NotNull(self["errors"]!["masterCaseId"]);
        var unknown = await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, report, new { masterCaseId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["masterCaseId"]);
        await ApiClient.ProblemAsync(await d.Acceptor.PostAsync($"/api/cases/{Guid.NewGuid()}/merge", new { masterCaseId = Id(master) }), HttpStatusCode.NotFound);

        await ApiClient.ProblemAsync(await MergeAsync(d.As("supervisor"), report, new { masterCaseId = Id(master) }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await MergeAsync(d.As("dispatcher"), report, new { masterCaseId = Id(master) }), HttpStatusCode.Forbidden);
        // An acceptor of another subdistrict neither sees the case nor may accept it.
        var elsewhere = await ExtraUsers.ClientAsync(app, "acceptor.JB02", "Acceptor", "JB02");
        await ApiClient.ProblemAsync(await MergeAsync(elsewhere, report, new { masterCaseId = Id(master) }), HttpStatusCode.Forbidden);

        Assert.Equal(before, Snapshots.Stable(await d.CaseAsync(Id(report))));
        Assert.Equal(masterBefore, Snapshots.Stable(await d.CaseAsync(Id(master))));
        Assert.Equal(rows, app.Scoped(db => (db.Journal.Count(), db.Notifications.Count())));
    }

    [Fact]
    public async Task Stale_state_is_409_and_nothing_is_written()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        var master = await ReportAtAsync(d.Acceptor, item.Code, 30.2175, 120.1025);
        var report = await ReportAtAsync(d.Acceptor, item.Code, 30.2175, 120.1026);
        var accepted = await d.CompleteAsync(await ReportAtAsync(d.Acceptor, item.Code, 30.2175, 120.1027), "Accept", "Accept");
        var rejected = await d.CompleteAsync(await ReportAtAsync(d.Acceptor, item.Code, 30.2175, 120.1028), "Accept", "Reject", "重复");
        await ApiClient.ReadAsync(await MergeAsync(d.Acceptor, report, new { masterCaseId = Id(master) }), HttpStatusCode.OK);
        var other = await ReportAtAsync(d.Acceptor, item.Code, 30.2175, 120.1029);
        var rows = app.Scoped(db => (db.Journal.Count(), db.Notifications.Count()));
        var before = Snapshots.Stable(await d.CaseAsync(Id(other)));

        // The report was merged already; an accepted case is past acceptance; a merged report is no master; nor is a rejected case.
        await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, report, new { masterCaseId = Id(other) }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, accepted, new { masterCaseId = Id(master) }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, other, new { masterCaseId = Id(report) }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await MergeAsync(d.Acceptor, other, new { masterCaseId = Id(rejected) }), HttpStatusCode.Conflict);

        Assert.Equal(before, Snapshots.Stable(await d.CaseAsync(Id(other))));
        Assert.Equal(rows, app.Scoped(db => (db.Journal.Count(), db.Notifications.Count())));
        Assert.Single((await d.CaseAsync(Id(master)))["mergedReports"]!.AsArray());
    }
}
