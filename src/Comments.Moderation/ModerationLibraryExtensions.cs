using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Examples;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Moderation;

public static class ModerationLibraryExtensions
{
    /// <summary>
    /// The classifiers (each loaded once, on its first use; <see cref="ContentAnalyzerWarmup"/> loads them at start
    /// where every comment needs them), the compiled word-list cache and the settings store.
    /// </summary>
    public static IServiceCollection AddContentModeration(this IServiceCollection services)
    {
        services.AddSingleton(_ => ContentAnalyzer.LoadShipped());
        services.AddSingleton<ModelRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelRefresher>());
        services.AddSingleton<CompiledCache<WordMatcher>>();
        services.AddSingleton<CompiledCache<ExampleBank>>();
        services.AddScoped<SiteModerationStore>();
        services.AddScoped<ArticleSettingsStore>();
        // The reader text catalogue (Language/ReaderText): no ResourcesPath, the resources sit beside their marker type.
        services.AddLocalization();
        return services;
    }
}
