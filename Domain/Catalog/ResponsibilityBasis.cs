namespace GridCase.Domain.Catalog;

/// <summary>三定: why a department owns an item — by law, by agreement, or by designation.</summary>
public enum ResponsibilityBasis
{
    Statutory,
    Agreed,
    Designated,
}
