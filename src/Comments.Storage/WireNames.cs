using System.Text.Json;

namespace Comments.Storage;

/// <summary>The one spelling of an enum outside the code (HTTP, database, messages, metrics): snake_case, as JsonNamingPolicy.SnakeCaseLower writes it.</summary>
public static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static IReadOnlyCollection<string> All => Values.Keys;

    /// <summary>"one of a, b, c": for error messages.</summary>
    public static string OneOf => $"one of {string.Join(", ", Values.Keys)}";

    public static string Name(TEnum value) => Names[value];

    public static bool TryParse(string? name, out TEnum value) => Values.TryGetValue(name ?? "", out value);

    public static TEnum Parse(string name) =>
        TryParse(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}: {OneOf}.");
}

public static class WireNameExtensions
{
    public static string WireName<TEnum>(this TEnum value) where TEnum : struct, Enum => WireNames<TEnum>.Name(value);
}
