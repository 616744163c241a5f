using GridCase.Domain.Cases;

namespace GridCase.Host.FlowBindings;

/// <summary>
/// A rule choosing the flow for new cases: every part given must match the case, and of the matching rules
/// the most specific wins (see <see cref="Specificity"/>). No rule matching means the default flow.
/// </summary>
public sealed class FlowBinding
{
    public long Id { get; set; }
    public Channel? Channel { get; init; }
    public string? CategoryCode { get; init; }
    public string? ItemCode { get; init; }
    public required string DefinitionId { get; init; }

    /// <summary>
    /// Item beats category beats channel; within a level, a rule that also names the channel beats one that does
    /// not: item+channel (5) &gt; item (4) &gt; category+channel (3) &gt; category (2) &gt; channel (1).
    /// </summary>
    public int Specificity => (ItemCode is null ? 0 : 4) + (CategoryCode is null || ItemCode is not null ? 0 : 2) + (Channel is null ? 0 : 1);

    public bool Matches(Channel channel, string? categoryCode, string? itemCode) =>
        (Channel is null || Channel == channel)
        && (CategoryCode is null || CategoryCode == categoryCode)
        && (ItemCode is null || ItemCode == itemCode);
}
