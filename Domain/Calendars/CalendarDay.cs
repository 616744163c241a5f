namespace GridCase.Domain.Calendars;

/// <summary>A dated entry of a <see cref="CalendarYear"/>: a public holiday or a make-up working day (调休上班).</summary>
public sealed record CalendarDay(DateOnly Date, string Name);
