using System.Reflection;
using System.Text.Json.Nodes;
using GridCase.CaseActivities;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Workflows;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.UnitTests.Workflows;

/// <summary>The generic core: activities from DI, typed inputs, joins by what they say, events, no knowledge of cases.</summary>
public sealed class CoreActivityTests
{
    private static Case NewCase() => Case.Report(
        "GC1", "井盖缺失", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    private static JsonObject Script(string value) => new() { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = value } };

    private static async Task<(EngineHarness Harness, Case Case)> RunAsync(WorkflowDefinition definition, Action<IServiceCollection>? configure = null)
    {
        var harness = new EngineHarness(configure);
        var @case = NewCase();
        var run = harness.Run(definition, WorkflowInstance.Start(@case.Id, definition.DefinitionId, 1, EngineHarness.Now), @case);
        await harness.Engine.StartAsync(run, CancellationToken.None);
        return (harness, @case);
    }

    /// <summary>Continues as soon as any branch arrives, once: a join the engine knows only by <see cref="IJoinActivity"/>.</summary>
    private sealed class FirstArrival : Activity, IJoinActivity
    {
        protected override ActivityInfo Info { get; } = new("FirstArrival", new("先到先行", "First arrival"), ActivityCategories.Flow, new("", ""), ["Done"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
        {
            if (context.Arrivals.Count == 0 || context.Variables.ContainsKey(context.Node.Id)) return ValueTask.FromResult(ActivityResult.Block);
            context.Variables[context.Node.Id] = true;
            return ValueTask.FromResult(ActivityResult.Done("Done"));
        }
    }

    [Fact]
    public async Task A_new_activity_is_one_class_registered_in_DI_and_the_engine_feeds_its_arrivals_when_it_says_it_joins()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "race", Name = "race",
            Root = new Flowchart
            {
                Activities = [Node("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("A", "B") }), Node("first", "FirstArrival"),
                              Node("a", "SetVariable", new JsonObject { ["variable"] = "a", ["value"] = 1 }),
                              Node("b", "SetVariable", new JsonObject { ["variable"] = "b", ["value"] = 1 }),
                              Node("count", "SetVariable", new JsonObject { ["variable"] = "passed", ["value"] = Script("(vars.passed || 0) + 1") }),
                              Node("end", "End", new JsonObject { ["result"] = "Unresolved" })],
                Connections = [Link("fork", "A", "a"), Link("fork", "B", "b"), Link("a", "Done", "first"), Link("b", "Done", "first"),
                               Link("first", "Done", "count"), Link("count", "Done", "end")],
            },
        };

        var (harness, @case) = await RunAsync(definition, s => s.AddActivity<FirstArrival>());

        Assert.Equal(CaseResolution.Unresolved, @case.Resolution);
        var executed = harness.Events.OfType<ActivityExecuted>().Select(e => e.Context.Node.Id).ToList();
        Assert.Single(executed, id => id == "first");
        Assert.Contains(harness.Services.GetRequiredService<ActivityRegistry>().Descriptors, d => d.Type == "FirstArrival");
    }

    [Fact]
    public async Task SetVariable_puts_an_expression_value_where_a_later_decision_reads_it()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "vars", Name = "vars",
            Root = new Flowchart
            {
                Activities =
                [
                    Node("set", "SetVariable", new JsonObject { ["variable"] = "grid", ["value"] = Script("$case.gridCode + '!'") }),
                    Node("check", "Decision", new JsonObject { ["condition"] = Script("vars.grid === 'G1!'") }),
                    Node("yes", "End", new JsonObject { ["result"] = "Done" }), Node("no", "End", new JsonObject { ["result"] = "Unresolved" }),
                ],
                Connections = [Link("set", "Done", "check"), Link("check", "True", "yes"), Link("check", "False", "no")],
            },
        };

        var (harness, @case) = await RunAsync(definition);

