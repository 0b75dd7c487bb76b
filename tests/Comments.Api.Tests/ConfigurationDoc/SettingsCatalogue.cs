using System.Reflection;
using Comments.Api.Auth;
using Comments.Api.Caching;
using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Pages;
using Comments.Api.Proxies;
using Comments.Api.RateLimiting;
using Comments.ServiceDefaults;
using Comments.Storage;
using Moderation.Worker.Comments;
using Moderation.Worker.Learning;
using Moderation.Worker.Retention;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>
/// Every setting the hosts read: each public settable property of the options classes under their <c>SectionName</c>,
/// and the few keys read straight from <c>IConfiguration</c>. <see cref="HostReadsTests"/> checks the hosts really
/// read all of them and bind no options class missing here.
/// </summary>
internal static class SettingsCatalogue
{
    public static readonly (Type Options, HostKind Host)[] OptionsClasses =
    [
        (typeof(RabbitMqOptions), HostKind.Both),
        (typeof(global::Comments.Moderation.Notifications.NotificationOptions), HostKind.Both),
        (typeof(AuthOptions), HostKind.Api),
        (typeof(CommentOptions), HostKind.Api),
        (typeof(IntakeOptions), HostKind.Api),
        (typeof(global::Comments.Api.Infrastructure.PendingRows.PendingRowOptions), HostKind.Api),
        (typeof(global::Comments.Api.Infrastructure.ArticleStates.ArticleStateOptions), HostKind.Api),
        (typeof(RateLimitOptions), HostKind.Api),
        (typeof(ListingCacheOptions), HostKind.Api),
        (typeof(global::Comments.Api.Standing.StandingsOptions), HostKind.Api),
        (typeof(global::Comments.Api.Live.LiveOptions), HostKind.Api),
        (typeof(ProxyOptions), HostKind.Api),
        (typeof(WorkbenchOptions), HostKind.Api),
        (typeof(global::Comments.Api.Ignoring.IgnoreOptions), HostKind.Api),
        (typeof(global::Comments.Api.Support.HelpPreviewOptions), HostKind.Api),
        (typeof(global::Comments.Api.Privacy.PrivacyOptions), HostKind.Api),
        (typeof(global::Comments.Api.Legal.LegalNoticeOptions), HostKind.Api),
        (typeof(ConsumerOptions), HostKind.Worker),
        (typeof(RetentionOptions), HostKind.Worker),
        (typeof(global::Moderation.Worker.Brigades.BrigadeWatchOptions), HostKind.Worker),
        (typeof(global::Moderation.Worker.Pipeline.PostingLimitOptions), HostKind.Worker),
        (typeof(RetrainingOptions), HostKind.Worker),
        (typeof(global::Moderation.Worker.Mail.SmtpOptions), HostKind.Worker),
        (typeof(global::Moderation.Worker.Notifications.NotificationDigestOptions), HostKind.Worker),
    ];

    /// <summary>Keys read without an options class; their code defaults are written here by hand, from the code that reads them.</summary>
    public static readonly Setting[] RawKeys =
    [
        new($"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}", HostKind.Both, typeof(string), null, "DatabaseExtensions"),
        new(DatabaseExtensions.MaxPoolSizeKey, HostKind.Both, typeof(int), DatabaseExtensions.DefaultMaxPoolSize, "DatabaseExtensions"),
        new(DatabaseExtensions.MaxAutoPrepareKey, HostKind.Both, typeof(int), DatabaseExtensions.DefaultMaxAutoPrepare, "DatabaseExtensions"),
        new(ObservabilityExtensions.OtlpEndpointKey, HostKind.Both, typeof(string), null, "ObservabilityExtensions"),
        new(EmbedCors.SectionName, HostKind.Api, typeof(string[]), Array.Empty<string>(), "EmbedCors"),
        new($"ConnectionStrings:{StorageServiceCollectionExtensions.ReadConnectionStringName}", HostKind.Api, typeof(string), null, "DatabaseExtensions"),
        new(SecurityHeaders.FrameAncestorsSetting, HostKind.Api, typeof(string), SecurityHeaders.DefaultFrameAncestors, "SecurityHeaders"),
        new(MetricsAccess.AllowedNetworksKey, HostKind.Api, typeof(string[]), Array.Empty<string>(), "MetricsAccess"),
        // Read by both hosts, but only the worker has a scrape port of its own; the API serves /metrics on its own port.
        new(ObservabilityExtensions.ListenerPortKey, HostKind.Worker, typeof(int), 0, "ObservabilityExtensions"),
    ];

    public static IReadOnlyList<Setting> All { get; } =
        OptionsClasses.SelectMany(c => FromOptions(c.Options, c.Host)).Concat(RawKeys).ToList();

    /// <summary>Computed properties such as <c>Auth:PublishedKeys</c>: the binder looks them up but cannot set them.</summary>
    public static IReadOnlySet<string> ReadOnlyProperties { get; } = OptionsClasses
        .SelectMany(c => c.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not { IsPublic: true }).Select(p => $"{SectionOf(c.Options)}:{p.Name}"))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string SectionOf(Type options) =>
        options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{options.Name} has no `public const string SectionName`: add one and bind with it.");

    /// <summary>What the configuration binder sets: public instance properties with a public setter.</summary>
    private static IEnumerable<Setting> FromOptions(Type options, HostKind host)
    {
        var section = SectionOf(options);
        var defaults = Activator.CreateInstance(options)!;
        return options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => new Setting($"{section}:{p.Name}", host, p.PropertyType, p.GetValue(defaults), $"{options.Name}.{p.Name}"));
    }
}
