using System.Text.Json;

namespace Comments.Api.Infrastructure.Validation;

/// <summary>AddValidation names a failed field as C# does ("Body", "Items[0].Note"); the contract names it as JSON does ("body").</summary>
public static class ValidationFieldNames
{
    public static void UseJsonNames(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } problem)
        {
            return;
        }
        var renamed = problem.Errors.ToDictionary(pair => JsonName(pair.Key), pair => pair.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in renamed)
        {
            problem.Errors[field] = messages;
        }
    }

    private static string JsonName(string path) => string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
