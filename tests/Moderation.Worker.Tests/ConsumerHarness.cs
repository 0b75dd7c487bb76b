using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using Comments.Storage;
using Comments.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>
/// The worker's consumers with MassTransit's in-memory test harness in place of RabbitMQ, and the real PostgreSQL
/// (the end-to-end tests through RabbitMQ are in Comments.Api.Tests).
/// </summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private ConsumerHarness(ServiceProvider services) => (Services, Harness) = (services, services.GetRequiredService<ITestHarness>());

    public ServiceProvider Services { get; }
    public ITestHarness Harness { get; }

    /// <param name="configureBus">Changes to the in-memory bus, e.g. a filter on what the consumers publish.</param>
    public static async Task<ConsumerHarness> StartAsync(
        Action<IServiceCollection>? configure = null, Action<IBusRegistrationContext, IInMemoryBusFactoryConfigurator>? configureBus = null)
    {
        await TestServices.EnsureMigratedAsync();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddCommentsDatabase(TestServices.ConnectionString)
            .AddModerationPipeline()
            .AddSingleton<IntakeQueues>(); // classic queues, as on one broker node
        configure?.Invoke(services);
        var harness = new ConsumerHarness(services.AddMassTransitTestHarness(bus =>
        {
            bus.AddCommentConsumers();
            bus.UsingInMemory((context, memory) =>
            {
                configureBus?.Invoke(context, memory);
                memory.ConfigureEndpoints(context);
            });
        }).BuildServiceProvider(true));
        await harness.Harness.Start();
        return harness;
    }

    /// <summary>Decides the comments as one group, as the consumer does with messages that arrive together.</summary>
    public async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideTogetherAsync(params CommentSubmitted[] messages)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommentGroup>()
            .DecideAsync([.. messages.Select(m => new GroupMember(m, default))], CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
    }
}
