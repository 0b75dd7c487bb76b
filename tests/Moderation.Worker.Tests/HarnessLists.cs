using MassTransit.Testing;

namespace Moderation.Worker.Tests;

/// <summary>
/// Reads what a test-harness list holds right now, without blocking a thread. The harness's synchronous
/// <c>Select</c> holds the list's lock while it yields and deadlocked CI when the harness stopped meanwhile; its
/// asynchronous <c>Any</c> gives up after a stretch without bus activity. So tests poll this in
/// <c>Eventually.Until</c>, which has the deadline and says what it waited for.
/// </summary>
internal static class HarnessLists
{
    public static async Task<int> CountNowAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> select) => (await ListNowAsync(select)).Count;

    public static async Task<List<T>> ListNowAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> select)
    {
        // A cancelled token makes SelectAsync yield the elements already recorded and return instead of waiting.
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        var list = new List<T>();
        await foreach (var element in select(now.Token))
        {
            list.Add(element);
        }
        return list;
    }

    public static Task<int> ConsumedNowAsync<T>(this IReceivedMessageList consumed, Func<IReceivedMessage<T>, bool> filter) where T : class =>
        CountNowAsync(now => consumed.SelectAsync<T>(m => filter(m), now));

    public static Task<int> PublishedNowAsync<T>(this IPublishedMessageList published, Func<IPublishedMessage<T>, bool> filter) where T : class =>
        CountNowAsync(now => published.SelectAsync<T>(m => filter(m), now));

    /// <summary>The messages of type T published so far that match.</summary>
    public static async Task<List<T>> PublishedMessagesNowAsync<T>(this IPublishedMessageList published, Func<T, bool> filter) where T : class =>
        [.. (await ListNowAsync(now => published.SelectAsync<T>(now))).Select(m => m.Context.Message).Where(filter)];
}
