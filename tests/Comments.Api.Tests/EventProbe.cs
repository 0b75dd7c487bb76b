using System.Collections.Concurrent;
using MassTransit;

namespace Comments.Api.Tests;

/// <summary>Listens on a temporary queue of the real broker for the events a test expects to be published.</summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private HostReceiveEndpointHandle? _handle;

    public static async Task<EventProbe> StartAsync<T1, T2, T3, T4>(IBus bus)
        where T1 : class where T2 : class where T3 : class where T4 : class
    {
        var probe = new EventProbe();
        probe._handle = bus.ConnectReceiveEndpoint($"test-probe-{Guid.NewGuid():N}", endpoint =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
            endpoint.Handler<T1>(context => probe.Add(context.Message));
            endpoint.Handler<T2>(context => probe.Add(context.Message));
            endpoint.Handler<T3>(context => probe.Add(context.Message));
            endpoint.Handler<T4>(context => probe.Add(context.Message));
        });
        await probe._handle.Ready;
        return probe;
    }

    private Task Add(object message)
    {
        _received.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task<T> WaitForAsync<T>(Func<T, bool> match) => global::Comments.Testing.Eventually.Until(
        () => Task.FromResult(_received.OfType<T>().FirstOrDefault(match)), found => found is not null, what: $"a {typeof(T).Name} event")!;

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }
}
