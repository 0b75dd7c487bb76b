using Microsoft.Extensions.Logging;
using Comments.ServiceDefaults;
using Comments.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Worker;

namespace Comments.Api.Tests;

/// <summary>
/// The whole system for one test run: the API and the moderation worker in-process, on the real PostgreSQL and
/// RabbitMQ. Tests that need the worker away stop it and start it again.
/// </summary>
public sealed class CommentsStack : IAsyncLifetime
{
    private IHost? _worker;

    /// <summary>The running in-process worker's services (to drive a background job by hand).</summary>
    public IServiceProvider WorkerServices => _worker?.Services ?? throw new InvalidOperationException("The worker is not running.");

    public ApiFactory Api { get; } = new();

    /// <summary>The SMTP server the worker sends readers' mail to.</summary>
    public SmtpSink Mail { get; } = new();

    public async Task InitializeAsync()
    {
        await TestServices.EnsureMigratedAsync();
        await StartWorkerAsync();
        Api.StartServer();
    }

    public async Task StartWorkerAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Development",
            ContentRootPath = Path.Combine(TestServices.RepositoryRoot, "src", "Moderation.Worker"),
        });
        // The in-process worker has no scrape endpoint of its own: its metrics would collide with a running worker.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ObservabilityExtensions.ListenerPortKey] = "0", ["Consumers:ExitWhenStalled"] = "false",
            // A model retrained from other tests' decisions would change their outcomes; LearningLoopTests turns it on.
            ["Retraining:Enabled"] = "false",
            // A burst of test comments would protect its article and hold later tests' comments; BrigadeTests turns it on.
            ["BrigadeWatch:Enabled"] = "false",
            // Tests post many comments as one reader in a moment; TwoInstanceTests turns the posting limit on.
            ["PostingLimit:Enabled"] = "false",
            // The digest's window is driven by hand with its own clock (NotificationDigestTests).
            ["NotificationDigest:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(Mail.WorkerSettings);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(LogRecorder.Shared);
        builder.AddModerationServices();
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        _worker = builder.Build();
        await _worker.StartAsync();
    }

    public async Task StopWorkerAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
            _worker = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopWorkerAsync();
        await Api.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<CommentsStack>
{
    public const string Name = "stack";
}
