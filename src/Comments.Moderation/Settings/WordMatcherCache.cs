using System.Collections.Concurrent;
using Comments.Moderation.Words;

namespace Comments.Moderation.Settings;

/// <summary>Compiled word lists by site and list versions, so a list is compiled once per change, not per comment.</summary>
public sealed class WordMatcherCache
{
    private readonly ConcurrentDictionary<(string Site, string Versions), WordMatcher> _matchers = new();

    public bool TryGet(string siteId, string versions, out WordMatcher matcher) =>
        _matchers.TryGetValue((siteId, versions), out matcher!);

    public void Store(string siteId, string versions, WordMatcher matcher)
    {
        foreach (var stale in _matchers.Keys.Where(key => key.Site == siteId && key.Versions != versions))
        {
            _matchers.TryRemove(stale, out _);
        }
        _matchers[(siteId, versions)] = matcher;
    }
}
