using GridCase.Host.Problems;
using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>发现: takes a report, places it in a grid and starts its workflow.</summary>
public sealed class ReportCase(GridCaseDbContext db, OrgDirectory org, CaseWorkflow workflow, IdempotencyKeys keys, TimeProvider clock)
{
    /// <returns>The case, and whether it is the one an earlier request with the same Idempotency-Key made.</returns>
    public async Task<(Guid CaseId, bool Repeated)> HandleAsync(
        ReportCaseRequest request, string? idempotencyKey, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var bodyHash = IdempotencyKeys.Hash(request);
        if (idempotencyKey is not null)
        {
            IdempotencyKeys.Validate(idempotencyKey);
            if (await keys.FindAsync(user.UserName(), idempotencyKey, bodyHash, cancellationToken) is { } earlier) return (earlier, true);
        }
        var errors = new Dictionary<string, string[]>();
        var channel = RequestFields.Enum<Channel>(request.Channel, "channel", errors, required: true) ?? default;
        if (string.IsNullOrWhiteSpace(request.Title))
            errors["title"] = ["标题不能为空 / title is required"];

        CatalogSnapshot? snapshot = null;
        string? categoryCode = null;
        if (!string.IsNullOrWhiteSpace(request.ItemCode))
        {
            var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == request.ItemCode && i.IsCurrent, cancellationToken);
            if (item is null) errors["itemCode"] = [$"事项 {request.ItemCode} 不存在 / no catalog item {request.ItemCode}"];
            snapshot = item?.Snapshot();
            categoryCode = item?.CategoryCode;
        }

        CheckLengths(request, errors);
        var gridCode = LocateGrid(request.Location, errors);
        if (errors.Count > 0) throw new DomainException("上报内容有误 / the report is invalid", errors);
        // Checked before anything is written: a report outside the caller's scope leaves no trace.
        if (!org.Covers(user.OrgUnitCode(), gridCode!))
            throw new ForbiddenException($"网格 {gridCode} 不在您的管辖范围 / grid {gridCode} is outside your org scope");

        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var number = NewNumber(now);
            var @case = Case.Report(
                number, request.Title!, request.Description ?? "", channel,
                new CaseLocation(request.Location?.Lat, request.Location?.Lng, request.Location?.Address),
                new Reporter(request.Reporter?.Name, request.Reporter?.Phone),
                org.AreaOf(gridCode!), snapshot?.ItemCode, snapshot, user.UserName(), now);
            var key = idempotencyKey is null ? null : new IdempotencyRecord
            {
                UserName = user.UserName(), Key = idempotencyKey, BodyHash = bodyHash, CaseId = @case.Id, CreatedAt = now,
            };
            try
            {
                await workflow.StartAsync(@case, categoryCode, user.UserName(), cancellationToken, alongside: key);
                return (@case.Id, false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                // A retry racing this one with the same key wrote its case first: answer with that one.
                if (idempotencyKey is not null && await keys.FindAsync(user.UserName(), idempotencyKey, bodyHash, cancellationToken) is { } earlier)
                    return (earlier, true);
                // Two reports drew the same number and the unique index kept them apart: draw again.
                // Any other failure is not ours to retry.
                if (!await NumberTakenAsync(number, cancellationToken)) throw;
            }
        }
    }

    private Task<bool> NumberTakenAsync(string number, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().AnyAsync(c => c.Number == number, cancellationToken);

    /// <summary>The stored lengths (SQL Server would refuse more; SQLite would keep it silently) and the address, bounded for display.</summary>
    private static void CheckLengths(ReportCaseRequest request, Dictionary<string, string[]> errors)
    {
        void Max(string? value, int max, string field)
        {
            if (value?.Length > max) errors[field] = [$"{field} 最长 {max} 字 / {field} is at most {max} characters"];
        }
        Max(request.Title, 200, "title");
        Max(request.Description, 4000, "description");
        Max(request.ItemCode, 32, "itemCode");
        Max(request.Location?.GridCode, 32, "location.gridCode");
        Max(request.Location?.Address, 500, "location.address");
        Max(request.Reporter?.Name, 64, "reporter.name");
        Max(request.Reporter?.Phone, 32, "reporter.phone");
    }

    private string? LocateGrid(ReportLocation? location, Dictionary<string, string[]> errors)
    {
        // Coordinates are checked even beside a grid code: they are stored and shown with the case.
        if (location?.Lat is { } la && (!double.IsFinite(la) || la is < -90 or > 90)
            || location?.Lng is { } ln && (!double.IsFinite(ln) || ln is < -180 or > 180))
        {
            errors["location"] = ["坐标超出范围 / lat/lng out of range"];
            return null;
        }
        if (!string.IsNullOrWhiteSpace(location?.GridCode))
        {
            if (org.Find(location.GridCode) is { Kind: Domain.Org.OrgUnitKind.Grid }) return location.GridCode;
            errors["location.gridCode"] = [$"网格 {location.GridCode} 不存在 / no grid {location.GridCode}"];
            return null;
        }
        if (location?.Lat is { } lat && location.Lng is { } lng)
        {
            var grid = org.Locate(lat, lng);
            if (grid is null) errors["location"] = ["该位置不在任何网格内 / the point lies in no grid"];
            return grid;
        }
        errors["location"] = ["须提供网格编码或经纬度 / give location.gridCode or location.lat and location.lng"];
        return null;
    }

    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// 案件编号: the local date and 40 random bits in Crockford base32 (no I/O/L/U to misread on the phone),
    /// e.g. GC20261123-K7M2QX9A. Unique without a shared counter that every report would queue on.
    /// </summary>
    internal static string NewNumber(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        Span<byte> bytes = stackalloc byte[8];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[..5]);
        var bits = BitConverter.ToUInt64(bytes);
        Span<char> suffix = stackalloc char[8];
        for (var i = 0; i < suffix.Length; i++, bits >>= 5) suffix[i] = Base32[(int)(bits & 31)];
        return $"GC{local:yyyyMMdd}-{suffix}";
    }
}
