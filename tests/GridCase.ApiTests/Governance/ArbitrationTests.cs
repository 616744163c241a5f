using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Governance;

/// <summary>三定: the second return puts a case on the district's arbitration list; a district supervisor designates the owner.</summary>
public sealed class ArbitrationTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);
    private ApiClient Supervisor => _driver.As("supervisor");

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>Plain items (no photo or comment needed), a different one per test, because write-back changes its owner.</summary>
    private CatalogItem PlainItem(int skip) => app.Scoped(db => db.CatalogItems.AsNoTracking()
        .Where(i => i.IsCurrent && i.ClosureRequirements.Count == 0 && i.CoHandlerDepartmentCodes.Count == 0)
        .OrderBy(i => i.Code).Skip(skip).First());

    private static string Another(params string[] taken) => new[] { "ZJJ", "CGJ", "SFJ", "JYJ" }.First(d => !taken.Contains(d));

    /// <summary>Dispatched to its owner, returned; re-dispatched to another department, returned again.</summary>
    private async Task<(JsonNode Case, string Owner, string Other)> ReturnedTwiceAsync(CatalogItem item)
    {
        var c = await _driver.ToHandleAsync(item.Code);
        c = await _driver.CompleteAsync(c, "Handle", "Return", "非本单位职责");
        var other = Another(item.OwnerDepartmentCode);
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = other });
        c = await _driver.CompleteAsync(c, "Handle", "Return", "也不是我们的职责");
        return (c, item.OwnerDepartmentCode, other);
    }

    private async Task<JsonNode> ArbitrationOfAsync(JsonNode c, string status = "Open")
    {
        var list = await Supervisor.GetJsonAsync($"/api/arbitrations?status={status}&pageSize=200");
        return list["items"]!.AsArray().Single(a => Str(a!, "caseId") == Str(c, "id"))!;
    }

    [Fact]
    public async Task The_second_return_puts_the_case_on_the_district_arbitration_list()
    {
        var item = PlainItem(0);
        var c = await _driver.ToHandleAsync(item.Code);
        c = await _driver.CompleteAsync(c, "Handle", "Return", "非本单位职责");
        Assert.Equal("Dispatch", Str(c, "stage"));
        var open = await Supervisor.GetJsonAsync("/api/arbitrations?status=Open&pageSize=200");
        Assert.DoesNotContain(open["items"]!.AsArray(), a => Str(a!, "caseId") == Str(c, "id"));

        var other = Another(item.OwnerDepartmentCode);
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = other });
        c = await _driver.CompleteAsync(c, "Handle", "Return", "也不是我们的职责");
        Assert.Equal("Arbitrate", Str(c, "stage"));
        Assert.Equal(2, c["returnCount"]!.GetValue<int>());
        Assert.Equal(["supervisor"], CaseDriver.OpenItem(c, "Arbitrate")["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));

        var arbitration = await ArbitrationOfAsync(c);
        Assert.Equal("Open", Str(arbitration, "status"));
        Assert.Equal(Str(c, "number"), Str(arbitration, "caseNumber"));
        Assert.Equal(2, arbitration["returnCount"]!.GetValue<int>());
        Assert.Equal([item.OwnerDepartmentCode, other], arbitration["returns"]!.AsArray().Select(r => Str(r!, "departmentCode")));
        Assert.Equal("也不是我们的职责", Str(arbitration["returns"]![1]!, "reason"));
        Assert.Equal(Str(CaseDriver.OpenItem(c, "Arbitrate"), "id"), Str(arbitration, "workItemId"));
        Assert.DoesNotContain((await Supervisor.GetJsonAsync("/api/arbitrations?status=Decided&pageSize=200"))["items"]!.AsArray(),
            a => Str(a!, "caseId") == Str(c, "id"));
        var one = await Supervisor.GetJsonAsync($"/api/arbitrations/{Str(arbitration, "id")}");
        Assert.Equal(Str(c, "id"), Str(one, "caseId"));

        // The district's own supervisors only: not a subdistrict's, not other roles; bad filters are 400.
        await ApiClient.ProblemAsync(await _driver.As("supervisor.JB01").GetAsync("/api/arbitrations"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _driver.As("supervisor.JB01").GetAsync($"/api/arbitrations/{Str(arbitration, "id")}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await _driver.As("dispatcher").GetAsync("/api/arbitrations")).StatusCode);
        var problem = await ApiClient.ProblemAsync(await Supervisor.GetAsync("/api/arbitrations?status=Pending&page=0"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["status"]);
        Assert.NotNull(problem["errors"]!["page"]);
        await ApiClient.ProblemAsync(await Supervisor.GetAsync($"/api/arbitrations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Designating_the_owner_moves_the_case_on_to_it_and_leaves_the_catalog_alone()
    {
        var item = PlainItem(1);
        var (c, owner, other) = await ReturnedTwiceAsync(item);
        var id = Str(await ArbitrationOfAsync(c), "id");
        var url = $"/api/arbitrations/{id}/decide";

        // Every field error at once, nothing written; another district level may not decide.
        var problem = await ApiClient.ProblemAsync(await Supervisor.PostAsync(url, new { ownerDepartmentCode = "JB01", basisKind = "Decreed" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["ownerDepartmentCode"]);
        Assert.NotNull(problem["errors"]!["basisKind"]);
        Assert.NotNull(problem["errors"]!["basis"]);
        var designated = Another(owner, other);
        var body = new { ownerDepartmentCode = designated, basisKind = "Designated", basis = "经区三定协调会议研究，由该部门牵头处置" };
        await ApiClient.ProblemAsync(await _driver.As("supervisor.JB01").PostAsync(url, body), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _driver.As($"handler.{designated}").PostAsync(url, body), HttpStatusCode.Forbidden);
        Assert.Equal("Open", Str(await ArbitrationOfAsync(c), "status"));
        Assert.Equal("Arbitrate", Str(await _driver.CaseAsync(Str(c, "id")), "stage"));

        var decided = await ApiClient.ReadAsync(await Supervisor.PostAsync(url, body), HttpStatusCode.OK);
        Assert.Equal("Decided", Str(decided, "status"));
        Assert.Equal(designated, Str(decided, "ownerDepartmentCode"));
        Assert.Equal("Designated", Str(decided, "basisKind"));
        Assert.Equal("supervisor", Str(decided, "decidedBy"));
        Assert.NotNull(decided["decidedAt"]);
        Assert.Null(decided["catalogItemVersion"]);

        c = await _driver.CaseAsync(Str(c, "id"));
        Assert.Equal("Handle", Str(c, "stage"));
        Assert.Equal(designated, Str(c, "departmentCode"));
        Assert.Equal([$"handler.{designated}"], CaseDriver.OpenItem(c, "Handle")["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));
        var journaled = c["journal"]!.AsArray().Single(j => Str(j!, "event") == "Designated")!;
        Assert.Equal("supervisor", Str(journaled, "actor"));
        Assert.Contains("经区三定协调会议研究", Str(journaled, "comment"));

        var catalog = await Supervisor.GetJsonAsync($"/api/catalog/items/{item.Code}");
        Assert.Equal(item.Version, catalog["version"]!.GetValue<int>());
        Assert.Equal(owner, Str(catalog, "ownerDepartmentCode"));

        await ApiClient.ProblemAsync(await Supervisor.PostAsync(url, body), HttpStatusCode.Conflict);
        Assert.Equal("Decided", Str(await ArbitrationOfAsync(c, "Decided"), "status"));
        c = await _driver.CompleteAsync(c, "Handle", "Complete", "已处置");
        Assert.Equal("Verify", Str(c, "stage"));
    }

    [Fact]
    public async Task Writing_the_decision_back_makes_a_new_catalog_version_with_the_arbitration_as_its_source()
    {
        var item = PlainItem(2);
        var (c, owner, other) = await ReturnedTwiceAsync(item);
        var id = Str(await ArbitrationOfAsync(c), "id");
        var designated = Another(owner, other);

        var decided = await ApiClient.ReadAsync(await Supervisor.PostAsync($"/api/arbitrations/{id}/decide", new
        {
            ownerDepartmentCode = designated, basisKind = "法定", basis = "依据《城市市容和环境卫生管理条例》第十条", writeBackToCatalog = true,
        }), HttpStatusCode.OK);
        Assert.Equal("Statutory", Str(decided, "basisKind"));
        Assert.Equal(item.Code, Str(decided, "catalogItemCode"));
        Assert.Equal(item.Version + 1, decided["catalogItemVersion"]!.GetValue<int>());

        var catalog = await Supervisor.GetJsonAsync($"/api/catalog/items/{item.Code}");
        Assert.Equal(item.Version + 1, catalog["version"]!.GetValue<int>());
        Assert.Equal(designated, Str(catalog, "ownerDepartmentCode"));
        Assert.Equal("Statutory", Str(catalog, "responsibilityBasis"));
        Assert.Equal("依据《城市市容和环境卫生管理条例》第十条", Str(catalog, "basisText"));
        Assert.Equal($"arbitration:{id}", Str(catalog, "source"));
        Assert.Equal(item.Name, Str(catalog, "name"));
        Assert.Equal(item.TimeLimit, Str(catalog, "timeLimit"));
        Assert.Contains((await _driver.CaseAsync(Str(c, "id")))["journal"]!.AsArray(), j => Str(j!, "event") == "CatalogWrittenBack");

        // The next case of the item goes to the new owner by default; the running one keeps its snapshot.
        var next = await _driver.ToHandleAsync(item.Code);
        Assert.Equal(designated, Str(next, "departmentCode"));
        Assert.Equal(item.Version + 1, next["catalog"]!["itemVersion"]!.GetValue<int>());
        Assert.Equal(item.Version, (await _driver.CaseAsync(Str(c, "id")))["catalog"]!["itemVersion"]!.GetValue<int>());
    }
}
