using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using MiniExcelLibs;

namespace GridCase.ApiTests.Supervision;

/// <summary>督办清单 through the API: what raises an entry, the list, its export and every action, on a fake clock.</summary>
public sealed class SupervisionTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private const string OtherSubdistrictSupervisor = "supervisor.JB02";

    /// <summary>A fresh driver: tokens are issued on the fake clock and expire when it moves on.</summary>
    private CaseDriver Driver() => new(app);

    private static string Id(JsonNode node) => node["id"]!.ToString();

    private static IEnumerable<string> Events(JsonNode c) => c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>());

    private async Task<JsonNode> ToHandleAsync() => await Driver().ToHandleAsync(TestCatalog.PlainItem(app).Code);

    private async Task<JsonNode?> EntryAsync(string caseId, string query = "pageSize=200", string user = "supervisor") =>
        (await Driver().As(user).GetJsonAsync($"/api/supervision?{query}"))["items"]!.AsArray().SingleOrDefault(e => e!["caseId"]!.ToString() == caseId);

    private async Task<JsonNode> RaiseAsync(string caseId, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await ApiClient.ReadAsync(await Driver().As("supervisor").PostAsync($"/api/cases/{caseId}/supervision", body), expected);

    private async Task<JsonNode> OverdueAsync()
    {
        var c = await ToHandleAsync();
        var due = CaseDriver.OpenItem(c, "Handle")["dueAt"]!.GetValue<DateTimeOffset>();
        if (due.AddSeconds(1) > app.FakeClock.GetUtcNow()) app.FakeClock.SetUtcNow(due.AddSeconds(1));
        await app.SweepAsync();
        return await Driver().CaseAsync(Id(c));
    }

    private async Task<HttpResponseMessage> PostAsync(string user, string url, object? body) => await Driver().As(user).PostAsync(url, body);

    [Fact]
    public async Task An_overdue_work_item_raises_one_entry_for_its_case_that_a_second_overdue_updates()
    {
        var c = await OverdueAsync();
        var entry = (await EntryAsync(Id(c), "kind=Overdue&pageSize=200"))!;
        Assert.Equal(("Overdue", "Open", "Normal", 1, c["departmentCode"]!.ToString()), (entry["kind"]!.ToString(), entry["status"]!.ToString(), entry["severity"]!.ToString(),
            entry["triggerCount"]!.GetValue<int>(), entry["responsibleOrgUnitCode"]!.ToString()));
        Assert.Equal(c["number"]!.ToString(), entry["caseNumber"]!.ToString());
        Assert.Contains("SupervisionRaised", Events(c));

        // Handled late, the verification runs late too: the case's one Overdue entry is updated, not doubled.
        c = await Driver().CompleteAsync(c, "Handle", "Complete", "已处理");
        var due = CaseDriver.OpenItem(c, "Verify")["dueAt"]!.GetValue<DateTimeOffset>();
        app.FakeClock.SetUtcNow(due.AddSeconds(1));
        await app.SweepAsync();
        var again = (await EntryAsync(Id(c), "kind=Overdue&pageSize=200"))!;
        Assert.Equal((Id(entry), 2), (Id(again), again["triggerCount"]!.GetValue<int>()));
        Assert.Equal(CaseDriver.OpenItem(await Driver().CaseAsync(Id(c)), "Verify")["id"]!.ToString(), again["workItemId"]!.ToString());
        Assert.Contains("SupervisionUpdated", Events(await Driver().CaseAsync(Id(c))));
    }

    [Fact]
    public async Task A_supervisor_raises_an_entry_by_hand_and_a_second_one_updates_it()
    {
        var c = await ToHandleAsync();
        var entry = await RaiseAsync(Id(c), new { reason = "领导批示：尽快处理", severity = "Critical" });
        Assert.Equal(("Manual", "Critical", "Open", c["departmentCode"]!.ToString(), "supervisor"), (entry["kind"]!.ToString(), entry["severity"]!.ToString(),
            entry["status"]!.ToString(), entry["responsibleOrgUnitCode"]!.ToString(), entry["raisedBy"]!.ToString()));
        Assert.Equal(app.FakeClock.GetUtcNow().AddDays(1), entry["dueAt"]!.GetValue<DateTimeOffset>());

        var again = await RaiseAsync(Id(c), new { reason = "再次批示", severity = "Normal" }, HttpStatusCode.OK);
        Assert.Equal((Id(entry), 2, "Critical", "再次批示"), (Id(again), again["triggerCount"]!.GetValue<int>(), again["severity"]!.ToString(), again["reason"]!.ToString()));
        var journal = (await Driver().CaseAsync(Id(c)))["journal"]!.AsArray();
        Assert.Contains(journal, j => j!["event"]!.ToString() == "SupervisionRaised" && j["actor"]!.ToString() == "supervisor");
    }

    [Fact]
    public async Task Raising_by_hand_checks_role_scope_and_input_and_writes_nothing_when_refused()
    {
        var c = await ToHandleAsync();
        var bad = await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/cases/{Id(c)}/supervision",
            new { reason = " ", severity = "Urgent", dueAt = app.FakeClock.GetUtcNow().AddDays(-1), responsibleOrgUnitCode = "NOPE" }), HttpStatusCode.BadRequest);
        Assert.Equal(["dueAt", "reason", "responsibleOrgUnitCode", "severity"], bad["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        await ApiClient.ProblemAsync(await PostAsync("handler.CGJ", $"/api/cases/{Id(c)}/supervision", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await PostAsync(OtherSubdistrictSupervisor, $"/api/cases/{Id(c)}/supervision", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/cases/{Guid.NewGuid()}/supervision", new { reason = "x" }), HttpStatusCode.NotFound);
        Assert.Null(await EntryAsync(Id(c)));
        Assert.DoesNotContain("SupervisionRaised", Events(await Driver().CaseAsync(Id(c))));
    }

    [Fact]
    public async Task The_list_is_most_severe_first_then_oldest_filtered_and_scoped()
    {
        var (a, b, d) = (await ToHandleAsync(), await ToHandleAsync(), await ToHandleAsync());
        await RaiseAsync(Id(a), new { reason = "一般", severity = "Normal" });
        app.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await RaiseAsync(Id(b), new { reason = "严重", severity = "Critical" });
        app.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await RaiseAsync(Id(d), new { reason = "也严重", severity = "Critical" });

        var ours = new[] { Id(a), Id(b), Id(d) };
        var list = (await Driver().As("supervisor").GetJsonAsync("/api/supervision?kind=Manual&pageSize=200"))["items"]!.AsArray()
            .Where(e => ours.Contains(e!["caseId"]!.ToString())).Select(e => e!["caseId"]!.ToString());
        Assert.Equal([Id(b), Id(d), Id(a)], list);
        var critical = (await Driver().As("supervisor").GetJsonAsync("/api/supervision?severity=Critical&pageSize=200"))["items"]!.AsArray();
        Assert.DoesNotContain(critical, e => e!["severity"]!.ToString() != "Critical");

        // The grid's subdistrict sees its cases; another subdistrict, a department filter elsewhere and a handler do not.
        Assert.NotNull(await EntryAsync(Id(a), user: "supervisor.JB01"));
        Assert.Null(await EntryAsync(Id(a), user: OtherSubdistrictSupervisor));
        var department = a["departmentCode"]!.ToString();
        Assert.NotNull(await EntryAsync(Id(a), $"orgUnitCode={department}&pageSize=200"));
        Assert.Null(await EntryAsync(Id(a), $"orgUnitCode={(department == "ZJJ" ? "CGJ" : "ZJJ")}&pageSize=200"));
        await ApiClient.ProblemAsync(await Driver().As("handler.CGJ").GetAsync("/api/supervision"), HttpStatusCode.Forbidden);
        var problem = await ApiClient.ProblemAsync(await Driver().As("supervisor").GetAsync("/api/supervision?kind=Late&status=Done&severity=9&orgUnitCode=NOPE"),
            HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "severity", "status"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        await ApiClient.ProblemAsync(await Driver().As("supervisor").GetAsync("/api/supervision?orgUnitCode=NOPE"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_list_exports_as_xlsx_with_the_same_filters()
    {
        var c = await ToHandleAsync();
        await RaiseAsync(Id(c), new { reason = "导出测试", severity = "High" });
        var response = await Driver().As("supervisor").GetAsync("/api/supervision/export?kind=Manual&severity=High");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        Assert.Equal("案件编号 Case", rows[0][0]);
        var row = Assert.Single(rows, r => r[0] == c["number"]!.ToString());
        Assert.Equal(("Manual", "High", "Open", "导出测试"), (row[2], row[3], row[4], row[5]));
        Assert.DoesNotContain(rows.Skip(1), r => r[3] != "High");
        await ApiClient.ProblemAsync(await Driver().As("supervisor").GetAsync("/api/supervision/export?status=Gone"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await Driver().As("handler.CGJ").GetAsync("/api/supervision/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Urging_notifies_the_holders_of_the_open_work_items_counts_and_journals()
    {
        var c = await OverdueAsync();
        var entry = (await EntryAsync(Id(c), "kind=Overdue&pageSize=200"))!;
        var handler = CaseDriver.OpenItem(c, "Handle")["candidateUsers"]!.AsArray()[0]!.ToString();
        var before = (await Driver().As(handler).GetJsonAsync("/api/notifications?pageSize=200"))["total"]!.GetValue<int>();

        var urged = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/urge", new { comment = "请今天办结" }), HttpStatusCode.OK);
        Assert.Equal(("Urged", 1), (urged["status"]!.ToString(), urged["urgeCount"]!.GetValue<int>()));
        urged = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/urge", null), HttpStatusCode.OK);
        Assert.Equal(2, urged["urgeCount"]!.GetValue<int>());

        var notes = await Driver().As(handler).GetJsonAsync("/api/notifications?pageSize=200");
        Assert.Equal(before + 2, notes["total"]!.GetValue<int>());
        Assert.Contains(notes["items"]!.AsArray(), n => n!["title"]!.ToString().Contains(c["number"]!.ToString()) && n["message"]!.ToString().Contains("请今天办结"));
        var journal = (await Driver().CaseAsync(Id(c)))["journal"]!.AsArray().Where(j => j!["event"]!.ToString() == "SupervisionUrged").ToList();
        Assert.Equal(2, journal.Count);
        Assert.All(journal, j => Assert.Equal("supervisor", j!["actor"]!.ToString()));

        await ApiClient.ProblemAsync(await PostAsync(OtherSubdistrictSupervisor, $"/api/supervision/{Id(entry)}/urge", null), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await PostAsync(handler, $"/api/supervision/{Id(entry)}/urge", null), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", "/api/supervision/987654321/urge", null), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/urge", new { comment = new string('x', 2001) }), HttpStatusCode.BadRequest);
        Assert.Equal(2, (await EntryAsync(Id(c)))!["urgeCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Escalating_moves_responsibility_one_level_up_until_the_top()
    {
        var c = await ToHandleAsync();
        var entry = await RaiseAsync(Id(c), new { reason = "社区处置不力", responsibleOrgUnitCode = "JB0101" });
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/escalate", new { reason = "" }), HttpStatusCode.BadRequest);

        var up = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/escalate", new { reason = "社区无力解决" }), HttpStatusCode.OK);
        Assert.Equal("JB01", up["responsibleOrgUnitCode"]!.ToString());
        up = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/escalate", new { reason = "街道无力解决" }), HttpStatusCode.OK);
        Assert.Equal("JB", up["responsibleOrgUnitCode"]!.ToString());
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/escalate", new { reason = "再上报" }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await PostAsync(OtherSubdistrictSupervisor, $"/api/supervision/{Id(entry)}/escalate", new { reason = "x" }), HttpStatusCode.Forbidden);

        var escalations = (await Driver().CaseAsync(Id(c)))["journal"]!.AsArray().Where(j => j!["event"]!.ToString() == "SupervisionEscalated");
        Assert.Equal(["JB01: 社区无力解决", "JB: 街道无力解决"], escalations.Select(j => j!["comment"]!.ToString()));
    }

    [Fact]
    public async Task Joint_supervision_gives_the_lead_and_each_co_handler_a_work_item_with_its_own_deadline()
    {
        var c = await ToHandleAsync();
        var entry = await RaiseAsync(Id(c), new { reason = "涉及多个部门" });
        var due = app.FakeClock.GetUtcNow().AddDays(2);

        var bad = await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/joint",
            new { leadDepartmentCode = "JB01", coHandlerCodes = Array.Empty<string>(), dueAt = app.FakeClock.GetUtcNow().AddHours(-1) }), HttpStatusCode.BadRequest);
        Assert.Equal(["coHandlerCodes", "dueAt", "leadDepartmentCode"], bad["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Single((await Driver().CaseAsync(Id(c)))["openWorkItems"]!.AsArray());

        var joint = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/joint",
            new { leadDepartmentCode = "CGJ", coHandlerCodes = new[] { "ZJJ", "SWJ" }, dueAt = due, comment = "三部门联合处置" }), HttpStatusCode.OK);
        Assert.Contains("联合督办", joint["notes"]!.ToString());
        c = await Driver().CaseAsync(Id(c));
        var parts = c["openWorkItems"]!.AsArray().Where(w => w!["name"]!.ToString().StartsWith("联合督办")).ToList();
        Assert.Equal(["CGJ", "SWJ", "ZJJ"], parts.Select(w => w!["scopeOrgUnitCode"]!.ToString()).Order(StringComparer.Ordinal));
        Assert.All(parts, w => Assert.Equal(due, w!["dueAt"]!.GetValue<DateTimeOffset>()));
        Assert.Contains("JointSupervision", Events(c));

        // A department submits its part through the usual completion; the flow's own Handle task stays open.
        var zjj = parts.Single(w => w!["scopeOrgUnitCode"]!.ToString() == "ZJJ")!;
        await ApiClient.ReadAsync(await Driver().As("handler.ZJJ").CompleteAsync(Id(zjj), "Submit", "已配合处置"), HttpStatusCode.OK);
        c = await Driver().CaseAsync(Id(c));
        Assert.Contains("JointPartSubmitted", Events(c));
        Assert.Equal(3, c["openWorkItems"]!.AsArray().Count);
        Assert.Equal("Handle", c["stage"]!.ToString());

        await ApiClient.ProblemAsync(await PostAsync("handler.CGJ", $"/api/supervision/{Id(entry)}/joint",
            new { leadDepartmentCode = "CGJ", coHandlerCodes = new[] { "ZJJ" }, dueAt = due }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Joint_supervision_of_a_closed_case_is_a_conflict()
    {
        var c = await ToHandleAsync();
        var entry = await RaiseAsync(Id(c), new { reason = "结案前督办" });
        c = await Driver().CompleteAsync(c, "Handle", "Complete", "已处理");
        c = await Driver().CompleteAsync(c, "Verify", "Pass");
        c = await Driver().CompleteAsync(c, "Evaluate", "Satisfied");
        Assert.NotEqual("Open", c["status"]!.ToString());
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/joint",
            new { leadDepartmentCode = "CGJ", coHandlerCodes = new[] { "ZJJ" }, dueAt = app.FakeClock.GetUtcNow().AddDays(1) }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/urge", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolving_and_closing_need_a_result_end_the_entry_and_a_new_trigger_opens_another()
    {
        var c = await ToHandleAsync();
        var entry = await RaiseAsync(Id(c), new { reason = "待办结" });
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/resolve", new { result = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("Open", (await EntryAsync(Id(c)))!["status"]!.ToString());

        var resolved = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/resolve", new { result = "已整改到位" }), HttpStatusCode.OK);
        Assert.Equal(("Resolved", "已整改到位", "supervisor"), (resolved["status"]!.ToString(), resolved["result"]!.ToString(), resolved["finishedBy"]!.ToString()));
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/resolve", new { result = "again" }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/close", new { result = "again" }), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await PostAsync("supervisor", $"/api/supervision/{Id(entry)}/urge", null), HttpStatusCode.Conflict);
        Assert.Null(await EntryAsync(Id(c)));
        Assert.NotNull(await EntryAsync(Id(c), "status=Resolved&pageSize=200"));

        var next = await RaiseAsync(Id(c), new { reason = "又出问题" });
        Assert.NotEqual(Id(entry), Id(next));
        var closed = await ApiClient.ReadAsync(await PostAsync("supervisor", $"/api/supervision/{Id(next)}/close", new { result = "误报" }), HttpStatusCode.OK);
        Assert.Equal("Closed", closed["status"]!.ToString());
        await ApiClient.ProblemAsync(await PostAsync(OtherSubdistrictSupervisor, $"/api/supervision/{Id(next)}/close", new { result = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(["SupervisionResolved", "SupervisionClosed"], Events(await Driver().CaseAsync(Id(c))).Where(e => e is "SupervisionResolved" or "SupervisionClosed"));
    }

    [Fact]
    public async Task A_second_rework_and_a_second_return_put_the_case_on_the_list()
    {
        var c = await ToHandleAsync();
        for (var i = 1; i <= 2; i++)
        {
            c = await Driver().CompleteAsync(c, "Handle", "Complete", "已处理");
            c = await Driver().CompleteAsync(c, "Verify", "Fail", "未整改到位");
            Assert.Equal(i == 2, await EntryAsync(Id(c), "kind=Rework&pageSize=200") is not null);
        }
        Assert.Equal("High", (await EntryAsync(Id(c), "kind=Rework&pageSize=200"))!["severity"]!.ToString());

        var r = await ToHandleAsync();
        var first = r["departmentCode"]!.ToString();
        r = await Driver().CompleteAsync(r, "Handle", "Return", "不属于本单位");
        Assert.Null(await EntryAsync(Id(r), "kind=Returns&pageSize=200"));
        // A department that returned the case cannot get it again: re-dispatch (改派) elsewhere.
        r = await Driver().CompleteAsync(r, "Dispatch", "Dispatch", data: new { departmentCode = first == "ZJJ" ? "CGJ" : "ZJJ" });
        r = await Driver().CompleteAsync(r, "Handle", "Return", "也不属于本单位");
        Assert.NotNull(await EntryAsync(Id(r), "kind=Returns&pageSize=200"));
    }

    [Fact]
    public async Task A_case_that_ends_unresolved_is_put_on_the_list()
    {
        var d = Driver();
        var c = await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await d.CompleteAsync(c, "Accept", "Accept");
        for (var round = 1; round <= 2; round++)
        {
            c = await d.CompleteAsync(c, "Dispatch", "Dispatch");
            c = await d.CompleteAsync(c, "Handle", "Complete", "已处理");
            c = await d.CompleteAsync(c, "Verify", "Pass");
            c = await d.CompleteAsync(c, "Evaluate", "Unsatisfied", "问题未解决");
        }
        Assert.Equal("Unresolved", c["resolution"]!.ToString());
        var entry = (await EntryAsync(Id(c), "kind=Unresolved&pageSize=200"))!;
        Assert.Equal("Critical", entry["severity"]!.ToString());
    }
}
