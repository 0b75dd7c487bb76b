using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comments.Storage;

/// <summary>Stores an enum as its wire name (<see cref="WireNames{TEnum}"/>), so a column reads as the HTTP contract does.</summary>
public sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireNames<TEnum>.Name(value),
    text => WireNames<TEnum>.Parse(text))
    where TEnum : struct, Enum;
