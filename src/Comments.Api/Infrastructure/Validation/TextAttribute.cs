using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Comments.Api.Infrastructure.Validation;

/// <summary>Free text a person typed: <paramref name="minimum"/> to <paramref name="maximum"/> characters once trimmed, no NUL. Null passes unless a minimum is set.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextAttribute(int minimum, int maximum) : ValidationAttribute
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var text = (value as string)?.Trim();
        var field = FieldName(context);
        if (text is null && Minimum == 0)
        {
            return ValidationResult.Success;
        }
        if (text is null || text.Length < Minimum || text.Length > Maximum)
        {
            return new ValidationResult(Minimum == 0 ? $"{field} must be at most {Maximum:N0} characters." : $"{field} must be {Minimum:N0} to {Maximum:N0} characters.");
        }
        return text.Contains('\0') ? new ValidationResult($"{field} must not contain NUL characters.") : ValidationResult.Success;
    }

    /// <summary>The field as the request spells it.</summary>
    public static string FieldName(ValidationContext context) => JsonNamingPolicy.CamelCase.ConvertName(context.MemberName ?? context.DisplayName);
}
