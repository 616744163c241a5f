using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Host.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Notifications;

/// <summary>Notify writes to the outbox with the step; delivery is retried after failures and survives a restart.</summary>
public sealed class NotifyTests
{
    /// <summary>Accept → Notify the dispatcher and the reporter → End.</summary>
    private static JsonObject Flow(string definitionId)
    {
        var flow = TestFlows.QuickFix(definitionId);
        var root = flow["root"]!;
        root["activities"]!.AsArray().Insert(1, new JsonObject
        {
            ["id"] = "tell", ["type"] = "Notify", ["name"] = "通知派遣员",
            ["inputs"] = new JsonObject
            {
                ["users"] = new JsonArray("dispatcher"), ["toReporter"] = true, ["title"] = "新案件待派遣",
                ["message"] = TestFlows.Expression("'案件 ' + $case.number + ' 已受理，请派遣'"),
            },
        });
        root["connections"]!.AsArray().Single(c => c!["source"]!["activity"]!.GetValue<string>() == "accept")!["target"]!["activity"] = "tell";
        root["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "tell", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "dispatch", ["port"] = "In" },
        });
        return flow;
    }

    private static async Task<JsonNode> AcceptedCaseAsync(GridCaseApp app)
    {
        var item = TestCatalog.PlainItem(app);
        await TestFlows.BindAsync(app, Flow("notify-dispatcher"), item.Code);
        var driver = new CaseDriver(app);
        return await driver.CompleteAsync(await driver.Acceptor.ReportAsync(item.Code), "Accept", "Accept");
    }

    /// <summary>Waits (bounded) until every notification of the case is delivered, and returns them.</summary>
    private static async Task<List<Notification>> DeliveredAsync(GridCaseApp app, string caseId)
    {
        var id = Guid.Parse(caseId);
        for (var i = 0; i < 180; i++)
        {
            var rows = app.Scoped(db => db.Notifications.AsNoTracking().Where(n => n.CaseId == id).ToList());
            if (rows.Count > 0 && rows.All(n => n.DeliveredAt is not null)) return rows;
            await Task.Delay(500);
        }
        Assert.Fail("the notifications were not delivered within 90 s");
        return [];
    }

    [Fact]
    public async Task A_notification_is_in_the_users_list_at_once_and_its_delivery_is_retried_after_the_gateway_fails()
    {
        using var app = NotifyingApp.Failing(2);
        var c = await AcceptedCaseAsync(app);
        var caseId = c["id"]!.GetValue<string>();
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "Notified");

        var dispatcher = app.Client("dispatcher");
        var list = await dispatcher.GetJsonAsync("/api/notifications");
        Assert.Equal((1, 1), (list["total"]!.GetValue<int>(), list["unread"]!.GetValue<int>()));
        var mine = list["items"]![0]!;
        Assert.Equal(("新案件待派遣", $"案件 {c["number"]!.GetValue<string>()} 已受理，请派遣"),
            (mine["title"]!.GetValue<string>(), mine["message"]!.GetValue<string>()));

        var rows = await DeliveredAsync(app, caseId);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, n => n.UserName is null && n.Phone == "13800000000");
        Assert.All(rows, n => Assert.Equal(3, n.Attempts));
        Assert.All(rows, n => Assert.Equal(3, app.Sender.Attempts[n.Id]));
        Assert.Equal(2, app.Sender.Sent.Count);

        var notificationId = mine["id"]!.GetValue<string>();
        await ApiClient.ProblemAsync(await app.Client("acceptor").PostAsync($"/api/notifications/{notificationId}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await dispatcher.PostAsync($"/api/notifications/{notificationId}/read", null)).StatusCode);
        list = await dispatcher.GetJsonAsync("/api/notifications");
        Assert.Equal((1, 0), (list["total"]!.GetValue<int>(), list["unread"]!.GetValue<int>()));
        Assert.True(list["items"]![0]!["read"]!.GetValue<bool>());
        Assert.Equal(0, (await app.Client("acceptor").GetJsonAsync("/api/notifications"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_notification_not_yet_delivered_when_the_host_stops_is_delivered_after_the_restart()
    {
        var first = NotifyingApp.Failing(int.MaxValue);
        first.KeepData = true;
        string caseId;
        using (first)
        {
            caseId = (await AcceptedCaseAsync(first))["id"]!.GetValue<string>();
            Assert.All(first.Scoped(db => db.Notifications.AsNoTracking().ToList()), n => Assert.Null(n.DeliveredAt));
            Assert.Empty(first.Sender.Sent);
        }

        using var restarted = NotifyingApp.RestartWorking(first);
        var rows = await DeliveredAsync(restarted, caseId);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, restarted.Sender.Sent.Count);
        Assert.Equal(1, (await restarted.Client("dispatcher").GetJsonAsync("/api/notifications"))["unread"]!.GetValue<int>());
    }
}
