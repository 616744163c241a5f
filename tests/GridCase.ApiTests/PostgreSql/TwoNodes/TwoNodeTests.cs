using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using GridCase.Load;
using Xunit.Abstractions;

namespace GridCase.ApiTests.PostgreSql.TwoNodes;

/// <summary>
/// Two Host processes share one PostgreSQL database and nothing else, as two nodes behind a load balancer: cases move
/// on whichever node a call reaches, each deadline is journaled once however many nodes run its timers (both use
/// Hangfire.PostgreSql's tables in that database; the work item's token and SLA state decide who fires), and a node
/// killed with SIGKILL under load loses no answered completion and applies none twice.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoNodeTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>
{
    private const string Acceptor = "acceptor";

    // The load program's answers: any plain item closes with them (Handle's comment included).
    private static IReadOnlyDictionary<string, (string Outcome, string? Comment)> Answers => ClosedLoop.Answers;

    [Fact]
    public async Task Cases_advanced_from_either_node_journal_every_step_once()
    {
        var steps = new List<Completion>();
        var cases = new List<string>();
        for (var k = 0; k < 4; k++)
        {
            // Case k is reported on one node and every next step goes to the other.
            var c = await (await cluster.Node(k).AsAsync(Acceptor)).ReportAsync(cluster.LongItem);
            for (var step = 1; c["stage"]!.GetValue<string>() != "Done"; step++)
            {
                Assert.True(step <= 10, $"case {c["id"]} not Done after 10 steps: {c["stage"]}");
                var (completion, next) = await CompleteNextAsync(cluster.Node(k + step), c);
                Assert.Equal(HttpStatusCode.OK, completion.Status);
                steps.Add(completion);
                c = next!;
            }
            cases.Add(c["id"]!.GetValue<string>());
        }

        Assert.Equal(["A", "B"], steps.Select(s => s.Node).Distinct().Order());
        foreach (var caseId in cases)
        {
            // Read on both nodes: each sees the whole journal, the other node's steps too.
            var onA = await CaseAsync(cluster.A, caseId);
            var onB = await CaseAsync(cluster.B, caseId);
            Assert.Equal(onA["journal"]!.ToJsonString(), onB["journal"]!.ToJsonString());
            AssertNoLineTwice(onA);
            foreach (var s in steps.Where(s => s.CaseId == caseId))
                Assert.Equal(1, JournaledCount(onA, s));
        }
    }

    [Fact]
    public async Task Deadlines_that_come_due_while_both_nodes_run_are_journaled_once()
    {
        var cases = new List<string>();
        for (var k = 0; k < 4; k++)
        {
            var c = await (await cluster.Node(k).AsAsync(Acceptor)).ReportAsync(cluster.QuickItem);
            for (var step = 1; OpenStage(c) != "Handle"; step++)
            {
                var (completion, next) = await CompleteNextAsync(cluster.Node(k + step), c);
                Assert.Equal(HttpStatusCode.OK, completion.Status);
                c = next!;
            }
            cases.Add(c["id"]!.GetValue<string>());
        }

        foreach (var caseId in cases)
        {
            var overdue = await WaitForOverdueAsync(caseId, TimeSpan.FromSeconds(60));
            AssertWarnedThenOverdueOnce(overdue);
        }
        // Any job or sweep still running on either node has had its time: a second firing would show now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var caseId in cases)
        {
            var c = await CaseAsync(cluster.B, caseId);
            AssertWarnedThenOverdueOnce(c);
            AssertNoLineTwice(c);
        }
    }

    [Fact]
    public async Task A_node_killed_mid_load_loses_no_answered_completion_applies_none_twice_and_its_pending_timers_still_fire()
    {
        // Cases whose Handle deadline is still pending when the node dies (driven first, so their tasks open early),
        // then cases that run the whole loop; all reported before the load, which is completions only.
        var pending = new List<string>();
        var whole = new List<string>();
        for (var k = 0; k < 8; k++)
            pending.Add((await (await cluster.Node(k).AsAsync(Acceptor)).ReportAsync(cluster.PendingItem))["id"]!.GetValue<string>());
        for (var k = 0; k < 32; k++)
            whole.Add((await (await cluster.Node(k).AsAsync(Acceptor)).ReportAsync(cluster.LongItem))["id"]!.GetValue<string>());

        var completions = new ConcurrentQueue<Completion>();
        var answered = 0;
        var load = Parallel.ForEachAsync(pending.Concat(whole).Select((id, k) => (id, k)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (c, _) =>
            {
                var stopAt = pending.Contains(c.id) ? "Handle" : null;
                var view = await CaseAsync(cluster.Node(c.k), c.id);
                for (var step = 1; view["stage"]!.GetValue<string>() != "Done" && OpenStage(view) != stopAt; step++)
                {
                    var (completion, next) = await CompleteNextAsync(cluster.Node(c.k + step), view);
                    completions.Enqueue(completion);
                    // No answer (the node died under the call) or a refusal: this case is checked, not driven further.
                    if (next is null) return;
                    Interlocked.Increment(ref answered);
                    view = next;
                }
            });

        // Mid-load: once a fair share of the completions has been answered, node B dies with calls in flight.
        while (Volatile.Read(ref answered) < 40 && !load.IsCompleted) await Task.Delay(20);
        Assert.False(load.IsCompleted, "the load ended before node B could be killed under it");
        var answeredBefore = Volatile.Read(ref answered);
        var away = await cluster.KillAndRestartBAsync();
        await load;
        output.WriteLine($"node B was killed after {answeredBefore} answered completions and was back {away.TotalSeconds:0.0} s later");

        var lost = completions.Where(c => c.Status is null).ToList();
        Assert.All(completions.Where(c => c.Status is not null), c => Assert.True(c.Status == HttpStatusCode.OK,
            $"{c.Stage} of case {c.CaseId} on node {c.Node}: {(int)c.Status!} {c.Refusal}"));
        // Usually a few calls were in flight on node B when it died; how many is up to the scheduler, so it is reported, not asserted.
        output.WriteLine($"{completions.Count} completions sent, {lost.Count} without an answer ({string.Join(", ", lost.Select(c => $"{c.Stage} on {c.Node}"))})");

        // A completion without an answer happened entirely or not at all; if not at all, its work item is open and can be completed now.
        foreach (var c in lost)
        {
            var view = await CaseAsync(cluster.A, c.CaseId);
            var stillOpen = view["openWorkItems"]!.AsArray().Any(w => w!["id"]!.GetValue<string>() == c.WorkItemId);
            Assert.Equal(stillOpen ? 0 : 1, JournaledCount(view, c));
            if (!stillOpen) continue;
            var (again, _) = await CompleteNextAsync(cluster.B, view);
            Assert.Equal((HttpStatusCode.OK, c.WorkItemId), (again.Status, again.WorkItemId));
            Assert.Equal(1, JournaledCount(await CaseAsync(cluster.A, c.CaseId), c));
        }

        // Every answered completion is journaled exactly once, and no case shows any line twice.
        foreach (var (caseId, k) in pending.Concat(whole).Select((id, k) => (id, k)))
        {
            var view = await CaseAsync(cluster.Node(k), caseId);
            AssertNoLineTwice(view);
            foreach (var c in completions.Where(c => c.CaseId == caseId && c.Status == HttpStatusCode.OK))
                Assert.True(JournaledCount(view, c) == 1, $"{c.Stage} of case {caseId} answered 200 on node {c.Node}, journaled {JournaledCount(view, c)} times");
        }

        // The deadlines pending when node B died still fire, once each, on whichever node is there to fire them.
        var timed = 0;
        foreach (var caseId in pending)
        {
            if (OpenStage(await CaseAsync(cluster.A, caseId)) != "Handle") continue;
            // Past the limit, a job the dead node scheduled but never ran is left to the minutely sweep.
            AssertWarnedThenOverdueOnce(await WaitForOverdueAsync(caseId, TimeSpan.FromSeconds(150)));
            timed++;
        }
        Assert.True(timed > 0, "no case waited in Handle on a pending deadline");
    }

    /// <summary>Completes the case's first open work item the loop answers, as its first candidate, on <paramref name="node"/>.</summary>
    /// <returns>The completion as sent and answered (no status when no answer came), and the case it returned on 200.</returns>
    private static async Task<(Completion Completion, JsonNode? Case)> CompleteNextAsync(HostNode node, JsonNode @case)
    {
        var item = @case["openWorkItems"]!.AsArray().First(w => Answers.ContainsKey(w!["stage"]!.GetValue<string>()))!;
        var stage = item["stage"]!.GetValue<string>();
        var user = item["candidateUsers"]!.AsArray().First()!.GetValue<string>();
        var (outcome, comment) = Answers[stage];
        var completion = new Completion(@case["id"]!.GetValue<string>(), item["id"]!.GetValue<string>(), item["activityId"]!.GetValue<string>(),
            stage, user, outcome, node.Name);
        try
        {
            using var response = await (await node.AsAsync(user)).CompleteAsync(completion.WorkItemId, outcome, comment);
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK
                ? (completion with { Status = response.StatusCode }, JsonNode.Parse(text))
                : (completion with { Status = response.StatusCode, Refusal = text }, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (completion, null);
        }
    }

    private static async Task<JsonNode> CaseAsync(HostNode node, string caseId) =>
        await (await node.AsAsync(Acceptor)).GetJsonAsync($"/api/cases/{caseId}");

    private Task<JsonNode> WaitForOverdueAsync(string caseId, TimeSpan timeout) =>
        RestartTests.WaitForAsync(() => CaseAsync(cluster.A, caseId),
            c => c["openWorkItems"]!.AsArray().Any(w => w!["stage"]!.GetValue<string>() == "Handle" && w["sla"]!.GetValue<string>() == "Overdue"), timeout);

    private static string? OpenStage(JsonNode @case) =>
        @case["openWorkItems"]!.AsArray().Select(w => w!["stage"]!.GetValue<string>()).FirstOrDefault(Answers.ContainsKey);

    /// <summary>The journal lines the completion wrote: its activity, by its user, with its outcome.</summary>
    private static int JournaledCount(JsonNode @case, Completion c) =>
        @case["journal"]!.AsArray().Count(j => j!["activityId"]?.GetValue<string>() == c.ActivityId
                                               && j["actor"]!.GetValue<string>() == c.User && j["outcome"]?.GetValue<string>() == c.Outcome);

    /// <summary>On the loop's straight path every activity runs once, so a line seen twice is a step applied twice.</summary>
    private static void AssertNoLineTwice(JsonNode @case)
    {
        var twice = @case["journal"]!.AsArray()
            .GroupBy(j => (Activity: j!["activityId"]?.GetValue<string>(), Event: j["event"]!.GetValue<string>(), Outcome: j["outcome"]?.GetValue<string>(),
                Actor: j["actor"]!.GetValue<string>()))
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"case {@case["id"]} journals twice: {string.Join("; ", twice)}\n{@case["journal"]!.ToJsonString()}");
    }

    private static void AssertWarnedThenOverdueOnce(JsonNode c) =>
        Assert.Equal(["Warning", "Overdue"],
            c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).Where(e => e is "Warning" or "Overdue"));

    /// <summary>One completion the test sent; <see cref="Status"/> is null when no answer came.</summary>
    private sealed record Completion(string CaseId, string WorkItemId, string ActivityId, string Stage, string User, string Outcome, string Node)
    {
        public HttpStatusCode? Status { get; init; }
        public string? Refusal { get; init; }
    }
}
