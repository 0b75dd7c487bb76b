namespace Comments.Harness;

/// <summary>
/// The load balancer in front of the APIs: each request goes to the next API in turn, so one reader's posts land on
/// all of them. A refused connection (that API is down; the request never left) moves on to the next API, as a
/// balancer's retry on connect errors does; a request cut off mid-way is never sent again: its client gets no answer.
/// </summary>
public sealed class RoundRobinApis(IReadOnlyList<Uri> apis, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _next = -1;

    /// <summary>A client whose relative addresses go to the APIs in turn.</summary>
    public static HttpClient CreateClient(IReadOnlyList<Uri> apis, SocketsHttpHandler handler, TimeSpan timeout) =>
        new(new RoundRobinApis(apis, handler)) { BaseAddress = apis[0], Timeout = timeout };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var first = (uint)Interlocked.Increment(ref _next);
        for (var tried = 0; ; tried++)
        {
            var api = apis[(int)((first + tried) % apis.Count)];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = api.Host, Port = api.Port }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError && tried + 1 < apis.Count)
            {
                // Not connected, so nothing was sent: the next API gets it.
            }
        }
    }
}
