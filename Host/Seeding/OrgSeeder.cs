using System.Text.Json;
using GridCase.Domain.Org;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Seeding;

/// <summary>
/// The roles and the org tree — district, subdistricts, communities, grids with polygons, departments — loaded
/// into an empty database from demo-org.json and departments.json in the shipped folder (point Shipped:Folder
/// at a folder with your own district's files). Every start needs them, demo or not.
/// </summary>
public sealed class OrgSeeder(GridCaseDbContext db, IConfiguration configuration, ILookupNormalizer normalizer)
{
    private sealed record UnitFile(string Code, string Name, OrgUnitKind Kind, string? ParentCode, JsonElement? Boundary, string? CalendarCode);

    private sealed record OrgFile(List<UnitFile> OrgUnits);

    private sealed record DepartmentFile(string Code, string Name, string? CalendarCode);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        db.Roles.AddRange(Roles.All.Except(existing).Select(r => new IdentityRole(r) { NormalizedName = normalizer.NormalizeName(r) }));

        if (!await db.OrgUnits.AnyAsync(cancellationToken))
        {
            var folder = ShippedFiles.Folder(configuration);
            var area = JsonSerializer.Deserialize<OrgFile>(await File.ReadAllTextAsync(Path.Combine(folder, "demo-org.json"), cancellationToken), WorkflowJson.Options)!;
            var departments = JsonSerializer.Deserialize<List<DepartmentFile>>(await File.ReadAllTextAsync(Path.Combine(folder, "departments.json"), cancellationToken), WorkflowJson.Options)!;
            var district = area.OrgUnits.Single(u => u.Kind == OrgUnitKind.District);
            var all = area.OrgUnits.Concat(departments.Select(d => new UnitFile(d.Code, d.Name, OrgUnitKind.Department, district.Code, null, d.CalendarCode))).ToList();

            var byCode = all.ToDictionary(u => u.Code);
            string PathOf(UnitFile u) => (u.ParentCode is { } p ? PathOf(byCode[p]) : "/") + u.Code + "/";
            db.OrgUnits.AddRange(all.Select(u => new OrgUnit
            {
                Code = u.Code, Name = u.Name, Kind = u.Kind, ParentCode = u.ParentCode, Path = PathOf(u),
                Boundary = u.Boundary?.GetRawText(), CalendarCode = u.CalendarCode,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