        Assert.Equal(CaseResolution.Resolved, @case.Resolution);
        var finished = Assert.Single(harness.Events.OfType<WorkflowFinished>());
        Assert.Equal("G1!", finished.Run.State.Variables["grid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_human_task_raises_bookmark_events_and_its_stage_handlers_decide_what_the_outcome_records()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "verify", Name = "verify",
            Root = new Flowchart
            {
                Activities =
                [
                    Node("verify", "HumanTask", new JsonObject { ["stage"] = "Verify", ["role"] = "GridWorker", ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray("Fail") }),
                    Node("end", "End"),
                ],
                Connections = [Link("verify", "Fail", "end")],
            },
        };
        var (harness, @case) = await RunAsync(definition, s => s.AddOutcomeHandler<CountsRework>());
        var created = Assert.Single(harness.Events.OfType<BookmarkCreated>());
        var item = Assert.Single(harness.WorkItems);
        Assert.Equal(item.Id, created.Bookmark.Id);

        var run = harness.Run(definition, created.Run.Instance, @case);
        await harness.Engine.ResumeAsync(run, new Stimulus(item.Id, "Fail", "没修好", null, "worker"), CancellationToken.None);

        Assert.Equal(1, @case.ReworkCount);
        var resumed = Assert.Single(harness.Events.OfType<BookmarkResumed>());
        Assert.Equal(["Fail"], resumed.Outcomes);
        Assert.Equal("worker", resumed.Stimulus.Actor);
    }

    private sealed class CountsRework : IStageOutcomeHandler
    {
        public CaseStage Stage => CaseStage.Verify;
        public string? Outcome => "Fail";

        public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
        {
            outcome.Case.RecordRework();
            return ValueTask.CompletedTask;
        }
    }

    private static WorkflowDefinition Waiting(string type, JsonObject inputs, params string[] ports) => new()
    {
        DefinitionId = "wait", Name = "wait",
        Root = new Flowchart
        {
            Activities = [Node("wait", type, inputs), .. ports.Select(p => Node(p, "End", new JsonObject { ["result"] = p == "TimedOut" ? "Unresolved" : "Done" }))],
            Connections = [.. ports.Select(p => Link("wait", p, p))],
        },
    };

    [Fact]
    public async Task A_timer_stores_its_instant_and_moves_on_when_released()
    {
        var definition = Waiting("Timer", new JsonObject { ["duration"] = "PT15M" }, "Done");
        var (harness, @case) = await RunAsync(definition);
        var timer = Assert.Single(harness.Timers);
        Assert.Equal((EngineHarness.Now.AddMinutes(15), "Done", "wait"), (timer.DueAt, timer.Outcome, timer.ActivityId));
        var created = Assert.Single(harness.Events.OfType<BookmarkCreated>());
        Assert.Equal(timer.BookmarkId, created.Bookmark.Id);

        await harness.Engine.ResumeAsync(harness.Run(definition, created.Run.Instance, @case), new Stimulus(timer.BookmarkId, "Done", null, null, Actors.System), CancellationToken.None);

        Assert.Equal(CaseResolution.Resolved, @case.Resolution);
        Assert.Equal(WorkflowStatus.Finished, created.Run.Instance.Status);
    }

