using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.WorkItems;
using GridCase.Host.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>
/// Two writers of one case at the same moment — a timer raising a late work item on one branch, a person
/// completing a late task on the other — on a server database, where nothing queues them: the case's
/// concurrency token makes one of them retry, so both increments land.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCaseRaceTests(PostgreSqlClockedApp app) : IClassFixture<PostgreSqlClockedApp>
{
    private const string Url = "/api/workflow-definitions/case-lifecycle";

    private static JsonObject Task(string id, string stage, string role) => new()
    {
        ["id"] = id, ["type"] = "HumanTask", ["name"] = id,
        ["inputs"] = new JsonObject
        {
            ["stage"] = stage, ["role"] = role, ["scope"] = "District", ["outcomes"] = new JsonArray("Done"),
            ["timeLimit"] = "PT1H", ["calendar"] = "Natural",
        },
    };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    /// <summary>A flow of two parallel one-hour tasks: "a" for acceptors, "b" for dispatchers.</summary>
    private async Task PublishTwoBranchFlowAsync()
    {
        var policy = app.Client("policy");
        var d = (await policy.GetJsonAsync($"{Url}?version=1")).AsObject();
        d["root"]!["activities"] = new JsonArray(
            new JsonObject { ["id"] = "fork", ["type"] = "Fork", ["inputs"] = new JsonObject { ["branches"] = new JsonArray("A", "B") } },
            Task("a", "Accept", "Acceptor"), Task("b", "Dispatch", "Dispatcher"),
            new JsonObject { ["id"] = "join", ["type"] = "Join" },
            new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Unresolved" } });
        d["root"]!["connections"] = new JsonArray(
            Connection("fork", "A", "a"), Connection("fork", "B", "b"),
            Connection("a", "Done", "join"), Connection("b", "Done", "join"), Connection("join", "Done", "end"));
        await ApiClient.ReadAsync(await policy.PutAsync($"{Url}/draft", d), HttpStatusCode.OK);
        await ApiClient.ReadAsync(await policy.PostAsync($"{Url}/publish", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_timer_firing_and_a_completion_racing_on_one_case_both_land()
    {
        await PublishTwoBranchFlowAsync();
        var driver = new CaseDriver(app);
        var cases = new List<JsonNode>();
        for (var i = 0; i < 12; i++) cases.Add(await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, title: $"并行 {i}"));
        var dispatchers = await System.Threading.Tasks.Task.WhenAll(cases.Select(_ => app.Client("dispatcher").SignInAsync()));
        app.FakeClock.Advance(TimeSpan.FromHours(2));

        var races = cases.Select((c, i) =>
        {
            var a = Guid.Parse(CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>());
            var b = CaseDriver.OpenItem(c, "Dispatch")["id"]!.GetValue<string>();
            return System.Threading.Tasks.Task.WhenAll(
                System.Threading.Tasks.Task.Run(async () =>
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SlaTimerJob>().FireAsync(a, SlaState.Overdue, CancellationToken.None);
                }),
                System.Threading.Tasks.Task.Run(async () =>
                    await ApiClient.ReadAsync(await dispatchers[i].CompleteAsync(b, "Done"), HttpStatusCode.OK)));
        });
        await System.Threading.Tasks.Task.WhenAll(races);

        var ids = cases.Select(c => Guid.Parse(c["id"]!.GetValue<string>())).ToList();
        var late = app.Scoped(db => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.LateWorkItems).ToList());
        Assert.All(late, count => Assert.Equal(2, count));
    }
}
