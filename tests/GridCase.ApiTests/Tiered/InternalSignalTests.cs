using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Tiered;

/// <summary>Signals GridCase raises itself: an upload (AttachmentAdded) and a reporter's reply (ReporterReplied) resume a waiting flow once.</summary>
public sealed class InternalSignalTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static string Events(JsonNode c) => string.Join(",", c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()));

    /// <summary>WaitForSignal on <paramref name="signal"/>, then a task for an acceptor: the case stays open after the signal.</summary>
    private static JsonObject Flow(string id, string signal) => new()
    {
        ["definitionId"] = id, ["name"] = id,
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "wait", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = signal } },
                new JsonObject
                {
                    ["id"] = "next", ["type"] = "HumanTask", ["name"] = "后续",
                    ["inputs"] = new JsonObject { ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "District", ["outcomes"] = new JsonArray("Accept") },
                },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } }),
            ["connections"] = new JsonArray(
                new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "Received" },
                    ["target"] = new JsonObject { ["activity"] = "next", ["port"] = "In" },
                },
                new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "TimedOut" },
                    ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
                },
                new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "next", ["port"] = "Accept" },
                    ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
                }),
        },
    };

    private static async Task<string> ReportOnAsync(GridCaseApp app, string flowId, string signal)
    {
        var item = TestCatalog.PlainItem(app).Code;
        await TestFlows.BindAsync(app, Flow(flowId, signal), item);
        var c = await app.Client("acceptor").ReportAsync(item);
        Assert.Equal("Reported,SignalAwaited", Events(c));
        return c["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task An_upload_resumes_a_flow_waiting_for_AttachmentAdded_once_and_later_uploads_are_only_recorded()
    {
        var id = await ReportOnAsync(app, "wait-upload", "AttachmentAdded");
        var acceptor = app.Client("acceptor");

        Assert.Equal(HttpStatusCode.Created, (await acceptor.UploadPhotoAsync(id, "Before")).StatusCode);
        var c = await acceptor.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("Reported,SignalAwaited,AttachmentAdded,SignalReceived,TaskCreated", Events(c));
        Assert.Equal("next", CaseDriver.OpenItem(c, "Accept")["activityId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, (await acceptor.UploadPhotoAsync(id, "Other", Uploads.Png())).StatusCode);
        c = await acceptor.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("Reported,SignalAwaited,AttachmentAdded,SignalReceived,TaskCreated,AttachmentAdded", Events(c));
        Assert.Equal(2, c["attachments"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_reporter_reply_is_journaled_resumes_a_flow_waiting_for_ReporterReplied_once_and_bad_input_writes_nothing()
    {
        var id = await ReportOnAsync(app, "wait-reply", "ReporterReplied");
        var callback = app.Client("callback");
        var url = $"/api/cases/{id}/reporter-replies";

        var problem = await ApiClient.ProblemAsync(await callback.PostAsync(url, new { text = "  " }), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("text"));
        await ApiClient.ProblemAsync(await callback.PostAsync(url, new { text = new string('长', 2001) }), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await app.Client("handler.CGJ").PostAsync(url, new { text = "已解决" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await callback.PostAsync($"/api/cases/{Guid.NewGuid()}/reporter-replies", new { text = "已解决" }), HttpStatusCode.NotFound);
        Assert.Equal("Reported,SignalAwaited", Events(await callback.GetJsonAsync($"/api/cases/{id}")));

        var c = await ApiClient.ReadAsync(await callback.PostAsync(url, new { text = "群众表示楼道已清理干净" }), HttpStatusCode.OK);
        Assert.Equal("Reported,SignalAwaited,ReporterReplied,SignalReceived,TaskCreated", Events(c));
        var reply = c["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == "ReporterReplied")!;
        Assert.Equal(("callback", "群众表示楼道已清理干净"), (reply["actor"]!.GetValue<string>(), reply["comment"]!.GetValue<string>()));

        c = await ApiClient.ReadAsync(await app.Client("acceptor").PostAsync(url, new { text = "又来电补充情况" }), HttpStatusCode.OK);
        Assert.Equal("Reported,SignalAwaited,ReporterReplied,SignalReceived,TaskCreated,ReporterReplied", Events(c));
    }
}
