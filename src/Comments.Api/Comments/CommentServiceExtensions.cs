using Comments.Api.Infrastructure;
using Comments.Api.Infrastructure.ArticleStates;
using Comments.Api.Infrastructure.PendingRows;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
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

        // Retry outside, then the circuit breaker, a deadline per attempt inside: a send with confirms can hang after a
        // broker restart (rabbitmq-dotnet-client #1928/#1930), so no attempt may wait for ever; and while the broker is
        // away the open circuit answers at once instead of leaving thousands of abandoned sends waiting for it.
        builder.Services.AddResiliencePipeline(BrokerIntake.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<IntakeOptions>>().Value;
            if (options.RetryAttempts > 0)
            {
                pipeline.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.RetryAttempts,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not BrokenCircuitException),
                });
            }
            pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = options.BreakerSamplingDuration,
                    BreakDuration = options.BreakerBreakDuration,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                })
                .AddTimeout(options.AttemptTimeout);
        });
        builder.Services.AddResiliencePipeline(OptionalDatabaseWork.PipelineName, OptionalDatabaseWork.Configure);
        builder.Services.AddSingleton<OptionalDatabaseWork>();
        builder.Services.AddSingleton<PostRefusals>();
        builder.Services.AddSingleton<SlowModeGate>();
        builder.Services.AddSingleton<ArticleCheck>();
        builder.Services.AddOptions<ArticleStateOptions>().BindConfiguration(ArticleStateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ArticleStateCache>();
        builder.Services.AddOptions<PendingRowOptions>().BindConfiguration(PendingRowOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PendingRowWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PendingRowWriter>());
        builder.Services.AddScoped<BrokerIntake>();
        return builder;
    }
}
