namespace Comments.Api.Legal;

public static class LegalServiceExtensions
{
    /// <summary>Notices of illegal content and the legal queue (Digital Services Act articles 16 and 23).</summary>
    public static IHostApplicationBuilder AddLegalNotices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LegalNoticeOptions>().BindConfiguration(LegalNoticeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NotifierKeys>();
        builder.Services.AddScoped<NoticeDecisions>();
        builder.Services.AddScoped<NotifierSuspensions>();
        return builder;
    }
}
