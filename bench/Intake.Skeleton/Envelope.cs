using System.Reflection;
using Comments.Contracts;

namespace Intake.Skeleton;

/// <summary>
/// A comment in the shape and size of MassTransit's JSON envelope (addresses, message type, headers, host), so that
/// the skeleton's broker and consumer handle the same bytes per comment as the system's.
/// </summary>
public sealed record Envelope(
    Guid MessageId,
    Guid ConversationId,
    string SourceAddress,
    string DestinationAddress,
    string[] MessageType,
    CommentSubmitted Message,
    DateTimeOffset SentTime,
    Dictionary<string, string> Headers,
    Dictionary<string, string> Host)
{
    public const string ContentType = "application/vnd.masstransit+json";
    private static readonly string[] CommentType = [$"urn:message:{typeof(CommentSubmitted).Namespace}:{nameof(CommentSubmitted)}"];
    private static readonly Dictionary<string, string> ThisHost = new()
    {
        ["machineName"] = Environment.MachineName,
        ["processName"] = "dotnet",
        ["processId"] = Environment.ProcessId.ToString(),
        ["assembly"] = "Intake.Skeleton",
        ["assemblyVersion"] = "1.0.0.0",
        ["frameworkVersion"] = Environment.Version.ToString(),
        ["massTransitVersion"] = "8.5.12.0",
        ["operatingSystemVersion"] = Environment.OSVersion.ToString(),
    };
    private static readonly string Source = $"rabbitmq://localhost/{Environment.MachineName}_{Assembly.GetEntryAssembly()?.GetName().Name}_bus_{Guid.NewGuid():N}?temporary=true";

    public static Envelope For(CommentSubmitted comment, string queue) => new(
        comment.CommentId, Guid.NewGuid(), Source, $"rabbitmq://localhost/{queue}", CommentType, comment, DateTimeOffset.UtcNow, [], ThisHost);
}
