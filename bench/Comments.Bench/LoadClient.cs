namespace Comments.Bench;

/// <summary>The load generator's HTTP client for one base address: enough connections for every caller at once.</summary>
public static class LoadClient
{
    public static HttpClient For(string baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
}
