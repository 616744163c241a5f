namespace GridCase.Domain.Cases;

public enum ArbitrationStatus
{
    Open,
    Decided,
}
