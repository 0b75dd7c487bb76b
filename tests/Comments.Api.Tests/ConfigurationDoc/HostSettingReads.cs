using Comments.Api.Health;
using Comments.Api.Pages;
using Comments.ServiceDefaults;
using Comments.Storage;
using Comments.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Worker;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>The keys a host asked for while it was built and its options were bound, and the options classes it binds.</summary>
internal sealed record HostReads(IReadOnlySet<string> Keys, IReadOnlyList<Type> BoundOptions);

/// <summary>Builds a host as Program.cs does, without starting it (no database or broker is touched), on a recording configuration.</summary>
internal static class HostSettingReads
{
    /// <summary>The key put in each options section so that the binder reads its properties.</summary>
    public const string Probe = nameof(HostSettingReads);

    /// <summary>
    /// What the hosts need to build: a connection string (never opened) and no scrape listener. And one unknown key in
    /// each options section: the binder reads a section's properties only when the section has keys.
    /// </summary>
    private static Dictionary<string, string?> Values(HostKind host)
    {
        var values = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}"] = "Host=127.0.0.1;Database=never-opened",
            [ObservabilityExtensions.ListenerPortKey] = "0",
        };
        foreach (var (options, _) in OptionsClassesOf(host))
        {
            values[$"{SettingsCatalogue.SectionOf(options)}:{Probe}"] = "ignored";
        }
        return values;
    }

    public static async Task<HostReads> ApiAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = ProjectDirectory("Comments.Api") });
        var recorder = Record(builder, HostKind.Api);
        builder.AddApiServices();
        await using var app = builder.Build();
        // The parts of Program.cs's pipeline that read configuration themselves.
        app.UseSecurityHeaders();
        app.MapHealthEndpoints();
        return Read(recorder, builder.Services, app.Services, HostKind.Api);
    }

    public static async Task<HostReads> WorkerAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", ContentRootPath = ProjectDirectory("Moderation.Worker") });
        var recorder = Record(builder, HostKind.Worker);
        builder.AddModerationServices();
        var host = builder.Build();
        await using (host as IAsyncDisposable)
        {
            return Read(recorder, builder.Services, host.Services, HostKind.Worker);
        }
    }

    private static string ProjectDirectory(string project) => Path.Combine(TestServices.RepositoryRoot, "src", project);

    private static RecordingConfigurationSource Record(IHostApplicationBuilder builder, HostKind host)
    {
        var recorder = new RecordingConfigurationSource(Values(host));
        builder.Configuration.Add(recorder);
        return recorder;
    }

    /// <summary>Binds every listed options class of the host (as its first use would) and collects what was asked.</summary>
    private static HostReads Read(RecordingConfigurationSource recorder, IServiceCollection services, IServiceProvider provider, HostKind host)
    {
        foreach (var (options, _) in OptionsClassesOf(host))
        {
            var accessor = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(options));
            _ = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
        }
        // BindConfiguration registers a change token source per options class bound to a section.
        var bound = services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GenericTypeArguments[0])
            .Where(t => t.Namespace?.Split('.')[0] is "Comments" or "Moderation")
            .Distinct().ToList();
        return new HostReads(recorder.Asked.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), bound);
    }

    private static IEnumerable<(Type Options, HostKind Host)> OptionsClassesOf(HostKind host) =>
        SettingsCatalogue.OptionsClasses.Where(c => c.Host == host || c.Host == HostKind.Both);
}
