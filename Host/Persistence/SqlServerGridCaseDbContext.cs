using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Persistence;

public sealed class SqlServerGridCaseDbContext(DbContextOptions<SqlServerGridCaseDbContext> options) : GridCaseDbContext(options);
