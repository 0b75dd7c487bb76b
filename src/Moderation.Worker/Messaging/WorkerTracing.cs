using System.Diagnostics;
using Comments.ServiceDefaults;

namespace Moderation.Worker.Messaging;

/// <summary>The worker's own spans.</summary>
public static class WorkerTracing
{
    public static readonly ActivitySource Source = new(ObservabilityExtensions.WorkerSource);
}
