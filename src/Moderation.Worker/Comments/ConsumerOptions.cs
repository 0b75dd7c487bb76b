using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Comments;

/// <summary>How much work one worker takes on at once. Section <c>Consumers</c>.</summary>
public sealed class ConsumerOptions
{
    public const string SectionName = "Consumers";

    /// <summary>Messages RabbitMQ hands this worker ahead of time (measured: 100 beats the default 16 on two cores).</summary>
    [Range(1, 10_000)] public int PrefetchCount { get; set; } = 100;

    /// <summary>
    /// Messages processed at the same time; 0 leaves it to MassTransit (the prefetch count). New comments wait for
    /// their group without a database connection; a message decided on its own holds one, so this stays near the
    /// worker's connection pool (<c>Database:MaxPoolSize</c>, 32), beyond which a message waits for a connection.
    /// </summary>
    [Range(0, 10_000)] public int ConcurrentMessageLimit { get; set; } = 48;

    /// <summary>The most new comments decided together in one transaction (measured in docs/performance.md); 1 decides each on its own.</summary>
    [Range(1, 1_000)] public int DecisionGroupSize { get; set; } = 32;

    /// <summary>Groups being decided at the same time, each with one database connection.</summary>
    [Range(1, 16)] public int DecisionGroupLoops { get; set; } = 2;

    /// <summary>
    /// The longest the worker waits for the broker to confirm a decision's event. After a broker restart a publish with
    /// confirms can wait for ever (RabbitMQ.Client 7, rabbitmq-dotnet-client #1928/#1930), and a consumer that never
    /// ends keeps MassTransit from reconnecting; past the deadline the consumer stops waiting, the message fails and is
    /// retried (the decision is already stored, so only the event is published again) and the endpoint can start afresh.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries after the first before a message moves to its <c>_error</c> queue.</summary>
    [Range(0, 100)] public int RetryLimit { get; set; } = 10;

    /// <summary>The longest wait between two tries (the back-off starts at 200 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:10:00")] public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the worker reads its queues' depths and checks that it consumes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the broker may answer while this worker does not consume before the bus is restarted.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")] public TimeSpan StalledRestartAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Whether a stalled worker exits to be started again (off only where a process hosts more than the worker, as in tests).</summary>
    public bool ExitWhenStalled { get; set; } = true;
}
