namespace GridCase.Workflows.Activities;

/// <summary>
/// An activity that collects arrivals: the engine records which source activity led into it before
/// running it, so it can wait for the branches it needs (<see cref="ActivityExecutionContext.Arrivals"/>).
/// </summary>
public interface IJoinActivity : IActivity;
