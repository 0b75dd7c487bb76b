using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>
/// Configuration with fixed values that remembers every key asked of it. Added last, it is asked first for every
/// key, so it sees each read of the host, whichever source answers.
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string?> values) : IConfigurationSource
{
    public ConcurrentDictionary<string, bool> Asked { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this, values);

    private sealed class Provider(RecordingConfigurationSource source, IReadOnlyDictionary<string, string?> values) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            source.Asked[key] = true;
            return base.TryGet(key, out value);
        }

        // Lists and sections are read by asking for their children.
        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                source.Asked[parentPath] = true;
            }
            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }
}
