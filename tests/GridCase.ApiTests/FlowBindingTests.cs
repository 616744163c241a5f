using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests;

/// <summary>Flow bindings choose the flow a new case runs; the most specific rule wins, case-lifecycle is the default.</summary>
public sealed class FlowBindingTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const string Url = "/api/flow-bindings";

    [Fact]
    public async Task A_flow_bound_to_a_category_runs_for_that_category_only_and_an_item_rule_beats_it()
    {
        await TestFlows.PublishAsync(app, TestFlows.QuickFix("quick-fix"));
        var plain = TestCatalog.PlainItem(app);
        var (sameCategory, otherCategory) = app.Scoped(db =>
        {
            var items = db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent).OrderBy(i => i.Code).ToList();
            return (items.First(i => i.CategoryCode == plain.CategoryCode && i.Code != plain.Code).Code,
                    items.First(i => i.CategoryCode != plain.CategoryCode).Code);
        });
        var bindings = new object[]
        {
            new { categoryCode = plain.CategoryCode, definitionId = "quick-fix" },
            new { itemCode = sameCategory, definitionId = "case-lifecycle" },
        };
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync(Url, bindings), HttpStatusCode.OK);

        var driver = new CaseDriver(app);
        var bound = await driver.Acceptor.ReportAsync(plain.Code);
        Assert.Equal("quick-fix", bound["workflow"]!["definitionId"]!.GetValue<string>());
        Assert.Equal(1, bound["workflow"]!["version"]!.GetValue<int>());
        bound = await driver.CompleteAsync(bound, "Accept", "Accept");
        Assert.Equal("Done", bound["stage"]!.GetValue<string>());
        Assert.Equal(plain.OwnerDepartmentCode, bound["departmentCode"]!.GetValue<string>());
        Assert.Equal(["Reported", "TaskCreated", "TaskCompleted", "Dispatched", "Finished"],
            bound["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()));

        foreach (var itemCode in new[] { sameCategory, otherCategory, null })
        {
            var other = await driver.Acceptor.ReportAsync(itemCode);
            Assert.Equal("case-lifecycle", other["workflow"]!["definitionId"]!.GetValue<string>());
            Assert.Equal("accept", CaseDriver.OpenItem(other, "Accept")["activityId"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Bindings_are_validated_whole_changed_by_policy_admins_only_and_audited()
    {
        var draftOnly = TestFlows.QuickFix("draft-only");
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/workflow-definitions/draft-only/draft", draftOnly), HttpStatusCode.OK);
        var before = await app.Client("acceptor").GetJsonAsync(Url);

        var problem = await ApiClient.ProblemAsync(await app.Client("policy").PutAsync(Url, new object[]
        {
            new { channel = "Fax", categoryCode = "99", itemCode = "99.999", definitionId = "no-such-flow" },
            new { channel = "Sensor", definitionId = "draft-only" },
            new { definitionId = "case-lifecycle" },
        }), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "bindings[0].channel", "bindings[0].categoryCode", "bindings[0].itemCode", "bindings[0].definitionId", "bindings[1].definitionId", "bindings[2]" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        Assert.Equal(before.ToJsonString(), (await app.Client("acceptor").GetJsonAsync(Url)).ToJsonString());

        var channelRule = new object[] { new { channel = "Sensor", definitionId = "case-lifecycle" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("dispatcher").PutAsync(Url, channelRule)).StatusCode);
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync(Url, channelRule), HttpStatusCode.OK);

        var listed = (await app.Client("acceptor").GetJsonAsync(Url)).AsArray();
        Assert.Contains(listed, b => b!["channel"]?.GetValue<string>() == "Sensor" && b["categoryCode"] is null);
        var audit = (await app.Client("policy").GetJsonAsync($"{Url}/audit")).AsArray();
        var latest = audit[0]!;
        Assert.Equal("policy", latest["changedBy"]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), latest["before"]!.ToJsonString());
        Assert.Equal(listed.ToJsonString(), latest["after"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("acceptor").GetAsync($"{Url}/audit")).StatusCode);
    }

    [Fact]
    public async Task A_missing_list_is_a_400_that_changes_nothing_and_an_explicit_empty_list_clears_the_bindings()
    {
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync(Url, new object[] { new { channel = "Sensor", definitionId = "case-lifecycle" } }), HttpStatusCode.OK);
        var before = (await app.Client("acceptor").GetJsonAsync(Url)).ToJsonString();
        var audited = (await app.Client("policy").GetJsonAsync($"{Url}/audit")).AsArray().Count;
        var policy = await app.Client("policy").SignInAsync();

        foreach (var body in new[] { "", "null" })
        {
            var response = await policy.Http.PutAsync(Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.NotNull((await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!["bindings"]);
        }
        Assert.Equal(before, (await app.Client("acceptor").GetJsonAsync(Url)).ToJsonString());
        Assert.Equal(audited, (await app.Client("policy").GetJsonAsync($"{Url}/audit")).AsArray().Count);

        await ApiClient.ReadAsync(await policy.PutAsync(Url, Array.Empty<object>()), HttpStatusCode.OK);
        Assert.Empty((await app.Client("acceptor").GetJsonAsync(Url)).AsArray());
    }
}
