namespace GridCase.Domain.Calendars;

/// <summary>Which clock a <see cref="TimeLimit"/> runs on.</summary>
public enum CalendarKind
{
    /// <summary>Only working hours on working days count (weekends, holidays and lunch breaks do not).</summary>
    Working,

    /// <summary>Every hour counts; the working calendar is ignored.</summary>
    Natural,
}
