namespace GridCase.CaseActivities;

/// <summary>The roles a human task may be given to; the Host's identity roles.</summary>
public interface ITaskRoles
{
    IReadOnlyList<string> Names { get; }
}