    [Fact]
    public async Task A_timer_until_an_expression_instant_and_a_timer_without_either_faults_at_the_timer()
    {
        var (harness, _) = await RunAsync(Waiting("Timer", new JsonObject { ["until"] = Script("'2026-11-24T09:00:00+08:00'") }, "Done"));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)), Assert.Single(harness.Timers).DueAt);

        var faulty = new EngineHarness();
        var @case = NewCase();
        var definition = Waiting("Timer", [], "Done");
        var run = faulty.Run(definition, WorkflowInstance.Start(@case.Id, "wait", 1, EngineHarness.Now), @case);
        await faulty.Engine.StartAsync(run, CancellationToken.None);
        var fault = Assert.Single(faulty.Events.OfType<ActivityFaulted>());
        Assert.Equal("wait", fault.Fault.ActivityId);
        Assert.Contains("duration or until is required", fault.Fault.Error);
        Assert.Equal(WorkflowStatus.Faulted, run.Instance.Status);
        Assert.Empty(faulty.Timers);
    }

    [Fact]
    public async Task A_signal_keeps_its_data_and_a_timeout_leaves_by_TimedOut()
    {
        var definition = Waiting("WaitForSignal", new JsonObject { ["signal"] = "ReporterReplied", ["timeout"] = "PT1H" }, "Received", "TimedOut");
        var (harness, @case) = await RunAsync(definition);
        var timeout = Assert.Single(harness.Timers);
        Assert.Equal(("TimedOut", EngineHarness.Now.AddHours(1)), (timeout.Outcome, timeout.DueAt));
        var instance = harness.Events.OfType<BookmarkCreated>().Single().Run.Instance;

        await harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(timeout.BookmarkId, "Received", null, new JsonObject { ["answer"] = "ok" }, "acceptor"), CancellationToken.None);

        Assert.Equal(CaseResolution.Resolved, @case.Resolution);
        var finished = harness.Events.OfType<WorkflowFinished>().Single();
        Assert.Equal("ok", finished.Run.State.Variables["ReporterReplied"]!["answer"]!.GetValue<string>());
        // The timeout comes later: the bookmark is gone, so it is refused and changes nothing.
        await Assert.ThrowsAsync<GridCase.Domain.ConflictException>(() => harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(timeout.BookmarkId, "TimedOut", null, null, Actors.System), CancellationToken.None));
    }

    [Fact]
    public void The_descriptor_is_the_declaration_options_come_from_the_types()
    {
        var harness = new EngineHarness();
        var task = harness.Services.GetRequiredService<HumanTask>();
        var descriptor = task.Descriptor;

        Assert.Equal(task.Inputs.Select(i => i.Name), descriptor.Inputs.Select(i => i.Name));
        Assert.Equal(harness.Services.GetRequiredService<ITaskRoles>().Names, Input(descriptor, "role").Options);
        Assert.Equal(harness.Services.GetRequiredService<IAssigneeScopes>().Names, Input(descriptor, "scope").Options);
        Assert.Equal(Enum.GetNames<CalendarKind>(), Input(descriptor, "calendar").Options);
        Assert.Equal("Working", Input(descriptor, "calendar").DefaultValue);
        Assert.Equal("duration", Input(descriptor, "timeLimit").Type);
        Assert.Equal(("时限（ISO-8601，如 PT1H）", "time limit"), (Input(descriptor, "timeLimit").Label.Zh, Input(descriptor, "timeLimit").Label.En));
        Assert.All(Input(descriptor, "stage").Options!, o => Assert.True(Enum.IsDefined(Enum.Parse<CaseStage>(o))));
        Assert.Equal("outcomes", descriptor.OutcomesFromInput);
    }

    private static InputDescriptor Input(ActivityDescriptor descriptor, string name) => descriptor.Inputs.Single(i => i.Name == name);

    [Theory]
    [InlineData("timeLimit", "\"soon\"")]
    [InlineData("timeLimit", "\"P1Y\"")]
    [InlineData("warnRatio", "1.5")]
    [InlineData("warnRatio", "\"high\"")]
    [InlineData("calendar", "\"Lunar\"")]
    [InlineData("outcomes", "[\"Done\", 3]")]
    [InlineData("requiredFields", "{\"Done\": \"departmentCode\"}")]
    [InlineData("useCatalogTimeLimit", "\"yes\"")]
    public void The_validator_checks_each_literal_against_its_declared_type(string input, string json)
    {
        var inputs = new JsonObject { ["stage"] = "Handle", ["role"] = "Handler", ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray("Done") };
        inputs[input] = JsonNode.Parse(json);
        var definition = new WorkflowDefinition
        {
            DefinitionId = "typed", Name = "typed",
            Root = new Flowchart { Activities = [Node("task", "HumanTask", inputs), Node("end", "End")], Connections = [Link("task", "Done", "end")] },
        };

        var issues = new EngineHarness().Validator.Validate(definition);

        var issue = Assert.Single(issues, i => i.Code == "BadInput");
        Assert.Equal(("task", IssueSeverity.Error, input), (issue.ActivityId, issue.Severity, issue.Input));
    }

    [Fact]
    public void A_required_input_without_a_default_must_be_given()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "missing", Name = "missing",
            Root = new Flowchart
            {
                Activities = [Node("task", "HumanTask", new JsonObject { ["stage"] = "Handle", ["scope"] = "CaseGrid" }), Node("fork", "Fork"), Node("end", "End")],
                Connections = [Link("fork", "Branch1", "task"), Link("fork", "Branch2", "end")],
            },
        };

        var missing = new EngineHarness().Validator.Validate(definition).Where(i => i.Code == "MissingInput").Select(i => (i.ActivityId, i.Input)).ToList();

        Assert.Equal([("task", "role"), ("task", "outcomes")], missing);
    }

    [Fact]
    public void The_core_knows_no_cases()
    {
        string[] banned = ["GridCase.Domain.Cases", "GridCase.Domain.WorkItems", "GridCase.Domain.Catalog", "GridCase.CaseActivities"];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = typeof(WorkflowEngine).Assembly.GetTypes().SelectMany(t => t.GetFields(all).Select(f => f.FieldType)
            .Concat(t.GetProperties(all).Select(p => p.PropertyType))
            .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .Append(t.BaseType ?? typeof(object)));
        var offenders = used.SelectMany(Flatten).Where(t => banned.Any(b => t.Namespace?.StartsWith(b) == true)).Distinct().ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Append(t) : t.HasElementType ? Flatten(t.GetElementType()!) : [t];
}
