using System.Collections.Concurrent;

namespace Comments.Moderation.Settings;

/// <summary>Compiled word lists or example banks by site and list versions, so a list is compiled once per change, not per comment.</summary>
public sealed class CompiledCache<T>
{
    private readonly ConcurrentDictionary<(string Site, string Versions), T> _compiled = new();

    public bool TryGet(string siteId, string versions, out T compiled) =>
        _compiled.TryGetValue((siteId, versions), out compiled!);

    public void Store(string siteId, string versions, T compiled)
    {
        foreach (var stale in _compiled.Keys.Where(key => key.Site == siteId && key.Versions != versions))
        {
            _compiled.TryRemove(stale, out _);
        }
        _compiled[(siteId, versions)] = compiled;
    }
}
