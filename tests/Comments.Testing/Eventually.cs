namespace Comments.Testing;

/// <summary>
/// Waits for something the system does asynchronously (the worker deciding a comment): polls the probe until the
/// condition holds, and past the deadline fails with what it waited for and the last value it saw.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds:0} s waiting for {what}; last value: {value}");
            }
            await Task.Delay(50);
        }
    }
}
