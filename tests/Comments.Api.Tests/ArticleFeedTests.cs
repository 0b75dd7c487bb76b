using Comments.Api.Live;

namespace Comments.Api.Tests;

/// <summary>An article's feed alone: the bound on a slow stream and what a reconnect resumes from.</summary>
public sealed class ArticleFeedTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_stream_that_falls_behind_its_buffer_is_closed_and_resumes_from_the_recent_events_without_a_gap()
    {
        var feed = new ArticleFeed(recentEvents: 10, streamBuffer: 2, Now);
        var (slow, _) = feed.Open(null)!.Value;

        foreach (var n in new[] { "1", "2", "3", "4" })
        {
            feed.Publish(LiveEventKind.Comment, n, Now);
        }

        Assert.True(slow.Reader.TryRead(out var one));
        Assert.True(slow.Reader.TryRead(out var two));
        Assert.False(slow.Reader.TryRead(out _));
        Assert.True(slow.Reader.Completion.IsCompleted);
        var (_, resumed) = feed.Open(two!.Id.ToString())!.Value;
        Assert.Equal(["1", "2"], new[] { one!.Data, two.Data });
        Assert.Equal([LiveEventKind.Ready, LiveEventKind.Comment, LiveEventKind.Comment], resumed.Select(e => e.Kind));
        Assert.Equal(["3", "4"], resumed.Skip(1).Select(e => e.Data));
    }

    [Fact]
    public void A_reader_further_behind_than_the_recent_events_or_from_another_feed_is_told_to_reload()
    {
        var feed = new ArticleFeed(recentEvents: 3, streamBuffer: 10, Now);
        var (_, opening) = feed.Open(null)!.Value;
        var start = opening[0].Id;
        for (var i = 0; i < 3; i++)
        {
            feed.Publish(LiveEventKind.Comment, "x", Now);
        }
        Assert.Equal(LiveEventKind.Ready, feed.Open(start.ToString())!.Value.Opening[0].Kind);

        feed.Publish(LiveEventKind.Comment, "one too many", Now);

        Assert.Equal(LiveEventKind.Reset, feed.Open(start.ToString())!.Value.Opening[0].Kind);
        Assert.Equal(LiveEventKind.Reset, feed.Open(new ArticleFeed(3, 10, Now).Open(null)!.Value.Opening[0].Id.ToString())!.Value.Opening[0].Kind);
        Assert.Equal(LiveEventKind.Reset, feed.Open(new LiveEventId(start.Feed, 99).ToString())!.Value.Opening[0].Kind);
    }

    [Fact]
    public void A_feed_is_let_go_only_after_its_last_stream_left_for_the_resume_window()
    {
        var feed = new ArticleFeed(3, 10, Now);
        var (stream, _) = feed.Open(null)!.Value;
        Assert.False(feed.TryClose(Now.AddHours(1), TimeSpan.FromMinutes(2)));

        feed.Leave(stream, Now.AddHours(1));

        Assert.False(feed.TryClose(Now.AddHours(1).AddMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.True(feed.TryClose(Now.AddHours(1).AddMinutes(2), TimeSpan.FromMinutes(2)));
        Assert.Null(feed.Open(null));
    }

    [Fact]
    public void A_stream_closed_for_being_slow_keeps_its_feed_for_the_resume_window_from_then()
    {
        var feed = new ArticleFeed(recentEvents: 10, streamBuffer: 1, Now);
        feed.Open(null);

        feed.Publish(LiveEventKind.Comment, "1", Now.AddHours(1));
        feed.Publish(LiveEventKind.Comment, "2", Now.AddHours(1));

        Assert.False(feed.TryClose(Now.AddHours(1).AddMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.True(feed.TryClose(Now.AddHours(1).AddMinutes(2), TimeSpan.FromMinutes(2)));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Streams_count_per_IPv4_address_or_IPv6_64_prefix(string address, string key) =>
        Assert.Equal(key, LiveClient.KeyOf(System.Net.IPAddress.Parse(address)));
}
