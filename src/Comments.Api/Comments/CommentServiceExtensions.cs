using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Comments.Api.Comments;

public static class CommentServiceExtensions
{
    public static IHostApplicationBuilder AddCommentServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        // Retry outside, a deadline per attempt inside: a send with confirms can hang after a broker restart
        // (rabbitmq-dotnet-client #1928/#1930), so no attempt may wait for ever.
        builder.Services.AddResiliencePipeline(BrokerIntake.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<IntakeOptions>>().Value;
            pipeline
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.RetryAttempts,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                })
                .AddTimeout(options.AttemptTimeout);
        });
        builder.Services.AddScoped<BrokerIntake>();
        return builder;
    }
}
