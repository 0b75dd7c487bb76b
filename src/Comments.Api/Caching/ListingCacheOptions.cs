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

    /// <summary>The most the cached answers may take together; the least used go first (ASP.NET Core's default is 100 MB, more than the API's whole memory budget of 250 MB allows).</summary>
    [Range(1, 4_096)] public int SizeLimitMegabytes { get; set; } = 24;
}
