using System.Net.ServerSentEvents;
using Comments.Storage;

namespace Comments.Api.Live;

/// <summary>One event of an article's feed, its data already JSON so that it is serialised once, not once per stream.</summary>
public sealed record LiveEvent(LiveEventId Id, LiveEventKind Kind, string Data)
{
    public SseItem<string> ToSseItem() => new(Data, Kind.WireName()) { EventId = Id.ToString() };
}
