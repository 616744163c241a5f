using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Catalog;

/// <summary>Reading and editing the item catalog through HTTP; each provider runs these in a subclass.</summary>
public abstract class CatalogApiTests(GridCaseApp app)
{
    private readonly ApiClient _policy = app.Client("policy");
    private readonly ApiClient _acceptor = app.Client("acceptor");

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private async Task<JsonObject> ItemAsync(string code) => (await _acceptor.GetJsonAsync($"/api/catalog/items/{code}")).AsObject();

    private int Versions(string code) => app.Scoped(db => db.CatalogItems.AsNoTracking().Count(i => i.Code == code));

    private static JsonObject NewItem(string code, string name, string category = "03") => new()
    {
        ["code"] = code, ["name"] = name, ["categoryCode"] = category, ["filingCondition"] = "人行道上出现共享单车成片倒伏，影响通行",
        ["closureStandard"] = "车辆扶正并归位停放，通道畅通", ["closureRequirements"] = new JsonArray("AfterPhoto"),
        ["timeLimit"] = "PT4H", ["calendar"] = "Working", ["urgency"] = "Normal", ["ownerDepartmentCode"] = "CGJ",
        ["coHandlerDepartmentCodes"] = new JsonArray("JTYSJ"), ["responsibilityBasis"] = "Agreed",
        ["basisText"] = "区互联网租赁自行车管理协议", ["keywords"] = new JsonArray("共享单车", "倒了一片", "挡路"),
    };

    [Fact]
    public async Task The_shipped_catalog_lists_20_categories_and_828_items()
    {
        var categories = (await _acceptor.GetJsonAsync("/api/catalog/categories")).AsArray();
        Assert.Equal(20, categories.Count);
        Assert.Equal("01", S(categories[0]!["code"]));
        Assert.Equal("公用设施", S(categories[0]!["name"]));
        Assert.True(categories.Sum(c => c!["itemCount"]!.GetValue<int>()) >= 828);

        var page = await _acceptor.GetJsonAsync("/api/catalog/items?categoryCode=01&page=2&pageSize=10");
        Assert.Equal(categories[0]!["itemCount"]!.GetValue<int>(), page["total"]!.GetValue<int>());
        var items = page["items"]!.AsArray();
        Assert.Equal(10, items.Count);
        Assert.Equal("01.011", S(items[0]!["code"]));
        Assert.All(items, i => Assert.Equal("01", S(i!["categoryCode"])));
    }

