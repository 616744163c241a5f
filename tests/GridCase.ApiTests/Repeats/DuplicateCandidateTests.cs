using GridCase.ApiTests.Infrastructure;
using static GridCase.ApiTests.Repeats.RepeatReports;

namespace GridCase.ApiTests.Repeats;

/// <summary>疑似重复: a new report shows open or recently closed cases of its item or category nearby, as the acceptor sees it.</summary>
public sealed class DuplicateCandidateTests(RepeatApp app) : IClassFixture<RepeatApp>
{
    private static IEnumerable<string> Numbers(System.Text.Json.Nodes.JsonNode c) =>
        c["duplicateCandidates"]!.AsArray().Select(d => d!["number"]!.GetValue<string>());

    [Fact]
    public async Task A_new_report_lists_cases_of_its_item_and_category_within_the_radius_nearest_first()
    {
        var d = new CaseDriver(app);
        var (item, sibling, other) = Items(app);
        const double lat = 30.205, lng = 120.105;
        var near = await ReportAtAsync(d.Acceptor, item.Code, lat + 50 * Metre, lng);
        var sameCategory = await ReportAtAsync(d.Acceptor, sibling.Code, lat + 20 * Metre, lng);
        var far = await ReportAtAsync(d.Acceptor, item.Code, lat + 400 * Metre, lng);
        var otherCategory = await ReportAtAsync(d.Acceptor, other.Code, lat + 10 * Metre, lng);
        var rejected = await ReportAtAsync(d.Acceptor, item.Code, lat + 30 * Metre, lng);
        await d.CompleteAsync(rejected, "Accept", "Reject", "重复来电");

        var fresh = await ReportAtAsync(d.Acceptor, item.Code, lat, lng);
        var seen = await d.CaseAsync(Id(fresh));

        Assert.Equal([Number(near), Number(sameCategory)], Numbers(seen));
        var first = seen["duplicateCandidates"]![0]!;
        Assert.True(first["sameItem"]!.GetValue<bool>());
        Assert.InRange(first["distanceMetres"]!.GetValue<double>(), 45, 55);
        Assert.Equal("Open", first["status"]!.GetValue<string>());
        Assert.Equal(near["reportedAt"]!.GetValue<DateTimeOffset>(), first["reportedAt"]!.GetValue<DateTimeOffset>());
        Assert.False(seen["duplicateCandidates"]![1]!["sameItem"]!.GetValue<bool>());
        Assert.DoesNotContain(Number(far), Numbers(seen));
        Assert.DoesNotContain(Number(otherCategory), Numbers(seen));

        // Once accepted, the question is settled: the case no longer carries candidates.
        var accepted = await d.CompleteAsync(seen, "Accept", "Accept");
        Assert.Empty(accepted["duplicateCandidates"]!.AsArray());
    }

    [Fact]
    public async Task Reports_older_than_the_window_and_cases_closed_longer_ago_than_configured_are_no_candidates()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        const double lat = 30.215, lng = 120.105;
        var old = await ReportAtAsync(d.Acceptor, item.Code, lat, lng + 30 * Metre);
        app.FakeClock.Advance(TimeSpan.FromDays(31)); // Duplicates:Window is 30 days here
        d = new CaseDriver(app); // tokens last 8 hours
        var closed = await ReportAtAsync(d.Acceptor, item.Code, lat, lng + 40 * Metre);
        closed = await d.CompleteAsync(closed, "Accept", "Accept");
        closed = await d.CompleteAsync(closed, "Dispatch", "Dispatch");
        closed = await d.CompleteAsync(closed, "Handle", "Complete", "已修复");
        closed = await d.CompleteAsync(closed, "Verify", "Pass");
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());

        app.FakeClock.Advance(TimeSpan.FromDays(2));
        d = new CaseDriver(app);
        var fresh = await ReportAtAsync(d.Acceptor, item.Code, lat, lng);
        Assert.Equal([Number(closed)], Numbers(await d.CaseAsync(Id(fresh))));

        app.FakeClock.Advance(TimeSpan.FromDays(2)); // Duplicates:RecentlyClosed is 3 days here
        d = new CaseDriver(app);
        var later = await ReportAtAsync(d.Acceptor, item.Code, lat, lng);
        Assert.DoesNotContain(Number(closed), Numbers(await d.CaseAsync(Id(later))));
        Assert.DoesNotContain(Number(old), Numbers(await d.CaseAsync(Id(later))));
    }
}
