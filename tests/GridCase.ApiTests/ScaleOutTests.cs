using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>Host nodes share nothing but the database: a token one node issued is good on another.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_token_from_one_node_works_on_another_node_of_the_same_database()
    {
        using var first = new GridCaseApp { KeepData = true };
        var signedIn = await first.Client("acceptor").SignInAsync();
        var c = await signedIn.ReportAsync(TestCatalog.PlainItem(first).Code);
        // The key ring is in the shared database, not in a folder of one machine.
        Assert.True(first.Scoped(db => db.DataProtectionKeys.Count()) > 0);

        using var second = GridCaseApp.Restart(first);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Authorization = signedIn.Http.DefaultRequestHeaders.Authorization;

        var response = await http.GetAsync($"/api/cases/{c["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forged = second.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/inbox")).StatusCode);
    }
}
