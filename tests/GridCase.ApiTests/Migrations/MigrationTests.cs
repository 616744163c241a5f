using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using GridCase.Host.InstanceMigrations;
using GridCase.Host.WorkflowTimers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Migrations;

/// <summary>Moving running cases to a newer version of their flow: a dry run, a real one with an activity map, bad input, races.</summary>
public sealed class MigrationTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly CaseDriver _driver = new(app);

    private static JsonObject Task(string id, string stage, string role, string scope, params string[] outcomes) => new()
    {
        ["id"] = id, ["type"] = "HumanTask", ["name"] = id,
        ["inputs"] = new JsonObject
        {
            ["stage"] = stage, ["role"] = role, ["scope"] = scope, ["timeLimit"] = "P1D",
            ["outcomes"] = new JsonArray([.. outcomes.Select(o => JsonValue.Create(o))]),
        },
    };

    private static JsonObject Node(string id, string type, JsonObject? inputs = null) => new() { ["id"] = id, ["type"] = type, ["inputs"] = inputs ?? [] };

    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static JsonObject Flow(string id, JsonArray activities, JsonArray connections) => new()
    {
        ["definitionId"] = id, ["name"] = id,
        ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
    };

    private static JsonObject Done(string id = "end") => Node(id, "End", new JsonObject { ["result"] = "Done" });

    /// <summary>v1: accept → check (Verify: Pass) → end.</summary>
    private static JsonObject V1(string id) => Flow(id,
        [Task("accept", "Accept", "Acceptor", "District", "Accept"), Task("check", "Verify", "GridWorker", "CaseGrid", "Pass"), Done()],
        [Link("accept", "Accept", "check"), Link("check", "Pass", "end")]);

    /// <summary>v2: accept → check2 (Verify: Pass | Fail) → Pass: confirm (a supervisor) → end; Fail → end.</summary>
    private static JsonObject V2(string id) => Flow(id,
        [
            Task("accept", "Accept", "Acceptor", "District", "Accept"), Task("check2", "Verify", "GridWorker", "CaseGrid", "Pass", "Fail"),
            Task("confirm", "Verify", "Supervisor", "District", "Confirm"), Done(),
        ],
        [Link("accept", "Accept", "check2"), Link("check2", "Pass", "confirm"), Link("check2", "Fail", "end"), Link("confirm", "Confirm", "end")]);

    /// <summary>Each test binds its own flow to the item just before it reports (a PUT replaces the list), so they may share it.</summary>
    private string ItemCode() => TestCatalog.PlainItem(app).Code;

    /// <summary>Two cases on v1 — one still at accept, one at check — then v2 published.</summary>
    private async Task<(string AtAccept, string AtCheck)> TwoCasesOnV1Async(string flowId)
    {
        var code = ItemCode();
        await TestFlows.BindAsync(app, V1(flowId), code);
        var atAccept = await _driver.Acceptor.ReportAsync(code);
        var atCheck = await _driver.CompleteAsync(await _driver.Acceptor.ReportAsync(code), "Accept", "Accept");
        await TestFlows.PublishAsync(app, V2(flowId));
        return (atAccept["id"]!.GetValue<string>(), atCheck["id"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostAsync(string flowId, object body, string user = "policy") =>
        app.Client(user).PostAsync($"/api/workflow-definitions/{flowId}/migrations", body);

    private async Task<JsonNode> CompletedAsync(string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var migration = await app.Client("policy").GetJsonAsync(location);
            if (migration["status"]!.GetValue<string>() == "Completed") return migration;
            await System.Threading.Tasks.Task.Delay(100);
        }
        throw new TimeoutException($"migration {location} did not complete");
    }

    [Fact]
    public async Task A_dry_run_shows_where_each_case_would_stand_and_what_blocks_it_and_changes_nothing()
    {
        var (atAccept, atCheck) = await TwoCasesOnV1Async("mig-dry");
        var journalBefore = app.Scoped(db => db.Journal.Count(j => j.Event == "Migrated"));

        var unmapped = await ApiClient.ReadAsync(await PostAsync("mig-dry", new { fromVersion = 1, toVersion = 2, dryRun = true }), HttpStatusCode.OK);

        Assert.Equal((2, 1, 1), (unmapped["total"]!.GetValue<int>(), unmapped["migratable"]!.GetValue<int>(), unmapped["blocked"]!.GetValue<int>()));
        var instances = unmapped["instances"]!.AsArray();
        var free = instances.Single(i => i!["caseId"]!.GetValue<string>() == atAccept)!;
        Assert.False(free["blocked"]!.GetValue<bool>());
        Assert.Equal("accept", free["to"]![0]!["activityId"]!.GetValue<string>());
        var stuck = instances.Single(i => i!["caseId"]!.GetValue<string>() == atCheck)!;
        Assert.True(stuck["blocked"]!.GetValue<bool>());
        Assert.Equal("check", stuck["from"]![0]!["activityId"]!.GetValue<string>());
        var blocker = Assert.Single(stuck["blockers"]!.AsArray())!;
        Assert.Equal(("check", "ActivityRemoved"), (blocker["activityId"]!.GetValue<string>(), blocker["code"]!.GetValue<string>()));

        var mapped = await ApiClient.ReadAsync(await PostAsync("mig-dry", new { fromVersion = 1, toVersion = 2, activityMap = new { check = "check2" } }), HttpStatusCode.OK);
        Assert.Equal(0, mapped["blocked"]!.GetValue<int>());
        Assert.Equal("check2", mapped["instances"]!.AsArray().Single(i => i!["caseId"]!.GetValue<string>() == atCheck)!["to"]![0]!["activityId"]!.GetValue<string>());

        var otherStage = await ApiClient.ReadAsync(await PostAsync("mig-dry", new { fromVersion = 1, toVersion = 2, activityMap = new { check = "accept" } }), HttpStatusCode.OK);
        var stageBlocker = otherStage["instances"]!.AsArray().Single(i => i!["caseId"]!.GetValue<string>() == atCheck)!["blockers"]!.AsArray();
        Assert.Contains(stageBlocker, b => b!["code"]!.GetValue<string>() is MigrationPlanner.StageChanged or "ActivitiesMerged");

        Assert.Equal(1, (await _driver.CaseAsync(atCheck))["workflow"]!["version"]!.GetValue<int>());
        Assert.Equal(journalBefore, app.Scoped(db => db.Journal.Count(j => j.Event == "Migrated")));
        Assert.Equal(0, app.Scoped(db => db.WorkflowMigrations.Count(m => m.DefinitionId == "mig-dry")));
    }

    [Fact]
    public async Task A_real_run_moves_the_open_work_to_the_mapped_activity_and_the_case_follows_the_new_version()
    {
        var (atAccept, atCheck) = await TwoCasesOnV1Async("mig-run");
        var before = CaseDriver.OpenItem(await _driver.CaseAsync(atCheck), "Verify");

        var response = await PostAsync("mig-run", new { fromVersion = 1, toVersion = 2, activityMap = new { check = "check2" }, dryRun = false });
        var accepted = await ApiClient.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(2, accepted["total"]!.GetValue<int>());
        var migration = await CompletedAsync(response.Headers.Location!.ToString());

        Assert.Equal((2, 0, 0, 0), (migration["migrated"]!.GetValue<int>(), migration["blocked"]!.GetValue<int>(), migration["failed"]!.GetValue<int>(), migration["pending"]!.GetValue<int>()));
        Assert.All(migration["instances"]!["items"]!.AsArray(), i => Assert.Equal("Migrated", i!["outcome"]!.GetValue<string>()));
        var moved = await _driver.CaseAsync(atCheck);
        Assert.Equal(2, moved["workflow"]!["version"]!.GetValue<int>());
        var item = CaseDriver.OpenItem(moved, "Verify");
        Assert.Equal(before["id"]!.GetValue<string>(), item["id"]!.GetValue<string>());
        Assert.Equal("check2", item["activityId"]!.GetValue<string>());
        Assert.Equal(["Pass", "Fail"], item["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(before["dueAt"]!.GetValue<DateTimeOffset>(), item["dueAt"]!.GetValue<DateTimeOffset>());
        var journal = moved["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == "Migrated")!;
        Assert.StartsWith("流程版本迁移 v1 → v2", journal["comment"]!.GetValue<string>());
        Assert.Equal("policy", journal["actor"]!.GetValue<string>());
        Assert.Equal(1, moved["journal"]!.AsArray().Count(j => j!["event"]!.GetValue<string>() == "TaskCompleted"));

        var passed = await _driver.CompleteAsync(moved, "Verify", "Pass");
        var confirm = CaseDriver.OpenItem(passed, "Verify");
        Assert.Equal(("confirm", "Supervisor"), (confirm["activityId"]!.GetValue<string>(), confirm["role"]!.GetValue<string>()));

        var accepted2 = await _driver.CompleteAsync(await _driver.CaseAsync(atAccept), "Accept", "Accept");
        Assert.Equal("check2", CaseDriver.OpenItem(accepted2, "Verify")["activityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_timer_moved_to_the_new_version_keeps_its_due_instant_and_resumes_there()
    {
        var code = ItemCode();
        var wait = new JsonObject { ["duration"] = "PT2H" };
        await TestFlows.BindAsync(app, Flow("mig-timer",
            [Task("accept", "Accept", "Acceptor", "District", "Accept"), Node("wait", "Timer", wait), Done()],
            [Link("accept", "Accept", "wait"), Link("wait", "Done", "end")]), code);
        var c = await _driver.CompleteAsync(await _driver.Acceptor.ReportAsync(code), "Accept", "Accept");
        var caseId = Guid.Parse(c["id"]!.GetValue<string>());
        var due = app.Scoped(db => db.WorkflowTimers.AsNoTracking().Single(t => t.CaseId == caseId).DueAt);
        await TestFlows.PublishAsync(app, Flow("mig-timer",
            [
                Task("accept", "Accept", "Acceptor", "District", "Accept"), Node("wait2", "Timer", new JsonObject { ["duration"] = "PT10H" }),
                Task("check", "Verify", "GridWorker", "CaseGrid", "Pass"), Done(),
            ],
            [Link("accept", "Accept", "wait2"), Link("wait2", "Done", "check"), Link("check", "Pass", "end")]));

        var response = await PostAsync("mig-timer", new { fromVersion = 1, toVersion = 2, activityMap = new { wait = "wait2" }, dryRun = false });
        await CompletedAsync((await ApiClient.ReadAsync(response, HttpStatusCode.Accepted))["id"] is { } id ? $"/api/workflow-definitions/mig-timer/migrations/{id}" : "");

        var timer = app.Scoped(db => db.WorkflowTimers.AsNoTracking().Single(t => t.CaseId == caseId));
        Assert.Equal(("wait2", due, (DateTimeOffset?)null), (timer.ActivityId, timer.DueAt, timer.FiredAt));
        app.FakeClock.SetUtcNow(due.AddSeconds(1));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowTimerSweep>().RunAsync(CancellationToken.None);

        var after = await _driver.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal("check", CaseDriver.OpenItem(after, "Verify")["activityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_writes_nothing()
    {
        var (_, atCheck) = await TwoCasesOnV1Async("mig-bad");
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/workflow-definitions/mig-bad/draft", V2("mig-bad")), HttpStatusCode.OK);

        var missing = await ApiClient.ProblemAsync(await PostAsync("mig-bad", new { dryRun = false }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["fromVersion"]);
        Assert.NotNull(missing["errors"]!["toVersion"]);

        var wrong = await ApiClient.ProblemAsync(await PostAsync("mig-bad", new { fromVersion = 9, toVersion = 3, dryRun = false }), HttpStatusCode.BadRequest);
        Assert.Contains("v9", wrong["errors"]!["fromVersion"]![0]!.GetValue<string>());
        Assert.Contains("v3", wrong["errors"]!["toVersion"]![0]!.GetValue<string>());

        var same = await ApiClient.ProblemAsync(await PostAsync("mig-bad", new { fromVersion = 1, toVersion = 1, dryRun = false }), HttpStatusCode.BadRequest);
        Assert.NotNull(same["errors"]!["toVersion"]);

        var badMap = await ApiClient.ProblemAsync(await PostAsync("mig-bad", new
        {
            fromVersion = 1, toVersion = 2, dryRun = false,
            activityMap = new Dictionary<string, string> { ["nowhere"] = "check2", ["check"] = "gone" },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("nowhere", badMap["errors"]!["activityMap.nowhere"]![0]!.GetValue<string>());
        Assert.Contains("gone", badMap["errors"]!["activityMap.check"]![0]!.GetValue<string>());

        var policy = await app.Client("policy").SignInAsync();
        foreach (var empty in new[] { "", "null" })
        {
            var noBody = await policy.Http.PostAsync("/api/workflow-definitions/mig-bad/migrations", new StringContent(empty, System.Text.Encoding.UTF8, "application/json"));
            Assert.NotNull((await ApiClient.ProblemAsync(noBody, HttpStatusCode.BadRequest))["errors"]!["body"]);
        }
        await ApiClient.ProblemAsync(await PostAsync("no-such-flow", new { fromVersion = 1, toVersion = 2 }), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await PostAsync("mig-bad", new { fromVersion = 1, toVersion = 2 }, user: "acceptor"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await app.Client("policy").GetAsync($"/api/workflow-definitions/mig-bad/migrations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        Assert.Equal(0, app.Scoped(db => db.WorkflowMigrations.Count(m => m.DefinitionId == "mig-bad")));
        Assert.Equal(1, (await _driver.CaseAsync(atCheck))["workflow"]!["version"]!.GetValue<int>());
    }

    /// <summary>Pending entries for the cases, as a real run records them, without the job that would work them off.</summary>
    private List<long> Pending(string flowId, params string[] caseIds) => app.Scoped(db =>
    {
        var migration = WorkflowMigration.Start(flowId, 1, 2, """{"check":"check2"}""", "policy", app.FakeClock.GetUtcNow());
        db.Add(migration);
        var entries = caseIds.Select(Guid.Parse).Select(id =>
            WorkflowMigrationEntry.Pending(migration.Id, db.WorkflowInstances.Single(i => i.CorrelationId == id).Id, id)).ToList();
        db.AddRange(entries);
        db.SaveChanges();
        return entries.Select(e => e.Id).ToList();
    });

    private async Task<MigrationOutcome> MigrateAsync(long entryId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InstanceMigrator>().MigrateAsync(entryId, CancellationToken.None);
    }

    [Fact]
    public async Task An_instance_that_moved_or_ended_meanwhile_is_reported_as_failed_and_left_as_it_is()
    {
        var (atAccept, atCheck) = await TwoCasesOnV1Async("mig-stale");
        var first = Pending("mig-stale", atCheck);
        var second = Pending("mig-stale", atCheck, atAccept);
        await _driver.As("admin").PostAsync($"/api/cases/{atAccept}/cancel", new { reason = "重复上报" });

        Assert.Equal(MigrationOutcome.Migrated, await MigrateAsync(first[0]));
        Assert.Equal(MigrationOutcome.Failed, await MigrateAsync(second[0]));
        Assert.Equal(MigrationOutcome.Failed, await MigrateAsync(second[1]));
        Assert.Equal(MigrationOutcome.Migrated, await MigrateAsync(first[0]));

        var reasons = app.Scoped(db => db.WorkflowMigrationEntries.AsNoTracking().Where(e => second.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Reason).ToList());
        Assert.Contains("no longer on v1", reasons[0]);
        Assert.Contains("Cancelled", reasons[1]);
        var moved = await _driver.CaseAsync(atCheck);
        Assert.Equal(2, moved["workflow"]!["version"]!.GetValue<int>());
        Assert.Single(moved["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "Migrated");
    }

    [Fact]
    public async Task A_completion_racing_the_move_lands_on_one_version_or_the_other_never_half_moved()
    {
        for (var round = 0; round < 5; round++)
        {
            var (_, atCheck) = await TwoCasesOnV1Async($"mig-race{round}");
            var entry = Pending($"mig-race{round}", atCheck)[0];
            var c = await _driver.CaseAsync(atCheck);
            var item = CaseDriver.OpenItem(c, "Verify")["id"]!.GetValue<string>();

            var move = MigrateAsync(entry);
            var complete = _driver.As("grid.JB0101G01").CompleteAsync(item, "Pass");
            var (outcome, completed) = (await move, await complete);

            var after = await _driver.CaseAsync(atCheck);
            var version = after["workflow"]!["version"]!.GetValue<int>();
            var open = after["openWorkItems"]!.AsArray();
            if (outcome == MigrationOutcome.Migrated)
            {
                Assert.Equal(2, version);
                if (completed.IsSuccessStatusCode)
                    Assert.Equal("confirm", Assert.Single(open)!["activityId"]!.GetValue<string>());
                else
                    Assert.Equal("check2", Assert.Single(open)!["activityId"]!.GetValue<string>());
            }
            else
            {
                Assert.Equal(MigrationOutcome.Failed, outcome);
                Assert.True(completed.IsSuccessStatusCode);
                Assert.Equal((1, "Finished"), (version, after["workflow"]!["status"]!.GetValue<string>()));
                Assert.Empty(open);
            }
        }
    }
}
