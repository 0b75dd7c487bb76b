using Comments.Api.Infrastructure;
namespace Comments.Api.Comments;

/// <summary>Checks a reader's input before anything is sent or stored. Each failure names its field.</summary>
public static class CommentValidation
{
    public static Dictionary<string, string[]> ValidatePost(string articleId, PostCommentRequest? request, CommentOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ArticleKey.IsValid(articleId))
        {
            errors["articleId"] = [ArticleKey.Rule];
        }
        foreach (var (field, messages) in ValidateBody(request?.Body, options))
        {
            errors[field] = messages;
        }
        return errors;
    }

    public static Dictionary<string, string[]> ValidateBody(string? text, CommentOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        var body = text?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors["body"] = ["body is required and must not be blank."];
        }
        else if (body.Length > options.MaxBodyLength)
        {
            errors["body"] = [$"body must be at most {options.MaxBodyLength} characters (it has {body.Length})."];
        }
        else if (body.Contains('\0'))
        {
            errors["body"] = ["body must not contain NUL characters."];
        }
        return errors;
    }
}
