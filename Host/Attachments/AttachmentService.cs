using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Signals;
using GridCase.Host.Uploads;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Attachments;

/// <summary>Photos on a case (处置前/处置后): whoever may see the case may add them and read them.</summary>
public sealed class AttachmentService(
    GridCaseDbContext db, CaseScope scope, OrgDirectory org, AttachmentStore store, CaseSignals signals, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 255;

    public async Task<AttachmentDto> AddAsync(Guid caseId, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var @case = await scope.FindVisibleAsync(caseId, user, cancellationToken);
        if (@case.Status is not CaseStatus.Open)
            throw new ConflictException($"案件已{@case.Status switch { CaseStatus.Rejected => "不予受理", CaseStatus.Cancelled => "取消", _ => "结案" }}，不能再上传 / the case is {@case.Status}; no more uploads");
        var form = await UploadedFile.ReadFormAsync(request, "file", cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var kind = RequestFields.Enum<AttachmentKind>(form["kind"].ToString(), "kind", errors, required: true) ?? default;
        var file = await UploadedFile.ReadAsync(form, "file", MaxBytes, errors, cancellationToken);
        string? contentType = null;
        if (file is { } f && (contentType = ImageFormat.Detect(f.Content)) is null)
            errors["file"] = ["只接受 JPG、PNG、WebP 图片 / only JPEG, PNG or WebP images are accepted"];
        if (errors.Count > 0 || file is null || contentType is null)
            throw new DomainException("附件有误 / the attachment is invalid", errors);

        // The file goes first: if saving the row then fails, an unreferenced file under its hash harms nothing.
        var sha256 = await store.SaveAsync(file.Value.Content, cancellationToken);
        var now = clock.GetUtcNow();
        // Which round of handling this is evidence of: the open Handle task of the uploader's own department.
        var handling = await db.WorkItems.AsNoTracking()
            .Where(w => w.CaseId == @case.Id && w.Stage == CaseStage.Handle)
            .Select(w => new { w.Id, w.Status, w.ScopeOrgUnitCode }).ToListAsync(cancellationToken);
        var round = handling.FirstOrDefault(w => w.Status == WorkItemStatus.Open && org.Covers(w.ScopeOrgUnitCode, user.OrgUnitCode()));
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Kind = kind, FileName = FileNameOf(file.Value.FileName, contentType),
            ContentType = contentType, Size = file.Value.Content.Length, Sha256 = sha256, UploadedBy = user.UserName(), UploadedAt = now,
            HandleWorkItemId = round?.Id, AtIntake = handling.Count == 0,
        };
        var stage = @case.Stage;
        var data = new JsonObject
        {
            ["attachmentId"] = attachment.Id, ["kind"] = kind.ToString(), ["fileName"] = attachment.FileName, ["uploadedBy"] = attachment.UploadedBy,
        };
        // A flow waiting for an upload (WaitForSignal AttachmentAdded) moves on with it, in the same transaction.
        await signals.RaiseAsync(@case.Id, InternalSignals.AttachmentAdded, data, attachment.UploadedBy, _ =>
        {
            db.Attachments.Add(attachment);
            db.Journal.Add(JournalEntry.Write(attachment.CaseId, now, stage, null, "AttachmentAdded", kind.ToString(), attachment.UploadedBy, attachment.FileName));
            return Task.CompletedTask;
        }, cancellationToken);
        return CaseMapper.ToDto(attachment);
    }

    public async Task<(Attachment Attachment, string Path)> OpenAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"附件 {id} 不存在 / no attachment {id}");
        await scope.FindVisibleAsync(attachment.CaseId, user, cancellationToken);
        var path = store.PathOf(attachment.Sha256);
        return File.Exists(path)
            ? (attachment, path)
            : throw new NotFoundException($"附件 {id} 的文件已丢失 / the file of attachment {id} is missing");
    }

    /// <summary>The client's name without any path, kept short; a photo sent without a name gets one from its type.</summary>
    private static string FileNameOf(string sent, string contentType)
    {
        // Browsers on Windows may send the whole path; either separator ends it, whatever this server runs on.
        var name = string.Concat(sent[(sent.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c))).Trim();
        if (name.Length == 0) name = "photo" + ImageFormat.Extension(contentType);
        return name.Length <= MaxFileNameLength ? name : name[^MaxFileNameLength..];
    }
}
