using System.Threading.Channels;
using Comments.Contracts;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Intake.Skeleton;

/// <summary>
/// The consumer: whatever has arrived (up to <see cref="MaxBatch"/>) is stored in one statement, then acknowledged
/// with one multiple-ack. A failure stops the process; the unacknowledged messages go back to the queue.
/// </summary>
public sealed class BatchStore(SkeletonBroker broker, NpgsqlDataSource database) : BackgroundService
{
    private const ushort Prefetch = 1_000;
    private const int MaxBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var arrived = Channel.CreateUnbounded<(ulong Tag, CommentSubmitted Comment)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await using var channel = await broker.OpenConsumerChannelAsync(stoppingToken);
        await channel.BasicQosAsync(0, Prefetch, global: false, stoppingToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            arrived.Writer.TryWrite((delivery.DeliveryTag, SkeletonBroker.Read(delivery.Body.Span)));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(SkeletonBroker.Queue, autoAck: false, consumer, stoppingToken);

        var batch = new List<CommentSubmitted>(MaxBatch);
        while (await arrived.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            var lastTag = 0UL;
            while (batch.Count < MaxBatch && arrived.Reader.TryRead(out var delivery))
            {
                batch.Add(delivery.Comment);
                lastTag = delivery.Tag;
            }
            await CommentRows.StoreApprovedAsync(database, batch, stoppingToken);
            await channel.BasicAckAsync(lastTag, multiple: true, stoppingToken);
        }
    }
}
