using System.Threading.Channels;

namespace Comments.Api.Live;

/// <summary>One open stream: what it opens with, then its buffer. Disposing it leaves the feed and frees its place.</summary>
public sealed class LiveSubscription(IReadOnlyList<LiveEvent> opening, Channel<LiveEvent> stream, Action<Channel<LiveEvent>> leave) : IDisposable
{
    private int _disposed;

    public IReadOnlyList<LiveEvent> Opening => opening;

    public ChannelReader<LiveEvent> Events => stream.Reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            leave(stream);
        }
    }
}
