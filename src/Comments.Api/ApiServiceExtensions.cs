using Comments.Api.Privacy;
using Comments.Api.Auth;
using Comments.Api.Caching;
using Comments.Api.Comments;
using Comments.Api.Contract;
using Comments.Api.Errors;
using Comments.Api.Events;
using Comments.Api.Health;
using Comments.Api.Ignoring;
using Comments.Api.Infrastructure.ArticleStates;
using Comments.Api.Infrastructure.Validation;
using Comments.Api.Language;
using Comments.Api.Legal;
using Comments.Api.Live;
using Comments.Api.Moderation;
using Comments.Api.Observability;
using Comments.Api.Pages;
using Comments.Api.Proxies;
using Comments.Api.RateLimiting;
using Comments.Api.Replication;
using Comments.Api.Standing;
using Comments.Api.Statements;
using Comments.Api.Support;
using Comments.Moderation;
using Comments.Moderation.Notifications;
using Comments.ServiceDefaults;

namespace Comments.Api;

public static class ApiServiceExtensions
{
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults("comments-api", bus =>
        {
            bus.AddConsumer<ListingCacheEviction>()
                .Endpoint(endpoint => { endpoint.Temporary = true; endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12]; });
            bus.AddConsumer<ArticleStateEviction>()
                .Endpoint(endpoint => { endpoint.Temporary = true; endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12]; });
            bus.AddLiveRelay();
            bus.AddStandingUpdates();
        });
        builder.AddLive();
        builder.AddListingCache();
        builder.AddPublicReads();
        builder.AddReaderStandings();
        builder.AddJwtAuthentication();
        builder.AddHealth();
        builder.AddCommentServices();
        builder.Services.AddContentModeration();
        builder.AddForwardedHeaders();
        builder.AddContract();
        builder.AddRateLimits();
        builder.AddEmbedCors();
        builder.AddReaderLanguages();
        builder.AddLegalNotices();
        builder.Services.AddScoped<EventPublisher>();
        builder.Services.AddSingleton<IntakeMetrics>();
        builder.Services.AddSingleton<HelpPreviewMetrics>();
        builder.Services.AddSingleton<ComplaintMetrics>();
        builder.Services.AddScoped<StatementComplaints>();
        builder.Services.AddOptions<HelpPreviewOptions>().BindConfiguration(HelpPreviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WorkbenchOptions>().BindConfiguration(WorkbenchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ModeratorDecisions>();
        builder.Services.AddOptions<IgnoreOptions>().BindConfiguration(IgnoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<IgnoredAuthors>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DataExport>();
        builder.Services.AddScoped<ErasureRequests>();
        builder.Services.AddScoped<IMailSender, OutboxMailSender>();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ValidationFieldNames.UseJsonNames);
        // Request records say their rules with annotations (Infrastructure/Validation); a failure is a 400 ValidationProblem before the handler runs.
        builder.Services.AddValidation();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, wrong types, oversize bodies) throw, so that ApiExceptionHandler
        // answers them with a ProblemDetails that says what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }
}
