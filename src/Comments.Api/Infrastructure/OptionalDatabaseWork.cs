using System.Data.Common;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Database work intake can do without (standing, the early pending row, a retry's look-up, a refusal's record): 250 ms
/// a call at most, and a circuit that skips it while PostgreSQL is away. Why these figures: docs/architecture.md.
/// </summary>
public sealed class OptionalDatabaseWork(
    ResiliencePipelineProvider<string> pipelines,
    IDbContextFactory<CommentsDbContext> contexts,
    ILogger<OptionalDatabaseWork> logger)
{
    public const string PipelineName = "optional-database-work";
    public static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(250);

    public static void Configure(ResiliencePipelineBuilder pipeline) => pipeline
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(2),
            BreakDuration = TimeSpan.FromSeconds(5),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsDatabaseFailure),
        })
        .AddTimeout(Deadline);

    /// <summary>
    /// The result, or <paramref name="fallback"/> when the database did not answer in time or the circuit is open; the
    /// outcome is handed back, not thrown, because under overload the throwing cost CPU intake needed.
    /// </summary>
    public async Task<T> TryAsync<T>(string what, Func<CommentsDbContext, CancellationToken, Task<T>> work, T fallback)
    {
        var resilience = ResilienceContextPool.Shared.Get(CancellationToken.None);
        try
        {
            var outcome = await pipelines.GetPipeline(PipelineName).ExecuteOutcomeAsync(
                static (resilience, state) => new ValueTask<Outcome<T>>(state.Self.AttemptAsync(state.work, resilience.CancellationToken)),
                resilience, (Self: this, work));
            if (outcome.Exception is not (null or BrokenCircuitException) && !IsDatabaseFailure(outcome.Exception))
            {
                outcome.ThrowIfException(); // not the database's doing: a bug, which must not pass for an outage
            }
            if (outcome.Exception is null)
            {
                return outcome.Result!;
            }
            if (outcome.Exception is not BrokenCircuitException)
            {
                logger.LogWarning(outcome.Exception, "Went on without the database: {What}", what);
            }
            return fallback;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    private async Task<Outcome<T>> AttemptAsync<T>(Func<CommentsDbContext, CancellationToken, Task<T>> work, CancellationToken token)
    {
        try
        {
            // WaitAsync: the deadline stops the wait even when the work does not notice it (Npgsql opening a connection
            // to a server that is shutting down did not), so the failure is counted and the circuit can open.
            return Outcome.FromResult(await WithOwnContextAsync(work, token).WaitAsync(token));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<T>(exception);
        }
    }

    private async Task<T> WithOwnContextAsync<T>(Func<CommentsDbContext, CancellationToken, Task<T>> work, CancellationToken token)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await work(db, token);
    }

    private static bool IsDatabaseFailure(Exception exception) =>
        exception is DbException or DbUpdateException or TimeoutRejectedException or OperationCanceledException or InvalidOperationException;
}
