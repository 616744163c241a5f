using GridCase.Host.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace GridCase.Host.Attachments;

public static class AttachmentEndpoints
{
    public static void MapAttachments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Attachments").RequireAuthorization();

        api.MapPost("/cases/{id:guid}/attachments", async Task<Created<AttachmentDto>> (Guid id, HttpRequest request,
            AttachmentService attachments, HttpContext http, CancellationToken ct) =>
        {
            var attachment = await attachments.AddAsync(id, request, http.User, ct);
            return TypedResults.Created($"/api/attachments/{attachment.Id}", attachment);
        })
        // Bearer-token API: a browser never sends the token by itself, so there is no cross-site form to forge.
        .DisableAntiforgery()
        .WithSummary("上传照片（multipart: file, kind = Before|After|Other；JPG/PNG/WebP，≤ 10 MB）/ add a photo to a case");

        api.MapGet("/attachments/{id:guid}", async Task<PhysicalFileHttpResult> (Guid id, AttachmentService attachments, HttpContext http, CancellationToken ct) =>
        {
            var (attachment, path) = await attachments.OpenAsync(id, http.User, ct);
            var headers = http.Response.Headers;
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
            headers.XContentTypeOptions = "nosniff";
            // The bytes under a hash never change; "private" because who may see them depends on the caller.
            headers.CacheControl = "private, max-age=31536000, immutable";
            return TypedResults.PhysicalFile(path, attachment.ContentType, entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""),
                enableRangeProcessing: true);
        }).WithSummary("查看附件 / the attachment's bytes");
    }
}
