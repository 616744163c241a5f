namespace GridCase.Domain.Cases;

/// <summary>
/// The level of the org tree that answers for a case in tiered handling (分级处置), lowest first: a case goes up
/// one level when the one below cannot solve it (网格 → 社区 → 街镇 → 区).
/// </summary>
public enum ResponsibleLevel
{
    Grid,
    Community,
    Subdistrict,
    District,
}
