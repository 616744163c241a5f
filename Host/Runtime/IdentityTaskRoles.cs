using GridCase.CaseActivities;
using GridCase.Host.Identity;

namespace GridCase.Host.Runtime;

public sealed class IdentityTaskRoles : ITaskRoles
{
    public IReadOnlyList<string> Names => Roles.Workers;
}
