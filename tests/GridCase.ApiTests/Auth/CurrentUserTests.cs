using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Auth;

/// <summary>GET /api/auth/me: the web app's header and menus come from it.</summary>
public sealed class CurrentUserTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    [Fact]
    public async Task A_handler_sees_their_name_role_and_department()
    {
        var me = await app.Client("handler.CGJ").GetJsonAsync("/api/auth/me");
        Assert.Equal("handler.CGJ", me["userName"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(me["displayName"]!.GetValue<string>()));
        Assert.Equal(["Handler"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("CGJ", me["orgUnitCode"]!.GetValue<string>());
        Assert.Equal("区城市管理局", me["orgUnitName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_grid_worker_belongs_to_their_grid()
    {
        var me = await app.Client("grid.JB0101G01").GetJsonAsync("/api/auth/me");
        Assert.Equal(["GridWorker"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("JB0101G01", me["orgUnitCode"]!.GetValue<string>());
        Assert.Equal("滨江社区第1网格", me["orgUnitName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/auth/me")).StatusCode);
    }
}
