using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Comments.Api.Live;

/// <summary>
/// The articles this instance streams: one feed per article however many readers have it open, fed once per event by
/// <see cref="LiveRelay"/>, and the caps on open streams (per instance and per client address).
/// </summary>
public sealed class LiveArticles(IOptions<LiveOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ArticleFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly Lock _counts = new();
    private int _streams;

    public int OpenStreams => Volatile.Read(ref _streams);

    /// <summary>Whether any stream has the article open (or had it within the resume window): only then is an event worth a query.</summary>
    public bool IsWatched(string articleId) => _feeds.ContainsKey(articleId);

    public LiveSubscription? Open(string articleId, string client, string? lastEventId, out LiveRefusal refusal)
    {
        refusal = Take(client);
        if (refusal != LiveRefusal.None)
        {
            return null;
        }
        var settings = options.Value;
        // Every article someone opens keeps a feed for the resume window: the cap keeps made-up keys from piling up.
        if (_feeds.Count >= settings.MaxArticles && !_feeds.ContainsKey(articleId))
        {
            Release(client);
            refusal = LiveRefusal.InstanceFull;
            return null;
        }
        while (true)
        {
            var feed = _feeds.GetOrAdd(articleId, _ => new ArticleFeed(settings.RecentEvents, settings.StreamBuffer, clock.GetUtcNow()));
            if (feed.Open(lastEventId) is { } opened)
            {
                return new LiveSubscription(opened.Opening, opened.Stream, s =>
                {
                    feed.Leave(s, clock.GetUtcNow());
                    Release(client);
                });
            }
            _feeds.TryRemove(new KeyValuePair<string, ArticleFeed>(articleId, feed)); // let go meanwhile: start a new one
        }
    }

    public void Publish(string articleId, LiveEventKind kind, string data)
    {
        if (_feeds.TryGetValue(articleId, out var feed))
        {
            feed.Publish(kind, data, clock.GetUtcNow());
        }
    }

    /// <summary>Lets go of the feeds no stream has had open for the resume window.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (articleId, feed) in _feeds)
        {
            if (feed.TryClose(now, options.Value.ResumeWindow))
            {
                _feeds.TryRemove(new KeyValuePair<string, ArticleFeed>(articleId, feed));
            }
        }
    }

    private LiveRefusal Take(string client)
    {
        lock (_counts)
        {
            if (_streams >= options.Value.MaxStreams)
            {
                return LiveRefusal.InstanceFull;
            }
            var held = _perClient.GetValueOrDefault(client);
            if (held >= options.Value.MaxStreamsPerClient)
            {
                return LiveRefusal.ClientFull;
            }
            _perClient[client] = held + 1;
            _streams++;
            return LiveRefusal.None;
        }
    }

    private void Release(string client)
    {
        lock (_counts)
        {
            _streams--;
            if (--_perClient[client] == 0)
            {
                _perClient.Remove(client);
            }
        }
    }
}
