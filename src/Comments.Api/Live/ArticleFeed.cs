using System.Security.Cryptography;
using System.Threading.Channels;

namespace Comments.Api.Live;

/// <summary>
/// One article's events in this instance: the recent ones in a ring (for a reconnect with <c>Last-Event-ID</c>) and the
/// open streams they are copied to. A stream whose buffer is full is closed rather than waited for or grown: its
/// browser reconnects and resumes from the ring, or is told to reload when it fell further behind than the ring holds.
/// </summary>
public sealed class ArticleFeed(int recentEvents, int streamBuffer, DateTimeOffset createdAt)
{
    private const string NoData = "{}";
    private readonly Lock _lock = new();
    // Made on the first event: a feed opened on an article nobody writes to costs no ring.
    private LiveEvent?[]? _recent;
    private readonly List<Channel<LiveEvent>> _streams = [];
    private readonly BoundedChannelOptions _buffer = new(streamBuffer) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
    private long _sequence;
    private DateTimeOffset _idleSince = createdAt;
    private bool _closed;

    /// <summary>Names this feed in its events' ids, so that an id from any other feed is recognised as one.</summary>
    public string Name { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>
    /// A new stream: first a <c>ready</c> event (or <c>reset</c> when the reader's last event is not resumable) and the
    /// events after the reader's last one, then everything published from now on. Null when the feed was let go.
    /// </summary>
    public (Channel<LiveEvent> Stream, IReadOnlyList<LiveEvent> Opening)? Open(string? lastEventId)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return null;
            }
            var now = new LiveEventId(Name, _sequence);
            List<LiveEvent> opening;
            if (string.IsNullOrEmpty(lastEventId))
            {
                opening = [new LiveEvent(now, LiveEventKind.Ready, NoData)];
            }
            else if (LiveEventId.TryParse(lastEventId, out var last) && last.Feed == Name && last.Sequence <= _sequence && last.Sequence >= _sequence - recentEvents)
            {
                opening = [new LiveEvent(last, LiveEventKind.Ready, NoData)];
                for (var sequence = last.Sequence + 1; sequence <= _sequence; sequence++)
                {
                    opening.Add(_recent![sequence % recentEvents]!);
                }
            }
            else
            {
                opening = [new LiveEvent(now, LiveEventKind.Reset, NoData)];
            }
            var stream = Channel.CreateBounded<LiveEvent>(_buffer);
            _streams.Add(stream);
            return (stream, opening);
        }
    }

    public void Publish(LiveEventKind kind, string data, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }
            _sequence++;
            var live = new LiveEvent(new LiveEventId(Name, _sequence), kind, data);
            _recent ??= new LiveEvent?[recentEvents];
            _recent[_sequence % recentEvents] = live;
            for (var i = _streams.Count - 1; i >= 0; i--)
            {
                if (!_streams[i].Writer.TryWrite(live))
                {
                    // Too slow: closed once it has sent what it holds; the browser resumes from the ring.
                    _streams[i].Writer.TryComplete();
                    _streams.RemoveAt(i);
                    if (_streams.Count == 0)
                    {
                        _idleSince = now; // its reader's reconnect must still find the recent events
                    }
                }
            }
        }
    }

    public void Leave(Channel<LiveEvent> stream, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_streams.Remove(stream) && _streams.Count == 0)
            {
                _idleSince = now;
            }
        }
    }

    /// <summary>Ends the feed when no stream has been open for <paramref name="window"/>; true when it did.</summary>
    public bool TryClose(DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            _closed = _closed || (_streams.Count == 0 && now - _idleSince >= window);
            return _closed;
        }
    }
}
