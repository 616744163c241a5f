using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Attachments;

/// <summary>Photos on a case: what is accepted, where the bytes go, who may add and read them.</summary>
public sealed class AttachmentTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly CaseDriver _driver = new(app);

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private int AttachmentRows() => app.Scoped(db => db.Attachments.AsNoTracking().Count());

    private Task<JsonNode> DispatchedCaseAsync(string department = "CGJ") => _driver.ToHandleAsync(TestCatalog.PlainItem(app).Code, department);

    [Fact]
    public async Task A_photo_is_stored_by_its_hash_listed_on_the_case_and_streamed_back()
    {
        var c = await DispatchedCaseAsync();
        var caseId = S(c["id"]);
        var photo = Uploads.Jpeg(50_000, seed: 7);
        var response = await _driver.As("handler.CGJ").UploadPhotoAsync(caseId, "After", photo, "C:\\手机\\IMG_0001.jpg");
        var created = await ApiClient.ReadAsync(response, HttpStatusCode.Created);
        var id = S(created["id"]);
        Assert.Equal($"/api/attachments/{id}", response.Headers.Location!.OriginalString);

        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
        Assert.Equal(sha, S(created["sha256"]));
        Assert.Equal("IMG_0001.jpg", S(created["fileName"]));
        Assert.Equal("image/jpeg", S(created["contentType"]));
        Assert.Equal(photo.Length, created["size"]!.GetValue<long>());
        Assert.Equal("handler.CGJ", S(created["uploadedBy"]));
        var path = Path.Combine(app.DataFolder, "attachments", sha[..2], sha);
        Assert.Equal(photo, await File.ReadAllBytesAsync(path));

        var detail = await _driver.CaseAsync(caseId);
        var listed = Assert.Single(detail["attachments"]!.AsArray());
        Assert.Equal(id, S(listed!["id"]));
        Assert.Equal("After", S(listed["kind"]));
        Assert.Contains(detail["journal"]!.AsArray(), j => S(j!["event"]) == "AttachmentAdded" && S(j["outcome"]) == "After");

        foreach (var user in new[] { "handler.CGJ", "acceptor", "grid.JB0101G01" })
        {
            var download = await _driver.As(user).GetAsync($"/api/attachments/{id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_same_bytes_twice_are_stored_once_png_and_webp_are_accepted()
    {
        var c = await DispatchedCaseAsync();
        var caseId = S(c["id"]);
        var handler = _driver.As("handler.CGJ");
        var photo = Uploads.Jpeg(4096, seed: 9);
        var a = await ApiClient.ReadAsync(await handler.UploadPhotoAsync(caseId, "Before", photo), HttpStatusCode.Created);
        var b = await ApiClient.ReadAsync(await handler.UploadPhotoAsync(caseId, "After", photo), HttpStatusCode.Created);
        Assert.NotEqual(S(a["id"]), S(b["id"]));
        Assert.Equal(S(a["sha256"]), S(b["sha256"]));
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataFolder, "attachments"), S(a["sha256"]), SearchOption.AllDirectories));

        var png = await ApiClient.ReadAsync(await handler.PostFileAsync($"/api/cases/{caseId}/attachments", Uploads.Png(), "a.png", "image/png",
            new Dictionary<string, string> { ["kind"] = "Other" }), HttpStatusCode.Created);
        Assert.Equal("image/png", S(png["contentType"]));
        // The type comes from the bytes, not from what the client claims.
        var webp = await ApiClient.ReadAsync(await handler.PostFileAsync($"/api/cases/{caseId}/attachments", Uploads.Webp(), "b", "application/octet-stream",
            new Dictionary<string, string> { ["kind"] = "Other" }), HttpStatusCode.Created);
        Assert.Equal("image/webp", S(webp["contentType"]));
        Assert.Equal("b", S(webp["fileName"]));
        Assert.Equal(4, (await _driver.CaseAsync(caseId))["attachments"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_uploads_are_answered_400_and_store_nothing()
    {
        var c = await DispatchedCaseAsync();
        var caseId = S(c["id"]);
        var handler = _driver.As("handler.CGJ");
        var url = $"/api/cases/{caseId}/attachments";
        var rows = AttachmentRows();
        var kind = new Dictionary<string, string> { ["kind"] = "After" };

        async Task<JsonObject> Refused(HttpResponseMessage response, string field)
        {
            var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, problem.ToJsonString());
            return problem;
        }

        await Refused(await handler.PostFileAsync(url, [], "empty.jpg", "image/jpeg", kind), "file");
        await Refused(await handler.PostFileAsync(url, Uploads.Jpeg(10 * 1024 * 1024 + 1), "huge.jpg", "image/jpeg", kind), "file");
        // A text file dressed up as a JPEG by name and content type.
        await Refused(await handler.PostFileAsync(url, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "photo.jpg", "image/jpeg", kind), "file");
        await Refused(await handler.PostFileAsync(url, Encoding.ASCII.GetBytes("GIF89a........"), "a.gif", "image/gif", kind), "file");
        await Refused(await handler.PostFileAsync(url, Encoding.ASCII.GetBytes("%PDF-1.7 ..."), "a.pdf", "application/pdf", kind), "file");
        foreach (var bad in new[] { "", "after", "1", "Selfie" })
            await Refused(await handler.PostFileAsync(url, Uploads.Jpeg(), "a.jpg", "image/jpeg", new Dictionary<string, string> { ["kind"] = bad }), "kind");
        await Refused(await handler.PostFileAsync(url, Uploads.Jpeg(), "a.jpg", "image/jpeg"), "kind");
        var both = await Refused(await handler.PostFileAsync(url, [], "a.jpg", "image/jpeg", new Dictionary<string, string> { ["kind"] = "x" }), "file");
        Assert.NotNull(both["errors"]!["kind"]);
        await Refused(await handler.PostAsync(url, new { kind = "After" }), "file");

        Assert.Equal(rows, AttachmentRows());
        Assert.Empty((await _driver.CaseAsync(caseId))["attachments"]!.AsArray());
        var folder = Path.Combine(app.DataFolder, "attachments");
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 10 * 1024 * 1024));
    }

    [Fact]
    public async Task Unknown_cases_are_404_and_cases_out_of_scope_are_403()
    {
        var c = await DispatchedCaseAsync();
        var caseId = S(c["id"]);
        var rows = AttachmentRows();

        await ApiClient.ProblemAsync(await _driver.As("handler.CGJ").UploadPhotoAsync(Guid.NewGuid().ToString(), "After"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _driver.As("handler.SWJ").UploadPhotoAsync(caseId, "After"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _driver.As("grid.JB0302G01").UploadPhotoAsync(caseId, "After"), HttpStatusCode.Forbidden);
        Assert.Equal(rows, AttachmentRows());

        var created = await ApiClient.ReadAsync(await _driver.As("grid.JB0101G01").UploadPhotoAsync(caseId, "Before"), HttpStatusCode.Created);
        await ApiClient.ProblemAsync(await _driver.As("handler.SWJ").GetAsync($"/api/attachments/{S(created["id"])}"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _driver.As("grid.JB0302G01").GetAsync($"/api/attachments/{S(created["id"])}"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _driver.As("handler.CGJ").GetAsync($"/api/attachments/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/attachments/{S(created["id"])}")).StatusCode);
    }
}
