namespace GridCase.Host.Identity;

public static class Roles
{
    public const string Acceptor = nameof(Acceptor);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Handler = nameof(Handler);
    public const string GridWorker = nameof(GridWorker);
    public const string CallbackAgent = nameof(CallbackAgent);
    public const string Supervisor = nameof(Supervisor);
    public const string PolicyAdmin = nameof(PolicyAdmin);
    public const string Admin = nameof(Admin);

    /// <summary>The roles that work cases, to whom a flow's human tasks go.</summary>
    public static readonly IReadOnlyList<string> Workers = [Acceptor, Dispatcher, Handler, GridWorker, CallbackAgent, Supervisor];

    public static readonly IReadOnlyList<string> All = [.. Workers, PolicyAdmin, Admin];
}
