using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Comments;

/// <summary>How much work one worker takes on at once. Section <c>Consumers</c>.</summary>
public sealed class ConsumerOptions
{
    public const string SectionName = "Consumers";

    /// <summary>Messages RabbitMQ hands this worker ahead of time (measured: 100 beats the default 16 on two cores).</summary>
    [Range(1, 10_000)] public int PrefetchCount { get; set; } = 100;

    /// <summary>Messages processed at the same time; 0 leaves it to MassTransit (the prefetch count).</summary>
    [Range(0, 10_000)] public int ConcurrentMessageLimit { get; set; }
}
