using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Sensors;

/// <summary>AutoDispatch to the grid's duty team: one per subdistrict in the demo org, on a 7×24 calendar, worked by its duty handler.</summary>
public sealed class DutyTeamDispatchTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    /// <summary>Accept → AutoDispatch (to the duty team) → Handle by whoever it was dispatched to, 8 working hours → End.</summary>
    private static JsonObject Flow(JsonObject dispatchInputs, string definitionId = "duty-dispatch") => new()
    {
        ["definitionId"] = definitionId, ["name"] = "值守派遣 / duty dispatch",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "accept", ["type"] = "HumanTask",
                    ["inputs"] = new JsonObject { ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "District", ["outcomes"] = new JsonArray("Accept") },
                },
                new JsonObject { ["id"] = "dispatch", ["type"] = "AutoDispatch", ["inputs"] = dispatchInputs },
                new JsonObject
                {
                    ["id"] = "handle", ["type"] = "HumanTask",
                    ["inputs"] = new JsonObject
                    {
                        ["stage"] = "Handle", ["role"] = "Handler", ["scope"] = "DispatchedDepartment", ["outcomes"] = new JsonArray("Complete"),
                        ["timeLimit"] = "PT8H", ["calendar"] = "Working",
                    },
                },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } }),
            ["connections"] = new JsonArray(Link("accept", "Accept", "dispatch"), Link("dispatch", "Done", "handle"), Link("handle", "Complete", "end")),
        },
    };

    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    [Fact]
    public async Task A_case_goes_to_its_grids_duty_team_whose_handler_works_it_on_a_7x24_calendar()
    {
        var item = TestCatalog.PlainItem(app);
        await TestFlows.BindAsync(app, Flow(new JsonObject { ["to"] = "DutyTeam" }), item.Code);
        var driver = new CaseDriver(app);

        foreach (var (grid, team) in new[] { ("JB0101G01", "JB01DT"), ("JB0301G02", "JB03DT") })
        {
            var @case = await driver.Acceptor.ReportAsync(item.Code, gridCode: grid);
            @case = await driver.CompleteAsync(@case, "Accept", "Accept");
            Assert.Equal(team, @case["departmentCode"]!.GetValue<string>());
            var dispatched = @case["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == "Dispatched")!;
            Assert.Equal(("DutyTeam", team), (dispatched["outcome"]!.GetValue<string>(), dispatched["comment"]!.GetValue<string>()));

            var handle = CaseDriver.OpenItem(@case, "Handle");
            Assert.Equal(team, handle["scopeOrgUnitCode"]!.GetValue<string>());
            Assert.Contains($"duty.{team}", handle["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));
            // Monday 09:00 plus 8 working hours: 17:00 on a 7×24 calendar (the office calendar would say Tuesday 10:00).
            Assert.Equal(ClockedApp.Monday0900.AddHours(8), handle["dueAt"]!.GetValue<DateTimeOffset>());
            Assert.Equal("Done", (await driver.CompleteAsync(@case, "Handle", "Complete"))["stage"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_department_that_the_org_tree_lacks_or_none_at_all_is_refused_on_save()
    {
        foreach (var inputs in new[] { new JsonObject { ["to"] = "Department", ["departmentCode"] = "NOPE" }, new JsonObject { ["to"] = "Department" } })
        {
            var problem = await ApiClient.ProblemAsync(
                await app.Client("policy").PutAsync("/api/workflow-definitions/duty-bad/draft", Flow(inputs, "duty-bad")), HttpStatusCode.BadRequest);
            Assert.Contains("departmentCode", problem.ToJsonString());
        }
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/workflow-definitions/duty-bad/draft",
            Flow(new JsonObject { ["to"] = "Department", ["departmentCode"] = "JB02DT" }, "duty-bad")), HttpStatusCode.OK);
    }
}
