namespace Comments.Api.Legal;

/// <summary>Notices of illegal content (public) and the legal queue (moderators): Digital Services Act articles 16 and 23.</summary>
public static class LegalApi
{
    public static IEndpointRouteBuilder MapLegalApi(this IEndpointRouteBuilder app)
    {
        app.MapNoticesApi();
        app.MapLegalQueueApi();
        return app;
    }
}
