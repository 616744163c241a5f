using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Org;
using GridCase.Host.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests;

/// <summary>
/// An automatic step that throws keeps the person's completion, opens an incident the case shows, and is run
/// again by a retry once its cause is fixed.
/// </summary>
public sealed class IncidentTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    /// <summary>Accept → AutoDispatch to the item's owner → Handle in the dispatched department → End.</summary>
    private static JsonObject DepartmentFlow(string definitionId)
    {
        var flow = TestFlows.QuickFix(definitionId);
        var root = flow["root"]!;
        root["activities"]!.AsArray().Insert(2, new JsonObject
        {
            ["id"] = "handle", ["type"] = "HumanTask", ["name"] = "处置",
            ["inputs"] = new JsonObject
            {
                ["stage"] = "Handle", ["role"] = "Handler", ["scope"] = "DispatchedDepartment", ["outcomes"] = new JsonArray("Done"), ["timeLimit"] = "PT2H",
            },
        });
        var toEnd = root["connections"]!.AsArray().Single(c => c!["source"]!["activity"]!.GetValue<string>() == "dispatch")!;
        toEnd["target"]!["activity"] = "handle";
        root["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "handle", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
        });
        return flow;
    }

    /// <summary>Takes the unit out of the org tree (or puts it back) as an admin's change to the tree would, and reloads the tree.</summary>
    private async Task SetUnitAsync(OrgUnit unit, bool present)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCase.Host.Persistence.GridCaseDbContext>();
        if (present) db.OrgUnits.Add(unit);
        else db.OrgUnits.Remove(await db.OrgUnits.SingleAsync(u => u.Code == unit.Code));
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<OrgDirectory>().LoadAsync(db, CancellationToken.None);
    }

    [Fact]
    public async Task A_step_that_throws_keeps_the_completion_opens_an_incident_and_a_retry_after_the_fix_goes_on()
    {
        var item = TestCatalog.PlainItem(app);
        await TestFlows.BindAsync(app, DepartmentFlow("incident-dept"), item.Code);
        var department = app.Scoped(db => db.OrgUnits.AsNoTracking().Single(u => u.Code == item.OwnerDepartmentCode));
        var reported = await _driver.Acceptor.ReportAsync(item.Code);
        var caseId = reported["id"]!.GetValue<string>();
        await SetUnitAsync(department, present: false);

        // The acceptor's completion is kept although the next automatic step cannot find the department.
        var c = await _driver.CompleteAsync(reported, "Accept", "Accept");

        Assert.Equal("Faulted", c["workflow"]!["status"]!.GetValue<string>());
        Assert.Empty(c["openWorkItems"]!.AsArray());
        Assert.Equal(item.OwnerDepartmentCode, c["departmentCode"]!.GetValue<string>());
        var journal = c["journal"]!.AsArray().Select(j => (j!["activityId"]?.GetValue<string>(), j["event"]!.GetValue<string>())).ToList();
        Assert.Contains(("accept", "TaskCompleted"), journal);
        Assert.Contains(("handle", "Faulted"), journal);
        var shown = Assert.Single(c["incidents"]!.AsArray())!;
        Assert.Equal("handle", shown["activityId"]!.GetValue<string>());
        Assert.Contains("DispatchedDepartment", shown["error"]!.GetValue<string>());
        var incidentId = shown["id"]!.GetValue<string>();

        var listed = await app.Client("policy").GetJsonAsync("/api/incidents?status=Open");
        var row = Assert.Single(listed["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == incidentId)!;
        Assert.Equal((caseId, "Open"), (row["caseId"]!.GetValue<string>(), row["status"]!.GetValue<string>()));
        Assert.Equal(reported["number"]!.GetValue<string>(), row["caseNumber"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await _driver.Acceptor.GetAsync("/api/incidents"), HttpStatusCode.Forbidden);

        // Retried before the fix: it fails again, answers 409 with the error, and changes nothing.
        var before = Snapshots.Stable(await _driver.CaseAsync(caseId));
        var again = await ApiClient.ProblemAsync(await app.Client("admin").PostAsync($"/api/incidents/{incidentId}/retry", null), HttpStatusCode.Conflict);
        Assert.Contains("DispatchedDepartment", again["title"]!.GetValue<string>());
        Assert.Equal(before, Snapshots.Stable(await _driver.CaseAsync(caseId)));

        await SetUnitAsync(department, present: true);
        var resolved = await ApiClient.ReadAsync(await app.Client("admin").PostAsync($"/api/incidents/{incidentId}/retry", null), HttpStatusCode.OK);

        Assert.Equal(("Resolved", "admin"), (resolved["status"]!.GetValue<string>(), resolved["resolvedBy"]!.GetValue<string>()));
        c = await _driver.CaseAsync(caseId);
        Assert.Equal("Running", c["workflow"]!["status"]!.GetValue<string>());
        Assert.Empty(c["incidents"]!.AsArray());
        Assert.Equal(item.OwnerDepartmentCode, CaseDriver.OpenItem(c, "Handle")["scopeOrgUnitCode"]!.GetValue<string>());
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "IncidentResolved" && j["actor"]!.GetValue<string>() == "admin");
        await ApiClient.ProblemAsync(await app.Client("admin").PostAsync($"/api/incidents/{incidentId}/retry", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Incidents_are_for_admins_within_their_scope_and_an_unknown_one_is_404()
    {
        await ApiClient.ProblemAsync(await app.Client("admin").PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await app.Client("admin").GetAsync("/api/incidents?status=Broken"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await app.Client("admin").GetAsync("/api/incidents?pageSize=0"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _driver.Acceptor.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null), HttpStatusCode.Forbidden);
    }
}
