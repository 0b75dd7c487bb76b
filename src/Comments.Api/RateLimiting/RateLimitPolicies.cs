namespace Comments.Api.RateLimiting;

public static class RateLimitPolicies
{
    public const string Posting = "posting";
    public const string Reports = "reports";
    public const string Reactions = "reactions";
    public const string HelpRequests = "help-requests";
    public const string HelpPreviews = "help-previews";
    public const string HelpRequestLookups = "help-request-lookups";
    public const string DraftChecks = "draft-checks";
    public const string LiveOpens = "live-opens";
    public const string Notices = "notices";
    public const string DataExports = "data-exports";
}
