namespace GridCase.Host.WorkItems;

/// <summary>The inbox's three tabs: 我的待办 (claimed by me), 待领取 (nobody's yet, mine to take), 已办 (completed by me).</summary>
public enum InboxView
{
    Mine,
    Claimable,
    Done,
}
