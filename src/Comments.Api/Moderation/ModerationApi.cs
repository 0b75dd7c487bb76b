namespace Comments.Api.Moderation;

/// <summary>The moderator workbench, all of it for moderators and admins only.</summary>
public static class ModerationApi
{
    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        app.MapModerationSettingsApi();
        app.MapArticleSettingsApi();
        app.MapExamplesApi();
        app.MapQueuesApi();
        app.MapSearchApi();
        app.MapDecisionsApi();
        app.MapEditorsPicksApi();
        app.MapUsersApi();
        app.MapHistoryApi();
        app.MapStatsApi();
        return app;
    }
}
