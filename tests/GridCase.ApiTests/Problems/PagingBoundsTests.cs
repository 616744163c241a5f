using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Problems;

/// <summary>Every paged list reads page and pageSize in one place, which bounds them so the offset cannot overflow.</summary>
public sealed class PagingBoundsTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    public static TheoryData<string> Lists() => ["/api/cases", "/api/catalog/items", "/api/work-items", "/api/supervision"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Out_of_range_pages_are_400_with_the_field_named(string list)
    {
        var client = app.Client("supervisor");
        foreach (var page in new[] { "2147483647", "1000001", "0", "-1" })
        {
            var problem = await ApiClient.ProblemAsync(await client.GetAsync($"{list}?page={page}&pageSize=200"), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["page"]);
        }
        foreach (var size in new[] { "0", "201", "2147483647" })
        {
            var problem = await ApiClient.ProblemAsync(await client.GetAsync($"{list}?page=1&pageSize={size}"), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["pageSize"]);
        }
        // Not a 32-bit number at all: still a problem, not a crash.
        await ApiClient.ProblemAsync(await client.GetAsync($"{list}?page=99999999999"), HttpStatusCode.BadRequest);

        var last = await client.GetJsonAsync($"{list}?page=1000000&pageSize=200");
        Assert.Empty(last["items"]!.AsArray());
    }
}
