using Comments.Testing;
using Microsoft.Extensions.Configuration;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>The committed appsettings.json of each host (not the Development file: its values are no default elsewhere).</summary>
internal static class AppSettingsFiles
{
    private static readonly Dictionary<HostKind, IConfiguration> Files = new()
    {
        [HostKind.Api] = Load("Comments.Api"),
        [HostKind.Worker] = Load("Moderation.Worker"),
    };

    public static IEnumerable<HostKind> HostsOf(HostKind host) => host == HostKind.Both ? [HostKind.Api, HostKind.Worker] : [host];

    /// <summary>The value the host's appsettings.json gives the setting, converted to its type as the binder would.</summary>
    public static bool TryGet(HostKind host, Setting setting, out object? value)
    {
        var section = Files[host].GetSection(setting.Key);
        value = section.Exists() ? section.Get(setting.Type) : null;
        return section.Exists();
    }

    private static IConfiguration Load(string project) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(TestServices.RepositoryRoot, "src", project, "appsettings.json"), optional: false, reloadOnChange: false)
        .Build();
}
