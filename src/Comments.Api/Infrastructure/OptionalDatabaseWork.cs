using System.Data.Common;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Comments.Api.Comments;

/// <summary>
/// Database work that intake can do without: the reader's standing (the worker checks it again), the early
/// "pending" row and help request (the worker stores them), the look-up of a retried post (the worker stores an id
/// once) and the record of a refused post.
/// Each call gets 250 ms at most (they take 1-5 ms when the database is well; a comment makes two or three, and
/// with a second each a hanging database held every intake slot); and once half of at least 10 calls in 2 s have failed, the circuit opens and
/// for 5 s calls are skipped at once, so that while PostgreSQL is away a comment costs the API no more than its
/// send to the broker (without it each waited for the database, and the intake limit refused comments with 503).
/// The window is short because at full rate a longer one holds thousands of successes from before the outage: with
/// 10 s the circuit opened only 7 s into it (fault-injection run, postgres-stop).
/// </summary>
public sealed class OptionalDatabaseWork(
    ResiliencePipelineProvider<string> pipelines,
    IDbContextFactory<CommentsDbContext> contexts,
    ILogger<OptionalDatabaseWork> logger)
{
    public const string PipelineName = "optional-database-work";

    public static void Configure(ResiliencePipelineBuilder pipeline) => pipeline
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(2),
            BreakDuration = TimeSpan.FromSeconds(5),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsDatabaseFailure),
        })
        .AddTimeout(TimeSpan.FromMilliseconds(250));

    /// <summary>
    /// The work's result, or <paramref name="fallback"/> when the database did not answer in time or the circuit is
    /// open. The work gets a context of its own, which it gives back when it ends, even after it was given up on.
    /// Polly hands back the outcome instead of throwing it: under overload thousands of calls a second meet an open
    /// circuit or a deadline, and throwing each through the pipeline cost CPU that intake needed.
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
