using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;

namespace GridCase.ApiTests.Attachments;

/// <summary>The closure standard of the case's catalog snapshot is enforced when handling is completed and at closing.</summary>
public sealed class ClosureStandardTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private Task<JsonNode> HandlingAsync(CatalogItem item) => _driver.ToHandleAsync(item.Code);

    private async Task<HttpResponseMessage> CompleteHandleAsync(JsonNode c, string? comment)
    {
        var handle = CaseDriver.OpenItem(c, "Handle");
        return await _driver.As(S(handle["candidateUsers"]![0])).CompleteAsync(S(handle["id"]), "Complete", comment);
    }

    private static IEnumerable<string> Missing(JsonObject problem) => problem["errors"]!["closureRequirements"]!.AsArray().Select(S);

    private async Task UploadAsync(JsonNode c, string kind) =>
        await ApiClient.ReadAsync(await _driver.As(S(CaseDriver.OpenItem(c, "Handle")["candidateUsers"]![0])).UploadPhotoAsync(S(c["id"]), kind), HttpStatusCode.Created);

    [Fact]
    public async Task Handling_without_the_required_after_photo_is_refused_and_changes_nothing()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.AfterPhoto);
        var c = await HandlingAsync(item);
        var caseId = S(c["id"]);
        if (item.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)) await UploadAsync(c, "Before");
        // An "Other" photo is not an after-photo.
        await UploadAsync(c, "Other");
        var before = await _driver.CaseAsync(caseId);

        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c, "已处理完毕"), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto"], Missing(problem));
        Assert.Contains("AfterPhoto", S(problem["title"]));
        var after = await _driver.CaseAsync(caseId);
        Assert.Equal(Snapshots.Stable(before), Snapshots.Stable(after));

        await UploadAsync(c, "After");
        var done = await ApiClient.ReadAsync(await CompleteHandleAsync(c, "已处理完毕"), HttpStatusCode.OK);
        Assert.Equal("Verify", S(done["stage"]));
    }

    [Fact]
    public async Task Every_missing_requirement_is_named_at_once()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.BeforePhoto);
        Assert.Contains(ClosureRequirement.AfterPhoto, item.ClosureRequirements);
        var c = await HandlingAsync(item);
        var problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c, "已处理"), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto", "BeforePhoto"], Missing(problem).Order());
        await UploadAsync(c, "After");
        problem = await ApiClient.ProblemAsync(await CompleteHandleAsync(c, "已处理"), HttpStatusCode.BadRequest);
        Assert.Equal(["BeforePhoto"], Missing(problem));
        await UploadAsync(c, "Before");
        Assert.Equal(HttpStatusCode.OK, (await CompleteHandleAsync(c, "已处理")).StatusCode);
    }

    [Fact]
    public async Task A_handler_comment_is_required_where_the_standard_says_so()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.HandlerComment);
        var c = await HandlingAsync(item);
        if (item.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto)) await UploadAsync(c, "After");
        if (item.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)) await UploadAsync(c, "Before");

        Assert.Equal(["HandlerComment"], Missing(await ApiClient.ProblemAsync(await CompleteHandleAsync(c, null), HttpStatusCode.BadRequest)));
        Assert.Equal(["HandlerComment"], Missing(await ApiClient.ProblemAsync(await CompleteHandleAsync(c, "   "), HttpStatusCode.BadRequest)));
        Assert.Equal("Handle", S((await _driver.CaseAsync(S(c["id"])))["stage"]));
        var done = await ApiClient.ReadAsync(await CompleteHandleAsync(c, "已清理并恢复原状"), HttpStatusCode.OK);
        Assert.Equal("Verify", S(done["stage"]));
    }

    [Fact]
    public async Task An_item_that_needs_a_verification_pass_closes_only_after_one()
    {
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.VerificationPass);
        var c = await HandlingAsync(item);
        if (item.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto)) await UploadAsync(c, "After");
        if (item.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)) await UploadAsync(c, "Before");
        c = await ApiClient.ReadAsync(await CompleteHandleAsync(c, "已处理"), HttpStatusCode.OK);
        Assert.Equal("Verify", S(c["stage"]));
        Assert.Equal("Open", S(c["status"]));
        Assert.Null(c["closedAt"]);

        c = await _driver.CompleteAsync(c, "Verify", "Fail", "现场仍未恢复");
        Assert.Equal("Handle", S(c["stage"]));
        Assert.Equal("Open", S(c["status"]));
        if (item.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto)) await UploadAsync(c, "After");
        c = await ApiClient.ReadAsync(await CompleteHandleAsync(c, "已返工"), HttpStatusCode.OK);
        c = await _driver.CompleteAsync(c, "Verify", "Pass");
        Assert.Equal("Closed", S(c["status"]));
        Assert.NotNull(c["closedAt"]);
    }
}
