using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Catalog;

/// <summary>A case keeps the catalog version it was accepted under; only new cases see an edit.</summary>
public sealed class CatalogVersionTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    private static string S(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task Editing_an_item_never_changes_a_running_case_and_new_cases_get_the_new_version()
    {
        var item = TestCatalog.PlainItem(app);
        var c = await _driver.Acceptor.ReportAsync(null);
        c = await _driver.CompleteAsync(c, "Accept", "Accept", data: new { itemCode = item.Code });
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        var caseId = S(c["id"]);
        var snapshotBefore = c["catalog"]!.ToJsonString();
        var handleBefore = Snapshots.Stable(CaseDriver.OpenItem(c, "Handle"));
        Assert.Equal(1, c["catalog"]!["itemVersion"]!.GetValue<int>());
        Assert.Equal(item.OwnerDepartmentCode, S(c["departmentCode"]));

        var newOwner = item.OwnerDepartmentCode == "ZJJ" ? "SWJ" : "ZJJ";
        var newLimit = item.TimeLimit == "P7D" ? "P5D" : "P7D";
        var body = (await _driver.As("policy").GetJsonAsync($"/api/catalog/items/{item.Code}")).AsObject();
        body["timeLimit"] = newLimit;
        body["calendar"] = "Working";
        body["ownerDepartmentCode"] = newOwner;
        body["coHandlerDepartmentCodes"] = new JsonArray();
        body["closureStandard"] = "新版结案标准：现场恢复并拍照留存";
        body["closureRequirements"] = new JsonArray("AfterPhoto", "HandlerComment");
        var saved = await ApiClient.ReadAsync(await _driver.As("policy").PutAsync($"/api/catalog/items/{item.Code}", body), HttpStatusCode.OK);
        Assert.Equal(2, saved["version"]!.GetValue<int>());

        // The running case: same snapshot, same handling task with the same deadline, same department.
        var after = await _driver.CaseAsync(caseId);
        Assert.Equal(snapshotBefore, after["catalog"]!.ToJsonString());
        Assert.Equal(handleBefore, Snapshots.Stable(CaseDriver.OpenItem(after, "Handle")));
        Assert.Equal(item.OwnerDepartmentCode, S(after["departmentCode"]));
        // It still closes under its own standard: no photo, no comment needed.
        after = await _driver.CompleteAsync(after, "Handle", "Complete");
        Assert.Equal("Verify", S(after["stage"]));

        // A new case takes the new version: its owner, its limit, its standard.
        var fresh = await _driver.Acceptor.ReportAsync(null);
        fresh = await _driver.CompleteAsync(fresh, "Accept", "Accept", data: new { itemCode = item.Code });
        Assert.Equal(2, fresh["catalog"]!["itemVersion"]!.GetValue<int>());
        Assert.Equal(newLimit, S(fresh["catalog"]!["timeLimit"]));
        Assert.Equal(newOwner, S(fresh["catalog"]!["ownerDepartmentCode"]));
        Assert.Equal(["AfterPhoto", "HandlerComment"], fresh["catalog"]!["closureRequirements"]!.AsArray().Select(S));
        fresh = await _driver.CompleteAsync(fresh, "Dispatch", "Dispatch");
        Assert.Equal(newOwner, S(fresh["departmentCode"]));
        var handle = CaseDriver.OpenItem(fresh, "Handle");
        Assert.Equal([$"handler.{newOwner}"], handle["candidateUsers"]!.AsArray().Select(S));
        var refused = await _driver.As($"handler.{newOwner}").CompleteAsync(S(handle["id"]), "Complete");
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(["HandlerComment", "AfterPhoto"], problem["errors"]!["closureRequirements"]!.AsArray().Select(S));
    }
}
