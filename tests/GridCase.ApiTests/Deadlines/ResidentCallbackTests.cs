using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;

namespace GridCase.ApiTests.Deadlines;

/// <summary>回访: an item whose closure standard needs the resident's answer never ends Done on a default by timeout.</summary>
public sealed class ResidentCallbackTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static string S(JsonNode? node) => node!.GetValue<string>();

    private static int Count(JsonNode c, string @event) => c["journal"]!.AsArray().Count(j => S(j!["event"]) == @event);

    [Fact]
    public async Task A_callback_item_past_its_evaluation_time_waits_on_the_callback_list_for_the_residents_answer()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.ResidentCallback);
        var d = new CaseDriver(app);
        var c = await d.ToHandleAsync(item.Code);
        var handler = S(CaseDriver.OpenItem(c, "Handle")["candidateUsers"]![0]);
        foreach (var kind in new[] { "Before", "After" })
            await ApiClient.ReadAsync(await d.As(handler).UploadPhotoAsync(S(c["id"]), kind), HttpStatusCode.Created);
        c = await d.CompleteAsync(c, "Handle", "Complete", "已处理完毕");
        c = await d.CompleteAsync(c, "Verify", "Pass");
        var caseId = S(c["id"]);
        app.FakeClock.SetUtcNow(CaseDriver.OpenItem(c, "Evaluate")["dueAt"]!.GetValue<DateTimeOffset>().AddSeconds(1));

        await app.SweepAsync();
        await app.SweepAsync();

        d = new CaseDriver(app);
        c = await d.CaseAsync(caseId);
        Assert.Equal("Evaluate", S(c["stage"]));
        Assert.Null(c["satisfaction"]);
        Assert.Equal("Overdue", S(CaseDriver.OpenItem(c, "Evaluate")["sla"]));
        Assert.Equal(1, Count(c, "CallbackRequired"));
        Assert.Contains((await d.As("callback").GetJsonAsync("/api/callbacks")).AsArray(), x => S(x!["caseId"]) == caseId);
        Assert.Contains((await d.As("supervisor").GetJsonAsync("/api/callbacks")).AsArray(), x => S(x!["caseId"]) == caseId);
        await ApiClient.ProblemAsync(await d.As(handler).GetAsync("/api/callbacks"), HttpStatusCode.Forbidden);

        c = await d.CompleteAsync(c, "Evaluate", "BasicallySatisfied");
        Assert.Equal("Done", S(c["stage"]));
        Assert.Equal("BasicallySatisfied", S(c["satisfaction"]));
        Assert.DoesNotContain((await d.As("callback").GetJsonAsync("/api/callbacks")).AsArray(), x => S(x!["caseId"]) == caseId);
    }
}
