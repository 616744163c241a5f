namespace GridCase.Host.Whistles;

/// <summary>The fixed shape of a summons (报到) work item, so that lists and the web app can recognise it beside its kind.</summary>
public static class Summons
{
    /// <summary>The activity id summons work items carry: no flow has it, so no flow step waits on them.</summary>
    public const string ActivityId = "whistle";

    public const string Name = "吹哨报到 Report";

    /// <summary>报到: the department reports what it will do (its comment is its response).</summary>
    public const string Reported = nameof(Reported);

    public const int MaxDepartments = 20;
    public const int MaxReasonLength = 2000;

    /// <summary>A summons is short by nature; more than this is a dispatch, not a whistle.</summary>
    public static readonly TimeSpan MaxResponseLimit = TimeSpan.FromDays(3);
}
