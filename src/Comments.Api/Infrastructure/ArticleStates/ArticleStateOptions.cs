using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Infrastructure.ArticleStates;

/// <summary>
/// How long an API instance keeps an article's settings for its posts (section <c>ArticleStates</c>). A change is
/// evicted at once by its event on every instance; the lifetime only bounds how long a missed event can go unnoticed.
/// </summary>
public sealed class ArticleStateOptions
{
    public const string SectionName = "ArticleStates";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")] public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
    [Range(1, 10_000_000)] public int MaxArticles { get; set; } = 100_000;
}
