using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Comments.Storage;

public static class DbUpdateExceptionExtensions
{
    /// <summary>True when the write hit a unique key: the row is already there, so the work was already done.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
