using System.Threading.Channels;
using Comments.Storage.Comments;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Comments.Api.Infrastructure.PendingRows;

/// <summary>
/// Writes the early pending rows of the comments this instance took, as one statement for whatever has arrived (up to
/// <see cref="PendingRowOptions.MaxBatch"/>): the requests share a round trip instead of one each. Best effort like
/// any <see cref="OptionalDatabaseWork"/>: a full queue or a database that does not answer drops only the early rows.
/// A row the worker stored first is never overwritten. What is queued at shutdown is written before the host stops.
/// </summary>
public sealed class PendingRowWriter(OptionalDatabaseWork optionalWork, IOptions<PendingRowOptions> options, ILogger<PendingRowWriter> logger)
    : IHostedService
{
    private readonly Channel<PendingRow> _rows = Channel.CreateBounded<PendingRow>(
        new BoundedChannelOptions(options.Value.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>
    /// Completes once the row is written, or known not to be (queue full, database away), or after the optional work's
    /// deadline, whichever comes first (batches queued ahead must not hold a 202 longer than one insert would); never throws.
    /// </summary>
    public async Task WriteAsync(Comment comment)
    {
        var row = new PendingRow(comment);
        if (_rows.Writer.TryWrite(row))
        {
            await row.Written.Task.WaitAsync(OptionalDatabaseWork.Deadline).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task _writing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Ends the writing once everything queued is written (or the host stops waiting).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _rows.Writer.TryComplete();
        await _writing.WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PendingRow>(options.Value.MaxBatch);
        while (await _rows.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < options.Value.MaxBatch && _rows.Reader.TryRead(out var row))
            {
                batch.Add(row);
            }
            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Could not write {Count} pending rows", batch.Count); // a bug: the requests must not wait for ever
            }
            batch.ForEach(row => row.Written.TrySetResult());
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingRow> batch)
    {
        var comments = batch.ConvertAll(row => row.Comment);
        if (await TryInsertAsync("record comments as pending", comments) != BatchOutcome.RowRejected)
        {
            return;
        }
        // One row broke a constraint, failing the statement: the others go one by one so that only it is lost.
        logger.LogWarning("A batch of {Count} pending rows was refused; writing them one by one", comments.Count);
        foreach (var comment in comments)
        {
            await TryInsertAsync("record a comment as pending", [comment]);
        }
    }

    private Task<BatchOutcome> TryInsertAsync(string what, IReadOnlyList<Comment> comments) => optionalWork.TryAsync(what, async (db, token) =>
    {
        try
        {
            await db.InsertPendingIfAbsentAsync(comments, token);
            return BatchOutcome.Written;
        }
        catch (PostgresException exception) when (exception.SqlState[..2] is "22" or "23") // data or integrity: this data, not the database
        {
            logger.LogWarning(exception, "Pending rows refused by a constraint");
            return BatchOutcome.RowRejected;
        }
    }, BatchOutcome.NotWritten);

    private sealed record PendingRow(Comment Comment)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private enum BatchOutcome { Written, RowRejected, NotWritten }
}
