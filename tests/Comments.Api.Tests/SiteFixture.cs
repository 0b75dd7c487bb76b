using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// An API serving a site of its own, so that tests can change that site's settings and word lists without
/// touching the default site the other tests use. The shared worker moderates its comments too.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public string SiteId { get; } = $"site-{Guid.NewGuid():N}"[..20];

    public ApiFactory Api { get; private set; } = null!;

    public HttpClient Moderator { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = SiteId });
        Api.StartServer();
        Moderator = Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo Derator", "moderator");
        return TestServices.EnsureMigratedAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
