using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Infrastructure.Validation;

/// <summary>A host site's article key (<see cref="ArticleKey"/>); null passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ArticleIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is not string articleId || ArticleKey.IsValid(articleId) ? ValidationResult.Success : new ValidationResult(ArticleKey.Rule);
}
