using Comments.Moderation.Language;
using Comments.Storage.Support;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Support;

/// <summary>The general answer to each help category: what a reader can check or do before writing to support.</summary>
public static class HelpAdvice
{
    public static string For(IStringLocalizer<ReaderText> text, HelpRequestCategory? category) => text[category switch
    {
        HelpRequestCategory.CantPost => ReaderKeys.AdviceCantPost,
        HelpRequestCategory.CommentMissing => ReaderKeys.AdviceCommentMissing,
        HelpRequestCategory.CommentRemoved => ReaderKeys.AdviceCommentRemoved,
        HelpRequestCategory.AccountOrLogin => ReaderKeys.AdviceAccountOrLogin,
        HelpRequestCategory.BannedOrSuspended => ReaderKeys.AdviceBannedOrSuspended,
        HelpRequestCategory.ReportAbuse => ReaderKeys.AdviceReportAbuse,
        HelpRequestCategory.Technical => ReaderKeys.AdviceTechnical,
        _ => ReaderKeys.AdviceOther,
    }];
}
