using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.AdminTools;

/// <summary>Outside Development, the API explorer and its document are for a signed-in admin only.</summary>
public sealed class SwaggerAccessTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static readonly string[] Pages = ["/swagger/v1/swagger.json", "/swagger/index.html"];

    [Fact]
    public async Task Anonymous_is_401_other_roles_403_and_an_admin_gets_it()
    {
        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("acceptor").GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("policy").GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.Client("admin").GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task An_admins_tool_session_opens_the_explorer_in_a_browser()
    {
        var admin = app.Client("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/dashboard-session", null)).StatusCode);
        admin.Http.DefaultRequestHeaders.Authorization = null;
        foreach (var page in Pages)
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(page)).StatusCode);
    }
}

/// <summary><c>dotnet run</c> starts in Development, where the explorer is open to anyone.</summary>
public sealed class DevelopmentSwaggerTests(DevelopmentSwaggerTests.DevelopmentApp app) : IClassFixture<DevelopmentSwaggerTests.DevelopmentApp>
{
    public sealed class DevelopmentApp : GridCaseApp
    {
        public DevelopmentApp() => EnvironmentName = "Development";
    }

    [Fact]
    public async Task In_development_the_explorer_is_open_to_anyone()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
    }
}
