using Comments.Storage.Support;

namespace Comments.Api.Support;

/// <summary>The general answer to each help category: what a reader can check or do before writing to support.</summary>
public static class HelpAdvice
{
    public static string For(HelpRequestCategory? category) => category switch
    {
        HelpRequestCategory.CantPost => "Check that you are signed in and that the article still takes comments. If posting fails with a message, that message says why.",
        HelpRequestCategory.CommentMissing => "New comments can wait for a moderator before they appear. Signed in, \"My comments\" shows where each of yours stands and why.",
        HelpRequestCategory.CommentRemoved => "Moderators remove comments that break the community guidelines; signed in, \"My comments\" shows the reason for each. You can still ask us to look again.",
        HelpRequestCategory.AccountOrLogin => "Signing in is handled by this news site's account pages; problems with a password or login are best solved there.",
        HelpRequestCategory.BannedOrSuspended => "A suspension ends by itself at the time shown. Signed in, this form tells you until when and why.",
        HelpRequestCategory.ReportAbuse => "Use the Report button under a comment and a moderator will look at it; tell us here if someone is harassing you.",
        HelpRequestCategory.Technical => "Reloading the page fixes most display problems. If it does not, tell us your browser and what you see.",
        _ => "Tell us what happened and we will answer.",
    };
}
