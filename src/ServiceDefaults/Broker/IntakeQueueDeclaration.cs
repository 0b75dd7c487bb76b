using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comments.ServiceDefaults.Broker;

/// <summary>
/// With quorum intake queues, declares them at start (see <see cref="IntakeQueues"/>), again every 2 s until the
/// broker answers. Until then a send finds no bound queue, RabbitMQ returns it (mandatory) and the client gets a 503.
/// </summary>
public sealed partial class IntakeQueueDeclaration(
    IntakeQueues queues, BrokerConnection broker, IOptions<RabbitMqOptions> options, ILogger<IntakeQueueDeclaration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.QueueType != QueueType.Quorum)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queues.DeclareAsync(broker, stoppingToken);
                Declared(logger, string.Join(", ", IntakeQueues.Names));
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                NotDeclared(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declared the quorum intake queues {Queues}")]
    private static partial void Declared(ILogger logger, string queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not declare the quorum intake queues yet; trying again in 2 s")]
    private static partial void NotDeclared(ILogger logger, Exception exception);
}
