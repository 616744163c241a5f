using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using System.Text.Json;

namespace GridCase.Host.Org;

/// <summary>
/// The org tree and grid polygons, held in memory: every request checks scopes against it and every
/// report is located in it, while the tree itself changes rarely.
/// </summary>
public sealed class OrgDirectory
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private volatile Snapshot _snapshot = new([], []);

    private sealed record Snapshot(Dictionary<string, OrgUnit> Units, List<(string Code, Geometry Shape)> Grids);

    public async Task LoadAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        var grids = units.Where(u => u.Kind == OrgUnitKind.Grid && u.Boundary is not null)
            .Select(u => (u.Code, JsonSerializer.Deserialize<Geometry>(u.Boundary!, GeoJson)!))
            .ToList();
        _snapshot = new Snapshot(units.ToDictionary(u => u.Code), grids);
    }

    public OrgUnit? Find(string code) => _snapshot.Units.GetValueOrDefault(code);

    public IReadOnlyCollection<OrgUnit> All => _snapshot.Units.Values;

    public bool IsDepartment(string code) => Find(code)?.Kind == OrgUnitKind.Department;

    /// <summary>The codes of <paramref name="unitCode"/> and of every unit inside it (what <see cref="Covers"/> admits); none for an unknown code.</summary>
    public List<string> CodesWithin(string unitCode) => Find(unitCode) is { } root ? [.. All.Where(root.Contains).Select(u => u.Code)] : [];

    /// <summary>
    /// The duty team of an area: one whose parent is the grid, else its community, subdistrict or district — the
    /// nearest wins, so a district can keep one team per subdistrict and give a busy grid its own.
    /// </summary>
    public string? DutyTeamOf(CaseArea area) =>
        new[] { area.GridCode, area.CommunityCode, area.SubdistrictCode, area.DistrictCode }
            .Select(parent => _snapshot.Units.Values
                .Where(u => u.Kind == OrgUnitKind.DutyTeam && u.ParentCode == parent)
                .OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault()?.Code)
            .FirstOrDefault(code => code is not null);

    /// <summary>The grid whose polygon holds the point (point-in-polygon over the grid boundaries).</summary>
    public string? Locate(double lat, double lng)
    {
        var point = new Point(lng, lat);
        return _snapshot.Grids.FirstOrDefault(g => g.Shape.Covers(point)).Code;
    }

    /// <summary>The grid and the units above it, as a case records them at intake.</summary>
    public CaseArea AreaOf(string gridCode)
    {
        var grid = Find(gridCode);
        if (grid is not { Kind: OrgUnitKind.Grid })
            throw DomainException.Field("location.gridCode", $"网格 {gridCode} 不存在 / no grid {gridCode}");
        var community = Parent(grid, OrgUnitKind.Community);
        var subdistrict = Parent(community, OrgUnitKind.Subdistrict);
        var district = Parent(subdistrict, OrgUnitKind.District);
        return new CaseArea(grid.Code, community.Code, subdistrict.Code, district.Code);
    }

    /// <summary>A user of <paramref name="userOrgUnit"/> may act within <paramref name="scopeOrgUnit"/> when theirs holds it.</summary>
    public bool Covers(string userOrgUnit, string scopeOrgUnit) =>
        Find(userOrgUnit) is { } user && Find(scopeOrgUnit) is { } scope && user.Contains(scope);

    private OrgUnit Parent(OrgUnit unit, OrgUnitKind kind) =>
        unit.ParentCode is { } code && Find(code) is { } parent && parent.Kind == kind
            ? parent
            : throw new InvalidOperationException($"org unit {unit.Code} has no {kind} parent");
}
