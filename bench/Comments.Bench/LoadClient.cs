namespace Comments.Bench;

/// <summary>
/// The load generator's HTTP client: requests spread over the given addresses in turn (the APIs; one for the skeleton),
/// enough connections for every caller at once.
/// </summary>
public static class LoadClient
{
    public static HttpClient For(IReadOnlyList<Uri> addresses) =>
        Harness.RoundRobinApis.CreateClient(addresses, new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }, TimeSpan.FromSeconds(30));
}
