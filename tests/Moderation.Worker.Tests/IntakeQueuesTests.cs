using Comments.Contracts;
using Comments.ServiceDefaults;
using Comments.ServiceDefaults.Broker;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Tests;

/// <summary>
/// Where the API sends with each queue type. MassTransit declares a queue: address on send without queue arguments,
/// which RabbitMQ refuses for an existing quorum queue (PRECONDITION_FAILED), so quorum mode must send to the exchange.
/// The cluster fault scenarios (scripts/faults.sh rabbit-leader-stop) run the quorum queues for real.
/// </summary>
public sealed class IntakeQueuesTests
{
    [Theory]
    [InlineData(QueueType.Classic, "queue")]
    [InlineData(QueueType.Quorum, "exchange")]
    public void The_send_address_suits_the_queue_type(QueueType type, string scheme)
    {
        var queues = new IntakeQueues(Options.Create(new RabbitMqOptions { QueueType = type }));

        var address = queues.Address(QueueNames.ModerateComment);

        Assert.Equal($"{scheme}:{QueueNames.ModerateComment}", address.ToString());
    }
}
