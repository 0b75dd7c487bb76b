using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Comments.ServiceDefaults.Broker;

/// <summary>
/// A plain RabbitMQ.Client connection beside MassTransit's, for what MassTransit does not offer: reading queue
/// depths and working the error queues. Opened on first use and again after the broker went away.
/// </summary>
public sealed class BrokerConnection(IOptions<RabbitMqOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>A new channel; with <paramref name="confirms"/> every publish waits for the broker's confirm.</summary>
    public async Task<IChannel> OpenChannelAsync(bool confirms, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: confirms, publisherConfirmationTrackingEnabled: confirms),
            cancellationToken);
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } current)
            {
                return current;
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
            var settings = options.Value;
            var factory = new ConnectionFactory
            {
                HostName = settings.Host,
                Port = settings.Port,
                VirtualHost = settings.VirtualHost,
                UserName = settings.Username,
                Password = settings.Password,
                ClientProvidedName = "comments-broker-tools",
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            };
            // With a cluster's nodes: the first that answers, in order.
            _connection = settings.Nodes.Count > 0
                ? await factory.CreateConnectionAsync(settings.Nodes.Select(AmqpTcpEndpoint.Parse).ToList(), cancellationToken)
                : await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
