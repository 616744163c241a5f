using System.Net;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests;

/// <summary>Racing and repeated stimuli on a real database: each provider runs these in a subclass.</summary>
public abstract class ConcurrencyTests(GridCaseApp app)
{
    [Fact]
    public async Task Twenty_parallel_completes_of_one_work_item_apply_exactly_once()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        var itemId = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Client("acceptor").SignInAsync()));

        var responses = await Task.WhenAll(clients.Select(client => client.CompleteAsync(itemId, "Accept")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await ApiClient.ProblemAsync(conflict, HttpStatusCode.Conflict);

        var caseId = Guid.Parse(c["id"]!.GetValue<string>());
        var (dispatchItems, accepted) = app.Scoped(db => (
            db.WorkItems.Count(w => w.CaseId == caseId && w.Stage == GridCase.Domain.Cases.CaseStage.Dispatch),
            db.Journal.Count(j => j.CaseId == caseId && j.Event == "TaskCompleted")));
        Assert.Equal(1, dispatchItems);
        Assert.Equal(1, accepted);
    }

    [Fact]
    public async Task A_second_complete_of_a_finished_work_item_is_a_conflict_that_changes_nothing()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        var itemId = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();
        await ApiClient.ReadAsync(await driver.Acceptor.CompleteAsync(itemId, "Accept"), HttpStatusCode.OK);
        var before = app.Scoped(db => db.Journal.Count());

        await ApiClient.ProblemAsync(await driver.Acceptor.CompleteAsync(itemId, "Reject", "重复提交"), HttpStatusCode.Conflict);

        Assert.Equal(before, app.Scoped(db => db.Journal.Count()));
        var item = app.Scoped(db => db.WorkItems.AsNoTracking().Single(w => w.Id == Guid.Parse(itemId)));
        Assert.Equal(WorkItemStatus.Completed, item.Status);
        Assert.Equal("Accept", item.Outcome);
    }

    [Fact]
    public async Task A_claimed_work_item_belongs_to_its_claimer()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, gridCode: "JB0201G02");
        c = await driver.CompleteAsync(c, "Accept", "Accept");
        var itemId = CaseDriver.OpenItem(c, "Dispatch")["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await driver.As("dispatcher").PostAsync($"/api/work-items/{itemId}/claim", null)).StatusCode);
        var inbox = await driver.As("dispatcher").GetJsonAsync("/api/inbox");
        Assert.Contains(inbox.AsArray(), w => w!["id"]!.GetValue<string>() == itemId && w["assignedUser"]!.GetValue<string>() == "dispatcher");
    }
}

public sealed class SqliteConcurrencyTests(GridCaseApp app) : ConcurrencyTests(app), IClassFixture<GridCaseApp>;
