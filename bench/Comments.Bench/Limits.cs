using System.Diagnostics;
using System.Text.Json;
using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Comments.Bench;

/// <summary>
/// What the parts allow on this machine, measured with their own clients and the same messages and rows the system
/// handles: RabbitMQ publish-with-confirm and consume, and PostgreSQL batched inserts.
/// </summary>
public sealed class Limits(BrokerConnection broker, NpgsqlDataSource database)
{
    private const string Queue = "bench-raw-round-trip";

    /// <summary>Persistent messages the size of a CommentSubmitted envelope, published with confirms (64 in flight) and consumed with acks.</summary>
    public async Task<Throughput> BrokerRoundTripAsync(int messages)
    {
        await using var publisher = await broker.OpenChannelAsync(confirms: true, CancellationToken.None);
        await using var consumerChannel = await broker.OpenChannelAsync(confirms: false, CancellationToken.None);
        await publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await publisher.QueuePurgeAsync(Queue);
        await consumerChannel.BasicQosAsync(0, 100, false);

        var body = JsonSerializer.SerializeToUtf8Bytes(new { messageId = Guid.NewGuid(), messageType = new[] { "urn:message:Comments.Contracts:CommentSubmitted" }, message = SampleComment() });
        var sentAt = new Dictionary<string, long>();
        var latencies = new List<double>(messages);
        var done = new TaskCompletionSource();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            lock (latencies)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[delivery.BasicProperties.MessageId!]).TotalMilliseconds);
                if (latencies.Count == messages)
                {
                    done.TrySetResult();
                }
            }
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await consumerChannel.BasicConsumeAsync(Queue, autoAck: false, consumer);

        var clock = Stopwatch.StartNew();
        using var inFlight = new SemaphoreSlim(64);
        var sends = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            await inFlight.WaitAsync();
            var id = i.ToString();
            lock (latencies)
            {
                sentAt[id] = Stopwatch.GetTimestamp();
            }
            sends.Add(Send(id));
        }
        await Task.WhenAll(sends);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var elapsed = clock.Elapsed;
        await publisher.QueueDeleteAsync(Queue);
        var sorted = latencies.Order().ToArray();
        return new Throughput("raw RabbitMQ publish-confirm + consume", messages, messages / elapsed.TotalSeconds,
            Closed.Percentile(sorted, 0.5), Closed.Percentile(sorted, 0.99), 0);

        async Task Send(string id)
        {
            try
            {
                await publisher.BasicPublishAsync("", Queue, mandatory: true, new BasicProperties { MessageId = id, Persistent = true }, body);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    /// <summary>The same comment rows inserted in batches of 100 statements per round trip, 4 connections at once.</summary>
    public async Task<Throughput> BatchedInsertAsync(int rows)
    {
        await using (var create = database.CreateCommand("drop table if exists bench_raw_comments; create unlogged table bench_raw_comments (like comments including defaults)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        var perWorker = rows / 4;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var connection = await database.OpenConnectionAsync();
            for (var done = 0; done < perWorker; done += 100)
            {
                await using var batch = new NpgsqlBatch(connection);
                for (var i = 0; i < 100; i++)
                {
                    var comment = SampleComment();
                    var command = new NpgsqlBatchCommand("""
                        insert into bench_raw_comments (id, site_id, article_id, author_id, author_name, body, status, created_at, updated_at, depth, revision, reply_count, respect_count, open_report_count)
                        values ($1, 'default', $2, $3, $4, $5, 'approved', $6, $6, 0, 1, 0, 0, 0)
                        """);
                    foreach (var value in new object[] { comment.CommentId, comment.ArticleId, comment.AuthorId, comment.AuthorName, comment.Body, comment.SubmittedAt })
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value });
                    }
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync();
            }
        }));
        var elapsed = clock.Elapsed;
        await using (var drop = database.CreateCommand("drop table bench_raw_comments"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        return new Throughput("raw PostgreSQL batched insert", perWorker * 4, perWorker * 4 / elapsed.TotalSeconds, double.NaN, double.NaN, 0);
    }

    private static CommentSubmitted SampleComment() => new()
    {
        CommentId = Guid.CreateVersion7(),
        ArticleId = "bench-raw",
        AuthorId = "bench-reader",
        AuthorName = "Bench Reader",
        Body = "A measured comment of ordinary length, thanking the reporter and disagreeing a little with the conclusion.",
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}
