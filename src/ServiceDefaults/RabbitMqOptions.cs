using System.ComponentModel.DataAnnotations;

namespace Comments.ServiceDefaults;

/// <summary>Where the broker is. Section <c>RabbitMq</c>; environment variables <c>RabbitMq__Host</c> and so on.</summary>
public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";

    /// <summary>A cluster's nodes as host:port (<c>RabbitMq__Nodes__0</c> ...); the clients fail over between them. Empty: Host and Port alone.</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>The type of the intake queues; the API and the worker must agree, or RabbitMQ refuses the declare.</summary>
    public QueueType QueueType { get; set; } = QueueType.Classic;
}
