using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Org;

/// <summary>GET /api/grids: the polygons the web app draws its maps from.</summary>
public sealed class GridShapeTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    [Fact]
    public async Task Every_demo_grid_comes_with_its_polygon()
    {
        var grids = (await app.Client("acceptor").GetJsonAsync("/api/grids")).AsArray();
        Assert.Equal(48, grids.Count);
        var first = grids.Single(g => g!["code"]!.GetValue<string>() == "JB0101G01")!;
        Assert.Equal("滨江社区第1网格", first["name"]!.GetValue<string>());
        Assert.Equal("JB0101", first["parentCode"]!.GetValue<string>());
        Assert.Equal("Polygon", first["boundary"]!["type"]!.GetValue<string>());
        var ring = first["boundary"]!["coordinates"]![0]!.AsArray();
        Assert.Equal(120.1, ring[0]![0]!.GetValue<double>(), 6);
        Assert.Equal(30.2, ring[0]![1]!.GetValue<double>(), 6);
    }
}
