using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Repeats;

/// <summary>Reports at points in metres from an origin, and the catalog items the repeat tests compare.</summary>
public static class RepeatReports
{
    /// <summary>About one metre of latitude in degrees.</summary>
    public const double Metre = 1 / 111_195.0;

    public static async Task<JsonNode> ReportAtAsync(
        ApiClient client, string? itemCode, double lat, double lng, string phone = "13800000000", string title = "井盖缺失")
    {
        var response = await client.PostAsync("/api/cases", new
        {
            channel = "Hotline12345", title, description = "市民来电反映", itemCode,
            location = new { lat, lng, address = "滨江路 18 号" }, reporter = new { name = "张先生", phone },
        });
        return await ApiClient.ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Two items of one category and one of another, all with a plain closure standard.</summary>
    public static (CatalogItem Item, CatalogItem Sibling, CatalogItem Other) Items(GridCaseApp app)
    {
        var item = TestCatalog.PlainItem(app);
        return app.Scoped(db =>
        {
            var current = db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent);
            var sibling = current.Where(i => i.CategoryCode == item.CategoryCode && i.Code != item.Code).OrderBy(i => i.Code).First();
            var other = current.Where(i => i.CategoryCode != item.CategoryCode).OrderBy(i => i.Code).First();
            return (item, sibling, other);
        });
    }

    public static string Id(JsonNode c) => c["id"]!.GetValue<string>();

    public static string Number(JsonNode c) => c["number"]!.GetValue<string>();
}

/// <summary>Users the demo does not have, made the way the demo makes its own.</summary>
public static class ExtraUsers
{
    /// <summary>A user of <paramref name="role"/> at <paramref name="orgUnitCode"/>, with the demo password; once per host.</summary>
    public static async Task<ApiClient> ClientAsync(GridCaseApp app, string userName, string role, string orgUnitCode)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GridCase.Host.Identity.GridCaseUser>>(scope.ServiceProvider);
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new GridCase.Host.Identity.GridCaseUser { UserName = userName, DisplayName = userName, OrgUnitCode = orgUnitCode };
            Assert.True((await users.CreateAsync(user, ApiClient.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return app.Client(userName);
    }
}
