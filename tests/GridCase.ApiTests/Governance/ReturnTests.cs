using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Governance;

/// <summary>退单 and 改派: a department returns a wrong dispatch with its reason; the dispatcher sends it elsewhere.</summary>
public sealed class ReturnTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    [Fact]
    public async Task A_return_needs_a_reason_and_is_counted_and_shown_with_its_department()
    {
        var item = TestCatalog.PlainItem(app);
        var c = await _driver.ToHandleAsync(item.Code);
        var owner = item.OwnerDepartmentCode;
        var handle = Str(CaseDriver.OpenItem(c, "Handle"), "id");

        // Another department cannot return what is not its task; a return without a reason writes nothing.
        var stranger = owner == "ZJJ" ? "CGJ" : "ZJJ";
        await ApiClient.ProblemAsync(await _driver.As($"handler.{stranger}").CompleteAsync(handle, "Return", "不是我们的"), HttpStatusCode.Forbidden);
        var problem = await ApiClient.ProblemAsync(await _driver.As($"handler.{owner}").CompleteAsync(handle, "Return", "  "), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["comment"]);
        c = await _driver.CaseAsync(Str(c, "id"));
        Assert.Equal("Handle", Str(c, "stage"));
        Assert.Equal(0, c["returnCount"]!.GetValue<int>());
        Assert.Empty(c["returns"]!.AsArray());

        c = await _driver.CompleteAsync(c, "Handle", "Return", "属于住建部门职责，非本单位");
        Assert.Equal("Dispatch", Str(c, "stage"));
        Assert.Equal(1, c["returnCount"]!.GetValue<int>());
        var returned = c["returns"]!.AsArray().Single()!;
        Assert.Equal(owner, Str(returned, "departmentCode"));
        Assert.Equal("属于住建部门职责，非本单位", Str(returned, "reason"));
        Assert.Equal($"handler.{owner}", Str(returned, "returnedBy"));
        Assert.NotNull(returned["returnedAt"]);
        var journaled = c["journal"]!.AsArray().Last(j => Str(j!, "stage") == "Handle" && Str(j!, "event") == "TaskCompleted")!;
        Assert.Equal("Return", Str(journaled, "outcome"));
        Assert.Equal($"handler.{owner}", Str(journaled, "actor"));
        Assert.Equal("属于住建部门职责，非本单位", Str(journaled, "comment"));
    }

    [Fact]
    public async Task A_redispatch_goes_to_another_department_never_back_to_the_one_that_returned_it()
    {
        var item = TestCatalog.PlainItem(app);
        var owner = item.OwnerDepartmentCode;
        var other = owner == "ZJJ" ? "CGJ" : "ZJJ";
        var c = await _driver.ToHandleAsync(item.Code);
        c = await _driver.CompleteAsync(c, "Handle", "Return", "非本单位职责");
        var dispatch = Str(CaseDriver.OpenItem(c, "Dispatch"), "id");

        // Without a department the item's owner would get it again: the one that just returned it.
        var dispatcher = _driver.As("dispatcher");
        var problem = await ApiClient.ProblemAsync(await dispatcher.CompleteAsync(dispatch, "Dispatch"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["data.departmentCode"]);
        await ApiClient.ProblemAsync(await dispatcher.CompleteAsync(dispatch, "Dispatch", data: new { departmentCode = owner }), HttpStatusCode.BadRequest);
        c = await _driver.CaseAsync(Str(c, "id"));
        Assert.Equal("Dispatch", Str(c, "stage"));
        Assert.Equal(owner, Str(c, "departmentCode"));

        c = await ApiClient.ReadAsync(await dispatcher.CompleteAsync(dispatch, "Dispatch", data: new { departmentCode = other }), HttpStatusCode.OK);
        Assert.Equal(other, Str(c, "departmentCode"));
        Assert.Equal([$"handler.{other}"], CaseDriver.OpenItem(c, "Handle")["candidateUsers"]!.AsArray().Select(x => x!.GetValue<string>()));
        var redispatched = c["journal"]!.AsArray().Single(j => Str(j!, "event") == "Redispatched")!;
        Assert.Equal("dispatcher", Str(redispatched, "actor"));
        Assert.Equal($"{owner} → {other}", Str(redispatched, "comment"));
        Assert.NotNull(redispatched["at"]);
    }
}
