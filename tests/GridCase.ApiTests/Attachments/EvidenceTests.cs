using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;

namespace GridCase.ApiTests.Attachments;

/// <summary>结案标准的证据须来自本轮处置: who uploaded a photo, and in which round of handling, decides whether it counts.</summary>
public sealed class EvidenceTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private string Handler(JsonNode c) => S(CaseDriver.OpenItem(c, "Handle")["candidateUsers"]![0]);

    private async Task UploadAsync(string user, JsonNode c, string kind) =>
        await ApiClient.ReadAsync(await _driver.As(user).UploadPhotoAsync(S(c["id"]), kind), HttpStatusCode.Created);

    private async Task<HttpResponseMessage> CompleteHandleAsync(JsonNode c) =>
        await _driver.As(Handler(c)).CompleteAsync(S(CaseDriver.OpenItem(c, "Handle")["id"]), "Complete", "已处理完毕");

    private static IEnumerable<string> Missing(JsonObject problem) => problem["errors"]!["closureRequirements"]!.AsArray().Select(S);

    /// <summary>An item that asks for an after-photo and no before-photo.</summary>
    private CatalogItem AfterOnly() => app.Scoped(db => db.CatalogItems.Where(i => i.IsCurrent).AsEnumerable()
        .First(i => i.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto) && !i.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)));

    [Fact]
    public async Task An_after_photo_counts_only_from_the_handling_department()
    {
        var c = await _driver.ToHandleAsync(AfterOnly().Code);
        await UploadAsync("acceptor", c, "After");

        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto"], Missing(problem));

        await UploadAsync(Handler(c), c, "After");
        Assert.Equal("Verify", S((await ApiClient.ReadAsync(await CompleteHandleAsync(c), HttpStatusCode.OK))["stage"]));
    }

    [Fact]
    public async Task A_verify_fail_starts_a_new_round_and_the_old_after_photo_no_longer_counts()
    {
        var c = await _driver.ToHandleAsync(AfterOnly().Code);
        await UploadAsync(Handler(c), c, "After");
        c = await ApiClient.ReadAsync(await CompleteHandleAsync(c), HttpStatusCode.OK);
        c = await _driver.CompleteAsync(c, "Verify", "Fail", "现场仍未恢复");

        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto"], Missing(problem));
        await UploadAsync(Handler(c), c, "After");
        await ApiClient.ReadAsync(await CompleteHandleAsync(c), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_second_dispatch_starts_a_new_round_and_a_closed_case_takes_no_upload()
    {
        var c = await _driver.ToHandleAsync(AfterOnly().Code);
        await UploadAsync(Handler(c), c, "After");
        c = await ApiClient.ReadAsync(await CompleteHandleAsync(c), HttpStatusCode.OK);
        c = await _driver.CompleteAsync(c, "Verify", "Pass");
        Assert.Equal("Closed", S(c["status"]));
        await ApiClient.ProblemAsync(await _driver.As("callback").UploadPhotoAsync(S(c["id"]), "Other"), HttpStatusCode.Conflict);

        c = await _driver.CompleteAsync(c, "Evaluate", "Unsatisfied", "问题仍在");
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        Assert.Equal(2, c["dispatchRound"]!.GetValue<int>());
        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto"], Missing(problem));
    }

    [Fact]
    public async Task A_before_photo_counts_from_the_report_or_the_handler_but_not_from_the_acceptor_later()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.BeforePhoto);
        // From the report: uploaded before the case was dispatched.
        var reported = await _driver.Acceptor.ReportAsync(item.Code);
        await UploadAsync("acceptor", reported, "Before");
        reported = await _driver.CompleteAsync(reported, "Accept", "Accept");
        reported = await _driver.CompleteAsync(reported, "Dispatch", "Dispatch");
        await UploadAsync(Handler(reported), reported, "After");
        await ApiClient.ReadAsync(await CompleteHandleAsync(reported), HttpStatusCode.OK);

        // The acceptor adding one while the department handles it is not the report's photo.
        var late = await _driver.ToHandleAsync(item.Code);
        await UploadAsync("acceptor", late, "Before");
        await UploadAsync(Handler(late), late, "After");
        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(late), HttpStatusCode.BadRequest);
        Assert.Equal(["BeforePhoto"], Missing(problem));
        await UploadAsync(Handler(late), late, "Before");
        await ApiClient.ReadAsync(await CompleteHandleAsync(late), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rejected_case_takes_no_upload()
    {
        var c = await _driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await _driver.CompleteAsync(c, "Accept", "Reject", "不属于受理范围");
        var before = app.Scoped(db => db.Attachments.Count());

        await ApiClient.ProblemAsync(await _driver.Acceptor.UploadPhotoAsync(S(c["id"]), "Before"), HttpStatusCode.Conflict);
        Assert.Equal(before, app.Scoped(db => db.Attachments.Count()));
    }
}