    [Fact]
    public async Task An_item_shows_every_field_of_its_current_version()
    {
        var item = await ItemAsync("01.001");
        Assert.Equal("井盖缺失（主干道）", S(item["name"]));
        Assert.Equal("PT2H", S(item["timeLimit"]));
        Assert.Equal("Natural", S(item["calendar"]));
        Assert.Equal("Critical", S(item["urgency"]));
        Assert.Equal("CGJ", S(item["ownerDepartmentCode"]));
        Assert.Equal(["SWJ"], item["coHandlerDepartmentCodes"]!.AsArray().Select(S));
        Assert.Equal(["BeforePhoto", "AfterPhoto", "VerificationPass"], item["closureRequirements"]!.AsArray().Select(S));
        Assert.Equal("Statutory", S(item["responsibilityBasis"]));
        Assert.Contains("井盖", item["keywords"]!.AsArray().Select(S));
        Assert.Equal(1, item["version"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(S(item["filingCondition"])));
        Assert.False(string.IsNullOrEmpty(S(item["closureStandard"])));
    }

    [Fact]
    public async Task The_text_filter_matches_code_name_and_keywords()
    {
        var byKeyword = await _acceptor.GetJsonAsync($"/api/catalog/items?q={Uri.EscapeDataString("没盖子")}&pageSize=200");
        Assert.Contains(byKeyword["items"]!.AsArray(), i => S(i!["code"]) == "01.001");
        Assert.DoesNotContain(byKeyword["items"]!.AsArray(), i => !S(i!["name"]).Contains("井") && !i!["keywords"]!.AsArray().Select(S).Any(k => k.Contains("没盖子")));

        var byName = await _acceptor.GetJsonAsync($"/api/catalog/items?q={Uri.EscapeDataString("井盖缺失")}&pageSize=200");
        Assert.All(byName["items"]!.AsArray(), i => Assert.Contains("井盖", S(i!["name"]) + string.Join("", i!["keywords"]!.AsArray().Select(S))));
        Assert.True(byName["total"]!.GetValue<int>() >= 4);

        var byCode = await _acceptor.GetJsonAsync("/api/catalog/items?q=03.017");
        Assert.Equal("03.017", S(byCode["items"]![0]!["code"]));

        var none = await _acceptor.GetJsonAsync($"/api/catalog/items?q={Uri.EscapeDataString("不存在的东西xyz")}");
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_text_filter_compares_ordinally_and_takes_wildcards_literally_on_every_provider()
    {
        // SQLite's instr and PostgreSQL's LIKE must agree: exact case, and no pattern characters.
        var upper = await _acceptor.GetJsonAsync("/api/catalog/items?q=KTV&pageSize=200");
        Assert.True(upper["total"]!.GetValue<int>() >= 3);
        Assert.All(upper["items"]!.AsArray(), i => Assert.Contains("KTV", S(i!["name"]) + string.Join("", i!["keywords"]!.AsArray().Select(S))));
        Assert.Equal(0, (await _acceptor.GetJsonAsync("/api/catalog/items?q=ktv"))["total"]!.GetValue<int>());
        foreach (var pattern in new[] { "%", "_", "01_001", "01%" })
            Assert.Equal(0, (await _acceptor.GetJsonAsync($"/api/catalog/items?q={Uri.EscapeDataString(pattern)}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_paging_and_unknown_items_are_answered_with_problems()
    {
        var problem = await ApiClient.ProblemAsync(await _acceptor.GetAsync("/api/catalog/items?page=0&pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["page"]);
        Assert.NotNull(problem["errors"]!["pageSize"]);
        await ApiClient.ProblemAsync(await _acceptor.GetAsync("/api/catalog/items/99.999"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _policy.PutAsync("/api/catalog/items/99.999", NewItem("99.999", "不存在")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_policy_admins_and_admins_edit_the_catalog()
    {
        var body = NewItem("03.901", "共享单车成片倒伏");
        foreach (var user in new[] { "acceptor", "dispatcher", "handler.CGJ", "grid.JB0101G01", "supervisor" })
        {
            var client = app.Client(user);
            await ApiClient.ProblemAsync(await client.PostAsync("/api/catalog/items", body), HttpStatusCode.Forbidden);
            await ApiClient.ProblemAsync(await client.PutAsync("/api/catalog/items/03.017", await ItemAsync("03.017")), HttpStatusCode.Forbidden);
        }
        await ApiClient.ProblemAsync(await _acceptor.GetAsync("/api/catalog/items/03.901"), HttpStatusCode.NotFound);
        Assert.Equal(1, Versions("03.017"));

        var created = await ApiClient.ReadAsync(await app.Client("admin").PostAsync("/api/catalog/items", body), HttpStatusCode.Created);
        Assert.Equal(1, created["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_item_is_created_as_version_1_and_listed()
    {
        var response = await _policy.PostAsync("/api/catalog/items", NewItem("03.902", "共享单车围栏外乱停"));
        var created = await ApiClient.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/catalog/items/03.902", response.Headers.Location!.OriginalString);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal(["AfterPhoto"], created["closureRequirements"]!.AsArray().Select(S));
        Assert.Equal("共享单车围栏外乱停", S((await ItemAsync("03.902"))["name"]));
        var list = await _acceptor.GetJsonAsync("/api/catalog/items?categoryCode=03&q=03.902");
        Assert.Equal(1, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_written()
    {
        var bad = new JsonObject
        {
            ["code"] = "03.903", ["name"] = " ", ["categoryCode"] = "99", ["closureStandard"] = "",
            ["closureRequirements"] = new JsonArray("AfterPhoto", "Selfie"), ["timeLimit"] = "P1M", ["calendar"] = "Lunar",
            ["urgency"] = "1", ["ownerDepartmentCode"] = "JB0101G01", ["coHandlerDepartmentCodes"] = new JsonArray("NOPE"),
            ["responsibilityBasis"] = "Guessed", ["keywords"] = new JsonArray("a;b"),
        };
        var problem = await ApiClient.ProblemAsync(await _policy.PostAsync("/api/catalog/items", bad), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "name", "categoryCode", "closureStandard", "closureRequirements", "timeLimit", "calendar", "urgency",
                     "ownerDepartmentCode", "coHandlerDepartmentCodes", "responsibilityBasis", "keywords" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {problem}");
        Assert.Contains("Selfie", S(errors["closureRequirements"]![0]));
        Assert.Contains("P1M", S(errors["timeLimit"]![0]));
        Assert.DoesNotContain("code", errors.Select(e => e.Key));
        Assert.Equal(0, Versions("03.903"));

        foreach (var limit in new[] { "5H", "PT0H", "P1Y", "pt5h", "PT-1H", "P1.5D" })
        {
            var body = NewItem("03.904", "共享单车堆放占道");
            body["timeLimit"] = limit;
            var p = await ApiClient.ProblemAsync(await _policy.PostAsync("/api/catalog/items", body), HttpStatusCode.BadRequest);
            Assert.NotNull(p["errors"]!["timeLimit"]);
        }
        Assert.Equal(0, Versions("03.904"));
    }

    [Fact]
    public async Task Duplicate_codes_names_and_owner_as_co_handler_are_refused()
    {
        var existing = await ItemAsync("03.001");
        var sameCode = NewItem("03.001", "完全不同的名字");
        var problem = await ApiClient.ProblemAsync(await _policy.PostAsync("/api/catalog/items", sameCode), HttpStatusCode.BadRequest);
        Assert.Contains("03.001", S(problem["errors"]!["code"]![0]));

        var sameName = NewItem("03.905", S(existing["name"]));
        problem = await ApiClient.ProblemAsync(await _policy.PostAsync("/api/catalog/items", sameName), HttpStatusCode.BadRequest);
        Assert.Contains("03.001", S(problem["errors"]!["name"]![0]));
        // The same name in another category is a different item.
        Assert.Equal(HttpStatusCode.Created, (await _policy.PostAsync("/api/catalog/items", NewItem("05.905", S(existing["name"]), "05"))).StatusCode);

        var ownerTwice = NewItem("03.906", "共享单车占用盲道");
        ownerTwice["coHandlerDepartmentCodes"] = new JsonArray("CGJ");
        problem = await ApiClient.ProblemAsync(await _policy.PostAsync("/api/catalog/items", ownerTwice), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["coHandlerDepartmentCodes"]);

        var renamed = await ItemAsync("03.002");
        renamed["name"] = existing["name"]!.DeepClone();
        problem = await ApiClient.ProblemAsync(await _policy.PutAsync("/api/catalog/items/03.002", renamed), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.Equal(1, Versions("03.002"));

        var recoded = await ItemAsync("03.002");
        recoded["code"] = "03.999";
        problem = await ApiClient.ProblemAsync(await _policy.PutAsync("/api/catalog/items/03.002", recoded), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["code"]);
    }

    [Fact]
    public async Task An_edit_writes_the_next_version_and_keeps_the_old_row()
    {
        var item = await ItemAsync("03.010");
        item["timeLimit"] = "P2D";
        item["ownerDepartmentCode"] = "ZJJ";
        item["coHandlerDepartmentCodes"] = new JsonArray();
        var saved = await ApiClient.ReadAsync(await _policy.PutAsync("/api/catalog/items/03.010", item), HttpStatusCode.OK);
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.Equal("P2D", S(saved["timeLimit"]));

        var current = await ItemAsync("03.010");
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal("ZJJ", S(current["ownerDepartmentCode"]));
        var rows = app.Scoped(db => db.CatalogItems.AsNoTracking().Where(i => i.Code == "03.010").OrderBy(i => i.Version).ToList());
        Assert.Equal([1, 2], rows.Select(r => r.Version));
        Assert.Equal([false, true], rows.Select(r => r.IsCurrent));
        Assert.NotEqual("P2D", rows[0].TimeLimit);

        // Saving the same content again adds no version.
        var again = await ApiClient.ReadAsync(await _policy.PutAsync("/api/catalog/items/03.010", current), HttpStatusCode.OK);
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.Equal(2, Versions("03.010"));
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_refused_with_409()
    {
        var first = await ItemAsync("03.011");
        var second = first.DeepClone().AsObject();
        first["timeLimit"] = "PT6H";
        second["timeLimit"] = "PT8H";
        Assert.Equal(HttpStatusCode.OK, (await _policy.PutAsync("/api/catalog/items/03.011", first)).StatusCode);
        var problem = await ApiClient.ProblemAsync(await app.Client("admin").PutAsync("/api/catalog/items/03.011", second), HttpStatusCode.Conflict);
        Assert.Contains("v2", S(problem["title"]));
        Assert.Equal("PT6H", S((await ItemAsync("03.011"))["timeLimit"]));
        Assert.Equal(2, Versions("03.011"));
    }

    [Fact]
    public async Task Concurrent_edits_of_one_item_do_not_both_win()
    {
        for (var round = 0; round < 3; round++)
        {
            var baseline = await ItemAsync("03.012");
            var edits = Enumerable.Range(0, 4).Select(n =>
            {
                var body = baseline.DeepClone().AsObject();
                body["timeLimit"] = $"PT{10 + round * 4 + n}H";
                return body;
            }).ToList();
            var clients = new[] { "policy", "admin", "policy", "admin" }.Select(app.Client).ToList();
            foreach (var client in clients) await client.SignInAsync();

            var responses = await Task.WhenAll(edits.Select((body, n) => clients[n].PutAsync("/api/catalog/items/03.012", body)));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var version = baseline["version"]!.GetValue<int>() + 1;
            Assert.Equal(version, (await ItemAsync("03.012"))["version"]!.GetValue<int>());
            Assert.Equal(version, Versions("03.012"));
            Assert.Equal(1, app.Scoped(db => db.CatalogItems.Count(i => i.Code == "03.012" && i.IsCurrent)));
        }
    }
}

public sealed class SqliteCatalogApiTests(GridCaseApp app) : CatalogApiTests(app), IClassFixture<GridCaseApp>;
