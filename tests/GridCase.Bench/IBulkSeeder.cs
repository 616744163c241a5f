namespace GridCase.Bench;

/// <summary>Fills the Host's database while the Host is stopped, with copies of cases the Host wrote over HTTP (see <see cref="BulkSeeder"/>).</summary>
public interface IBulkSeeder
{
    /// <summary>Reads up to <paramref name="max"/> cases of each kind the HTTP phases left: closed (Done) and still open.</summary>
    Task<IReadOnlyList<CaseTemplate>> ReadTemplatesAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="count"/> copies of the templates, round robin; one in <paramref name="openEvery"/> of an open case, every
    /// <paramref name="superviseEvery"/>th open copy with a supervision entry (0: none).
    /// </summary>
    /// <param name="deadline">The open work item of copy i warns at deadline(i) and is overdue at deadline(i) + overdueAfter.</param>
    Task SeedAsync(IReadOnlyList<CaseTemplate> templates, int count, string numberPrefix, int openEvery, int superviseEvery,
        Func<int, DateTimeOffset> deadline, TimeSpan overdueAfter, CancellationToken cancellationToken);
}
