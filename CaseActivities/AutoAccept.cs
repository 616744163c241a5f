using System.Globalization;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// 自动受理: accepts without a person. The item given with the report classifies the case; without one, the catalog's
/// best suggestion for the title and description does when its score clears the threshold. Otherwise the case
/// leaves by NeedsReview, e.g. to an acceptor's task.
/// </summary>
public sealed class AutoAccept : Activity
{
    public const string Accepted = "Accepted";
    public const string NeedsReview = "NeedsReview";

    protected override ActivityInfo Info { get; } = new(
        "AutoAccept", new("自动受理", "Auto accept"), ActivityCategories.Loop,
        new("无需受理员：按上报的事项立案；未给事项时按智能推荐的首选事项立案（得分须达到阈值）；否则走“待人工审核”",
            "Accepts without an acceptor: by the item given with the report, else by the catalog's best suggestion when its score reaches the threshold; otherwise leaves by NeedsReview."),
        [Accepted, NeedsReview]);

    public Input<double?> MinScore { get; } = Input.Number("minScore", "推荐得分阈值", "minimum suggestion score", min: 0) with
    {
        Default = 30,
        Help = new("推荐首选事项的得分不低于此值才自动立案（得分见 GET /api/catalog/suggest）",
            "the best suggestion classifies the case only with at least this score (as GET /api/catalog/suggest shows it)"),
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        @case.EnterStage(CaseStage.Accept);
        if (@case.Catalog is { } given)
        {
            @case.Accept(null);
            context.Journal(CaseStage.Accept, Accepted, "ReportItem", $"{given.ItemCode} {given.ItemName}");
            return ActivityResult.Done(Accepted);
        }

        var threshold = context.Get(MinScore) ?? 30;
        var best = await context.GetRequiredService<ICaseClassifier>().BestSuggestionAsync($"{@case.Title} {@case.Description}", cancellationToken);
        if (best is not null && best.Score >= threshold)
        {
            @case.Accept(best.Item);
            context.Journal(CaseStage.Accept, Accepted, "Suggested",
                $"{best.Item.ItemCode} {best.Item.ItemName} ({Show(best.Score)} ≥ {Show(threshold)})");
            return ActivityResult.Done(Accepted);
        }
        context.Journal(CaseStage.Accept, NeedsReview, comment: best is null
            ? "无推荐事项 / no suggestion"
            : $"{best.Item.ItemCode} {best.Item.ItemName} ({Show(best.Score)} < {Show(threshold)})");
        return ActivityResult.Done(NeedsReview);
    }

    private static string Show(double score) => score.ToString("0.###", CultureInfo.InvariantCulture);
}
