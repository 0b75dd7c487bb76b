using Comments.ServiceDefaults.Broker;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Comments.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ, configured the same way in both hosts: kebab-case endpoint names, publisher
    /// confirms (MassTransit's default, kept explicit), durable queues and persistent messages; with
    /// <see cref="RabbitMqOptions.Nodes"/>, every node of a cluster to fail over to.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<BrokerConnection>();
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddSingleton<IntakeQueues>();
        builder.Services.AddHostedService<IntakeQueueDeclaration>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.5 reports usage to its vendor over the internet unless told not to.
            bus.DisableUsageTelemetry();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                    if (options.Nodes.Count > 0)
                    {
                        host.UseCluster(cluster => options.Nodes.ForEach(cluster.Node));
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
