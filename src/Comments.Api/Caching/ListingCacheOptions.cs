using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Caching;

/// <summary>
/// Section <c>ListingCache</c>. Public listings and stats are kept in the output cache for at most
/// <see cref="Duration"/>; any change to an article's comments evicts its entries sooner (see <see cref="ListingCache"/>).
/// Zero turns the cache off.
/// </summary>
public sealed class ListingCacheOptions
{
    public const string SectionName = "ListingCache";

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);
}
