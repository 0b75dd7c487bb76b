using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comments.Storage;

/// <summary>Stores an enum as its lower-case name, the same spelling the HTTP contract uses.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;
