using Comments.Api.Infrastructure;
using Comments.Moderation.Language;
using Microsoft.Extensions.Localization;
namespace Comments.Api.Comments;

/// <summary>Checks a reader's input before anything is sent or stored. Each failure names its field, in the reader's language.</summary>
public static class CommentValidation
{
    public static Dictionary<string, string[]> ValidatePost(string articleId, PostCommentRequest? request, CommentOptions options, IStringLocalizer readerText)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ArticleKey.IsValid(articleId))
        {
            errors["articleId"] = [ArticleKey.Rule];
        }
        foreach (var (field, messages) in ValidateBody(request?.Body, options, readerText))
        {
            errors[field] = messages;
        }
        return errors;
    }

    public static Dictionary<string, string[]> ValidateBody(string? text, CommentOptions options, IStringLocalizer readerText)
    {
        var errors = new Dictionary<string, string[]>();
        var body = text?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors["body"] = [readerText[ReaderKeys.BodyBlank]];
        }
        else if (body.Length > options.MaxBodyLength)
        {
            errors["body"] = [readerText.Say(ReaderKeys.BodyTooLong, ("max", options.MaxBodyLength), ("length", body.Length))];
        }
        else if (body.Contains('\0'))
        {
            errors["body"] = [readerText[ReaderKeys.BodyNul]];
        }
        return errors;
    }
}
