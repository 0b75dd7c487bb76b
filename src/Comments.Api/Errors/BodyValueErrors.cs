using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Comments.Api.Errors;

/// <summary>
/// A body value JSON could not read (an unknown enum name, a string for a number) as a validation error on its
/// field, in the shape every other validation error has; for an enum, with the names it accepts.
/// </summary>
public static class BodyValueErrors
{
    public static Dictionary<string, string[]>? From(HttpContext context, BadHttpRequestException exception)
    {
        if (exception.InnerException is not JsonException { Path: ['$', '.', .. var path] })
        {
            return null;
        }
        var field = path;
        // The exception handler has cleared the request's endpoint; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            type = property is null ? null : ElementOf(property.PropertyType);
        }
        var message = type is { IsEnum: true }
            ? $"{field} must be one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))}."
            : $"{field} has a value of the wrong type or format.";
        return new Dictionary<string, string[]> { [field] = [message] };
    }

    private static Type ElementOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsArray ? type.GetElementType()!
            : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? Nullable.GetUnderlyingType(element) ?? element
            : type;
    }
}
